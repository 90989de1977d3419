import type { Diagnostic, FileSource } from '@spacelint/core';
import type { DiagnosisCause as HubDiagnosisCause } from '@spacelint/hub';
import { ToolError } from './tool.js';

/**
 * Everything the MCP tools ask of the Hub, in one interface. The implementation below is the only code that
 * knows @spacelint/hub's API; it is imported on first use (never at start-up) and uses the server's own
 * HF_TOKEN and HF_ENDPOINT only: a token sent by an MCP client is never passed through to the Hub.
 */
export interface SpaceRuntimeView {
  stage: string;
  hardware: { current: string | null; requested: string | null };
  /** Seconds of inactivity before the Space sleeps (`gcTimeout`); null = never or unknown. */
  sleepTimeSeconds: number | null;
  errorMessage?: string;
  sdk?: string;
}

/** A likely cause as @spacelint/hub's diagnoseSpace gives it; its findings travel once, in `diagnostics`. */
export type DiagnosisCause = Omit<HubDiagnosisCause, 'diagnostics'>;

export type LintedFinding = Diagnostic;

export interface DiagnosisView {
  spaceUrl: string;
  runtime: SpaceRuntimeView;
  healthy: boolean;
  causes: DiagnosisCause[];
  diagnostics: LintedFinding[];
  /** A few sentences for a person: stage, most likely cause, its fix. */
  summary: string;
  /** Why a log could not be read, or the lint could not run. */
  notes: string[];
}

export interface DeployView {
  spaceUrl: string;
  commitUrl: string;
  commitOid: string;
  uploaded: string[];
  deleted: string[];
  skipped: number;
  forced: boolean;
  diagnostics: LintedFinding[];
}

/** A deploy the lint refused (error-level findings and no `force`): nothing was uploaded. */
export class DeployRefused extends Error {
  constructor(message: string, readonly diagnostics: LintedFinding[]) {
    super(message);
    this.name = 'DeployRefused';
  }
}

export interface HubOperations {
  /** The files of `owner/name[@revision]` as a FileSource for the lint. */
  spaceSource(space: string, revision: string | undefined): FileSource;
  runtime(space: string, signal: AbortSignal): Promise<SpaceRuntimeView>;
  logs(space: string, kind: 'build' | 'run', lines: number, signal: AbortSignal): Promise<string[]>;
  diagnose(space: string, signal: AbortSignal): Promise<DiagnosisView>;
  createSpace(options: { space: string; sdk: string; private?: boolean; hardware?: string }, signal: AbortSignal): Promise<{ url: string }>;
  /** Lints exactly the files it uploads; throws DeployRefused on error-level findings unless `force`. */
  deploy(
    options: { path: string; space: string; message?: string; force: boolean; onProgress(message: string, fraction: number | undefined): void },
    signal: AbortSignal,
  ): Promise<DeployView>;
  setSecret(space: string, key: string, value: string, description: string | undefined, signal: AbortSignal): Promise<void>;
  deleteSecret(space: string, key: string, signal: AbortSignal): Promise<void>;
  setVariable(space: string, key: string, value: string, description: string | undefined, signal: AbortSignal): Promise<void>;
  deleteVariable(space: string, key: string, signal: AbortSignal): Promise<void>;
  setHardware(space: string, flavor: string, signal: AbortSignal): Promise<SpaceRuntimeView>;
  setSleepTime(space: string, seconds: number, signal: AbortSignal): Promise<SpaceRuntimeView>;
  restart(space: string, factory: boolean, signal: AbortSignal): Promise<SpaceRuntimeView>;
  pause(space: string, signal: AbortSignal): Promise<SpaceRuntimeView>;
}

/** Lazy access to the Hub: the package loads on the first Hub tool call. */
export class HubAccess {
  private loading?: Promise<HubOperations>;

  constructor(private readonly settings: { token?: string; endpoint?: string }) {}

  /** Whether the server has a token of its own (Hub tools that change things need one). */
  get hasToken(): boolean {
    return !!this.settings.token;
  }

  operations(): Promise<HubOperations> {
    this.loading ??= loadHubOperations(this.settings).catch((error) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }
}

/**
 * The part of @spacelint/hub this server uses (its public API: HubClient, deploySpace, diagnoseSpace,
 * HubSpaceSource). Declared here because the package is built on its own branch; once merged, these can be
 * replaced by its own types.
 */
interface HubRuntime {
  stage: string;
  hardware: { current: string | null; requested: string | null };
  errorMessage?: string;
  sleepTimeSeconds: number | null;
  sdk?: string;
}

interface HubClientLike {
  getRuntime(id: string): Promise<HubRuntime>;
  tailLogs(id: string, kind: 'build' | 'run', options?: { lines?: number; signal?: AbortSignal }): Promise<{ timestamp: string; text: string }[]>;
  createSpace(id: string, options: { sdk: string; private?: boolean; hardware?: string }): Promise<{ id: string; url: string }>;
  setSecret(id: string, key: string, value: string, options?: { description?: string }): Promise<void>;
  deleteSecret(id: string, key: string): Promise<void>;
  setVariable(id: string, key: string, value: string, options?: { description?: string }): Promise<unknown>;
  deleteVariable(id: string, key: string): Promise<unknown>;
  requestHardware(id: string, flavor: string): Promise<HubRuntime>;
  setSleepTime(id: string, seconds: number): Promise<HubRuntime>;
  restart(id: string, options?: { factory?: boolean }): Promise<HubRuntime>;
  pause(id: string): Promise<HubRuntime>;
}

interface HubModule {
  HubClient: new (options: { token?: string; endpoint?: string; env?: Record<string, string | undefined> }) => HubClientLike;
  HubSpaceSource: new (hub: HubClientLike, ref: string | { id: string; revision?: string }) => FileSource;
  deploySpace(options: {
    hub: HubClientLike;
    dir: string;
    space: string;
    force?: boolean;
    message?: string;
    create?: false;
    onProgress?: (event: { phase: string; message: string; progress?: number }) => void;
    signal?: AbortSignal;
  }): Promise<{
    spaceUrl: string;
    commit: { oid: string; url: string };
    forced: boolean;
    diagnostics: LintedFinding[];
    uploaded: string[];
    deleted: string[];
    skipped: unknown[];
  }>;
  diagnoseSpace(options: { hub: HubClientLike; space: string; signal?: AbortSignal }): Promise<{
    spaceUrl: string;
    runtime: HubRuntime;
    healthy: boolean;
    causes: (DiagnosisCause & { diagnostics?: unknown })[];
    logs: { unavailable: { build?: string; run?: string } };
    diagnostics: LintedFinding[];
    lintError?: string;
    summary: string;
  }>;
}

async function importHub(): Promise<HubModule> {
  return (await import('@spacelint/hub')) as unknown as HubModule;
}

/** Converts @spacelint/hub's errors (already redacted, with a message a person can act on) into tool errors. */
export async function hubCall<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof ToolError || error instanceof DeployRefused) throw error;
    const e = error as { name?: string; message?: string; diagnostics?: LintedFinding[] };
    if (e?.name === 'DeployRefusedError') throw new DeployRefused(String(e.message), e.diagnostics ?? []);
    if (typeof e?.name === 'string' && /^Hub|SpaceRefError/.test(e.name)) throw new ToolError(String(e.message));
    throw error;
  }
}

export function runtimeView(raw: HubRuntime): SpaceRuntimeView {
  const view: SpaceRuntimeView = {
    stage: String(raw.stage ?? 'UNKNOWN'),
    hardware: { current: raw.hardware?.current ?? null, requested: raw.hardware?.requested ?? null },
    sleepTimeSeconds: typeof raw.sleepTimeSeconds === 'number' ? raw.sleepTimeSeconds : null,
  };
  if (raw.errorMessage) view.errorMessage = raw.errorMessage;
  if (raw.sdk) view.sdk = raw.sdk;
  return view;
}

async function loadHubOperations(settings: { token?: string; endpoint?: string }): Promise<HubOperations> {
  const hub = await importHub();
  // `env: {}`: the client must not pick up anything but what the server was configured with.
  const client = new hub.HubClient({ token: settings.token, endpoint: settings.endpoint, env: {} });
  return {
    spaceSource: (space, revision) => new hub.HubSpaceSource(client, revision ? { id: space, revision } : space),
    runtime: async (space) => runtimeView(await hubCall(client.getRuntime(space))),
    logs: async (space, kind, lines, signal) => (await hubCall(client.tailLogs(space, kind, { lines, signal }))).map((l) => l.text),
    diagnose: async (space, signal) => {
      const raw = await hubCall(hub.diagnoseSpace({ hub: client, space, signal }));
      const notes: string[] = [];
      if (raw.logs?.unavailable?.build) notes.push(`build log: ${raw.logs.unavailable.build}`);
      if (raw.logs?.unavailable?.run) notes.push(`run log: ${raw.logs.unavailable.run}`);
      if (raw.lintError) notes.push(`lint: ${raw.lintError}`);
      return {
        spaceUrl: raw.spaceUrl,
        runtime: runtimeView(raw.runtime),
        healthy: raw.healthy,
        causes: raw.causes.map((c) => ({
          id: c.id,
          source: c.source,
          title: c.title,
          cause: c.cause,
          fix: c.fix,
          ruleIds: c.ruleIds ?? [],
          evidence: { from: c.evidence.from, text: c.evidence.text },
          umbrella: c.umbrella,
        })),
        diagnostics: raw.diagnostics,
        summary: raw.summary,
        notes,
      };
    },
    createSpace: async (options) => {
      const created = await hubCall(client.createSpace(options.space, { sdk: options.sdk, private: options.private, hardware: options.hardware }));
      return { url: created.url };
    },
    deploy: async (options, signal) => {
      const raw = await hubCall(
        hub.deploySpace({
          hub: client,
          dir: options.path,
          space: options.space,
          message: options.message,
          force: options.force,
          // A missing Space is an error: creating one is create_space's job, with its own confirmation.
          create: false,
          onProgress: (event) => options.onProgress(event.message, event.progress),
          signal,
        }),
      );
      return {
        spaceUrl: raw.spaceUrl,
        commitUrl: raw.commit.url,
        commitOid: raw.commit.oid,
        uploaded: raw.uploaded,
        deleted: raw.deleted,
        skipped: raw.skipped.length,
        forced: raw.forced,
        diagnostics: raw.diagnostics,
      };
    },
    setSecret: async (space, key, value, description) => void (await hubCall(client.setSecret(space, key, value, description ? { description } : {}))),
    deleteSecret: async (space, key) => void (await hubCall(client.deleteSecret(space, key))),
    setVariable: async (space, key, value, description) => void (await hubCall(client.setVariable(space, key, value, description ? { description } : {}))),
    deleteVariable: async (space, key) => void (await hubCall(client.deleteVariable(space, key))),
    setHardware: async (space, flavor) => runtimeView(await hubCall(client.requestHardware(space, flavor))),
    setSleepTime: async (space, seconds) => runtimeView(await hubCall(client.setSleepTime(space, seconds))),
    restart: async (space, factory) => runtimeView(await hubCall(client.restart(space, { factory }))),
    pause: async (space) => runtimeView(await hubCall(client.pause(space))),
  };
}

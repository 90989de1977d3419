import type { FileSource } from '@spacelint/core';
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
  domains?: string[];
}

export interface DiagnosisCause {
  /** A log signature id (spec/log-signatures.md) or a rule id. */
  id: string;
  title: string;
  /** Where it was seen: a log line, the runtime error, or a lint finding. */
  evidence: string;
  fix: string;
  /** The lint rule that would have caught it before the push, when there is one. */
  ruleId?: string;
  source: 'runtime' | 'build-log' | 'run-log' | 'lint';
}

export interface LintedFinding {
  ruleId: string;
  level: 'error' | 'warning' | 'info';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix?: unknown;
  suggestions?: { desc: string }[];
}

export interface DiagnosisView {
  runtime: SpaceRuntimeView;
  causes: DiagnosisCause[];
  diagnostics: LintedFinding[];
}

export interface DeployView {
  commitUrl: string;
  commitOid?: string;
  files: number;
}

export interface HubOperations {
  /** The files of `owner/name[@revision]` as a FileSource for the lint. */
  spaceSource(space: string, revision: string | undefined): FileSource;
  runtime(space: string, signal: AbortSignal): Promise<SpaceRuntimeView>;
  logs(space: string, kind: 'build' | 'run', lines: number, signal: AbortSignal): Promise<string[]>;
  diagnose(space: string, signal: AbortSignal): Promise<DiagnosisView>;
  createSpace(options: { space: string; sdk: string; private?: boolean; hardware?: string }, signal: AbortSignal): Promise<{ url: string }>;
  deploy(
    options: { path: string; space: string; message?: string; onProgress(done: number, total: number, message: string): void },
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

/** What this server expects @spacelint/hub to export (its planned API; see the report of the mcp-server branch). */
interface HubModule {
  HubClient: new (options: { token?: string; endpoint?: string; hubUrl?: string }) => HubClientLike;
  deploySpace(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  diagnoseSpace(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  HubSpaceSource: new (...args: unknown[]) => FileSource;
}

interface HubClientLike {
  runtime(space: string, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  logs(space: string, kind: 'build' | 'run', options?: { lines?: number; signal?: AbortSignal }): Promise<unknown>;
  createSpace(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  setSecret(space: string, key: string, value: string, description?: string, options?: { signal?: AbortSignal }): Promise<unknown>;
  deleteSecret(space: string, key: string, options?: { signal?: AbortSignal }): Promise<unknown>;
  setVariable(space: string, key: string, value: string, description?: string, options?: { signal?: AbortSignal }): Promise<unknown>;
  deleteVariable(space: string, key: string, options?: { signal?: AbortSignal }): Promise<unknown>;
  requestHardware(space: string, flavor: string, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  setSleepTime(space: string, seconds: number, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  restart(space: string, options?: { factory?: boolean; signal?: AbortSignal }): Promise<Record<string, unknown>>;
  pause(space: string, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
}

async function importHub(): Promise<HubModule> {
  try {
    // @ts-ignore -- @spacelint/hub is built on its own branch; until it is merged this import cannot resolve.
    return (await import('@spacelint/hub')) as unknown as HubModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(String((error as Error).message))) {
      throw new ToolError('Hub tools are not available in this build of spacelint-mcp (the @spacelint/hub package is missing).');
    }
    throw error;
  }
}

/** Converts @spacelint/hub's errors (already redacted, with a message a person can act on) into tool errors. */
export async function hubCall<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const e = error as { name?: string; message?: string };
    if (typeof e?.name === 'string' && /^Hub|SpaceRefError/.test(e.name)) throw new ToolError(String(e.message));
    throw error;
  }
}

export function runtimeView(raw: Record<string, unknown>): SpaceRuntimeView {
  const hardware = (raw.hardware ?? {}) as { current?: string | null; requested?: string | null };
  const view: SpaceRuntimeView = {
    stage: String(raw.stage ?? 'UNKNOWN'),
    hardware: { current: hardware.current ?? null, requested: hardware.requested ?? null },
    sleepTimeSeconds: typeof raw.gcTimeout === 'number' ? raw.gcTimeout : typeof raw.sleepTimeSeconds === 'number' ? raw.sleepTimeSeconds : null,
  };
  const error = raw.errorMessage ?? (raw.raw as { errorMessage?: string } | undefined)?.errorMessage;
  if (typeof error === 'string' && error) view.errorMessage = error;
  if (typeof raw.sdk === 'string') view.sdk = raw.sdk;
  if (Array.isArray(raw.domains)) view.domains = raw.domains.map((d) => (typeof d === 'string' ? d : String((d as { domain?: string }).domain ?? ''))).filter(Boolean);
  return view;
}

async function loadHubOperations(settings: { token?: string; endpoint?: string }): Promise<HubOperations> {
  const hub = await importHub();
  const client = new hub.HubClient({ token: settings.token, endpoint: settings.endpoint });
  const opts = (signal: AbortSignal) => ({ signal });
  return {
    spaceSource: (space, revision) => new hub.HubSpaceSource({ client, space, revision }),
    runtime: async (space, signal) => runtimeView(await hubCall(client.runtime(space, opts(signal)))),
    logs: async (space, kind, lines, signal) => {
      const raw = await hubCall(client.logs(space, kind, { lines, signal }));
      const list = Array.isArray(raw) ? raw : ((raw as { lines?: unknown[] })?.lines ?? []);
      return list.map((l) => (typeof l === 'string' ? l : String((l as { data?: string; text?: string }).data ?? (l as { text?: string }).text ?? ''))).slice(-lines);
    },
    diagnose: async (space, signal) => {
      const raw = await hubCall(hub.diagnoseSpace({ client, space, signal }));
      return {
        runtime: runtimeView((raw.runtime ?? {}) as Record<string, unknown>),
        causes: ((raw.causes ?? []) as Record<string, unknown>[]).map((c) => ({
          id: String(c.id ?? c.signature ?? c.ruleId ?? 'unknown'),
          title: String(c.title ?? c.meaning ?? c.id ?? ''),
          evidence: String(c.evidence ?? c.line ?? c.match ?? ''),
          fix: String(c.fix ?? ''),
          ...(c.ruleId || c.rule ? { ruleId: String(c.ruleId ?? c.rule) } : {}),
          source: (['runtime', 'build-log', 'run-log', 'lint'].includes(String(c.source)) ? c.source : 'runtime') as DiagnosisCause['source'],
        })),
        diagnostics: (raw.diagnostics ?? []) as LintedFinding[],
      };
    },
    createSpace: async (options, signal) => {
      const raw = await hubCall(client.createSpace({ ...options, signal }));
      return { url: String(raw.url ?? raw.repoUrl ?? '') };
    },
    deploy: async (options, signal) => {
      const raw = await hubCall(
        hub.deploySpace({
          client,
          path: options.path,
          space: options.space,
          message: options.message,
          // The MCP tool lints first and refuses on errors itself (unless force); the upload must not refuse again.
          force: true,
          onProgress: (p: { done?: number; total?: number; message?: string; uploaded?: number; bytes?: number }) =>
            options.onProgress(p.done ?? p.uploaded ?? 0, p.total ?? p.bytes ?? 0, p.message ?? 'uploading'),
          signal,
        }),
      );
      const commit = (raw.commit ?? {}) as { url?: string; oid?: string };
      return {
        commitUrl: String(raw.commitUrl ?? commit.url ?? ''),
        ...(raw.commitOid || commit.oid ? { commitOid: String(raw.commitOid ?? commit.oid) } : {}),
        files: Number(raw.files ?? raw.fileCount ?? (Array.isArray(raw.uploaded) ? raw.uploaded.length : 0)),
      };
    },
    setSecret: async (space, key, value, description, signal) => void (await hubCall(client.setSecret(space, key, value, description, opts(signal)))),
    deleteSecret: async (space, key, signal) => void (await hubCall(client.deleteSecret(space, key, opts(signal)))),
    setVariable: async (space, key, value, description, signal) => void (await hubCall(client.setVariable(space, key, value, description, opts(signal)))),
    deleteVariable: async (space, key, signal) => void (await hubCall(client.deleteVariable(space, key, opts(signal)))),
    setHardware: async (space, flavor, signal) => runtimeView(await hubCall(client.requestHardware(space, flavor, opts(signal)))),
    setSleepTime: async (space, seconds, signal) => runtimeView(await hubCall(client.setSleepTime(space, seconds, opts(signal)))),
    restart: async (space, factory, signal) => runtimeView(await hubCall(client.restart(space, { factory, signal }))),
    pause: async (space, signal) => runtimeView(await hubCall(client.pause(space, opts(signal)))),
  };
}

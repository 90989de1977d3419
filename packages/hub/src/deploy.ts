import { initParsers, lintSnapshot, prepareSpace, type Diagnostic, type LintConfig } from '@spacelint/core';
import type { CreateSpaceOptions, HubClient, SpaceSdk, UploadProgress } from './client.js';
import { HubNotFoundError, HubRequestError } from './errors.js';
import { collectSpaceFiles, snapshotOfLocalFiles, type SkippedFile } from './local-files.js';
import { parseSpaceId } from './space-ref.js';

export type DeployPhase = 'collect' | 'lint' | 'create' | UploadProgress['phase'] | 'done';

export interface DeployProgress {
  phase: DeployPhase;
  /** One human sentence (CLI progress line, MCP progress notification). */
  message: string;
  path?: string;
  /** 0..1 for hashing and uploading. */
  progress?: number;
}

export interface DeployOptions {
  hub: HubClient;
  /** The local Space folder. */
  dir: string;
  /** Target Space, `owner/name`. */
  space: string;
  /** Upload even when the lint finds error-level problems. */
  force?: boolean;
  /** Commit title (default "Deploy with spacelint"). */
  message?: string;
  description?: string;
  /** Extra gitignore-style patterns to leave out of the upload. */
  exclude?: readonly string[];
  /** Delete files on the Hub that the folder no longer has. */
  deleteRemoved?: boolean;
  /**
   * Creating a missing Space: `false` refuses (the Space must exist); otherwise the options for the new
   * Space (default: the README's `sdk`, the Hub's default visibility).
   */
  create?: false | (Partial<CreateSpaceOptions> & { sdk?: SpaceSdk });
  /** Lint overrides (CLI `--rule`, `--config`, MCP `rules`); the folder's .spacelint.yaml applies too. */
  lintConfig?: LintConfig;
  onProgress?: (event: DeployProgress) => void;
  signal?: AbortSignal;
}

export interface DeployResult {
  space: string;
  spaceUrl: string;
  commit: { oid: string; url: string };
  /** The Space did not exist and was created. */
  created: boolean;
  /** Uploaded despite error-level findings. */
  forced: boolean;
  /** Every lint finding on what was uploaded. */
  diagnostics: Diagnostic[];
  counts: { error: number; warning: number; info: number };
  uploaded: string[];
  deleted: string[];
  skipped: SkippedFile[];
}

/** A deploy refused because the lint found error-level problems (`force` uploads anyway). */
export class DeployRefusedError extends Error {
  override name = 'DeployRefusedError';
  readonly code = 'lint-errors';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
    readonly errorCount: number,
  ) {
    super(message);
  }
}

/**
 * Lint, then upload as one commit. The lint runs on exactly the files the upload sends (same exclusions),
 * so what passed is what the Hub builds. Error-level findings stop the deploy before anything is sent
 * unless `force` is set; warnings never do. A missing Space is created with the README's `sdk` (unless
 * `create: false`). Returns the Space and commit URLs and the findings.
 */
export async function deploySpace(options: DeployOptions): Promise<DeployResult> {
  const { hub } = options;
  const space = parseSpaceId(options.space);
  const progress = (event: DeployProgress) => options.onProgress?.(event);

  progress({ phase: 'collect', message: `Collecting files in ${options.dir}` });
  const local = await collectSpaceFiles(options.dir, { exclude: options.exclude });
  if (local.files.length === 0) {
    throw new HubRequestError('invalid-input', `deploy ${options.dir} to ${space}: no files to upload (all excluded).`, { operation: `deploy to ${space}` });
  }

  progress({ phase: 'lint', message: `Linting ${local.files.length} files` });
  await initParsers();
  const snapshot = await snapshotOfLocalFiles(local);
  const { diagnostics } = lintSnapshot(snapshot, options.lintConfig);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.level]++;
  if (counts.error > 0 && !options.force) {
    const first = diagnostics.find((d) => d.level === 'error')!;
    throw new DeployRefusedError(
      `Refusing to deploy ${options.dir} to ${space}: spacelint found ${counts.error} error-level problem${counts.error === 1 ? '' : 's'} ` +
        `(first: ${first.file}:${first.line} ${first.ruleId}: ${first.message}). Fix them, or deploy with force.`,
      diagnostics,
      counts.error,
    );
  }

  options.signal?.throwIfAborted();
  let created = false;
  if (!(await hub.spaceExists(space))) {
    if (options.create === false) {
      throw new HubNotFoundError('not-found', `deploy to ${space}: the Space does not exist (or this token cannot see it), and creating it was not allowed.`, {
        operation: `deploy to ${space}`,
        status: 404,
      });
    }
    const sdk = options.create?.sdk ?? readmeSdk(snapshot);
    if (!sdk) {
      throw new HubRequestError('invalid-input', `deploy to ${space}: the Space does not exist and README.md names no valid sdk to create it with.`, {
        operation: `deploy to ${space}`,
      });
    }
    progress({ phase: 'create', message: `Creating Space ${space} (${sdk})` });
    await hub.createSpace(space, { ...options.create, sdk });
    created = true;
  }

  const upload = await hub.uploadSpace(space, local, {
    message: options.message ?? 'Deploy with spacelint',
    description: options.description,
    deleteRemoved: options.deleteRemoved,
    signal: options.signal,
    onProgress: (event) => progress(event),
  });
  progress({ phase: 'done', message: `Committed ${upload.commit.oid.slice(0, 7)} to ${space}` });
  return {
    space,
    spaceUrl: hub.spaceUrl(space),
    commit: upload.commit,
    created,
    forced: counts.error > 0,
    diagnostics,
    counts,
    uploaded: upload.uploaded,
    deleted: upload.deleted,
    skipped: upload.skipped,
  };
}

function readmeSdk(snapshot: Parameters<typeof prepareSpace>[0]): SpaceSdk | undefined {
  const sdk = prepareSpace(snapshot).space.facts.sdk;
  return sdk === 'gradio' || sdk === 'docker' || sdk === 'static' || sdk === 'streamlit' ? sdk : undefined;
}

/** What a deploy would do, computed without changing anything (`deploy --dry-run`, MCP `deploy_space` dry_run). */
export interface DeployPlan {
  space: string;
  /** Files the commit would add or update (every file of the upload set). */
  upload: string[];
  /** Files left out, each with the rule that left it out. */
  skipped: SkippedFile[];
  /** Files on the Hub the commit would delete (`deleteRemoved`); empty when the Space does not exist yet. */
  delete: string[];
  /** Whether the Space exists (a deploy would create it otherwise, unless `create: false`). */
  exists: boolean;
  /** The lint of exactly the upload set; error-level findings would stop the deploy unless `force`. */
  diagnostics: Diagnostic[];
  counts: { error: number; warning: number; info: number };
}

/**
 * The dry run of deploySpace: the same file set and lint, plus (with `deleteRemoved`) the remote files the
 * commit would delete. Reads the Hub, writes nothing; lint errors are reported, not thrown.
 */
export async function planDeploy(options: Pick<DeployOptions, 'hub' | 'dir' | 'space' | 'exclude' | 'deleteRemoved' | 'lintConfig'>): Promise<DeployPlan> {
  const { hub } = options;
  const space = parseSpaceId(options.space);
  const local = await collectSpaceFiles(options.dir, { exclude: options.exclude });
  await initParsers();
  const { diagnostics } = lintSnapshot(await snapshotOfLocalFiles(local), options.lintConfig);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.level]++;
  const exists = await hub.spaceExists(space);
  const remove: string[] = [];
  if (exists && options.deleteRemoved) {
    const present = new Set(local.files.map((f) => f.path));
    // The same choice as uploadSpace makes: .gitattributes and excluded paths stay on the Hub.
    for (const entry of await hub.listFiles(space)) {
      if (!present.has(entry.path) && entry.path !== '.gitattributes' && !local.isExcluded(entry.path)) remove.push(entry.path);
    }
  }
  return { space, upload: local.files.map((f) => f.path), skipped: local.skipped, delete: remove, exists, diagnostics, counts };
}

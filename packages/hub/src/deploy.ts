import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { compareDiagnostics, findSecrets, initParsers, lintSnapshot, MAX_TEXT_BYTES, prepareSpace, type Diagnostic, type LintConfig, type Snapshot } from '@spacelint/core';
import { readRegularFileSync } from '@spacelint/core/node';
import type { CreateSpaceOptions, HubClient, SpaceFileEntry, SpaceSdk, UploadProgress } from './client.js';
import { HubNotFoundError, HubRequestError } from './errors.js';
import { collectSpaceFiles, snapshotOfLocalFiles, type LocalFile, type LocalSpaceFiles, type SkippedFile } from './local-files.js';
import { parseSpaceId } from './space-ref.js';

export type DeployPhase = 'collect' | 'lint' | 'compare' | 'create' | UploadProgress['phase'] | 'done';

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
  /**
   * Delete files on the Hub that the folder no longer has (default false: a deploy only adds and
   * updates). Files the folder's exclusions cover (.gitignore, `exclude`, `.env`…) and `.gitattributes`
   * are never deleted.
   */
  deleteRemoved?: boolean;
  /** Lint and compare with the Space, but create, upload and delete nothing: the result says what would happen. */
  dryRun?: boolean;
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
  /** The new commit; when `upToDate`, the Space's current head; null for a dry run. */
  commit: { oid: string; url: string } | null;
  /** The Space did not exist and was created (for a dry run: would be). */
  created: boolean;
  /** Nothing changed since the Space's head: no commit was made. */
  upToDate: boolean;
  /** Nothing was created, uploaded or deleted (`dryRun`). */
  dryRun: boolean;
  /** Uploaded despite error-level findings. */
  forced: boolean;
  /** Every lint finding on what was uploaded. */
  diagnostics: Diagnostic[];
  counts: { error: number; warning: number; info: number };
  /** Files sent (for a dry run: that would be sent); empty when up to date. */
  uploaded: string[];
  /** Files deleted on the Hub (`deleteRemoved`; for a dry run: that would be). */
  deleted: string[];
  /** Files of the folder left out, each with why. */
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
  const linted = lintSnapshot(snapshot, options.lintConfig).diagnostics;
  const diagnostics = [...linted, ...secretsOutsideLint(hub, local, snapshot, linted)].sort(compareDiagnostics);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.level]++;
  const refused = counts.error > 0 && !options.force;
  if (refused && !options.dryRun) {
    const first = diagnostics.find((d) => d.level === 'error')!;
    throw new DeployRefusedError(
      `Refusing to deploy ${options.dir} to ${space}: spacelint found ${counts.error} error-level problem${counts.error === 1 ? '' : 's'} ` +
        `(first: ${first.file}:${first.line} ${first.ruleId}: ${first.message}).`,
      diagnostics,
      counts.error,
    );
  }

  options.signal?.throwIfAborted();
  const exists = await hub.spaceExists(space);
  let created = false;
  if (!exists) {
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
    created = true;
    if (!options.dryRun) {
      progress({ phase: 'create', message: `Creating Space ${space} (${sdk})` });
      await hub.createSpace(space, { ...options.create, sdk });
    }
  }

  const base = { space, spaceUrl: hub.spaceUrl(space), created, forced: counts.error > 0 && !refused, diagnostics, counts, skipped: local.skipped };
  // An existing Space is compared with the folder first: a deploy that changes nothing makes no commit.
  const plan = exists ? await compareWithSpace(hub, space, local, options.deleteRemoved ?? false, progress) : undefined;
  if (plan?.upToDate) {
    progress({ phase: 'done', message: `${space} is up to date` });
    return { ...base, commit: options.dryRun ? null : plan.head, upToDate: true, dryRun: Boolean(options.dryRun), uploaded: [], deleted: [] };
  }
  if (options.dryRun) {
    return { ...base, commit: null, upToDate: false, dryRun: true, uploaded: local.files.map((f) => f.path), deleted: options.deleteRemoved ? (plan?.deleted ?? []) : [] };
  }

  const upload = await hub.uploadSpace(space, local, {
    message: options.message ?? 'Deploy with spacelint',
    description: options.description,
    deleteRemoved: options.deleteRemoved,
    signal: options.signal,
    onProgress: (event) => progress(event),
  });
  progress({ phase: 'done', message: `Committed ${upload.commit.oid.slice(0, 7)} to ${space}` });
  return { ...base, commit: upload.commit, upToDate: false, dryRun: false, uploaded: upload.uploaded, deleted: upload.deleted };
}

interface SpaceComparison {
  upToDate: boolean;
  head: { oid: string; url: string } | null;
  /** Hub files the folder no longer has (what `deleteRemoved` deletes). */
  deleted: string[];
}

/**
 * The folder against the Space's head: every file present with the same content (git blob id, or the
 * sha256 of an LFS file), and with `deleteRemoved` no file on the Hub that would be deleted.
 */
async function compareWithSpace(hub: HubClient, space: string, local: LocalSpaceFiles, deleteRemoved: boolean, progress: (event: DeployProgress) => void): Promise<SpaceComparison> {
  progress({ phase: 'compare', message: `Comparing with ${space}` });
  const info = await hub.spaceInfo(space);
  const remote = new Map((await hub.listFiles(space, info.sha ? { revision: info.sha } : {})).map((e) => [e.path, e]));
  const present = new Set(local.files.map((f) => f.path));
  const deleted = [...remote.keys()].filter((path) => !present.has(path) && path !== '.gitattributes' && !local.isExcluded(path)).sort();
  let upToDate = !deleteRemoved || deleted.length === 0;
  for (const file of local.files) {
    if (!upToDate) break;
    const entry = remote.get(file.path);
    upToDate = entry !== undefined && entry.size === file.size && (await sameContent(file, entry));
  }
  const head = info.sha ? { oid: info.sha, url: `${hub.spaceUrl(space)}/commit/${info.sha}` } : null;
  return { upToDate, head, deleted };
}

async function sameContent(file: LocalFile, entry: SpaceFileEntry): Promise<boolean> {
  if (entry.lfs) return entry.lfsOid !== undefined && (await hashFile(file, 'sha256')) === entry.lfsOid;
  return entry.oid !== undefined && (await hashFile(file, 'sha1', `blob ${file.size}\0`)) === entry.oid;
}

function hashFile(file: LocalFile, algorithm: 'sha1' | 'sha256', prefix = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash(algorithm).update(prefix);
    createReadStream(file.absPath)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Secrets in uploaded files the lint does not read (a `.huggingface/token`, a `credentials` file, any
 * file with an unknown extension), and the configured token's own value anywhere: every file up to
 * 2 MB that is UTF-8 text is scanned for token shapes before anything is sent. Reported as
 * `security-hardcoded-secret` errors, so they refuse a deploy like the lint's own.
 */
function secretsOutsideLint(hub: HubClient, local: LocalSpaceFiles, snapshot: Snapshot, linted: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const file of local.files) {
    if (file.size > MAX_TEXT_BYTES) continue;
    const lintedText = snapshot.files.get(file.path)?.text;
    let text = lintedText;
    if (text === undefined) {
      const read = readRegularFileSync(file.absPath, MAX_TEXT_BYTES, { within: local.realRoot });
      if (!read.ok || read.bytes.includes(0)) continue;
      try {
        text = decoder.decode(read.bytes);
      } catch {
        continue; // not UTF-8 text
      }
    }
    const reported = new Set(linted.filter((d) => d.file === file.path && d.ruleId === 'security-hardcoded-secret').map((d) => `${d.line}:${d.column}`));
    const found = findSecrets(text).filter((m) => (lintedText === undefined ? m.kind === 'token' && !m.placeholder : false));
    const tokenAt = hub.indexOfToken(text);
    if (tokenAt !== -1) {
      const literal = findSecrets(text).find((m) => m.start <= tokenAt && tokenAt < m.end);
      if (literal && !found.includes(literal)) found.push(literal);
      else if (!literal) found.push({ kind: 'token', name: 'Hugging Face token', start: tokenAt, end: tokenAt, value: '', masked: 'the HF_TOKEN value', placeholder: false });
    }
    for (const secret of found) {
      const at = position(text, secret.start);
      if (reported.has(`${at.line}:${at.column}`)) continue;
      const end = position(text, secret.end);
      out.push({
        ruleId: 'security-hardcoded-secret',
        level: 'error',
        file: file.path,
        line: at.line,
        column: at.column,
        endLine: end.line,
        endColumn: end.column,
        message: `${file.path} holds a ${secret.name} (${secret.masked}) and would be uploaded: anyone who can read the Space can use it. Revoke it, delete the file (or leave it out in .gitignore), and set the value as a Space secret.`,
      });
    }
  }
  return out;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function readmeSdk(snapshot: Parameters<typeof prepareSpace>[0]): SpaceSdk | undefined {
  const sdk = prepareSpace(snapshot).space.facts.sdk;
  return sdk === 'gradio' || sdk === 'docker' || sdk === 'static' || sdk === 'streamlit' ? sdk : undefined;
}

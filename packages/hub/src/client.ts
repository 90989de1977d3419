import { openAsBlob } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readRegularFileSync } from '@spacelint/core/node';
import { commitIter, createRepo, downloadFile, listFiles, listSpaces, spaceInfo, whoAmI, type CommitOperation, type CommitOutput } from '@huggingface/hub';
import { redactSecrets } from '@spacelint/core';
import { badTokenError, fromStatus, HubError, HubRequestError, HubTimeoutError, missingTokenError, reframe, toHubError } from './errors.js';
import { collectSpaceFiles, type LocalSpaceFiles, type SkippedFile } from './local-files.js';
import { eventLines, SseDecoder, type LogKind, type LogLine } from './logs.js';
import { parseSpaceId, SpaceRefError } from './space-ref.js';
import { createHubFetch, DEFAULT_RETRY, pathOf, type RetryPolicy } from './transport.js';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export interface HubClientOptions {
  /**
   * Access token; default `HF_TOKEN` from `env`, else the token `hf auth login` saved (`HF_TOKEN_PATH`,
   * else `$HF_HOME/token`, else `~/.cache/huggingface/token`: huggingface_hub's order). Reads of public
   * Spaces work without one.
   */
  token?: string;
  /** Hub base URL; default `HF_ENDPOINT` from `env`, else https://huggingface.co. */
  endpoint?: string;
  /** Where HF_TOKEN and HF_ENDPOINT are read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Per-request timeout in ms (default 30 000; uploads get more, scaled to their size). */
  timeoutMs?: number;
  /** Retry budget for idempotent requests (and 429s): see RetryPolicy. */
  retry?: Partial<RetryPolicy>;
  /** A log snapshot ends after this long without a new line (default 5 000 ms, as the Python client). */
  logIdleTimeoutMs?: number;
  /**
   * A log snapshot ends after this long in all (default 10 000 ms), even when lines keep coming: a Space
   * that logs more than once a second never goes idle, and a snapshot must end.
   */
  logSnapshotMaxMs?: number;
  /** Underlying fetch (default: global). */
  fetch?: typeof fetch;
  /** Called before each retry wait. */
  onRetry?: (event: { url: string; method: string; attempt: number; delayMs: number; reason: string }) => void;
}

export type SpaceSdk = 'gradio' | 'docker' | 'static' | 'streamlit';
const SDKS: readonly SpaceSdk[] = ['gradio', 'docker', 'static', 'streamlit'];

export interface HubUser {
  name: string;
  type: 'user' | 'org' | 'app';
  /** Organizations the user belongs to (names). */
  orgs: string[];
  /** The token's role (`read`, `write`, `fineGrained`…), when the Hub says. Never the token itself. */
  tokenRole?: string;
}

export interface SpaceRuntimeInfo {
  /** `BUILDING`, `RUNNING`, `BUILD_ERROR`, `RUNTIME_ERROR`, `PAUSED`, … (unknown stages pass through). */
  stage: string;
  hardware: { current: string | null; requested: string | null };
  /** The Hub's error text on error stages (redacted). */
  errorMessage?: string;
  /** Sleep time in seconds (`gcTimeout`), null when the Space never sleeps or the Hub did not say. */
  sleepTimeSeconds: number | null;
  storage: string | null;
  sdk?: string;
  sdkVersion?: string;
}

export interface SpaceInfo {
  id: string;
  sdk?: string;
  private: boolean;
  /** Head commit of the revision asked for. */
  sha?: string;
  lastModified?: string;
  runtime?: SpaceRuntimeInfo;
}

export interface SecretOrVariableInput {
  key: string;
  value: string;
  description?: string;
}

export interface CreateSpaceOptions {
  sdk: SpaceSdk;
  private?: boolean;
  /** Hardware flavor, e.g. `cpu-basic`, `t4-small`, `zero-a10g`. */
  hardware?: string;
  /** Seconds of inactivity before the Space sleeps (-1 = never). */
  sleepTimeSeconds?: number;
  secrets?: Record<string, string> | SecretOrVariableInput[];
  variables?: Record<string, string> | SecretOrVariableInput[];
  license?: string;
}

export interface SpaceFileEntry {
  path: string;
  size: number;
  /** Git blob id (regular files) — also the download ETag. */
  oid?: string;
  /** Stored through LFS. */
  lfs: boolean;
  /** For LFS files: the sha256 of the content. */
  lfsOid?: string;
}

export type UploadProgress = { phase: 'preupload' | 'commit'; message: string } | { phase: 'hashing' | 'uploading'; message: string; path: string; progress: number };

export interface UploadOptions {
  /** Commit title (default "Upload Space with spacelint"). */
  message?: string;
  description?: string;
  /** Extra gitignore-style patterns to leave out. */
  exclude?: readonly string[];
  /** Also delete files on the Hub that are not in the folder (and not excluded by its rules). */
  deleteRemoved?: boolean;
  /** Fail with a conflict (412) if the branch head is no longer this commit. */
  parentCommit?: string;
  onProgress?: (event: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadResult {
  commit: { oid: string; url: string };
  uploaded: string[];
  deleted: string[];
  skipped: SkippedFile[];
}

export interface LogOptions {
  /** Keep the stream open and yield lines as they come (until `signal` aborts). Default: a snapshot. */
  follow?: boolean;
  signal?: AbortSignal;
  /** For a snapshot: stop after this long without a new line. */
  idleTimeoutMs?: number;
  /** For a snapshot: stop after this long in all (default: the client's `logSnapshotMaxMs`). */
  maxDurationMs?: number;
}

/** A log snapshot ends this long after the last line once lines have arrived (see streamLogs). */
const SNAPSHOT_SETTLE_MS = 1_000;

/**
 * A snapshot stops reading after this many lines or characters (a chatty or hostile stream, or one event
 * without an end): enough for any tail a person reads, bounded in memory.
 */
const SNAPSHOT_MAX_LINES = 20_000;
const SNAPSHOT_MAX_CHARS = 8 * 1024 * 1024;

/** A follow stream reconnects this many times after the Hub closes it (as the Python client). */
const MAX_LOG_RECONNECTS = 5;

/**
 * Space operations on the Hugging Face Hub. Uses `@huggingface/hub` where it has the operation (whoami,
 * create, commit with LFS, list, download, Space info and runtime) and the Hub HTTP API for the Space
 * management it lacks (secrets, variables, hardware, sleep time, restart, pause, logs), all through one
 * transport with timeouts and retries. The token lives in a private field and is never part of a return
 * value, an error or a log line.
 */
export class HubClient {
  readonly endpoint: string;
  readonly #token: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #streamFetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #logIdleTimeoutMs: number;
  readonly #logSnapshotMaxMs: number;

  constructor(options: HubClientOptions = {}) {
    const env = options.env ?? process.env;
    this.endpoint = resolveEndpoint(options.endpoint ?? env.HF_ENDPOINT);
    const token = (options.token ?? (env.HF_TOKEN?.trim() || savedToken(env)))?.trim();
    this.#token = token ? token : undefined;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#logIdleTimeoutMs = options.logIdleTimeoutMs ?? 5_000;
    this.#logSnapshotMaxMs = options.logSnapshotMaxMs ?? 10_000;
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#fetch = createHubFetch({ timeoutMs: this.#timeoutMs, retry, fetch: options.fetch, onRetry: options.onRetry });
    this.#streamFetch = createHubFetch({ timeoutMs: 0, retry, fetch: options.fetch, onRetry: options.onRetry });
  }

  /** Whether a token is configured (its value is never exposed). */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  toJSON(): Record<string, unknown> {
    return { endpoint: this.endpoint, hasToken: this.hasToken };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `HubClient { endpoint: '${this.endpoint}', hasToken: ${this.hasToken} }`;
  }

  /** Web page of a Space. */
  spaceUrl(id: string): string {
    return `${this.endpoint}/spaces/${id}`;
  }

  /** Where `text` holds the configured token itself, or -1 (a deploy refuses to upload such a file). */
  indexOfToken(text: string): number {
    return this.#token === undefined ? -1 : text.indexOf(this.#token);
  }

  /** Text with the token (and `extra` values) masked: for anything derived from Hub answers. */
  redact(text: string, extra: readonly string[] = []): string {
    return redactSecrets(text, this.#token ? [this.#token, ...extra] : extra);
  }

  async whoami(): Promise<HubUser> {
    return this.#run(
      'whoami',
      undefined,
      [],
      async (accessToken) => {
        const info = await whoAmI({ accessToken: accessToken!, hubUrl: this.endpoint, fetch: this.#fetch });
        const orgs = info.type === 'user' ? info.orgs.map((o) => o.name) : [];
        const role = info.auth?.accessToken?.role;
        return { name: this.redact(info.name), type: info.type, orgs: orgs.map((o) => this.redact(o)), ...(role ? { tokenRole: this.redact(role) } : {}) };
      },
      'required',
    );
  }

  async spaceInfo(id: string, options: { revision?: string } = {}): Promise<SpaceInfo> {
    const space = this.#spaceId(id, 'read Space info');
    return this.#run(`read Space info of ${space}`, `Space ${space}`, [], async (accessToken) => {
      const info = await spaceInfo({
        name: space,
        revision: options.revision,
        additionalFields: ['runtime', 'sha'],
        accessToken,
        hubUrl: this.endpoint,
        fetch: this.#fetch,
      });
      const updated = info.updatedAt instanceof Date && !Number.isNaN(info.updatedAt.getTime()) ? info.updatedAt.toISOString() : undefined;
      return {
        id: info.name ? this.redact(info.name) : space,
        ...(typeof info.sdk === 'string' ? { sdk: this.redact(info.sdk) } : {}),
        private: Boolean(info.private),
        ...(info.sha ? { sha: info.sha } : {}),
        ...(updated ? { lastModified: updated } : {}),
        ...(info.runtime ? { runtime: this.#runtime(info.runtime) } : {}),
      };
    });
  }

  /** True when the Space exists and this token can see it. */
  async spaceExists(id: string): Promise<boolean> {
    try {
      await this.spaceInfo(id);
      return true;
    } catch (error) {
      if (error instanceof HubError && (error.code === 'not-found' || (error.code === 'unauthorized' && !this.hasToken))) return false;
      throw error;
    }
  }

  /**
   * Creates a Space. Hardware, sleep time, secrets and variables go in the creation request itself (the
   * Hub accepts them there, spec hub-api.md a.2; hub.js's createRepo cannot send them), so a Space never
   * starts without its secrets. Not retried on 5xx: a lost answer may hide a created Space.
   */
  async createSpace(id: string, options: CreateSpaceOptions): Promise<{ id: string; url: string }> {
    const space = this.#spaceId(id, 'create Space');
    if (!SDKS.includes(options.sdk)) {
      throw new HubRequestError('invalid-input', `create Space ${space}: sdk must be one of ${SDKS.join(', ')} (got "${this.redact(String(options.sdk))}").`, {
        operation: `create Space ${space}`,
      });
    }
    const secrets = toEntries(options.secrets, 'secret', space, (t) => this.redact(t));
    const variables = toEntries(options.variables, 'variable', space, (t) => this.redact(t));
    const secretValues = secrets.map((s) => s.value);
    const [namespace, name] = space.split('/');
    return this.#run(
      `create Space ${space}`,
      `Space ${space}`,
      secretValues,
      async (accessToken) => {
        const extras = options.hardware !== undefined || options.sleepTimeSeconds !== undefined || secrets.length > 0 || variables.length > 0;
        if (!extras) {
          await createRepo({
            repo: { type: 'space', name: space },
            sdk: options.sdk,
            ...(options.private !== undefined ? { visibility: options.private ? 'private' : 'public' } : {}),
            license: options.license,
            accessToken: accessToken!,
            hubUrl: this.endpoint,
            fetch: this.#fetch,
          });
        } else {
          await this.#request('POST', '/api/repos/create', accessToken, {
            name,
            organization: namespace,
            type: 'space',
            sdk: options.sdk,
            ...(options.private !== undefined ? { visibility: options.private ? 'private' : 'public' } : {}),
            ...(options.license ? { license: options.license } : {}),
            ...(options.hardware !== undefined ? { hardware: options.hardware } : {}),
            ...(options.sleepTimeSeconds !== undefined ? { sleepTimeSeconds: options.sleepTimeSeconds } : {}),
            ...(secrets.length ? { secrets } : {}),
            ...(variables.length ? { variables } : {}),
          });
        }
        return { id: space, url: this.spaceUrl(space) };
      },
      'required',
    );
  }

  /**
   * Uploads a local Space folder as one commit: every file but `.git`, `.env*`, caches, and what its
   * .gitignore files and `exclude` leave out. The Hub decides which files go through LFS (large or
   * binary); hub.js then uploads those to LFS storage before the commit.
   */
  async uploadSpace(id: string, folder: string | LocalSpaceFiles, options: UploadOptions = {}): Promise<UploadResult> {
    const space = this.#spaceId(id, 'upload Space');
    return this.#run(
      `upload to Space ${space}`,
      `Space ${space}`,
      [],
      async (accessToken) => {
        const local = typeof folder === 'string' ? await collectSpaceFiles(folder, { exclude: options.exclude }) : folder;
        const operations: CommitOperation[] = [];
        for (const file of local.files) {
          operations.push({ operation: 'addOrUpdate', path: file.path, content: await openAsBlob(file.absPath) });
        }
        const deleted: string[] = [];
        if (options.deleteRemoved) {
          const present = new Set(local.files.map((f) => f.path));
          for (const entry of await this.#listEntries(space, undefined, accessToken)) {
            // .gitattributes decides what the Hub stores in LFS; a folder without one must not remove it.
            if (present.has(entry.path) || entry.path === '.gitattributes' || local.isExcluded(entry.path)) continue;
            operations.push({ operation: 'delete', path: entry.path });
            deleted.push(entry.path);
          }
        }
        if (operations.length === 0) {
          throw new HubRequestError('invalid-input', `upload to Space ${space}: nothing to upload (every file is excluded).`, { operation: `upload to Space ${space}` });
        }
        const iterator = commitIter({
          repo: { type: 'space', name: space },
          operations,
          title: options.message ?? 'Upload Space with spacelint',
          description: options.description,
          parentCommit: options.parentCommit,
          accessToken: accessToken!,
          hubUrl: this.endpoint,
          fetch: this.#fetch,
          abortSignal: options.signal,
        });
        const failed: string[] = [];
        let step = await iterator.next();
        while (!step.done) {
          const event = step.value;
          if (event.event === 'phase') {
            if (event.phase === 'preuploading') options.onProgress?.({ phase: 'preupload', message: `Preparing ${local.files.length} files` });
            if (event.phase === 'committing') options.onProgress?.({ phase: 'commit', message: 'Creating the commit' });
          } else if (event.state === 'error') {
            failed.push(event.path);
          } else {
            options.onProgress?.({
              phase: event.state,
              path: event.path,
              progress: event.progress,
              message: `${event.state === 'hashing' ? 'Hashing' : 'Uploading'} ${event.path} (${Math.round(event.progress * 100)}%)`,
            });
          }
          step = await iterator.next();
        }
        if (failed.length > 0) {
          throw new HubRequestError('bad-request', `upload to Space ${space}: ${failed.length} file(s) failed to upload: ${failed.slice(0, 5).join(', ')}.`, {
            operation: `upload to Space ${space}`,
          });
        }
        const output = step.value as CommitOutput | undefined;
        if (!output?.commit?.oid) {
          throw new HubRequestError('invalid-response', `upload to Space ${space}: the Hub did not return the new commit.`, { operation: `upload to Space ${space}` });
        }
        return { commit: { oid: output.commit.oid, url: output.commit.url }, uploaded: local.files.map((f) => f.path), deleted, skipped: local.skipped };
      },
      'required',
    );
  }

  /** Ids (`owner/name`) of the Spaces of `author` and/or whose name matches `search`, every page of the listing. */
  async listSpaces(options: { author?: string; search?: string } = {}): Promise<string[]> {
    return this.#run('list Spaces', undefined, [], async (accessToken) => {
      const ids: string[] = [];
      for await (const space of listSpaces({ search: { owner: options.author, query: options.search }, accessToken, hubUrl: this.endpoint, fetch: this.#fetch })) ids.push(space.name);
      return ids;
    });
  }

  /** Every file of the Space at `revision` (default branch when absent), folders left out. */
  async listFiles(id: string, options: { revision?: string } = {}): Promise<SpaceFileEntry[]> {
    const space = this.#spaceId(id, 'list files');
    return this.#run(`list files of ${space}`, `Space ${space}`, [], (accessToken) => this.#listEntries(space, options.revision, accessToken));
  }

  /**
   * One file's bytes, or null when the Space has no such file. Pass the entry from `listFiles` as `known`
   * to skip the size probe (one request instead of two).
   */
  async downloadFile(id: string, path: string, options: { revision?: string; known?: SpaceFileEntry } = {}): Promise<Uint8Array | null> {
    const space = this.#spaceId(id, 'download');
    if (/[?#]/.test(path) || path.split('/').includes('..')) {
      throw new HubRequestError('invalid-input', `download ${this.redact(path)} from ${space}: the path may not contain "?", "#" or "..".`, { operation: `download from ${space}` });
    }
    return this.#run(`download ${path} from ${space}`, `${path} in Space ${space}`, [], async (accessToken) => {
      const revision = options.revision ?? 'main';
      const known = options.known;
      const blob = await downloadFile({
        repo: { type: 'space', name: space },
        path,
        revision,
        accessToken,
        hubUrl: this.endpoint,
        fetch: this.#fetch,
        xet: false,
        ...(known?.oid ? { downloadInfo: { size: known.size, etag: known.oid, url: `${this.endpoint}/spaces/${space}/resolve/${encodeURIComponent(revision)}/${path}` } } : {}),
      });
      if (!blob) return null;
      return new Uint8Array(await blob.arrayBuffer());
    });
  }

  async getRuntime(id: string): Promise<SpaceRuntimeInfo> {
    const space = this.#spaceId(id, 'read runtime');
    return this.#run(`read runtime of ${space}`, `Space ${space}`, [], async (accessToken) => {
      const info = await spaceInfo({ name: space, additionalFields: ['runtime'], accessToken, hubUrl: this.endpoint, fetch: this.#fetch });
      if (!info.runtime) {
        throw new HubRequestError('invalid-response', `read runtime of ${space}: the Hub sent no runtime for this Space.`, { operation: `read runtime of ${space}` });
      }
      return this.#runtime(info.runtime);
    });
  }

  /** Secret names with their descriptions and update dates (the Hub never returns values). */
  async listSecrets(id: string): Promise<Record<string, { description?: string; updatedAt?: string }>> {
    const space = this.#spaceId(id, 'list secrets');
    return this.#run(
      `list secrets of ${space}`,
      `Space ${space}`,
      [],
      async (token) => {
        const raw = (await this.#request('GET', `/api/spaces/${space}/secrets`, token)) as Record<string, { description?: string; updatedAt?: string }> | undefined;
        const out: Record<string, { description?: string; updatedAt?: string }> = {};
        for (const [key, meta] of Object.entries(raw ?? {})) {
          if (key === '__proto__') continue; // would set the result's prototype, not a key
          out[this.redact(key)] = {
            ...(typeof meta?.description === 'string' && meta.description ? { description: this.redact(meta.description) } : {}),
            ...(typeof meta?.updatedAt === 'string' ? { updatedAt: this.redact(meta.updatedAt) } : {}),
          };
        }
        return out;
      },
      'required',
    );
  }

  /** Adds or replaces a secret. Takes effect at the next restart (the Hub restarts the Space itself). */
  async setSecret(id: string, key: string, value: string, options: { description?: string } = {}): Promise<void> {
    const space = this.#spaceId(id, 'set secret');
    checkKey(key, 'secret', space, (t) => this.redact(t));
    await this.#run(
      `set secret ${key} of ${space}`,
      `Space ${space}`,
      [value],
      async (token) => {
        await this.#request('POST', `/api/spaces/${space}/secrets`, token, { key, value, ...(options.description ? { description: options.description } : {}) });
      },
      'required',
    );
  }

  /** Deletes a secret; deleting a missing one succeeds (as on the Hub). */
  async deleteSecret(id: string, key: string): Promise<void> {
    const space = this.#spaceId(id, 'delete secret');
    checkKey(key, 'secret', space, (t) => this.redact(t));
    await this.#run(
      `delete secret ${key} of ${space}`,
      `Space ${space}`,
      [],
      async (token) => {
        await this.#request('DELETE', `/api/spaces/${space}/secrets`, token, { key });
      },
      'required',
    );
  }

  async listVariables(id: string): Promise<Record<string, { value: string; description?: string; updatedAt?: string }>> {
    const space = this.#spaceId(id, 'list variables');
    return this.#run(`list variables of ${space}`, `Space ${space}`, [], async (token) => this.#variables(await this.#request('GET', `/api/spaces/${space}/variables`, token)), 'required');
  }

  /** Adds or replaces a variable (visible to anyone who can see the Space; use a secret for credentials). */
  async setVariable(id: string, key: string, value: string, options: { description?: string } = {}): Promise<Record<string, { value: string; description?: string; updatedAt?: string }>> {
    const space = this.#spaceId(id, 'set variable');
    checkKey(key, 'variable', space, (t) => this.redact(t));
    return this.#run(
      `set variable ${key} of ${space}`,
      `Space ${space}`,
      [],
      async (token) => this.#variables(await this.#request('POST', `/api/spaces/${space}/variables`, token, { key, value, ...(options.description ? { description: options.description } : {}) })),
      'required',
    );
  }

  async deleteVariable(id: string, key: string): Promise<Record<string, { value: string; description?: string; updatedAt?: string }>> {
    const space = this.#spaceId(id, 'delete variable');
    checkKey(key, 'variable', space, (t) => this.redact(t));
    return this.#run(
      `delete variable ${key} of ${space}`,
      `Space ${space}`,
      [],
      async (token) => this.#variables(await this.#request('DELETE', `/api/spaces/${space}/variables`, token, { key })),
      'required',
    );
  }

  /** Requests a hardware flavor (the Space restarts on it); optionally sets the sleep time too. */
  async requestHardware(id: string, flavor: string, options: { sleepTimeSeconds?: number } = {}): Promise<SpaceRuntimeInfo> {
    const space = this.#spaceId(id, 'request hardware');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(flavor)) {
      throw new HubRequestError('invalid-input', `request hardware for ${space}: "${this.redact(flavor.slice(0, 64))}" is not a hardware flavor name (e.g. cpu-basic, t4-small).`, {
        operation: `request hardware for ${space}`,
      });
    }
    return this.#runtimeCall(`request hardware ${flavor} for ${space}`, space, 'POST', `/api/spaces/${space}/hardware`, {
      flavor,
      ...(options.sleepTimeSeconds !== undefined ? { sleepTimeSeconds: checkSleep(options.sleepTimeSeconds, space) } : {}),
    });
  }

  /** Seconds of inactivity before the Space sleeps; -1 = never (paid hardware only). */
  async setSleepTime(id: string, seconds: number): Promise<SpaceRuntimeInfo> {
    const space = this.#spaceId(id, 'set sleep time');
    return this.#runtimeCall(`set sleep time of ${space}`, space, 'POST', `/api/spaces/${space}/sleeptime`, { seconds: checkSleep(seconds, space) });
  }

  /** Restarts the Space; `factory: true` rebuilds the image without cache. Not retried on 5xx. */
  async restart(id: string, options: { factory?: boolean } = {}): Promise<SpaceRuntimeInfo> {
    const space = this.#spaceId(id, 'restart');
    return this.#runtimeCall(`${options.factory ? 'factory-rebuild' : 'restart'} ${space}`, space, 'POST', `/api/spaces/${space}/restart${options.factory ? '?factory=true' : ''}`);
  }

  /** Pauses the Space (no billing, no sleep-wake) until it is restarted. */
  async pause(id: string): Promise<SpaceRuntimeInfo> {
    const space = this.#spaceId(id, 'pause');
    return this.#runtimeCall(`pause ${space}`, space, 'POST', `/api/spaces/${space}/pause`);
  }

  /**
   * Build or run log lines as they arrive. Snapshot mode (default) ends when the Hub closes the stream,
   * sends nothing for `idleTimeoutMs` at first, or pauses 1 s after lines came, and in any case after
   * `maxDurationMs` in all or 20,000 lines / 8 M characters (a Space that logs every second never
   * pauses); `follow` keeps reading (reconnecting up to 5 times, skipping lines already seen) until
   * `signal` aborts. Lines are redacted.
   */
  async *streamLogs(id: string, kind: LogKind, options: LogOptions = {}): AsyncGenerator<LogLine> {
    const space = this.#spaceId(id, `read ${kind} logs`);
    const operation = `read ${kind} logs of ${space}`;
    if (kind !== 'build' && kind !== 'run') {
      throw new HubRequestError('invalid-input', `${operation}: kind must be "build" or "run".`, { operation });
    }
    const token = this.#requireToken(operation);
    const idle = options.idleTimeoutMs ?? this.#logIdleTimeoutMs;
    const snapshotEnd = Date.now() + (options.maxDurationMs ?? this.#logSnapshotMaxMs);
    let lines = 0;
    let chars = 0;
    const url = `${this.endpoint}/api/spaces/${space}/logs/${kind}`;
    let delivered = 0;
    for (let connection = 0; connection <= MAX_LOG_RECONNECTS; connection++) {
      if (options.signal?.aborted) return;
      const controller = new AbortController();
      const onAbort = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const response = await this.#openStream(url, token, controller, operation, space);
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        const decoder = new SseDecoder();
        let index = 0;
        // The Hub replays a log's history in one burst when the stream opens: once lines have come, a
        // short pause means the replay is over (a snapshot need not wait the full idle time again).
        const settle = Math.min(idle, SNAPSHOT_SETTLE_MS);
        let deadline = Date.now() + idle;
        let ended = false;
        while (!ended) {
          const next = await readUntil(reader, options.follow ? undefined : Math.min(deadline, snapshotEnd));
          if (next === 'idle' || (!options.follow && (lines >= SNAPSHOT_MAX_LINES || chars >= SNAPSHOT_MAX_CHARS))) {
            await reader.cancel().catch(() => undefined);
            return;
          }
          if (!next.done) chars += next.value.length;
          const events = next.done ? [decoder.end()] : decoder.push(next.value);
          ended = next.done;
          for (const event of events) {
            if (!event) continue;
            deadline = Date.now() + settle;
            index++;
            if (index <= delivered) continue; // already yielded before a reconnect
            delivered = index;
            for (const text of eventLines(event)) {
              lines++;
              yield { timestamp: event.timestamp, text: this.redact(text) };
            }
          }
        }
        if (!options.follow) return;
      } catch (error) {
        if (options.signal?.aborted) return;
        throw toHubError(error, { operation, subject: `Space ${space}`, secrets: [this.#token] });
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        controller.abort();
      }
    }
  }

  /** The last `lines` lines of a log snapshot (default 200). */
  async tailLogs(id: string, kind: LogKind, options: { lines?: number; idleTimeoutMs?: number; maxDurationMs?: number; signal?: AbortSignal } = {}): Promise<LogLine[]> {
    const keep = Math.max(1, options.lines ?? 200);
    const out: LogLine[] = [];
    for await (const line of this.streamLogs(id, kind, { idleTimeoutMs: options.idleTimeoutMs, maxDurationMs: options.maxDurationMs, signal: options.signal })) {
      out.push(line);
      if (out.length > keep) out.shift();
    }
    return out;
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────

  async #openStream(url: string, token: string, controller: AbortController, operation: string, space: string): Promise<Response> {
    // The stream itself has no deadline (it is read with an idle timer); only the wait for headers has.
    const timer = setTimeout(() => controller.abort(new DOMException('no answer', 'TimeoutError')), this.#timeoutMs);
    try {
      const response = await this.#streamFetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok) throw await errorFromResponse(response, { operation, subject: `Space ${space}` });
      if (!response.body) throw new HubRequestError('invalid-response', `${operation}: the Hub sent no log stream.`, { operation });
      return response;
    } catch (error) {
      if (controller.signal.reason instanceof DOMException && controller.signal.reason.name === 'TimeoutError') {
        throw new HubTimeoutError('timeout', `${operation}: the Hub did not answer within ${this.#timeoutMs} ms.`, { operation });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #listEntries(space: string, revision: string | undefined, accessToken: string | undefined): Promise<SpaceFileEntry[]> {
    const out: SpaceFileEntry[] = [];
    for await (const entry of listFiles({ repo: { type: 'space', name: space }, recursive: true, revision, accessToken, hubUrl: this.endpoint, fetch: this.#fetch })) {
      if (entry.type !== 'file') continue;
      out.push({ path: entry.path, size: entry.lfs?.size ?? entry.size, ...(entry.oid ? { oid: entry.oid } : {}), lfs: !!entry.lfs, ...(entry.lfs?.oid ? { lfsOid: entry.lfs.oid } : {}) });
    }
    return out;
  }

  async #runtimeCall(operation: string, space: string, method: string, path: string, body?: unknown): Promise<SpaceRuntimeInfo> {
    return this.#run(
      operation,
      `Space ${space}`,
      [],
      async (token) => {
        const raw = await this.#request(method, path, token, body);
        if (!raw || typeof raw !== 'object' || typeof (raw as { stage?: unknown }).stage !== 'string') {
          throw new HubRequestError('invalid-response', `${operation}: the Hub did not answer with the Space runtime.`, { operation });
        }
        return this.#runtime(raw as Record<string, unknown>);
      },
      'required',
    );
  }

  /** A raw Hub API call: JSON in, JSON (or nothing) out, errors as HubError. */
  async #request(method: string, path: string, token: string | undefined, body?: unknown): Promise<unknown> {
    const response = await this.#fetch(`${this.endpoint}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        Accept: 'application/json',
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw await errorFromResponse(response, { operation: `${method} ${pathOf(response.url || path)}` });
    const text = await response.text();
    if (!text.trim()) return undefined;
    if (!response.headers.get('Content-Type')?.includes('json')) return undefined; // e.g. `200 text/plain "OK"`
    try {
      return JSON.parse(text);
    } catch {
      throw new HubRequestError('invalid-response', `${method} ${path}: the Hub sent invalid JSON.`, { operation: `${method} ${path}` });
    }
  }

  /** Runs an operation and turns any failure into a redacted HubError about that operation. */
  async #run<T>(operation: string, subject: string | undefined, secrets: readonly string[], fn: (token: string | undefined) => Promise<T>, auth: 'required' | 'optional' = 'optional'): Promise<T> {
    const token = auth === 'required' ? this.#requireToken(operation) : this.#optionalToken(operation);
    try {
      return await fn(token);
    } catch (error) {
      const context = { operation, subject, secrets: [this.#token, ...secrets] };
      // Errors built deep in the transport name the HTTP call; the caller needs the operation.
      throw toHubError(reframe(toHubError(error, context), operation, subject), context);
    }
  }

  // Operation names carry user input (a key, a flavor): redacted like everything else in an error.
  #requireToken(operation: string): string {
    if (!this.#token) throw missingTokenError(this.redact(operation));
    if (!this.#token.startsWith('hf_')) throw badTokenError(this.redact(operation));
    return this.#token;
  }

  #optionalToken(operation: string): string | undefined {
    if (this.#token && !this.#token.startsWith('hf_')) throw badTokenError(this.redact(operation));
    return this.#token;
  }

  #spaceId(id: string, operation: string): string {
    try {
      return parseSpaceId(id);
    } catch (error) {
      if (error instanceof SpaceRefError) throw new HubRequestError('invalid-input', `${operation}: ${this.redact(error.message)}`, { operation });
      throw error;
    }
  }

  #runtime(raw: Record<string, unknown> | object): SpaceRuntimeInfo {
    const r = raw as { stage?: unknown; hardware?: { current?: unknown; requested?: unknown }; errorMessage?: unknown; gcTimeout?: unknown; storage?: unknown; sdk?: unknown; sdkVersion?: unknown };
    // Every string the Hub sent is redacted: doctor and MCP print these fields as they are.
    const str = (v: unknown) => (typeof v === 'string' ? this.redact(v) : null);
    return {
      stage: typeof r.stage === 'string' ? this.redact(r.stage) : 'UNKNOWN',
      hardware: { current: str(r.hardware?.current), requested: str(r.hardware?.requested) },
      ...(typeof r.errorMessage === 'string' && r.errorMessage ? { errorMessage: this.redact(r.errorMessage) } : {}),
      sleepTimeSeconds: typeof r.gcTimeout === 'number' ? r.gcTimeout : null,
      storage: str(r.storage),
      ...(typeof r.sdk === 'string' ? { sdk: this.redact(r.sdk) } : {}),
      ...(typeof r.sdkVersion === 'string' ? { sdkVersion: this.redact(r.sdkVersion) } : {}),
    };
  }

  #variables(raw: unknown): Record<string, { value: string; description?: string; updatedAt?: string }> {
    const out: Record<string, { value: string; description?: string; updatedAt?: string }> = {};
    for (const [key, meta] of Object.entries((raw ?? {}) as Record<string, { value?: unknown; description?: unknown; updatedAt?: unknown }>)) {
      if (key === '__proto__') continue; // would set the result's prototype, not a key
      out[this.redact(key)] = {
        value: this.redact(String(meta?.value ?? '')),
        ...(typeof meta?.description === 'string' && meta.description ? { description: this.redact(meta.description) } : {}),
        ...(typeof meta?.updatedAt === 'string' ? { updatedAt: this.redact(meta.updatedAt) } : {}),
      };
    }
    return out;
  }
}

/**
 * The token `hf auth login` saved, found the way huggingface_hub finds it: `HF_TOKEN_PATH`, else
 * `$HF_HOME/token`, else `$XDG_CACHE_HOME/huggingface/token`, else `~/.cache/huggingface/token`. Read
 * only as a small regular file; with an explicit `env` and no HOME in it, no home folder is looked at.
 */
export function savedToken(env: Record<string, string | undefined>): string | undefined {
  const home = env.HOME ?? (env === process.env ? homedir() : undefined);
  const expand = (p: string) => (p.startsWith('~/') && home ? join(home, p.slice(2)) : p);
  const hfHome = env.HF_HOME ? expand(env.HF_HOME) : env.XDG_CACHE_HOME ? join(expand(env.XDG_CACHE_HOME), 'huggingface') : home ? join(home, '.cache', 'huggingface') : undefined;
  const path = env.HF_TOKEN_PATH ? expand(env.HF_TOKEN_PATH) : hfHome ? join(hfHome, 'token') : undefined;
  if (!path) return undefined;
  const read = readRegularFileSync(path, 4096);
  if (!read.ok) return undefined;
  const token = new TextDecoder().decode(read.bytes).trim();
  return token || undefined;
}

/** The Hub base URL without trailing slashes (hub.js concatenates paths: `…/` + `/api` breaks, spec §0). */
export function resolveEndpoint(value: string | undefined): string {
  const raw = (value ?? '').trim() || DEFAULT_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HubRequestError('invalid-input', `HF_ENDPOINT "${raw}" is not a URL (expected e.g. ${DEFAULT_ENDPOINT}).`, { operation: 'configure Hub endpoint' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HubRequestError('invalid-input', `HF_ENDPOINT "${raw}" must be an http(s) URL.`, { operation: 'configure Hub endpoint' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new HubRequestError('invalid-input', 'HF_ENDPOINT must be a plain base URL (no credentials, query or fragment).', { operation: 'configure Hub endpoint' });
  }
  return url.href.replace(/\/+$/, '');
}

async function errorFromResponse(response: Response, context: { operation: string; subject?: string }): Promise<HubError> {
  let hubMessage: string | undefined;
  try {
    const text = await response.text();
    if (response.headers.get('Content-Type')?.startsWith('application/json')) {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      const m = json.error ?? json.message;
      hubMessage = typeof m === 'string' ? m : Array.isArray(m) ? m.join('; ') : undefined;
    } else {
      hubMessage = text.trim().split('\n')[0] || undefined;
    }
  } catch {
    // An unreadable error body: the status alone still says what happened.
  }
  return fromStatus(response.status, {
    operation: context.operation,
    subject: context.subject,
    hubMessage,
    requestId: response.headers.get('X-Request-Id') ?? undefined,
  });
}

async function readUntil(reader: ReadableStreamDefaultReader<string>, deadline: number | undefined): Promise<Awaited<ReturnType<ReadableStreamDefaultReader<string>['read']>> | 'idle'> {
  if (deadline === undefined) return reader.read();
  const wait = deadline - Date.now();
  if (wait <= 0) return 'idle';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(() => resolve('idle'), wait);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(timer);
  }
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkKey(key: string, kind: 'secret' | 'variable', space: string, redact: (text: string) => string): void {
  if (!KEY.test(key)) {
    throw new HubRequestError(
      'invalid-input',
      `${kind} name "${redact(key.slice(0, 64))}" for ${space}: use letters, digits and "_", not starting with a digit (it becomes an environment variable).`,
      {
        operation: `set ${kind} of ${space}`,
      },
    );
  }
}

function checkSleep(seconds: number, space: string): number {
  if (!Number.isInteger(seconds) || (seconds < 0 && seconds !== -1)) {
    throw new HubRequestError('invalid-input', `sleep time for ${space} must be a whole number of seconds, or -1 for never.`, { operation: `set sleep time of ${space}` });
  }
  return seconds;
}

function toEntries(input: CreateSpaceOptions['secrets'], kind: 'secret' | 'variable', space: string, redact: (text: string) => string): SecretOrVariableInput[] {
  if (!input) return [];
  const list: SecretOrVariableInput[] = Array.isArray(input) ? input : Object.entries(input).map(([key, value]) => ({ key, value }));
  for (const entry of list) checkKey(entry.key, kind, space, redact);
  return list.map((e) => ({ key: e.key, value: e.value, ...(e.description ? { description: e.description } : {}) }));
}

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { simulateBuild, type BuildOutcome } from './build-simulator.js';
import type { FakeHubOptions, FakeSpaceState } from './fake-hub.js';

/**
 * The fake Hub's state: Spaces with their commits, secrets, variables and runtime, LFS objects, tokens,
 * and the rules that read and change them (auth, builds, runtime polls). Routes (routes.ts, lfs.ts) and
 * the test handle (fake-hub.ts) share one `FakeHubState`.
 */
// biome-ignore format: a packed word list reads better than one word per line
export const HARDWARE = [
  'cpu-basic', 'cpu-upgrade', 'cpu-performance', 'cpu-xl', 'sprx8', 'zero-a10g', 'inf2x6', 't4-small', 't4-medium', 'l4x1', 'l4x4',
  'l40sx1', 'l40sx4', 'l40sx8', 'a10g-small', 'a10g-large', 'a10g-largex2', 'a10g-largex4', 'a100-large', 'a100x4', 'a100x8',
];
export const SDKS = ['gradio', 'docker', 'static', 'streamlit'];
const DEFAULT_SLEEP = 172_800; // 48 h, the recorded default gcTimeout

export interface StoredFile {
  content: Uint8Array;
  /** sha256 of an LFS-stored file. */
  lfs?: string;
}

export interface Commit {
  oid: string;
  title: string;
  date: string;
  files: Map<string, StoredFile>;
}

export interface SpaceRecord {
  mongoId: string;
  namespace: string;
  name: string;
  sdk: string;
  private: boolean;
  commits: Commit[];
  secrets: Map<string, { value: string; description?: string; updatedAt: string }>;
  variables: Map<string, { value: string; description?: string; updatedAt: string }>;
  hardware: string | null;
  currentHardware: string | null;
  sleepTime: number | null;
  storage: string | null;
  stage: string;
  errorMessage?: string;
  pollsLeft: number;
  pending?: BuildOutcome;
  buildLogs: string[];
  runLogs: string[];
  runLogEveryMs?: number;
  restarts: number;
  factoryRebuilds: number;
}

export interface Principal {
  user: string;
  role: 'read' | 'write';
  orgs: string[];
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type FakeHubState = ReturnType<typeof createHubState>;

export function createHubState(options: FakeHubOptions) {
  const tokens = new Map<string, Principal>();
  for (const [token, info] of Object.entries(options.tokens ?? { hf_fake_write: 'write', hf_fake_read: 'read' })) {
    if (!token.startsWith('hf_')) throw new Error(`fake Hub tokens must start with hf_ (the client refuses others): got one that does not`);
    const i = typeof info === 'string' ? { role: info } : info;
    tokens.set(token, { user: i.user ?? 'user', role: i.role ?? 'write', orgs: i.orgs ?? ['acme'] });
  }
  const cfg = {
    lfsThreshold: options.lfsThreshold ?? 10 * 1024 * 1024,
    multipartThreshold: options.multipartThreshold ?? 20 * 1024 * 1024,
    multipartChunk: options.multipartChunk ?? 5 * 1024 * 1024,
    buildPolls: options.buildPolls ?? 2,
    pageSize: options.pageSize ?? 1000,
  };
  const spaces = new Map<string, SpaceRecord>();
  const lfsObjects = new Map<string, Uint8Array>();
  const multiparts = new Map<string, Map<number, { bytes: Uint8Array; etag: string }>>();
  /** Open SSE log streams, ended when the fake closes. */
  const openStreams = new Set<ServerResponse>();
  /** Base URL, set once the server listens. */
  const state = { base: '' };

  const head = (s: SpaceRecord) => s.commits[s.commits.length - 1];
  const now = () => new Date().toISOString();

  function newSpace(id: string, sdk: string, isPrivate: boolean, hardware: string | null): SpaceRecord {
    const [namespace, name] = id.split('/');
    return {
      mongoId: randomBytes(12).toString('hex'),
      namespace,
      name,
      sdk,
      private: isPrivate,
      commits: [],
      secrets: new Map(),
      variables: new Map(),
      hardware: hardware ?? (sdk === 'static' ? null : 'cpu-basic'),
      currentHardware: null,
      sleepTime: sdk === 'static' ? null : DEFAULT_SLEEP,
      storage: null,
      stage: 'BUILDING',
      pollsLeft: 0,
      buildLogs: [],
      runLogs: [],
      restarts: 0,
      factoryRebuilds: 0,
    };
  }

  function addCommit(space: SpaceRecord, title: string, files: Map<string, StoredFile>): Commit {
    const commit = { oid: randomBytes(20).toString('hex'), title, date: now(), files };
    space.commits.push(commit);
    return commit;
  }

  /** Starts a build of the head commit: BUILDING for `buildPolls` runtime reads, then the outcome. */
  function build(space: SpaceRecord): void {
    const commit = head(space);
    const outcome = simulateBuild({
      files: new Map([...commit.files].map(([p, f]) => [p, f.content])),
      sdk: space.sdk,
      hardware: space.hardware,
      commit: commit.oid,
    });
    space.buildLogs = outcome.buildLogs;
    space.runLogs = [];
    space.errorMessage = undefined;
    if (outcome.stage === 'NO_APP_FILE' || outcome.stage === 'CONFIG_ERROR' || cfg.buildPolls === 0 || space.sdk === 'static') {
      settle(space, outcome);
    } else {
      space.stage = 'BUILDING';
      space.pollsLeft = cfg.buildPolls;
      space.pending = outcome;
    }
  }

  function settle(space: SpaceRecord, outcome: BuildOutcome): void {
    space.stage = outcome.stage;
    space.errorMessage = outcome.errorMessage;
    space.buildLogs = outcome.buildLogs;
    space.runLogs = outcome.runLogs;
    space.pending = undefined;
    if (outcome.stage === 'RUNNING' || outcome.stage === 'RUNTIME_ERROR') space.currentHardware = space.hardware;
  }

  /** A runtime read advances a build in progress. */
  function pollRuntime(space: SpaceRecord): void {
    if (space.stage !== 'BUILDING' || !space.pending) return;
    if (space.pollsLeft > 0) space.pollsLeft--;
    else settle(space, space.pending);
  }

  function runtimeJson(space: SpaceRecord): Record<string, unknown> {
    return {
      stage: space.stage,
      hardware: { current: space.currentHardware, requested: space.hardware },
      storage: space.storage,
      gcTimeout: space.sleepTime,
      replicas: space.stage === 'RUNNING' ? { requested: 1, current: 1 } : { requested: 1 },
      devMode: false,
      domains: [{ domain: `${space.namespace}-${space.name}.hf.space`.toLowerCase().replace(/[._]/g, '-'), stage: 'READY' }],
      sdk: space.sdk,
      ...(space.errorMessage ? { errorMessage: space.errorMessage } : {}),
    };
  }

  function spaceInfoJson(space: SpaceRecord, commit: Commit, expand: string[]): Record<string, unknown> {
    const all: Record<string, unknown> = {
      author: space.namespace,
      sdk: space.sdk,
      likes: 0,
      private: space.private,
      lastModified: commit.date,
      createdAt: space.commits[0]?.date,
      sha: commit.oid,
      runtime: runtimeJson(space),
      subdomain: `${space.namespace}-${space.name}`.toLowerCase(),
      tags: [space.sdk, 'region:us'],
      disabled: false,
    };
    const keys = expand.map((e) => e.replace(/\[\]$/, '')).filter((k) => k in all);
    // With `expand`, the Hub returns only `_id`, `id` and the expanded keys (spec a.1 "Space info").
    const picked = expand.length ? Object.fromEntries(keys.map((k) => [k, all[k]])) : all;
    return { _id: space.mongoId, id: `${space.namespace}/${space.name}`, ...picked };
  }

  function stateOf(space: SpaceRecord): FakeSpaceState {
    const commit = head(space);
    const files = new Map([...(commit?.files ?? new Map<string, StoredFile>())].map(([p, f]) => [p, f.content]));
    return {
      id: `${space.namespace}/${space.name}`,
      sdk: space.sdk,
      private: space.private,
      files,
      lfsPaths: new Set([...(commit?.files ?? new Map<string, StoredFile>())].filter(([, f]) => f.lfs).map(([p]) => p)),
      commits: space.commits.map((c) => ({ oid: c.oid, title: c.title })),
      secrets: Object.fromEntries([...space.secrets].map(([k, v]) => [k, v.value])),
      variables: Object.fromEntries([...space.variables].map(([k, v]) => [k, v.value])),
      hardware: space.hardware,
      sleepTime: space.sleepTime,
      storage: space.storage,
      stage: space.stage,
      ...(space.errorMessage ? { errorMessage: space.errorMessage } : {}),
      restarts: space.restarts,
      factoryRebuilds: space.factoryRebuilds,
      text: (path) => {
        const bytes = files.get(path);
        return bytes ? new TextDecoder().decode(bytes) : undefined;
      },
    };
  }

  // ── auth ───────────────────────────────────────────────────────────────────────────────────────
  function principalOf(req: IncomingMessage): Principal | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    const principal = token ? tokens.get(token) : undefined;
    if (!principal) throw new HttpError(401, 'Invalid credentials in Authorization header');
    return principal;
  }

  const member = (p: Principal | undefined, namespace: string) => !!p && (p.user === namespace || p.orgs.includes(namespace));

  function findSpace(id: string, who: Principal | undefined): SpaceRecord {
    const space = spaces.get(id);
    if (!space || (space.private && !member(who, space.namespace))) {
      // Anonymous requests for private or missing repos get 401 on the real Hub (spec a.4).
      if (!who) throw new HttpError(401, 'Invalid username or password.', 'RepoNotFound');
      throw new HttpError(404, 'Repository not found', 'RepoNotFound');
    }
    return space;
  }

  function requireWrite(space: SpaceRecord | string, who: Principal | undefined): void {
    const namespace = typeof space === 'string' ? space : space.namespace;
    if (!who) throw new HttpError(401, 'Invalid username or password.');
    if (!member(who, namespace) || who.role !== 'write') {
      throw new HttpError(403, `You don't have the rights to write to ${typeof space === 'string' ? `the namespace ${namespace}` : `${space.namespace}/${space.name}`}`);
    }
  }

  function resolveCommit(space: SpaceRecord, rev: string): Commit {
    const commit = rev === 'main' || rev === 'HEAD' ? head(space) : /^[0-9a-f]{7,40}$/.test(rev) ? [...space.commits].reverse().find((c) => c.oid.startsWith(rev)) : undefined;
    if (!commit) throw new HttpError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
    return commit;
  }

  function resolveBranch(space: SpaceRecord, rev: string | undefined): Commit {
    if (rev !== undefined && rev !== 'main') throw new HttpError(404, `Invalid rev id: ${rev} (the fake Hub has only the main branch)`, 'RevisionNotFound');
    return head(space);
  }

  return Object.assign(state, {
    tokens,
    cfg,
    spaces,
    lfsObjects,
    multiparts,
    openStreams,
    head,
    now,
    newSpace,
    addCommit,
    build,
    settle,
    pollRuntime,
    runtimeJson,
    spaceInfoJson,
    stateOf,
    principalOf,
    member,
    findSpace,
    requireWrite,
    resolveCommit,
    resolveBranch,
  });
}

/** Git's blob id: sha1 of `blob <size>\0<content>`. */
export function gitBlobOid(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

export function lfsPointer(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

export const GITATTRIBUTES = [
  '*.7z filter=lfs diff=lfs merge=lfs -text',
  '*.bin filter=lfs diff=lfs merge=lfs -text',
  '*.ckpt filter=lfs diff=lfs merge=lfs -text',
  '*.h5 filter=lfs diff=lfs merge=lfs -text',
  '*.onnx filter=lfs diff=lfs merge=lfs -text',
  '*.pt filter=lfs diff=lfs merge=lfs -text',
  '*.pth filter=lfs diff=lfs merge=lfs -text',
  '*.safetensors filter=lfs diff=lfs merge=lfs -text',
  '*.zip filter=lfs diff=lfs merge=lfs -text',
  '',
].join('\n');

export function defaultReadme(name: string, sdk: string): string {
  const extra = sdk === 'gradio' ? 'sdk_version: 5.49.1\napp_file: app.py\n' : sdk === 'streamlit' ? 'sdk_version: 1.50.0\napp_file: app.py\n' : '';
  return `---\ntitle: ${name}\nemoji: 🚀\ncolorFrom: blue\ncolorTo: green\nsdk: ${sdk}\n${extra}pinned: false\n---\n\nCheck out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference\n`;
}

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simulateBuild, type BuildOutcome } from './build-simulator.js';

/**
 * A local Hugging Face Hub for tests: an HTTP server on 127.0.0.1 that answers what
 * ../shared/spec/hub-api.md documents, closely enough that the real `@huggingface/hub` client creates
 * Spaces, commits (regular files, basic and multipart LFS), lists and downloads against it, and the
 * Space-management endpoints (runtime, secrets, variables, hardware, sleep time, pause, restart,
 * storage, SSE logs) behave as recorded from the real Hub. State is in memory; a commit is a copy of the
 * file map with a random 40-hex id. Not a security boundary: LFS objects are readable by anyone who
 * knows their hash, as presigned storage URLs are.
 */

export interface FakeHubTokenInfo {
  /** User the token belongs to (default `user`). */
  user?: string;
  role?: 'read' | 'write';
  /** Organizations the user is a member of (default `['acme']`). */
  orgs?: string[];
}

export interface FakeHubOptions {
  /** Tokens the fake accepts (each must start with `hf_`, as the client requires). Default: `hf_fake_write`, `hf_fake_read`. */
  tokens?: Record<string, FakeHubTokenInfo | 'read' | 'write'>;
  /** Preupload marks files this big (or with a NUL byte in their first 512 bytes) as LFS. Default 10 MiB (the Hub's). */
  lfsThreshold?: number;
  /** LFS objects this big are uploaded in parts. Default 20 MiB. */
  multipartThreshold?: number;
  /** Part size of multipart uploads. Default 5 MiB. */
  multipartChunk?: number;
  /** Runtime reads that still say BUILDING after a commit or restart. Default 2. */
  buildPolls?: number;
  /** Entries per page of the tree and Space listings (`Link` paging). Default 1000. */
  pageSize?: number;
}

export interface FakeSpaceSeed {
  sdk?: 'gradio' | 'docker' | 'static' | 'streamlit';
  private?: boolean;
  /** Runtime to show as is (e.g. `{ stage: 'RUNTIME_ERROR', errorMessage: 'Memory limit exceeded (16Gi)' }`). */
  runtime?: { stage?: string; errorMessage?: string; hardware?: string; sleepTime?: number | null };
  /** Log lines the SSE endpoints replay (default: what the build simulator printed for the files). */
  buildLogs?: string[] | string;
  runLogs?: string[] | string;
  secrets?: Record<string, string>;
  variables?: Record<string, string>;
}

export interface FakeSpaceState {
  id: string;
  sdk: string;
  private: boolean;
  /** Files of the last commit. */
  files: Map<string, Uint8Array>;
  /** Paths stored through LFS in the last commit. */
  lfsPaths: Set<string>;
  /** Commit ids and titles, oldest first. */
  commits: { oid: string; title: string }[];
  secrets: Record<string, string>;
  variables: Record<string, string>;
  /** Requested hardware flavor. */
  hardware: string | null;
  /** Sleep time in seconds (`gcTimeout`). */
  sleepTime: number | null;
  storage: string | null;
  stage: string;
  errorMessage?: string;
  restarts: number;
  factoryRebuilds: number;
  /** The text of a file of the last commit. */
  text(path: string): string | undefined;
}

export interface FakeFault {
  /** HTTP method to match (default: any). */
  method?: string;
  /** Exact request path, a prefix when it ends with `*`, or a RegExp tested on the path. */
  path?: string | RegExp;
  /** Remove every fault injected so far (before adding this one, if it has a path). */
  reset?: boolean;
  /** Status to answer with; omit to only delay the real answer. */
  status?: number;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times?: number;
  /** `Retry-After` seconds sent with the status. */
  retryAfter?: number;
  /** Wait this long before answering (a timeout test: longer than the client's timeout). */
  delayMs?: number;
  /** Error text (default: a plausible one for the status). */
  body?: string;
}

export interface FakeFaultHandle {
  /** How many requests the fault has answered so far. */
  readonly hits: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** The user the request authenticated as (never the token). */
  user?: string;
}

export interface FakeHub {
  /** Base URL (`http://127.0.0.1:<port>`), to pass as `endpoint` / `hubUrl`. */
  url: string;
  close(): Promise<void>;
  /** Creates (or replaces) a Space with these files as its only commit. */
  seedSpace(id: string, files: Record<string, string | Uint8Array>, seed?: FakeSpaceSeed): FakeSpaceState;
  /** The Space's current state, for assertions (undefined when it does not exist). */
  space(id: string): FakeSpaceState | undefined;
  /** Makes the next matching requests fail or stall; `{ reset: true }` removes every fault. */
  inject(fault: FakeFault): FakeFaultHandle;
  /** Every request served, in order. */
  readonly requests: FakeRequest[];
}

const HARDWARE = [
  'cpu-basic', 'cpu-upgrade', 'cpu-performance', 'cpu-xl', 'sprx8', 'zero-a10g', 'inf2x6', 't4-small', 't4-medium', 'l4x1', 'l4x4',
  'l40sx1', 'l40sx4', 'l40sx8', 'a10g-small', 'a10g-large', 'a10g-largex2', 'a10g-largex4', 'a100-large', 'a100x4', 'a100x8',
];
const SDKS = ['gradio', 'docker', 'static', 'streamlit'];
const DEFAULT_SLEEP = 172_800; // 48 h, the recorded default gcTimeout

interface StoredFile {
  content: Uint8Array;
  /** sha256 of an LFS-stored file. */
  lfs?: string;
}

interface Commit {
  oid: string;
  title: string;
  date: string;
  files: Map<string, StoredFile>;
}

interface SpaceRecord {
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
  restarts: number;
  factoryRebuilds: number;
}

interface Principal {
  user: string;
  role: 'read' | 'write';
  orgs: string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function createFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
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
  const faults: (FakeFault & { path: string | RegExp; left: number; hits: number })[] = [];
  const requests: FakeRequest[] = [];
  const openStreams = new Set<ServerResponse>();
  let requestCounter = 0;
  let base = '';

  // ── state helpers ──────────────────────────────────────────────────────────────────────────────
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
    const commit =
      rev === 'main' || rev === 'HEAD'
        ? head(space)
        : /^[0-9a-f]{7,40}$/.test(rev)
          ? [...space.commits].reverse().find((c) => c.oid.startsWith(rev))
          : undefined;
    if (!commit) throw new HttpError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
    return commit;
  }

  // ── responses ──────────────────────────────────────────────────────────────────────────────────
  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
    sendJson(res, error.status, { error: error.message, ...error.extra }, {
      'X-Error-Message': error.message.replace(/[^\x20-\x7e]/g, '?'),
      ...(error.errorCode ? { 'X-Error-Code': error.errorCode } : {}),
      ...headers,
    });
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const body = await readBody(req);
    if (body.length === 0) return {};
    try {
      const parsed = JSON.parse(body.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new HttpError(400, 'Invalid JSON body');
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, etag: string, extra: Record<string, string> = {}): void {
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const headers = { 'Accept-Ranges': 'bytes', ETag: `"${etag}"`, 'Content-Type': 'application/octet-stream', ...extra };
    if (range && bytes.length > 0) {
      const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
      const end = range[1] ? (range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1) : bytes.length - 1;
      if (start >= bytes.length || end < start) {
        res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` });
        return void res.end();
      }
      const slice = bytes.subarray(start, end + 1);
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': slice.length });
      return void res.end(req.method === 'HEAD' ? undefined : slice);
    }
    if (range && bytes.length === 0) {
      // An empty file cannot satisfy bytes=0-0; say its size so the client still learns it.
      res.writeHead(200, { ...headers, 'Content-Range': 'bytes 0-0/0', 'Content-Length': 0 });
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  // ── route handlers ─────────────────────────────────────────────────────────────────────────────
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, who: Principal | undefined): Promise<void> {
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').slice(1).map((p) => decodeURIComponent(p));

    if (method === 'GET' && url.pathname === '/api/whoami-v2') {
      if (!who) throw new HttpError(401, 'Invalid credentials in Authorization header');
      return sendJson(res, 200, {
        type: 'user',
        id: createHash('sha1').update(who.user).digest('hex').slice(0, 24),
        name: who.user,
        fullname: who.user,
        email: `${who.user}@example.com`,
        emailVerified: true,
        isPro: false,
        canPay: false,
        avatarUrl: '',
        periodEnd: null,
        billingMode: 'postpaid',
        orgs: who.orgs.map((name) => ({ type: 'org', id: createHash('sha1').update(name).digest('hex').slice(0, 24), name, fullname: name, email: null, canPay: false, avatarUrl: '', periodEnd: null })),
        auth: { type: 'access_token', accessToken: { displayName: 'fake', role: who.role, createdAt: '2025-01-01T00:00:00.000Z' } },
      });
    }
    if (method === 'POST' && url.pathname === '/api/repos/create') return createRepo(req, res, who);
    if (method === 'DELETE' && url.pathname === '/api/repos/delete') {
      const body = await readJson(req);
      const id = `${String(body.organization ?? who?.user)}/${String(body.name)}`;
      const space = findSpace(id, who);
      requireWrite(space, who);
      spaces.delete(id);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return void res.end('OK');
    }
    if (method === 'GET' && url.pathname === '/api/spaces/hardware') {
      return sendJson(res, 200, HARDWARE.map((name) => ({ name, prettyName: name, cpu: '2 vCPU', ram: '16 GB', unitCostMicroUSD: 0, unitCostUSD: 0, unitLabel: 'hour' })));
    }
    if (method === 'GET' && url.pathname === '/api/spaces') {
      const author = url.searchParams.get('author');
      const list = [...spaces.values()].filter((s) => (!author || s.namespace === author) && (!s.private || member(who, s.namespace)));
      // spacelint audit: `search` (substring of the id) and `Link` paging by `limit` and `pageSize`, as the Hub pages listings.
      const search = url.searchParams.get('search')?.toLowerCase();
      const found = search ? list.filter((s) => `${s.namespace}/${s.name}`.toLowerCase().includes(search)) : list;
      const size = Math.min(Number(url.searchParams.get('limit')) || cfg.pageSize, cfg.pageSize);
      const cursor = Number(url.searchParams.get('cursor') ?? '0') || 0;
      const next = new URL(url.href, base);
      next.searchParams.set('cursor', String(cursor + size));
      const link: Record<string, string> = cursor + size < found.length ? { Link: `<${base}${next.pathname}${next.search}>; rel="next"` } : {};
      return sendJson(res, 200, found.slice(cursor, cursor + size).map((s) => spaceInfoJson(s, head(s), url.searchParams.getAll('expand'))), link);
    }
    // Git LFS batch: /spaces/{ns}/{name}.git/info/lfs/objects/batch (no /api, spec §0).
    if (method === 'POST' && parts[0] === 'spaces' && parts.length === 7 && parts[2].endsWith('.git') && parts.slice(3).join('/') === 'info/lfs/objects/batch') {
      return lfsBatch(req, res, `${parts[1]}/${parts[2].slice(0, -4)}`, who);
    }
    if (parts[0] === '__lfs') return lfsStorage(req, res, parts);
    if ((method === 'GET' || method === 'HEAD') && parts[0] === 'spaces' && (parts[3] === 'resolve' || parts[3] === 'raw') && parts.length >= 6) {
      const space = findSpace(`${parts[1]}/${parts[2]}`, who);
      const commit = resolveCommit(space, parts[4]);
      return serveFile(req, res, commit, parts.slice(5).join('/'), parts[3] === 'raw');
    }
    if (parts[0] === 'api' && parts[1] === 'spaces' && parts.length >= 4) return spaceApi(req, res, url, parts.slice(2), who);
    throw new HttpError(404, `Sorry, we can't find the page you are looking for (fake Hub: no route for ${method} ${url.pathname}).`);
  }

  async function createRepo(req: IncomingMessage, res: ServerResponse, who: Principal | undefined): Promise<void> {
    if (!who) throw new HttpError(401, 'Invalid username or password.');
    const body = await readJson(req);
    if (body.type !== 'space') throw new HttpError(400, 'The fake Hub hosts Spaces only (type must be "space")');
    const name = String(body.name ?? '');
    const namespace = String(body.organization ?? who.user);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,94}$/.test(name)) throw new HttpError(400, `Invalid repo name: ${name}`);
    const sdk = String(body.sdk ?? 'static');
    if (!SDKS.includes(sdk)) throw new HttpError(400, `Invalid sdk: ${sdk}. Must be one of ${SDKS.join(', ')}`);
    requireWrite(namespace, who);
    const id = `${namespace}/${name}`;
    if (spaces.has(id)) throw new HttpError(409, 'You already created this space repo', undefined, { url: `${base}/spaces/${id}` });
    const hardware = body.hardware === undefined ? null : String(body.hardware);
    if (hardware !== null && !HARDWARE.includes(hardware)) throw new HttpError(400, `Invalid hardware flavor: ${hardware}`);
    const isPrivate = body.visibility !== undefined ? body.visibility !== 'public' : body.private === true;
    const space = newSpace(id, sdk, isPrivate, hardware);
    if (typeof body.sleepTimeSeconds === 'number') space.sleepTime = body.sleepTimeSeconds;
    for (const [list, target] of [[body.secrets, space.secrets], [body.variables, space.variables]] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw new HttpError(400, 'secrets and variables must be arrays of {key, value}');
      for (const item of list as { key?: unknown; value?: unknown; description?: unknown }[]) {
        if (typeof item?.key !== 'string' || typeof item.value !== 'string') throw new HttpError(400, 'Each secret or variable needs a string key and value');
        target.set(item.key, { value: item.value, ...(typeof item.description === 'string' ? { description: item.description } : {}), updatedAt: now() });
      }
    }
    const files = new Map<string, StoredFile>([
      ['.gitattributes', { content: Buffer.from(GITATTRIBUTES) }],
      ['README.md', { content: Buffer.from(defaultReadme(name, sdk)) }],
    ]);
    for (const file of (Array.isArray(body.files) ? body.files : []) as { path?: unknown; content?: unknown }[]) {
      if (typeof file.path === 'string' && typeof file.content === 'string') files.set(file.path, { content: Buffer.from(file.content, 'base64') });
    }
    spaces.set(id, space);
    addCommit(space, 'initial commit', files);
    build(space);
    return sendJson(res, 200, { url: `${base}/spaces/${id}`, name: id, id: space.mongoId });
  }

  async function spaceApi(req: IncomingMessage, res: ServerResponse, url: URL, rest: string[], who: Principal | undefined): Promise<void> {
    const method = req.method ?? 'GET';
    const id = `${rest[0]}/${rest[1]}`;
    const action = rest[2];
    const space = findSpace(id, who);

    if (method === 'GET' && (action === undefined || action === 'revision')) {
      const commit = resolveCommit(space, action === 'revision' ? (rest[3] ?? 'main') : 'main');
      const expand = url.searchParams.getAll('expand').concat(url.searchParams.getAll('expand[]'));
      if (expand.includes('runtime')) pollRuntime(space);
      return sendJson(res, 200, spaceInfoJson(space, commit, url.searchParams.getAll('expand')));
    }
    if (method === 'GET' && action === 'tree') return tree(res, url, resolveCommit(space, rest[3] ?? 'main'), rest.slice(4).join('/'));
    if (method === 'POST' && action === 'paths-info') {
      const commit = resolveCommit(space, rest[3] ?? 'main');
      const body = await readJson(req);
      const paths = Array.isArray(body.paths) ? (body.paths as unknown[]).filter((p): p is string => typeof p === 'string') : [];
      return sendJson(res, 200, paths.filter((p) => commit.files.has(p)).map((p) => treeEntry(p, commit.files.get(p)!, commit)));
    }
    if (method === 'POST' && action === 'preupload') return preupload(req, res, space, who, rest[3]);
    if (method === 'POST' && action === 'commit') return commitFiles(req, res, url, space, who, rest[3]);

    if (method === 'GET' && action === 'runtime') {
      pollRuntime(space);
      return sendJson(res, 200, runtimeJson(space));
    }
    if (action === 'secrets' || action === 'variables') {
      requireWrite(space, who);
      const store = action === 'secrets' ? space.secrets : space.variables;
      const view = () =>
        Object.fromEntries(
          [...store].map(([k, v]) => [k, action === 'secrets' ? { ...(v.description ? { description: v.description } : {}), updatedAt: v.updatedAt } : { value: v.value, ...(v.description ? { description: v.description } : {}), updatedAt: v.updatedAt }]),
        );
      if (method === 'GET') return sendJson(res, 200, view());
      const body = await readJson(req);
      if (typeof body.key !== 'string' || !body.key) throw new HttpError(400, 'key is required');
      if (method === 'POST') {
        if (typeof body.value !== 'string') throw new HttpError(400, 'value must be a string');
        store.set(body.key, { value: body.value, ...(typeof body.description === 'string' ? { description: body.description } : {}), updatedAt: now() });
        return sendJson(res, 200, action === 'secrets' ? {} : view());
      }
      if (method === 'DELETE') {
        store.delete(body.key);
        return sendJson(res, 200, action === 'secrets' ? {} : view());
      }
    }
    if (method === 'POST' && action === 'hardware') {
      requireWrite(space, who);
      const body = await readJson(req);
      if (typeof body.flavor !== 'string' || !HARDWARE.includes(body.flavor)) throw new HttpError(400, `Invalid hardware flavor: ${String(body.flavor)}`);
      space.hardware = body.flavor;
      if (typeof body.sleepTimeSeconds === 'number') space.sleepTime = body.sleepTimeSeconds;
      build(space);
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'POST' && action === 'sleeptime') {
      requireWrite(space, who);
      const body = await readJson(req);
      if (typeof body.seconds !== 'number' || !Number.isInteger(body.seconds) || (body.seconds < 0 && body.seconds !== -1)) {
        throw new HttpError(400, 'seconds must be an integer (or -1 for never)');
      }
      space.sleepTime = body.seconds;
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'POST' && (action === 'pause' || action === 'restart')) {
      requireWrite(space, who);
      if (space.sdk === 'static') throw new HttpError(400, `Cannot ${action} a static Space`);
      if (action === 'pause') {
        space.stage = 'PAUSED';
        space.pending = undefined;
        space.errorMessage = undefined;
      } else {
        space.restarts++;
        if (url.searchParams.get('factory') === 'true') space.factoryRebuilds++;
        build(space);
      }
      return sendJson(res, 200, runtimeJson(space));
    }
    if (action === 'storage' && (method === 'POST' || method === 'DELETE')) {
      requireWrite(space, who);
      if (method === 'POST') {
        const body = await readJson(req);
        if (!['small', 'medium', 'large'].includes(String(body.tier))) throw new HttpError(400, `Invalid storage tier: ${String(body.tier)}`);
        space.storage = String(body.tier);
      } else {
        if (!space.storage) throw new HttpError(400, 'This Space has no persistent storage');
        space.storage = null;
      }
      return sendJson(res, 200, runtimeJson(space));
    }
    if (method === 'GET' && action === 'logs' && (rest[3] === 'build' || rest[3] === 'run')) {
      if (!who || !member(who, space.namespace)) throw new HttpError(who ? 403 : 401, 'You need to be a member of the Space owner to read its logs');
      return streamLogs(req, res, rest[3] === 'build' ? space.buildLogs : space.runLogs);
    }
    throw new HttpError(404, `Sorry, we can't find the page you are looking for (fake Hub: no route for ${method} ${url.pathname}).`);
  }

  function streamLogs(req: IncomingMessage, res: ServerResponse, lines: string[]): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders(); // an empty log still answers at once
    const timestamp = now();
    for (const line of lines) res.write(`data: ${JSON.stringify({ data: `${line}\n`, timestamp })}\n\n`);
    // The real stream stays open (the client reads until idle, spec hub-api.md a.2); keep-alives are empty events.
    openStreams.add(res);
    const keepAlive = setInterval(() => res.write('data:\n\n'), 15_000);
    const done = () => {
      clearInterval(keepAlive);
      openStreams.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  function treeEntry(path: string, file: StoredFile, commit: Commit): Record<string, unknown> {
    return {
      type: 'file',
      oid: file.lfs ? gitBlobOid(Buffer.from(lfsPointer(file.lfs, file.content.length))) : gitBlobOid(file.content),
      size: file.content.length,
      path,
      ...(file.lfs ? { lfs: { oid: file.lfs, size: file.content.length, pointerSize: lfsPointer(file.lfs, file.content.length).length } } : {}),
      lastCommit: { id: commit.oid, title: commit.title, date: commit.date },
    };
  }

  function tree(res: ServerResponse, url: URL, commit: Commit, folder: string): void {
    const recursive = url.searchParams.get('recursive') === 'true';
    const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
    if (folder && ![...commit.files.keys()].some((p) => p.startsWith(prefix))) {
      if (commit.files.has(folder)) throw new HttpError(400, `${folder} is a file, not a folder`);
      throw new HttpError(404, `Entry not found: ${folder}`, 'EntryNotFound');
    }
    const entries: Record<string, unknown>[] = [];
    const dirs = new Set<string>();
    for (const [path, file] of [...commit.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      const slash = rel.indexOf('/');
      if (slash !== -1) {
        const dir = prefix + rel.slice(0, slash);
        if (!dirs.has(dir)) {
          dirs.add(dir);
          entries.push({ type: 'directory', oid: createHash('sha1').update(dir).digest('hex'), size: 0, path: dir });
        }
        if (!recursive) continue;
        // Every intermediate folder of a recursive listing is listed too.
        const segments = rel.split('/');
        for (let i = 2; i < segments.length; i++) {
          const deeper = prefix + segments.slice(0, i).join('/');
          if (!dirs.has(deeper)) {
            dirs.add(deeper);
            entries.push({ type: 'directory', oid: createHash('sha1').update(deeper).digest('hex'), size: 0, path: deeper });
          }
        }
      }
      entries.push(treeEntry(path, file, commit));
    }
    const cursor = Number(url.searchParams.get('cursor') ?? '0') || 0;
    const page = entries.slice(cursor, cursor + cfg.pageSize);
    const headers: Record<string, string> = {};
    if (cursor + cfg.pageSize < entries.length) {
      const next = new URL(url.href, base);
      next.searchParams.set('cursor', String(cursor + cfg.pageSize));
      headers.Link = `<${base}${next.pathname}${next.search}>; rel="next"`;
    }
    sendJson(res, 200, page, headers);
  }

  async function preupload(req: IncomingMessage, res: ServerResponse, space: SpaceRecord, who: Principal | undefined, rev: string | undefined): Promise<void> {
    requireWrite(space, who);
    const commit = resolveBranch(space, rev);
    const body = await readJson(req);
    const files = Array.isArray(body.files) ? (body.files as { path?: unknown; size?: unknown; sample?: unknown }[]) : undefined;
    if (!files) throw new HttpError(400, 'files is required');
    return sendJson(res, 200, {
      files: files.map((f) => {
        const path = String(f.path);
        const size = Number(f.size);
        const sample = Buffer.from(String(f.sample ?? ''), 'base64');
        const lfs = size >= cfg.lfsThreshold || sample.includes(0);
        const current = commit.files.get(path);
        return { path, uploadMode: lfs ? 'lfs' : 'regular', shouldIgnore: false, ...(current ? { oid: gitBlobOid(current.content) } : {}) };
      }),
      commitOid: commit.oid,
    });
  }

  function resolveBranch(space: SpaceRecord, rev: string | undefined): Commit {
    if (rev !== undefined && rev !== 'main') throw new HttpError(404, `Invalid rev id: ${rev} (the fake Hub has only the main branch)`, 'RevisionNotFound');
    return head(space);
  }

  async function lfsBatch(req: IncomingMessage, res: ServerResponse, id: string, who: Principal | undefined): Promise<void> {
    const space = findSpace(id, who);
    requireWrite(space, who);
    const body = await readJson(req);
    if (body.operation !== 'upload') throw new HttpError(400, 'Only the upload operation is supported');
    const objects = Array.isArray(body.objects) ? (body.objects as { oid?: unknown; size?: unknown }[]) : [];
    const requestId = String(res.getHeader('X-Request-Id'));
    const answer = objects.map((o) => {
      const oid = String(o.oid);
      const size = Number(o.size);
      if (!/^[0-9a-f]{64}$/.test(oid) || !Number.isInteger(size) || size < 0) {
        return { oid, size, error: { code: 422, message: 'Invalid object: oid must be a sha256 hex digest and size a byte count' } };
      }
      // Already stored: no actions, so the client skips the upload (spec a.1 "LFS batch").
      if (lfsObjects.get(oid)?.length === size) return { oid, size, authenticated: true };
      if (size >= cfg.multipartThreshold) {
        const count = Math.ceil(size / cfg.multipartChunk);
        const header: Record<string, string> = { chunk_size: String(cfg.multipartChunk) };
        for (let i = 1; i <= count; i++) header[String(i).padStart(5, '0')] = `${base}/__lfs/multipart/${oid}/${i}`;
        return { oid, size, authenticated: true, actions: { upload: { href: `${base}/__lfs/complete/${oid}?size=${size}`, header, expires_in: 86_400 } } };
      }
      return {
        oid,
        size,
        authenticated: true,
        actions: {
          upload: { href: `${base}/__lfs/upload/${oid}?size=${size}`, expires_in: 86_400 },
          verify: { href: `${base}/__lfs/verify`, header: { Authorization: 'Basic fake' } },
        },
      };
    });
    sendJson(res, 200, { transfer: 'basic', objects: answer }, { 'Content-Type': 'application/vnd.git-lfs+json', 'X-Request-Id': requestId });
  }

  async function lfsStorage(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    const kind = parts[1];
    const oid = parts[2] ?? '';
    if (method === 'PUT' && kind === 'upload') {
      const bytes = await readBody(req);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== oid) throw new HttpError(400, `Uploaded content does not match its oid (got sha256 ${sha})`);
      lfsObjects.set(oid, new Uint8Array(bytes));
      res.writeHead(200);
      return void res.end();
    }
    if (method === 'PUT' && kind === 'multipart') {
      const part = Number(parts[3]);
      const bytes = await readBody(req);
      const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
      const map = multiparts.get(oid) ?? new Map();
      map.set(part, { bytes: new Uint8Array(bytes), etag });
      multiparts.set(oid, map);
      res.writeHead(200, { ETag: etag });
      return void res.end();
    }
    if (method === 'POST' && kind === 'complete') {
      const body = await readJson(req);
      const list = Array.isArray(body.parts) ? (body.parts as { partNumber?: unknown; etag?: unknown }[]) : [];
      const stored = multiparts.get(oid);
      if (!stored || list.length !== stored.size) throw new HttpError(400, 'Multipart upload is incomplete');
      const chunks: Uint8Array[] = [];
      for (const [i, item] of list.entries()) {
        const part = stored.get(Number(item.partNumber));
        if (!part || Number(item.partNumber) !== i + 1 || part.etag !== item.etag) throw new HttpError(400, `Part ${String(item.partNumber)} is missing or its ETag does not match`);
        chunks.push(part.bytes);
      }
      const bytes = Buffer.concat(chunks);
      if (createHash('sha256').update(bytes).digest('hex') !== oid) throw new HttpError(400, 'Assembled content does not match its oid');
      lfsObjects.set(oid, new Uint8Array(bytes));
      multiparts.delete(oid);
      return sendJson(res, 200, {});
    }
    if ((method === 'GET' || method === 'HEAD') && kind === 'objects') {
      const bytes = lfsObjects.get(oid);
      if (!bytes) throw new HttpError(404, 'Object not found', 'EntryNotFound');
      return sendFile(req, res, bytes, oid);
    }
    if (method === 'POST' && kind === 'verify') return sendJson(res, 200, {});
    throw new HttpError(404, 'Unknown LFS storage route');
  }

  async function commitFiles(req: IncomingMessage, res: ServerResponse, url: URL, space: SpaceRecord, who: Principal | undefined, rev: string | undefined): Promise<void> {
    requireWrite(space, who);
    const parent = resolveBranch(space, rev);
    const lines = (await readBody(req)).toString('utf8').split('\n').filter((l) => l.trim());
    let header: { summary?: unknown; description?: unknown; parentCommit?: unknown } | undefined;
    const files = new Map(parent.files);
    for (const [i, line] of lines.entries()) {
      let op: { key?: unknown; value?: Record<string, unknown> };
      try {
        op = JSON.parse(line);
      } catch {
        throw new HttpError(400, `Line ${i + 1} of the commit payload is not JSON`);
      }
      const value = op.value ?? {};
      if (i === 0) {
        if (op.key !== 'header') throw new HttpError(400, 'The first line of a commit payload must be its header');
        header = value;
        continue;
      }
      const path = String(value.path ?? '');
      if (!path || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '')) throw new HttpError(422, `Invalid path in commit: ${path}`);
      if (op.key === 'file') {
        const content = Buffer.from(String(value.content ?? ''), value.encoding === 'base64' ? 'base64' : 'utf8');
        // The Hub refuses large or binary content outside LFS (spec (d) "regular file too big or binary").
        if (content.length >= cfg.lfsThreshold || content.subarray(0, 512).includes(0)) {
          throw new HttpError(422, `Your push was rejected because ${path} is a binary or large file; it must go through LFS`);
        }
        files.set(path, { content: new Uint8Array(content) });
      } else if (op.key === 'lfsFile') {
        const oid = String(value.oid ?? '');
        const stored = lfsObjects.get(oid);
        if (!stored || stored.length !== Number(value.size)) throw new HttpError(422, `LFS object ${oid} for ${path} was never uploaded`);
        files.set(path, { content: stored, lfs: oid });
      } else if (op.key === 'deletedFile') {
        files.delete(path);
      } else if (op.key === 'deletedFolder') {
        for (const p of [...files.keys()]) if (p.startsWith(`${path.replace(/\/$/, '')}/`)) files.delete(p);
      } else {
        throw new HttpError(400, `Unknown commit operation: ${String(op.key)}`);
      }
    }
    if (!header || typeof header.summary !== 'string' || !header.summary.trim()) throw new HttpError(400, 'A commit needs a header with a summary');
    if (typeof header.parentCommit === 'string' && header.parentCommit && header.parentCommit !== parent.oid) {
      throw new HttpError(412, 'A commit has happened since. Please refresh and try again.');
    }
    const commit = addCommit(space, header.summary, files);
    build(space);
    const commitUrl = `${base}/spaces/${space.namespace}/${space.name}/commit/${commit.oid}`;
    return sendJson(res, 200, {
      success: true,
      commitOid: commit.oid,
      commitUrl,
      hookOutput: '',
      ...(url.searchParams.get('create_pr') === '1' ? { pullRequestUrl: `${base}/spaces/${space.namespace}/${space.name}/discussions/1` } : {}),
    });
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, commit: Commit, path: string, raw: boolean): void {
    const file = commit.files.get(path);
    if (!file) throw new HttpError(404, `Entry not found: ${path}`, 'EntryNotFound');
    const repoHeaders = { 'X-Repo-Commit': commit.oid };
    if (file.lfs && !raw) {
      // LFS content lives in object storage: the Hub redirects there (spec a.1 "Download").
      res.writeHead(302, {
        Location: `${base}/__lfs/objects/${file.lfs}`,
        'X-Linked-Size': String(file.content.length),
        'X-Linked-Etag': `"${file.lfs}"`,
        ETag: `"${file.lfs}"`,
        ...repoHeaders,
      });
      return void res.end();
    }
    const bytes = file.lfs ? Buffer.from(lfsPointer(file.lfs, file.content.length)) : file.content;
    sendFile(req, res, bytes, gitBlobOid(bytes), repoHeaders);
  }

  // ── server ─────────────────────────────────────────────────────────────────────────────────────
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const entry: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.search, status: 0 };
    requests.push(entry);
    res.setHeader('X-Request-Id', `fake-${(++requestCounter).toString(16).padStart(8, '0')}`);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    void (async () => {
      let who: Principal | undefined;
      try {
        const fault = faults.find((f) => f.left > 0 && (!f.method || f.method.toUpperCase() === entry.method) && pathMatches(f.path, url.pathname));
        if (fault) {
          fault.left--;
          fault.hits++;
          if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
          if (res.destroyed) return;
          if (fault.status) {
            req.resume();
            const headers: Record<string, string> = {};
            if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
            if (fault.status === 429) {
              headers.RateLimit = `"api";r=0;t=${fault.retryAfter ?? 60}`;
              headers['RateLimit-Policy'] = '"fixed window";"api";q=500;w=300';
            }
            return sendError(res, new HttpError(fault.status, fault.body ?? defaultFaultMessage(fault.status)), headers);
          }
        }
        who = principalOf(req);
        if (who) entry.user = who.user;
        await handle(req, res, url, who);
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        req.resume();
        if (error instanceof HttpError) return sendError(res, error);
        sendError(res, new HttpError(500, `fake Hub internal error: ${(error as Error).message}`));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    async close() {
      for (const res of openStreams) res.end();
      openStreams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    seedSpace(id, files, seed = {}) {
      const [namespace, name] = id.split('/');
      if (!namespace || !name) throw new Error(`seedSpace: "${id}" is not owner/name`);
      const sdk = seed.sdk ?? sdkFromReadme(files) ?? 'gradio';
      const space = newSpace(id, sdk, seed.private ?? false, seed.runtime?.hardware ?? null);
      const stored = new Map<string, StoredFile>();
      for (const [path, content] of Object.entries(files)) {
        const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
        if (bytes.length >= cfg.lfsThreshold || bytes.subarray(0, 512).includes(0)) {
          const oid = createHash('sha256').update(bytes).digest('hex');
          lfsObjects.set(oid, bytes);
          stored.set(path, { content: bytes, lfs: oid });
        } else {
          stored.set(path, { content: bytes });
        }
      }
      for (const [k, v] of Object.entries(seed.secrets ?? {})) space.secrets.set(k, { value: v, updatedAt: now() });
      for (const [k, v] of Object.entries(seed.variables ?? {})) space.variables.set(k, { value: v, updatedAt: now() });
      spaces.set(id, space);
      addCommit(space, 'seed', stored);
      // A seeded Space is settled: the simulator's outcome at once, unless the test says otherwise.
      const commit = head(space);
      const outcome = simulateBuild({ files: new Map([...stored].map(([p, f]) => [p, f.content])), sdk, hardware: space.hardware, commit: commit.oid });
      settle(space, outcome);
      if (seed.runtime?.stage) {
        // A stage given by the test replaces the simulated outcome, message included.
        space.stage = seed.runtime.stage;
        space.errorMessage = seed.runtime.errorMessage;
      } else if (seed.runtime && 'errorMessage' in seed.runtime) {
        space.errorMessage = seed.runtime.errorMessage;
      }
      if (seed.runtime && 'sleepTime' in seed.runtime) space.sleepTime = seed.runtime.sleepTime ?? null;
      if (space.stage === 'RUNNING' || space.stage === 'RUNTIME_ERROR') space.currentHardware = space.hardware;
      if (seed.buildLogs !== undefined) space.buildLogs = toLines(seed.buildLogs);
      if (seed.runLogs !== undefined) space.runLogs = toLines(seed.runLogs);
      return stateOf(space);
    },
    space(id) {
      const space = spaces.get(id);
      return space ? stateOf(space) : undefined;
    },
    inject(fault) {
      if (fault.reset) faults.length = 0;
      if (fault.path === undefined) {
        if (fault.reset) return { hits: 0 };
        throw new Error('inject: a fault needs a path (or reset: true)');
      }
      const record = { ...fault, path: fault.path, left: fault.times ?? 1, hits: 0 };
      faults.push(record);
      return {
        get hits() {
          return record.hits;
        },
      };
    },
  };
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

function defaultFaultMessage(status: number): string {
  if (status === 401) return 'Invalid credentials in Authorization header';
  if (status === 403) return 'You have exceeded your permissions for this resource';
  if (status === 404) return 'Repository not found';
  if (status === 409) return 'Cannot create repo: another conflicting operation is in progress';
  if (status === 429) return 'You have exceeded our hourly quotas for action: api. Please retry later';
  if (status >= 500) return 'Internal Error - We\'re working hard to fix this as soon as possible!';
  return `Error ${status}`;
}

function toLines(value: string[] | string): string[] {
  return Array.isArray(value) ? value : value.split(/\r?\n/);
}

function sdkFromReadme(files: Record<string, string | Uint8Array>): FakeSpaceSeed['sdk'] | undefined {
  const readme = files['README.md'];
  const text = typeof readme === 'string' ? readme : readme ? new TextDecoder().decode(readme) : '';
  const sdk = /^sdk:\s*["']?(\w+)/m.exec(text)?.[1];
  return sdk && SDKS.includes(sdk) ? (sdk as FakeSpaceSeed['sdk']) : undefined;
}

/** Git's blob id: sha1 of `blob <size>\0<content>`. */
function gitBlobOid(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function lfsPointer(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

const GITATTRIBUTES = [
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

function defaultReadme(name: string, sdk: string): string {
  const extra = sdk === 'gradio' ? 'sdk_version: 5.49.1\napp_file: app.py\n' : sdk === 'streamlit' ? 'sdk_version: 1.50.0\napp_file: app.py\n' : '';
  return `---\ntitle: ${name}\nemoji: 🚀\ncolorFrom: blue\ncolorTo: green\nsdk: ${sdk}\n${extra}pinned: false\n---\n\nCheck out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference\n`;
}

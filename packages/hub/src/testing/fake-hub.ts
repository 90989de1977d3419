import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simulateBuild } from './build-simulator.js';
import { sendError } from './http.js';
import { createRoutes } from './routes.js';
import { createHubState, HttpError, SDKS, type Principal, type StoredFile } from './state.js';

/**
 * A local Hugging Face Hub for tests: an HTTP server on 127.0.0.1 that answers what
 * ../shared/spec/hub-api.md documents, closely enough that the real `@huggingface/hub` client creates
 * Spaces, commits (regular files, basic and multipart LFS), lists and downloads against it, and the
 * Space-management endpoints (runtime, secrets, variables, hardware, sleep time, pause, restart,
 * storage, SSE logs) behave as recorded from the real Hub. State is in memory; a commit is a copy of the
 * file map with a random 40-hex id. Not a security boundary: LFS objects are readable by anyone who
 * knows their hash, as presigned storage URLs are.
 *
 * Layout: this module is the test handle (public types, seeding, faults, the server); state.ts holds
 * the Spaces and the rules over them (auth, builds, runtime), routes.ts the Hub's HTTP routes, lfs.ts
 * preupload, the LFS batch API and object storage, http.ts request and answer helpers.
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
  /** After the replay, the run log keeps printing a line this often, forever (a chatty Space never goes idle). */
  runLogEveryMs?: number;
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
  /** `Location` sent with the status (a redirect: e.g. status 302 to `/api/whoami-v2`). */
  location?: string;
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

export async function createFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const state = createHubState(options);
  const { cfg, spaces, lfsObjects, openStreams, now, head, newSpace, addCommit, settle, stateOf, principalOf } = state;
  const { handle } = createRoutes(state);
  const faults: (FakeFault & { path: string | RegExp; left: number; hits: number })[] = [];
  const requests: FakeRequest[] = [];
  let requestCounter = 0;

  // ── server ─────────────────────────────────────────────────────────────────────────────────────
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', state.base);
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
            if (fault.location !== undefined) headers.Location = fault.location;
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
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: state.base,
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
      if (seed.runLogEveryMs !== undefined) space.runLogEveryMs = seed.runLogEveryMs;
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
  if (status >= 500) return "Internal Error - We're working hard to fix this as soon as possible!";
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

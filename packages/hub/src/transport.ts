import { fromStatus, HubTimeoutError } from './errors.js';

/**
 * The one fetch every Hub request goes through (hub.js calls take it as `fetch:`; raw calls use it too).
 * It adds what hub.js lacks (spec hub-api.md §0 "Retries: None"): a per-request timeout, and retries of
 * 429 and 5xx with exponential backoff that honours `Retry-After`, bounded by attempts and total time.
 *
 * Only idempotent requests are retried on 5xx, timeouts and network errors: a commit, a Space creation or
 * a restart may have happened even though the answer was lost, so repeating it blindly could commit or
 * restart twice. A 429 is retried for every request: the Hub refused it before doing anything.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxElapsedMs: number;
  /** First backoff delay; doubles each attempt, with jitter. */
  baseDelayMs: number;
  /** Longest single wait (also caps a `Retry-After`; a longer one gives up at once). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, maxElapsedMs: 60_000, baseDelayMs: 500, maxDelayMs: 15_000 };

export interface TransportOptions {
  /** Time to wait for an answer to one request (body uploads get more, scaled to their size); 0 = none (streams). */
  timeoutMs: number;
  retry: RetryPolicy;
  /** The underlying fetch (default: the global one). */
  fetch?: typeof fetch;
  /** Called before each wait (tests, verbose CLI output). */
  onRetry?: (event: { url: string; method: string; attempt: number; delayMs: number; reason: string }) => void;
}

/** Slow links still upload at least this fast; a large body gets `timeoutMs` plus its size at this rate. */
const MIN_UPLOAD_BYTES_PER_SECOND = 256 * 1024;

export function createHubFetch(options: TransportOptions): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const hubFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const idempotent = isIdempotent(method, url);
    const timeoutMs = options.timeoutMs + Math.ceil((bodySize(init.body) / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const timeout = options.timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      const signals = [init.signal, timeout].filter((s): s is AbortSignal => !!s);
      const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      let response: Response;
      try {
        // A redirect on a write is never followed: fetch turns a redirected POST into a GET whose 200 would
        // read as success (a secret "set" that was never sent). The 3xx becomes an error instead.
        const redirect = init.redirect ?? (method === 'GET' || method === 'HEAD' ? 'follow' : 'manual');
        response = await baseFetch(input, { ...init, signal, redirect });
      } catch (error) {
        if (init.signal?.aborted) throw error;
        const timedOut = timeout?.aborted ?? false;
        const reason = timedOut ? `no answer within ${timeoutMs} ms` : 'network error';
        const delay = idempotent ? nextDelay(attempt, started, undefined, options.retry) : undefined;
        if (delay === undefined) {
          if (timedOut) {
            throw new HubTimeoutError('timeout', `${method} ${pathOf(url)}: the Hub did not answer within ${timeoutMs} ms.`, {
              operation: `${method} ${pathOf(url)}`,
            });
          }
          throw error;
        }
        options.onRetry?.({ url, method, attempt, delayMs: delay, reason });
        await sleep(delay, init.signal);
        continue;
      }
      const retryable = response.status === 429 || (response.status >= 500 && idempotent);
      if (!retryable) return response;
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      const delay = nextDelay(attempt, started, retryAfter, options.retry);
      if (delay === undefined) {
        if (response.status === 429) {
          // hub.js drops headers when it builds its error, so the wait the Hub asked for is reported here.
          const hubMessage = await readErrorText(response);
          throw fromStatus(429, {
            operation: `${method} ${pathOf(url)}`,
            hubMessage,
            requestId: response.headers.get('X-Request-Id') ?? undefined,
            retryAfterSeconds: retryAfter !== undefined ? Math.ceil(retryAfter / 1000) : undefined,
          });
        }
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      options.onRetry?.({ url, method, attempt, delayMs: delay, reason: `HTTP ${response.status}` });
      await sleep(delay, init.signal);
    }
  };
  return hubFetch as typeof fetch;
}

/**
 * Whether repeating the request cannot do something twice. GET/HEAD/PUT/DELETE are idempotent by HTTP's
 * definition; of the Hub's POSTs, the ones that set a value (secrets, variables, hardware, sleep time,
 * storage), pause, and the upload negotiation steps (preupload, LFS batch, paths-info) are too. A commit,
 * a creation, a restart or a duplication is not.
 */
export function isIdempotent(method: string, url: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE' || method === 'OPTIONS') return true;
  if (method !== 'POST') return false;
  const path = pathOf(url);
  return (
    /\/(preupload|paths-info)\/[^/]+$/.test(path) || /\.git\/info\/lfs\/objects\/batch$/.test(path) || /^\/api\/spaces\/[^/]+\/[^/]+\/(secrets|variables|hardware|sleeptime|storage|pause)$/.test(path)
  );
}

/** Delay before the next attempt, or undefined when the budget (attempts or time) is spent. */
function nextDelay(attempt: number, started: number, retryAfterMs: number | undefined, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff / 2 + Math.random() * (backoff / 2);
  const delay = retryAfterMs !== undefined ? retryAfterMs : jittered;
  if (delay > policy.maxDelayMs) return undefined;
  if (Date.now() - started + delay > policy.maxElapsedMs) return undefined;
  return delay;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function bodySize(body: RequestInit['body']): number {
  if (!body) return 0;
  if (typeof body === 'string') return body.length;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

async function readErrorText(response: Response): Promise<string | undefined> {
  try {
    const text = await response.text();
    if (response.headers.get('Content-Type')?.startsWith('application/json')) {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      const message = json.error ?? json.message;
      return typeof message === 'string' ? message : undefined;
    }
    return text.trim() || undefined; // clipped (after redaction) when the error is built
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import type { FolderLimits } from './file-reading.js';
import type { RequestType, Requests, RuleSummary, WorkerMessage, WorkerRequest } from './lint-protocol.js';

/**
 * The page's side of the lint worker. Imported first by main.ts, so the worker (and with it the engine
 * and the parser's WebAssembly) starts loading before the editor's modules are evaluated.
 */
const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module', name: 'spacelint' });

/** An error meant for the status line (the worker said the input was the problem, not the playground). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;
type Hello = Extract<WorkerMessage, { type: 'hello' }>;
let resolveHello: (hello: Hello) => void;
/** What the worker says as soon as core is evaluated: every rule's id, description and page; folder limits. */
export const engineFacts: Promise<{ rules: Map<string, RuleSummary>; limits: FolderLimits }> = new Promise<Hello>((resolve) => (resolveHello = resolve)).then((hello) => ({
  rules: new Map(hello.rules.map((r) => [r.id, r])),
  limits: { skippedDirs: hello.skippedDirs, maxFiles: hello.maxFiles },
}));

worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.type === 'hello') return resolveHello(message);
  const call = pending.get(message.id);
  if (!call) return;
  pending.delete(message.id);
  if (message.ok) call.resolve(message.value);
  else call.reject(message.user ? new UserFacingError(message.message) : new Error(`spacelint worker: ${message.message}`));
});

worker.addEventListener('error', (event) => {
  // The worker script itself failed (a browser without module workers, a broken deploy): say so on every call.
  const error = new Error(`the lint worker failed to start (${event.message || 'no detail'})`);
  for (const call of pending.values()) call.reject(error);
  pending.clear();
});

export function callWorker<K extends RequestType>(type: K, payload: Requests[K]['request'], transfer: Transferable[] = []): Promise<Requests[K]['response']> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker.postMessage({ id, type, payload } as WorkerRequest, transfer);
  });
}

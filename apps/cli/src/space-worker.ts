import { parentPort } from 'node:worker_threads';
import { lintSpace, type SpaceJob } from './space-lint.js';

/**
 * A worker thread of a several-Space run: lints the Spaces it is handed, one at a time. The parsers are
 * initialised on the first Space and reused for the next ones.
 */
export interface WorkerRequest {
  id: number;
  job: SpaceJob;
}

export type WorkerReply = { id: number; result: Awaited<ReturnType<typeof lintSpace>> } | { id: number; error: string; stack?: string };

/** Starts answering the pool's requests; called by the worker entry (spacelint-worker.cjs, written by scripts/bundle.mjs). */
export function serveLintWorker(): void {
  parentPort?.on('message', (request: WorkerRequest) => {
    lintSpace(request.job).then(
      (result) => parentPort!.postMessage({ id: request.id, result } satisfies WorkerReply),
      (error: unknown) =>
        parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies WorkerReply),
    );
  });
}

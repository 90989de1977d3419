import { Worker } from 'node:worker_threads';
import type { SpaceJob, SpaceResult } from './space-lint.js';
import type { WorkerReply } from './space-worker.js';

/** Spaces handed to a worker ahead of time, so it never waits for the main thread between two Spaces. */
const PREFETCH = 2;

/**
 * Lints Spaces on `lanes` lanes: the main thread (which has the engine loaded already, and would
 * otherwise only wait) plus `lanes - 1` worker threads, each of which initialises the parser once.
 * A lane takes the next Space when it finishes one, so a large Space does not hold up the queue; the
 * results come back in the order of `jobs`, whatever order the lanes finish in, so the report is the
 * same as a sequential run's.
 */
export function lintInPool(jobs: SpaceJob[], lanes: number, lintHere: (job: SpaceJob) => Promise<SpaceResult>, onProgress: (done: number) => void): Promise<SpaceResult[]> {
  // The worker entry is written next to the program bundle (scripts/bundle.mjs).
  const entry = new URL('./spacelint-worker.cjs', import.meta.url);
  const results: SpaceResult[] = new Array(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;
  return new Promise<SpaceResult[]>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const complete = (id: number, result: SpaceResult) => {
      results[id] = result;
      onProgress(++done);
      if (done === jobs.length) finish();
    };
    for (let i = 0; i < Math.min(lanes - 1, jobs.length - 1); i++) {
      const worker = new Worker(entry);
      workers.push(worker);
      const feed = () => {
        if (next < jobs.length) {
          const id = next++;
          worker.postMessage({ id, job: jobs[id] });
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          const error = new Error(reply.error);
          if (reply.stack) error.stack = reply.stack;
          return finish(error);
        }
        complete(reply.id, reply.result);
        feed();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      for (let k = 0; k < PREFETCH; k++) feed();
    }
    // The main thread's lane.
    void (async () => {
      while (!settled && next < jobs.length) {
        const id = next++;
        complete(id, await lintHere(jobs[id]));
      }
    })().catch(finish);
  });
}

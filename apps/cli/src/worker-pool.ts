import { Worker } from 'node:worker_threads';
import type { SpaceJob, SpaceResult } from './space-lint.js';
import type { WorkerReply } from './space-worker.js';

/**
 * Lints Spaces on `threads` worker threads. Each worker takes the next Space when it finishes one, so a
 * large Space does not hold up the queue; results come back in the order of `jobs` whatever order the
 * workers finish in, so the report is the same as a sequential run's.
 */
export function lintInWorkers(jobs: SpaceJob[], threads: number, onProgress: (done: number) => void): Promise<SpaceResult[]> {
  // The worker entry is bundled next to this chunk (scripts/bundle.mjs).
  const entry = new URL('./spacelint-worker.mjs', import.meta.url);
  const results: SpaceResult[] = new Array(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;
  return new Promise<SpaceResult[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    for (let i = 0; i < Math.min(threads, jobs.length); i++) {
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
        results[reply.id] = reply.result;
        onProgress(++done);
        if (done === jobs.length) finish();
        else feed();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      feed();
    }
  });
}

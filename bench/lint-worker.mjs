// One worker of the all-cores throughput part: initialise and warm up, say ready, lint its share on 'go'.
import { parentPort, workerData } from 'node:worker_threads';
import { initParsers, lintSnapshot } from '@spacelint/core';
import { DirectorySource } from '@spacelint/core/node';

await initParsers();
for (const dir of workerData.dirs.slice(0, 20)) lintSnapshot(await new DirectorySource(dir).snapshot());
parentPort.on('message', async (m) => {
  if (m !== 'go') return;
  let count = 0;
  for (const dir of workerData.dirs) {
    lintSnapshot(await new DirectorySource(dir).snapshot());
    count++;
  }
  parentPort.postMessage({ type: 'done', count });
});
parentPort.postMessage({ type: 'ready' });

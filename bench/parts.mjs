// The in-process benchmark parts. Each runs in its own child process (`node bench/parts.mjs <part> [n]`)
// so that one part's JIT, WASM tier-up threads or heap never disturb another, and prints one JSON object.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { initParsers, lintSnapshot, snapshotFromEntries, Space } from '@spacelint/core';
import { DirectorySource } from '@spacelint/core/node';
// Internal to core (not exported): the Python pass alone, to time it file by file.
import { analyzePython } from '../packages/core/dist/python/analyze.js';
import { generateSpace, spaceDir } from './corpus.mjs';

const REPO = new URL('../', import.meta.url).pathname;
export const TYPICAL_SPACE = join(REPO, 'examples/gradio-zerogpu');

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
const sortNumbers = (xs) => [...xs].sort((a, b) => a - b);

function textBytes(snapshot) {
  let n = 0;
  for (const f of snapshot.files.values()) n += f.text?.length ?? 0;
  return n;
}

/** Warm engine time on the typical Space: lint only (snapshot in memory), and snapshot from disk + lint. */
async function engine() {
  const started = performance.now();
  await initParsers();
  const initMs = performance.now() - started;
  const source = new DirectorySource(TYPICAL_SPACE);
  const snapshot = await source.snapshot();
  const firstStart = performance.now();
  lintSnapshot(snapshot);
  const firstLintMs = performance.now() - firstStart;
  for (let i = 0; i < 300; i++) lintSnapshot(snapshot);
  const lint = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    lintSnapshot(snapshot);
    lint.push(performance.now() - t);
  }
  const withIo = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    lintSnapshot(await source.snapshot());
    withIo.push(performance.now() - t);
  }
  const l = sortNumbers(lint);
  const w = sortNumbers(withIo);
  return {
    initMs,
    firstLintMs,
    lintMedianMs: quantile(l, 0.5),
    lintP95Ms: quantile(l, 0.95),
    ioLintMedianMs: quantile(w, 0.5),
    ioLintP95Ms: quantile(w, 0.95),
    diagnostics: lintSnapshot(snapshot).diagnostics.length,
  };
}

/** One process over the on-disk corpus: a first pass (JIT warming), then timed passes. */
async function throughput(count) {
  await initParsers();
  const dirs = Array.from({ length: count }, (_, i) => spaceDir(i));
  const snapshots = [];
  const first = performance.now();
  for (const dir of dirs) {
    const s = await new DirectorySource(dir).snapshot();
    lintSnapshot(s);
    snapshots.push(s);
  }
  const firstPassMs = performance.now() - first;
  // Best of two timed passes each: the machine may be shared, and a pass only gets slower by noise.
  let findings = 0;
  const ioPass = async () => {
    const t = performance.now();
    findings = 0;
    for (const dir of dirs) findings += lintSnapshot(await new DirectorySource(dir).snapshot()).diagnostics.length;
    return performance.now() - t;
  };
  const lintPass = () => {
    const t = performance.now();
    for (const s of snapshots) lintSnapshot(s);
    return performance.now() - t;
  };
  const ioPassMs = Math.min(await ioPass(), await ioPass());
  const lintPassMs = Math.min(lintPass(), lintPass());
  const bytes = snapshots.reduce((n, s) => n + textBytes(s), 0);
  return { count, bytes, findings, firstPassMs, ioPassMs, lintPassMs };
}

/** All cores: worker_threads, each initialised and warmed before the clock starts. */
async function parallel(count) {
  const n = availableParallelism();
  const dirs = Array.from({ length: count }, (_, i) => spaceDir(i));
  const workers = Array.from({ length: n }, (_, w) => new Worker(new URL('./lint-worker.mjs', import.meta.url), { workerData: { dirs: dirs.filter((_, i) => i % n === w) } }));
  const message = (worker, type) =>
    new Promise((resolve, reject) => {
      const on = (m) => {
        if (m.type === type) {
          worker.off('message', on);
          resolve(m);
        }
      };
      worker.on('message', on);
      worker.once('error', reject);
    });
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const round = async () => {
    const started = performance.now();
    for (const w of workers) w.postMessage('go');
    const done = await Promise.all(workers.map((w) => message(w, 'done')));
    return { elapsedMs: performance.now() - started, count: done.reduce((s, d) => s + d.count, 0) };
  };
  const rounds = [await round(), await round()]; // best of two, as in throughput()
  await Promise.all(workers.map((w) => w.terminate()));
  const best = rounds.sort((a, b) => a.elapsedMs - b.elapsedMs)[0];
  return { workers: n, count: best.count, elapsedMs: best.elapsedMs };
}

/**
 * The corpus' Python files through spacelint's Python pass and through Ruff's WASM build (default rules).
 * spacelint is timed first: once Ruff's 10 MB module is loaded, V8 optimises it on background threads for
 * seconds, which would slow whatever runs next on a 2-core machine.
 */
async function ruff(count) {
  const spaces = [];
  for (let i = 0; i < count; i++) spaces.push(await new DirectorySource(spaceDir(i)).snapshot());
  const pyTexts = spaces.map((s) => [...s.files.values()].filter((f) => f.path.endsWith('.py') && f.text !== undefined).map((f) => f.text));
  const pyBytes = pyTexts.flat().reduce((n, t) => n + t.length, 0);
  const pyFiles = pyTexts.flat().length;

  await initParsers();
  // Each pass returns [wall ms, CPU ms]: on a shared machine CPU time moves less than wall time.
  const timed = (body) => {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const out = body();
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, out };
  };
  const spacelintPython = () =>
    timed(() => {
      for (const s of spaces) {
        const space = new Space(s);
        for (const p of space.pythonPaths) space.python(p);
      }
    });
  // Each file under a path of its own: every file parsed afresh. The Space pass above analyses `app.py` of
  // one Space after `app.py` of the last, and core reparses from that last tree when most of the text is the
  // same (python/analyze.ts): true of Spaces made from one template, as this corpus' are.
  const files = spaces.flatMap((s, i) => [...s.files.values()].filter((f) => f.path.endsWith('.py') && f.text !== undefined).map((f) => [`${i}/${f.path}`, f.text]));
  const spacelintPythonFresh = () =>
    timed(() => {
      for (const [path, text] of files) analyzePython(path, text);
    });
  const spacelintLint = () =>
    timed(() => {
      for (const s of spaces) lintSnapshot(s);
    });
  spacelintPython();
  spacelintPythonFresh();
  spacelintLint();

  const loadStart = performance.now();
  const { Workspace, PositionEncoding } = await import('@astral-sh/ruff-wasm-nodejs');
  const workspace = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
  const loadMs = performance.now() - loadStart;
  const ruffPass = () =>
    timed(() => {
      let diagnostics = 0;
      for (const texts of pyTexts) for (const text of texts) diagnostics += workspace.check(text).length;
      return diagnostics;
    });
  const ruffFirst = ruffPass();
  // Ruff's 10 MB module keeps optimising on background threads after its first pass: let that finish,
  // then time the three passes in alternating rounds, so that load on the machine hits them alike.
  ruffPass();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rounds = { python: [], fresh: [], lint: [], ruff: [] };
  for (let round = 0; round < 3; round++) {
    rounds.fresh.push(spacelintPythonFresh());
    rounds.python.push(spacelintPython());
    rounds.ruff.push(ruffPass());
    rounds.lint.push(spacelintLint());
  }
  const best = (xs, key) => Math.min(...xs.map((x) => x[key]));
  const pythonMs = best(rounds.python, 'ms');
  const lintMs = best(rounds.lint, 'ms');
  const ruffWarm = { ms: best(rounds.ruff, 'ms'), diagnostics: rounds.ruff[0].out };
  const cpu = {
    spacelintPythonCpuMs: best(rounds.python, 'cpuMs'),
    spacelintFreshCpuMs: best(rounds.fresh, 'cpuMs'),
    spacelintLintCpuMs: best(rounds.lint, 'cpuMs'),
    ruffCpuMs: best(rounds.ruff, 'cpuMs'),
  };
  return {
    count,
    pyFiles,
    pyBytes,
    loadMs,
    ruffFirstMs: ruffFirst.ms,
    ruffWarmMs: ruffWarm.ms,
    ruffDiagnostics: ruffWarm.diagnostics,
    spacelintPythonMs: pythonMs,
    spacelintFreshMs: best(rounds.fresh, 'ms'),
    spacelintLintMs: lintMs,
    ...cpu,
  };
}

/** Peak memory: generate, lint and drop `count` Spaces one at a time (nothing is kept). */
async function stream(count) {
  await initParsers();
  const samples = [];
  const started = performance.now();
  let findings = 0;
  for (let i = 0; i < count; i++) {
    findings += lintSnapshot(snapshotFromEntries(generateSpace(i))).diagnostics.length;
    if ((i + 1) % 1000 === 0) samples.push({ spaces: i + 1, rssMb: process.memoryUsage.rss() / 1048576 });
  }
  return { count, findings, elapsedMs: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, samples };
}

const PARTS = { engine, throughput, parallel, ruff, stream };

if (import.meta.url === `file://${process.argv[1]}`) {
  const [part, n] = process.argv.slice(2);
  if (!PARTS[part]) {
    process.stderr.write(`usage: node bench/parts.mjs <${Object.keys(PARTS).join('|')}> [count]\n`);
    process.exit(2);
  }
  const result = await PARTS[part](Number(n) || 1000);
  process.stdout.write(JSON.stringify(result) + '\n');
}

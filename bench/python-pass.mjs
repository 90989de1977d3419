// CPU time of the Python pass (parse + facts) over the bench corpus's Python files, against tree-sitter's
// parse alone and Ruff's WASM check, in one process and alternating rounds (the machine is shared: CPU time
// and ratios within a round move less than wall time). Not a test: it measures and prints one JSON line.
//   node bench/python-pass.mjs [--spaces 1000] [--rounds 7] [--baseline <another packages/core/dist>]
// With --baseline, that build's analyzePython runs in the same rounds (A/B of two builds, same process).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSpace } from './corpus.mjs';

const REPO = new URL('../', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SPACES = Number(option('spaces', 1000));
const ROUNDS = Number(option('rounds', 7));
const baseline = option('baseline');

async function load(dist) {
  const core = await import(pathToFileURL(join(dist, 'index.js')).href);
  await core.initParsers();
  const { analyzePython } = await import(pathToFileURL(join(dist, 'python/analyze.js')).href);
  const { parsePythonTree } = await import(pathToFileURL(join(dist, 'parse/python.js')).href);
  return { analyzePython, parsePythonTree };
}

const files = [];
for (let i = 0; i < SPACES; i++) {
  for (const [path, text] of Object.entries(generateSpace(i))) if (path.endsWith('.py') && typeof text === 'string') files.push([path, text]);
}
const current = await load(join(REPO, 'packages/core/dist'));
const old = baseline ? await load(resolve(baseline)) : undefined;
const require = createRequire(join(REPO, 'package.json'));
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');
const workspace = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);

const passes = {
  parse: () => {
    for (const [, text] of files) current.parsePythonTree(text).delete();
  },
  spacelint: () => {
    for (const [path, text] of files) current.analyzePython(path, text);
  },
  ruff: () => {
    for (const [, text] of files) workspace.check(text);
  },
};
if (old)
  passes.baseline = () => {
    for (const [path, text] of files) old.analyzePython(path, text);
  };

// Warm-up: JIT, and Ruff's 10 MB module tiering up on background threads (which would bill its CPU to us).
for (let i = 0; i < 3; i++) for (const run of Object.values(passes)) run();
await new Promise((resolve) => setTimeout(resolve, 2000));

const cpu = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
const wall = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
const names = Object.keys(passes);
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    passes[name]();
    const c = process.cpuUsage(c0);
    wall[name].push(performance.now() - w0);
    cpu[name].push((c.user + c.system) / 1000);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = files.reduce((n, [, t]) => n + t.length, 0);
const result = { files: files.length, mb: +(bytes / 1048576).toFixed(2), rounds: ROUNDS };
for (const name of names) result[name] = { cpuMs: +median(cpu[name]).toFixed(0), wallMs: +median(wall[name]).toFixed(0) };
result.spacelintOverRuffCpu = +(median(cpu.spacelint) / median(cpu.ruff)).toFixed(2);
result.spacelintMbPerCpuSecond = +(bytes / 1048576 / (median(cpu.spacelint) / 1000)).toFixed(2);
if (old) {
  // Per-round ratio new/old, then its median: pairs taken in the same round share the machine's state.
  result.newOverBaselineCpu = +median(cpu.spacelint.map((t, i) => t / cpu.baseline[i])).toFixed(3);
}
process.stdout.write(`${JSON.stringify(result)}\n`);

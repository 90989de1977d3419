// `npm run bench`: spacelint against its floors and peers, one table. Not a test: it measures and prints.
//   node bench/run.mjs [--quick]
// The goals of issue 13, each a row: cold CLI on a typical Space ≤ 5× `node -e 0`; the Python pass within
// 3× Ruff's WASM check and ≥ 2.5 MB per CPU-second; ESLint + plugin ≤ 1.4× bare ESLint on one file, cold;
// warm `lintText` of a 10 KB app.py with a new edit each call ≤ 4 ms; MCP start → tools/list ≤ 200 ms.
// Parts run one after another, each in its own process (see parts.mjs), so that one part's JIT, WASM
// tier-up threads or heap never disturb another. Cold runs use a clean environment (`env -i PATH HOME`):
// this machine's NODE_EXTRA_CA_CERTS alone adds ~37 ms to every Node start (spec/perf.md).
// Environment: BENCH_COLD_RUNS (default 31), BENCH_CORPUS (default 1000), BENCH_STREAM (default 10000).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR, spaceDir, writeCorpus } from './corpus.mjs';

const REPO = new URL('../', import.meta.url).pathname;
const CLI = join(REPO, 'apps/cli/dist/spacelint.mjs');
const TYPICAL_SPACE = join(REPO, 'examples/gradio-zerogpu');
const quick = process.argv.includes('--quick');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS) || (quick ? 7 : 31);
const CORPUS = Math.max(1000, Number(process.env.BENCH_CORPUS) || 1000);
const STREAM = Number(process.env.BENCH_STREAM) || (quick ? 2000 : 10_000);
const CLEAN_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

const log = (s) => process.stderr.write(`bench: ${s}\n`);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (s, q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
const ms = (x, digits = 1) => (Number.isFinite(x) ? `${x.toFixed(digits)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

if (!existsSync(CLI)) {
  process.stderr.write('bench: apps/cli/dist/spacelint.mjs is missing; run `npm run build` first\n');
  process.exit(2);
}

/** Runs a part of parts.mjs in a fresh process and returns its JSON. */
function part(name, arg) {
  const r = spawnSync(process.execPath, [join(REPO, 'bench/parts.mjs'), name, String(arg ?? '')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`part ${name} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs another bench script that prints one JSON line; `{ error }` when it fails. */
function script(file, args) {
  const r = spawnSync(process.execPath, [join(REPO, file), ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: `${file} failed: ${r.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 200)}` };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * Wall time of each command, `runs` rounds, commands in rotating order within a round, after one untimed
 * run of each (the file system cache, and V8's code cache of the CLI's program: written by a first run).
 */
function coldRuns(commands, runs) {
  const times = commands.map(() => []);
  const statuses = commands.map(() => new Set());
  const errors = commands.map(() => '');
  for (const { argv, env } of commands) spawnSync(argv[0], argv.slice(1), { env: env ?? CLEAN_ENV, cwd: REPO, stdio: 'ignore' });
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (round + k) % commands.length;
      const [cmd, ...args] = commands[i].argv;
      const started = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env: commands[i].env ?? CLEAN_ENV, cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      statuses[i].add(r.status);
      if (r.status !== 0 && r.status !== 1 && !errors[i]) errors[i] = String(r.stderr).trim().split('\n')[0].slice(0, 120);
    }
  }
  return times.map((t, i) => ({ median: quantile(sorted(t), 0.5), p95: quantile(sorted(t), 0.95), min: sorted(t)[0], statuses: [...statuses[i]], error: errors[i] }));
}

/** The ESLint plugin, when packages/eslint-plugin has been built; undefined otherwise (with the reason). */
function eslintSetup() {
  const pkgPath = join(REPO, 'packages/eslint-plugin/package.json');
  if (!existsSync(pkgPath)) return { reason: 'plugin not built' };
  const require = createRequire(pkgPath);
  let entry;
  let eslintBin;
  try {
    entry = require.resolve(JSON.parse(readFileSync(pkgPath, 'utf8')).name);
    eslintBin = join(require.resolve('eslint/package.json').replace(/package\.json$/, ''), 'bin/eslint.js');
  } catch (error) {
    return { reason: `plugin not built (${String(error.message).split('\n')[0]})` };
  }
  if (!existsSync(entry) || !existsSync(eslintBin)) return { reason: 'plugin not built' };
  const dir = join(CORPUS_DIR, 'eslint');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'eslint.config.mjs');
  writeFileSync(
    config,
    `import plugin from ${JSON.stringify(pathToFileURL(entry).href)};\n` +
      'const p = plugin.default ?? plugin;\n' +
      'const recommended = p.configs?.recommended;\n' +
      'export default Array.isArray(recommended) ? recommended : [recommended];\n',
  );
  return { eslintBin, config };
}

function machine() {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    parallelism: availableParallelism(),
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

const rows = [];
const row = (measure, spacelint, reference, r, notes = '') => rows.push([measure, spacelint, reference, r, notes]);
const before = machine();
log(`machine ${before.cpu}, node ${before.node}, load ${before.load}`);

// 1. Cold CLI on a typical Space and on one file, against the bare Node start.
log(`cold CLI runs (${COLD_RUNS} rounds)`);
const [nodeFloor, cliSpace, cliFile, cliNoCache] = coldRuns(
  [
    { argv: [process.execPath, '-e', '0'] },
    { argv: [process.execPath, CLI, TYPICAL_SPACE] },
    { argv: [process.execPath, CLI, join(TYPICAL_SPACE, 'app.py')] },
    { argv: [process.execPath, CLI, TYPICAL_SPACE], env: { ...CLEAN_ENV, SPACELINT_CODE_CACHE: '0' } },
  ],
  COLD_RUNS,
);
row(
  'Cold CLI, typical Space (examples/gradio-zerogpu), median / p95',
  `${ms(cliSpace.median)} / ${ms(cliSpace.p95)}`,
  `\`node -e 0\`: ${ms(nodeFloor.median)} / ${ms(nodeFloor.p95)}`,
  ratio(cliSpace.median, nodeFloor.median),
  `goal ≤ 5× \`node -e 0\`, p50 ≤ 150 ms, p95 ≤ 200 ms; exit ${cliSpace.statuses.join(',')}`,
);
row(
  "Cold CLI, typical Space, without V8's code cache (SPACELINT_CODE_CACHE=0: a first run), median / p95",
  `${ms(cliNoCache.median)} / ${ms(cliNoCache.p95)}`,
  `\`node -e 0\`: ${ms(nodeFloor.median)}`,
  ratio(cliNoCache.median, nodeFloor.median),
  `the cached run takes ${ratio(cliSpace.median, cliNoCache.median)} of this`,
);
row('Cold CLI, one file (app.py), median / p95', `${ms(cliFile.median)} / ${ms(cliFile.p95)}`, `\`node -e 0\`: ${ms(nodeFloor.median)}`, ratio(cliFile.median, nodeFloor.median), 'goal ≤ 100 ms');

const batchDirs = Array.from({ length: 100 }, (_, i) => spaceDir(i));
writeCorpus(CORPUS);
const [cliBatch] = coldRuns([{ argv: [process.execPath, CLI, ...batchDirs] }], quick ? 2 : 5);
row(
  'Cold CLI, 100 corpus Spaces in one run (default tiering), median',
  ms(cliBatch.median, 0),
  `${(cliBatch.median / 100).toFixed(1)} ms/Space`,
  '',
  `exit ${cliBatch.statuses.join(',')} (corpus Spaces have findings)`,
);

// 2. Warm engine on the typical Space.
log('warm engine');
const engine = part('engine');
row(
  'Warm lint, typical Space (snapshot in memory), median / p95',
  `${ms(engine.lintMedianMs, 2)} / ${ms(engine.lintP95Ms, 2)}`,
  'goal < 5 ms',
  ratio(engine.lintMedianMs, 5),
  `first (cold) lint in-process ${ms(engine.firstLintMs)}; initParsers ${ms(engine.initMs)}`,
);
row(
  'Warm snapshot from disk + lint, typical Space, median / p95',
  `${ms(engine.ioLintMedianMs, 2)} / ${ms(engine.ioLintP95Ms, 2)}`,
  `lint alone ${ms(engine.lintMedianMs, 2)}`,
  ratio(engine.ioLintMedianMs, engine.lintMedianMs),
  'DirectorySource.snapshot() + lintSnapshot',
);

// 3. Throughput over the generated corpus: one process, then all cores.
log(`corpus of ${CORPUS} Spaces in bench/.corpus/`);
writeCorpus(CORPUS);
const single = part('throughput', CORPUS);
const perSec = (n, t) => (n / (t / 1000)).toFixed(0);
const mbPerSec = (bytes, t) => (bytes / 1048576 / (t / 1000)).toFixed(2);
row(
  `Throughput, 1 process, ${CORPUS} Spaces from disk (warm pass)`,
  `${perSec(single.count, single.ioPassMs)} Spaces/s (${mbPerSec(single.bytes, single.ioPassMs)} MB/s)`,
  `first pass ${perSec(single.count, single.firstPassMs)} Spaces/s`,
  '',
  `${(single.bytes / 1048576).toFixed(1)} MB of text, ${single.findings} findings; goal ≥ 2.5 MB/s`,
);
row(
  `Throughput, 1 process, ${CORPUS} Spaces in memory (lint only)`,
  `${perSec(single.count, single.lintPassMs)} Spaces/s (${mbPerSec(single.bytes, single.lintPassMs)} MB/s)`,
  `${(single.lintPassMs / single.count).toFixed(2)} ms/Space`,
  '',
  '',
);
log(`all cores (${availableParallelism()} workers)`);
const multi = part('parallel', CORPUS);
row(
  `Throughput, all cores (${multi.workers} worker_threads), from disk`,
  `${perSec(multi.count, multi.elapsedMs)} Spaces/s`,
  `1 process: ${perSec(single.count, single.ioPassMs)} Spaces/s`,
  ratio(single.ioPassMs, multi.elapsedMs),
  'speed-up over one process',
);

// 4. Python through Ruff's WASM build, the reference for a fast Python linter here.
log('Ruff (WASM) on the corpus Python files');
const ruff = part('ruff', CORPUS);
const mbPerCpuSecond = (cpuMs) => (ruff.pyBytes / 1048576 / (cpuMs / 1000)).toFixed(2);
row(
  `Python of ${CORPUS} Spaces (${ruff.pyFiles} files, ${(ruff.pyBytes / 1048576).toFixed(1)} MB): spacelint Python pass (parse + facts), every file parsed afresh, CPU time, best of 3 alternating rounds`,
  `${ms(ruff.spacelintFreshCpuMs, 0)} (${mbPerCpuSecond(ruff.spacelintFreshCpuMs)} MB per CPU-second; wall ${ms(ruff.spacelintFreshMs, 0)})`,
  `Ruff WASM check, default rules: ${ms(ruff.ruffCpuMs, 0)} (wall ${ms(ruff.ruffWarmMs, 0)})`,
  ratio(ruff.spacelintFreshCpuMs, ruff.ruffCpuMs),
  `goal ≤ 3× and ≥ 2.5 MB/s; Ruff load ${ms(ruff.loadMs, 0)}, first (cold) pass ${ms(ruff.ruffFirstMs, 0)}`,
);
row(
  'Same Python, Space by Space as a lint reads it: a file is reparsed from the last tree of its path (`app.py` after `app.py`) when most of the text is the same',
  `${ms(ruff.spacelintPythonCpuMs, 0)} (${mbPerCpuSecond(ruff.spacelintPythonCpuMs)} MB per CPU-second)`,
  `Ruff: ${ms(ruff.ruffCpuMs, 0)}`,
  ratio(ruff.spacelintPythonCpuMs, ruff.ruffCpuMs),
  'the corpus Spaces come from a few templates, so most files share most of their text with the one before: a best case',
);
row(
  `Same Spaces, full spacelint lint (all files, all rules)`,
  `${ms(ruff.spacelintLintMs, 0)} (${(ruff.spacelintLintMs / ruff.count).toFixed(2)} ms/Space)`,
  `Ruff (Python only): ${ms(ruff.ruffWarmMs, 0)}`,
  ratio(ruff.spacelintLintMs, ruff.ruffWarmMs),
  '',
);

// 5. ESLint with the plugin: cold against bare ESLint on one file, and warm lintText as an editor calls it
// (bench/eslint-plugin.mjs measures both); then a batch against the CLI.
log('ESLint with the plugin');
const eslint = eslintSetup();
if (eslint.reason) {
  row('ESLint + spacelint plugin, typical Space, cold', `n/a (${eslint.reason})`, '', 'n/a', '');
} else {
  const plugin = script('bench/eslint-plugin.mjs', ['--json', '--rounds', String(Math.max(5, Math.floor(COLD_RUNS / 3))), '--warm', quick ? '500' : '2000']);
  if (plugin.error) row('ESLint + spacelint plugin, typical Space, cold', `n/a (${plugin.error})`, '', 'n/a', '');
  else {
    const { bare, plugin: withPlugin } = plugin.cold;
    row(
      'ESLint + spacelint plugin (strict), typical Space of bench/eslint-plugin.mjs (6 files, 16 KB of Python), cold, median',
      `${ms(withPlugin.wallMs)} (CPU ${ms(withPlugin.cpuMs, 0)})`,
      `bare ESLint, one JS file: ${ms(bare.wallMs)} (CPU ${ms(bare.cpuMs, 0)})`,
      ratio(withPlugin.wallMs, bare.wallMs),
      `goal ≤ 1.4×; CPU ratio ${ratio(withPlugin.cpuMs, bare.cpuMs)}`,
    );
    const edit = plugin.warm['app.py, new edit each call'];
    const readme = plugin.warm['README.md, new edit each call'];
    row(
      'Warm ESLint `lintText`, app.py (10 KB) with a new edit each call, median / p90',
      `${ms(edit.median, 2)} / ${ms(edit.p90, 2)}`,
      'goal ≤ 4 ms',
      ratio(edit.median, 4),
      `README.md with a new edit: ${ms(readme.median, 2)}`,
    );
  }
  const [eslintBatch, cliBatchAgain] = coldRuns([{ argv: [process.execPath, eslint.eslintBin, '--config', eslint.config, ...batchDirs] }, { argv: [process.execPath, CLI, ...batchDirs] }], 3);
  row(
    'ESLint + spacelint plugin, 100 corpus Spaces in one run, median',
    eslintBatch.error ? `n/a (eslint failed: ${eslintBatch.error})` : ms(eslintBatch.median, 0),
    `CLI, same 100: ${ms(cliBatchAgain.median, 0)}`,
    eslintBatch.error ? 'n/a' : ratio(eslintBatch.median, cliBatchAgain.median),
    `eslint exit ${eslintBatch.statuses.join(',')}`,
  );
}

// 6. The MCP server: spawn, initialize, tools/list over stdio (bench/mcp-server.mjs --start-only).
log('MCP server start');
const mcp = script('bench/mcp-server.mjs', ['--json', '--start-only']);
row(
  'MCP server, start → initialize → `tools/list` over stdio, median',
  mcp.error ? `n/a (${mcp.error})` : `${ms(mcp.start.median)} (server CPU ${ms(mcp.start.cpuMedian, 0)})`,
  mcp.error ? '' : `\`node -e 0\` in the same runs: ${ms(mcp.start.nodeMedian)}`,
  mcp.error ? 'n/a' : ratio(mcp.start.median, mcp.start.nodeMedian),
  'goal ≤ 200 ms',
);

// 7. Peak memory, streaming.
log(`streaming ${STREAM} Spaces (generate, lint, drop)`);
const stream = part('stream', STREAM);
const firstSample = stream.samples[0];
const lastSample = stream.samples[stream.samples.length - 1];
// perf.md's memory goal is ≤ 150 MB for one Space run (the cold CLI's peak is ~60 MB) and flat memory over
// many: this row shows the peak and whether RSS at the end is back near RSS after the first thousand.
row(
  `Peak RSS, ${STREAM} Spaces streamed in one process`,
  `${stream.maxRssMb.toFixed(0)} MB`,
  firstSample ? `RSS after ${firstSample.spaces}: ${firstSample.rssMb.toFixed(0)} MB; after ${lastSample.spaces}: ${lastSample.rssMb.toFixed(0)} MB` : '',
  '',
  `${perSec(stream.count, stream.elapsedMs)} Spaces/s incl. generation; perf.md: ≤ 150 MB for one Space run, flat over many`,
);

const after = machine();
const header = ['Measure', 'spacelint', 'Reference', 'Ratio', 'Notes'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
process.stdout.write(`\nspacelint bench — ${before.date}\nMachine: ${before.cpu}; ${before.memory}; Node ${before.node}; load average before ${before.load}, after ${after.load}\n\n${table}\n`);

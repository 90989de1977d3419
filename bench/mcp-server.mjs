// Benchmark of the built MCP server (apps/mcp-server/dist/spacelint-mcp.mjs) over real stdio:
//   1. cold start: spawn → initialize → first tools/list answer (raw JSON-RPC, so no client-side work is counted)
//   2. the first lint_space after start (loads the parser)
//   3. warm lint_space on a typical local Space with the official SDK client: 1000 warm-up calls (the heap
//      settles), then 1000 timed
//   4. the server's resident memory while those 1000 calls run (must stay flat)
// Goals (../shared/spec/perf.md §8, issue 8): start + tools/list ≤ 200 ms; warm lint_space p50 ≤ 15 ms, p99 ≤ 50 ms.
// Usage: npm run build && node bench/mcp-server.mjs [--check] [--json] [--start-only]
// --start-only measures part 1 alone (what `npm run bench` reports).
// Child processes get a clean environment (PATH only), as MCP clients launch servers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { initialize, startRaw } from './mcp-stdio-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(here, '..', 'apps', 'mcp-server', 'dist', 'spacelint-mcp.mjs');
const check = process.argv.includes('--check');
const asJson = process.argv.includes('--json');
const startOnly = process.argv.includes('--start-only');
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

/** A typical Space: a ZeroGPU Gradio app from the templates plus two local modules, requirements and packages.txt. */
async function typicalSpace() {
  const { scaffoldSpace } = await import(join(here, '..', 'packages', 'core', 'dist', 'index.js'));
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-bench-'));
  const { files } = scaffoldSpace({ sdk: 'gradio', title: 'Bench', zerogpu: true, inputs: 'PDF up to 50 pages and a question', secrets: ['OPENAI_API_KEY'] });
  const module = (name, n) =>
    [
      `"""${name}: helpers."""`,
      'import os',
      'import re',
      '',
      ...Array.from(
        { length: n },
        (_, i) =>
          `def ${name}_helper_${i}(text: str, limit: int = ${i + 1}) -> str:\n    """Helper ${i}."""\n    words = re.findall(r"\\w+", text)[:limit]\n    return " ".join(w.lower() for w in words if w)\n`,
      ),
    ].join('\n');
  files['utils.py'] = module('utils', 40);
  files['models.py'] = module('models', 40);
  files['packages.txt'] = 'ffmpeg\n';
  files['app.py'] = files['app.py'].replace('import gradio as gr', 'import gradio as gr\n\nimport models\nimport utils');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const bytes = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
  return { dir, files: Object.keys(files).length, bytes };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** CPU time (user + system) the process has used, in ms: unlike wall time, other load on the machine does not inflate it. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

/**
 * Each start is paired with a `node -e 0` spawned just before it: on a loaded machine both slow down
 * alike, so their ratio says what the server adds to Node's own start-up whatever the load.
 */
async function coldStart(runs = 21) {
  const start = [];
  const cpu = [];
  const node = [];
  for (let i = 0; i < runs; i++) {
    const n0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    node.push(performance.now() - n0);
    const t0 = performance.now();
    const raw = startRaw(process.execPath, [BUNDLE], env);
    await initialize(raw);
    const list = await raw.request('tools/list');
    start.push(performance.now() - t0);
    cpu.push(cpuMs(raw.child.pid));
    if (!list.result?.tools?.length) throw new Error(`tools/list failed: ${JSON.stringify(list)} ${raw.stderr()}`);
    await raw.close();
  }
  start.sort((a, b) => a - b);
  const nodeMedian = median(node);
  return { runs, median: median(start), min: start[0], max: start[start.length - 1], cpuMedian: median(cpu), nodeMedian, ratioToNode: median(start) / nodeMedian };
}

/** Waits until the process has used no CPU for 300 ms (its background warm-up is done), at most 10 s. */
async function untilIdle(pid) {
  let last = cpuMs(pid);
  let quiet = 0;
  for (let waited = 0; waited < 10_000 && quiet < 300; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuMs(pid);
    quiet = now === last ? quiet + 100 : 0;
    last = now;
  }
}

/**
 * The first lint_space after start: right after tools/list (`idle` false), or once the server is idle, as
 * when a model takes a moment before its first call (the parser warms up after tools/list).
 */
async function firstCall(space, idle, runs = 11) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const raw = startRaw(process.execPath, [BUNDLE, '--root', space.dir], env);
    await initialize(raw);
    await raw.request('tools/list');
    if (idle) await untilIdle(raw.child.pid);
    const c0 = cpuMs(raw.child.pid);
    const t0 = performance.now();
    const result = await raw.request('tools/call', { name: 'lint_space', arguments: { path: space.dir } });
    times.push(performance.now() - t0);
    cpu.push(cpuMs(raw.child.pid) - c0);
    if (result.result?.isError) throw new Error(JSON.stringify(result));
    await raw.close();
  }
  return { runs, median: median(times), cpuMedian: median(cpu) };
}

async function warmCalls(space, warmup = 1000, timed = 1000) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BUNDLE, '--root', space.dir], env, stderr: 'inherit' });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  await client.listTools();
  const pid = transport.pid;
  const call = () => client.callTool({ name: 'lint_space', arguments: { path: space.dir } });
  const first = await call();
  if (first.isError) throw new Error(JSON.stringify(first));
  for (let i = 0; i < warmup; i++) await call();
  const rss = [{ calls: 0, kb: rssKb(pid) }];
  const times = [];
  for (let i = 1; i <= timed; i++) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
    if (i % 100 === 0) rss.push({ calls: i, kb: rssKb(pid) });
  }
  await client.close();
  times.sort((a, b) => a - b);
  return {
    calls: timed,
    findings: first.structuredContent.diagnostics.length,
    p50: pct(times, 50),
    p90: pct(times, 90),
    p99: pct(times, 99),
    max: times[times.length - 1],
    rss,
    rssGrowthKb: rss[rss.length - 1].kb - rss[0].kb,
    // RSS saw-tooths with garbage collection; the lowest samples track what stays alive. A leak raises them.
    rssFloorGrowthKb: Math.min(...rss.slice(Math.ceil(rss.length / 2)).map((r) => r.kb)) - Math.min(...rss.slice(0, Math.ceil(rss.length / 2)).map((r) => r.kb)),
  };
}

if (startOnly) {
  const start = await coldStart();
  console.log(JSON.stringify({ node: process.version, start }));
  process.exit(0);
}
const space = await typicalSpace();
const start = await coldStart();
const first = await firstCall(space, false);
const firstAfterPause = await firstCall(space, true);
const warm = await warmCalls(space);
const result = { node: process.version, space: { files: space.files, bytes: space.bytes }, start, firstCall: first, firstCallAfterPause: firstAfterPause, warm };

if (asJson) console.log(JSON.stringify(result, null, 2));
else {
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`spacelint-mcp over stdio (Node ${process.version}); typical Space: ${space.files} files, ${(space.bytes / 1024).toFixed(1)} KB`);
  console.log(`  start → tools/list     median ${ms(start.median)} (min ${ms(start.min)}, max ${ms(start.max)}, n=${start.runs}; server CPU ${ms(start.cpuMedian)})   goal ≤ 200 ms`);
  console.log(`  node -e 0 (same runs)  median ${ms(start.nodeMedian)}: start → tools/list is ${start.ratioToNode.toFixed(2)}× Node's own start-up`);
  console.log(
    `  first lint_space       median ${ms(first.median)} right after tools/list (server CPU ${ms(first.cpuMedian)}), ${ms(firstAfterPause.median)} once the server is idle (server CPU ${ms(firstAfterPause.cpuMedian)}; n=${first.runs})   goal ≤ 100 ms`,
  );
  console.log(
    `  warm lint_space        p50 ${ms(warm.p50)}  p90 ${ms(warm.p90)}  p99 ${ms(warm.p99)}  max ${ms(warm.max)} (n=${warm.calls}, ${warm.findings} findings)   goal p50 ≤ 15 ms, p99 ≤ 50 ms`,
  );
  console.log(
    `  server RSS (MB)         ${warm.rss.map((r) => `${r.calls}: ${(r.kb / 1024).toFixed(1)}`).join(', ')}; first-to-last ${(warm.rssGrowthKb / 1024).toFixed(1)} MB, floor ${(warm.rssFloorGrowthKb / 1024).toFixed(1)} MB (second half vs first half) over ${warm.calls} calls after 1000 warm-up calls`,
  );
}

if (check) {
  const failures = [];
  if (start.median > 200) failures.push(`start → tools/list median ${start.median.toFixed(1)} ms > 200 ms`);
  if (warm.p50 > 15) failures.push(`warm lint_space p50 ${warm.p50.toFixed(1)} ms > 15 ms`);
  if (warm.p99 > 50) failures.push(`warm lint_space p99 ${warm.p99.toFixed(1)} ms > 50 ms`);
  // Flat memory: a leak of 8 KB per call would raise the post-GC floor by 8 MB over 1000 calls.
  if (warm.rssFloorGrowthKb > 8 * 1024) failures.push(`RSS floor grew ${(warm.rssFloorGrowthKb / 1024).toFixed(1)} MB over ${warm.calls} calls`);
  if (failures.length) {
    console.error(`over budget:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

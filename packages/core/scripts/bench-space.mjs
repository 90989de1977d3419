// Warm lint time of a typical ZeroGPU Space (app.py ≈ 10 KB + README + requirements), from dist/.
// Usage: npm run build -w @spacelint/core && node packages/core/scripts/bench-space.mjs [iterations]
// Each iteration lints a fresh snapshot (new Space: every file parsed again), as a new lint run would.
import { readFileSync } from 'node:fs';
import { initParsers, lintSnapshot, snapshotFromEntries } from '../dist/index.js';
import { parsePythonTree } from '../dist/parse/python.js';

const iterations = Number(process.argv[2] ?? 200);
const app = readFileSync(new URL('../test/spaces/zerogpu-app.py', import.meta.url), 'utf8');
const files = {
  'README.md':
    '---\ntitle: Turbo images\nemoji: 🎨\ncolorFrom: blue\ncolorTo: indigo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\nsuggested_hardware: zero-a10g\nshort_description: Turbo text-to-image and captions\n---\n# Turbo images\n',
  'app.py': app,
  'requirements.txt': 'diffusers==0.35.1\ntransformers==4.56.0\naccelerate\ntorch==2.9.1\nnumpy<2\n',
};
await initParsers();
const run = () => lintSnapshot(snapshotFromEntries(files)).diagnostics.length;
// The floor: tree-sitter parsing app.py alone, timed in the same iterations (the machine may be shared).
const parse = () => parsePythonTree(app).delete();
for (let i = 0; i < 50; i++) {
  run(); // warm-up: JIT and wasm tiering
  parse();
}
const lints = [];
const parses = [];
let lintCpu = 0;
for (let i = 0; i < iterations; i++) {
  let t0 = performance.now();
  parse();
  parses.push(performance.now() - t0);
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  run();
  lints.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  lintCpu += (cpu.user + cpu.system) / 1000;
}
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
  return `median ${pct(0.5)} ms, p10 ${pct(0.1)} ms, p90 ${pct(0.9)} ms, min ${sorted[0].toFixed(2)} ms`;
};
console.log(`app.py ${app.length} chars, ${iterations} iterations after warm-up`);
console.log(`  lintSnapshot (whole Space, all rules): ${stats(lints)}`);
console.log(`  parse app.py only (floor):             ${stats(parses)}`);
// CPU time is not inflated when other processes share the cores (wall-clock medians are).
console.log(`  lintSnapshot CPU time (process.cpuUsage): mean ${(lintCpu / iterations).toFixed(2)} ms`);

// Warm lint time of (1) the bad Docker example (examples/bad-docker-streamlit: Dockerfile, app.py, README)
// and (2) the same Space plus a 1 MB text file full of secret-ish words (the bound on the secret scan),
// each with every rule and with the storage/docker/security/performance rules of issue 5 turned off.
// Usage: npm run build -w @spacelint/core && node packages/core/scripts/bench-docker-secrets.mjs [iterations]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initParsers, lintSnapshot, snapshotFromEntries } from '../dist/index.js';

const iterations = Number(process.argv[2] ?? 200);
const dir = new URL('../../../examples/bad-docker-streamlit/', import.meta.url).pathname;
const example = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
// ≈1 MB of realistic text that triggers the generic scan (secret words on every line) but holds no secret.
const line = 'config = {"api_key_env": "OPENAI_API_KEY", "token": os.environ.get("HF_TOKEN"), "auth": None}  # keys\n';
const big = { ...example, 'notes/big-config.py.txt': line.repeat(Math.ceil(1_048_576 / line.length)) };
// biome-ignore format: a packed word list reads better than one word per line
const ISSUE_5 = [
  'storage-hf-home-not-persistent', 'storage-preload-cache-mismatch', 'docker-port-mismatch', 'docker-bind-localhost',
  'docker-build-time-runtime-only', 'docker-user-permissions', 'security-hardcoded-secret', 'security-docker-build-secret',
  'perf-model-load-per-request', 'perf-startup-download-no-preload',
];
const off = { rules: Object.fromEntries(ISSUE_5.map((id) => [id, 'off'])) };

await initParsers();
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
  return `median ${pct(0.5)} ms, p10 ${pct(0.1)} ms, p90 ${pct(0.9)} ms`;
};
for (const [name, files] of [
  ['bad-docker-streamlit', example],
  ['+ 1 MB text file', big],
]) {
  for (const [label, config] of [
    ['all rules', undefined],
    ['issue-5 rules off', off],
  ]) {
    const run = () => lintSnapshot(snapshotFromEntries(files), config).diagnostics.length;
    for (let i = 0; i < 30; i++) run();
    const times = [];
    let count = 0;
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      count = run();
      times.push(performance.now() - t0);
    }
    console.log(`${name.padEnd(22)} ${label.padEnd(18)} ${stats(times)} (${count} findings)`);
  }
}

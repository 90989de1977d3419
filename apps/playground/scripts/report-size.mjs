// Reports what the playground transfers: the byte size of every file in dist/ (uncompressed, so the number
// holds for a server that does not compress, like a plain static host), and fails the build over budget.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUDGET_BYTES = 2.5 * 1024 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name !== 'size-report.json') files.push({ path: relative(dist, path), bytes: statSync(path).size });
  }
};
walk(dist);
files.sort((a, b) => b.bytes - a.bytes);
const total = files.reduce((sum, f) => sum + f.bytes, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of files) console.log(`${kb(f.bytes).padStart(10)}  ${f.path}`);
console.log(`${kb(total).padStart(10)}  total transfer (budget ${kb(BUDGET_BYTES)})`);
writeFileSync(join(dist, 'size-report.json'), `${JSON.stringify({ totalBytes: total, budgetBytes: BUDGET_BYTES, files }, null, 2)}\n`);
if (total > BUDGET_BYTES) {
  console.error(`playground: dist/ is ${kb(total)}, over the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}

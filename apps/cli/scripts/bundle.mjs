// Bundles the CLI into one self-contained ESM file (dist/spacelint.mjs) plus lazily loaded chunks, and
// copies the parser's WebAssembly next to it. Bundling removes module resolution from every cold start
// and lets the package install standalone (pre-commit installs the repository itself).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = new URL('../dist/', import.meta.url).pathname;
const core = createRequire(import.meta.url).resolve('@spacelint/core');
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
// The lint cache is keyed by this id as well as the version: a rebuilt engine (same version, new rules
// during development) must never serve results computed by the old one.
const buildId = hashTree([new URL('../src/', import.meta.url).pathname, core.replace(/index\.js$/, '')]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: {
    spacelint: new URL('../src/main.ts', import.meta.url).pathname,
    // Worker threads of several-Space runs (src/worker-pool.ts loads it from next to its own chunk).
    'spacelint-worker': new URL('../src/space-worker.ts', import.meta.url).pathname,
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'spacelint-[name]-[hash]',
  banner: { js: "import { createRequire as __spacelintCreateRequire } from 'node:module'; const require = __spacelintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
  legalComments: 'none',
  define: { SPACELINT_VERSION: JSON.stringify(version), SPACELINT_BUILD: JSON.stringify(buildId) },
});
for (const wasm of ['tree-sitter-python.wasm', 'web-tree-sitter.wasm']) copyFileSync(new URL(wasm, `file://${core.replace(/index\.js$/, '')}`), out + wasm);
chmodSync(out + 'spacelint.mjs', 0o755);

function hashTree(dirs) {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1))) {
      if (!entry.isFile() || entry.name.endsWith('.map') || entry.name.endsWith('.d.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

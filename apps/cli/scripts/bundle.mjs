// Bundles the CLI into one self-contained ESM file (dist/spacelint.mjs) plus lazily loaded chunks, and
// copies the parser's WebAssembly next to it. Bundling removes module resolution from every cold start
// and lets the package install standalone (pre-commit installs the repository itself).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = new URL('../dist/', import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { spacelint: new URL('../src/main.ts', import.meta.url).pathname },
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
});
const core = createRequire(import.meta.url).resolve('@spacelint/core');
for (const wasm of ['tree-sitter-python.wasm', 'web-tree-sitter.wasm']) copyFileSync(new URL(wasm, `file://${core.replace(/index\.js$/, '')}`), out + wasm);
chmodSync(out + 'spacelint.mjs', 0o755);

// Bundles the plugin with @spacelint/core and its parsers into one ES module (dist/index.js) and copies
// the parser's WebAssembly next to it. ESLint imports the plugin on every run: one file instead of ~150
// modules to resolve and load takes tens of milliseconds off each cold start. ESLint itself and
// @eslint/plugin-kit stay external, so the plugin shares ESLint's copy. Type declarations come from tsc.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = new URL('../dist/', import.meta.url).pathname;
await build({
  entryPoints: { index: new URL('../src/index.ts', import.meta.url).pathname },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['eslint', '@eslint/plugin-kit'],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __spacelintCreateRequire } from 'node:module'; const require = __spacelintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
  legalComments: 'none',
});
// The grammar comes from core's dist (it is copied there at core's build); web-tree-sitter's runtime
// from its package. Both are found next to the bundle at run time.
const require = createRequire(new URL('../package.json', import.meta.url));
const core = dirname(require.resolve('@spacelint/core'));
copyFileSync(join(core, 'tree-sitter-python.wasm'), join(out, 'tree-sitter-python.wasm'));
const runtime = join(dirname(createRequire(require.resolve('@spacelint/core')).resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
copyFileSync(runtime, join(out, 'web-tree-sitter.wasm'));

// Bundles the plugin with @spacelint/core and its parsers into dist/plugin.cjs, one CommonJS file that the
// small ES-module entry dist/index.js (src/entry.ts) loads through V8's code cache (Node 20 caches compiled
// scripts, not ES modules), and copies the parser's WebAssembly next to them. ESLint imports the plugin on
// every run: one cached file instead of ~150 modules to resolve, parse and compile takes tens of
// milliseconds off each cold start. ESLint itself and @eslint/plugin-kit stay external, so the plugin
// shares ESLint's copy. Type declarations come from tsc (src/index.ts exports the same).
import { build } from 'esbuild';
import { scriptBundleOptions } from '../../../scripts/script-bundle.mjs';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = new URL('../dist/', import.meta.url).pathname;
const shared = { bundle: true, platform: 'node', target: 'node20', external: ['eslint', '@eslint/plugin-kit'], logLevel: 'warning', legalComments: 'none' };
await build({
  ...shared,
  entryPoints: { index: new URL('../src/entry.ts', import.meta.url).pathname },
  outdir: out,
  format: 'esm',
});
await build({
  ...shared,
  entryPoints: { plugin: new URL('../src/plugin.ts', import.meta.url).pathname },
  outdir: out,
  ...scriptBundleOptions,
});
// The grammar comes from core's dist (it is copied there at core's build); web-tree-sitter's runtime
// from its package. Both are found next to the bundle at run time.
const require = createRequire(new URL('../package.json', import.meta.url));
const core = dirname(require.resolve('@spacelint/core'));
copyFileSync(join(core, 'tree-sitter-python.wasm'), join(out, 'tree-sitter-python.wasm'));
const runtime = join(dirname(createRequire(require.resolve('@spacelint/core')).resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
copyFileSync(runtime, join(out, 'web-tree-sitter.wasm'));

// Bundles the CLI into two files: dist/spacelint.mjs, the small ES-module entry that reads the arguments
// and sets V8's flags, and dist/spacelint-program.cjs, everything else as one CommonJS bundle, which the
// entry loads through V8's code cache (`requireWithCodeCache`: Node 20 caches compiled scripts, not ES
// modules). It copies the parser's WebAssembly next to them and writes the worker threads' entry.
// Bundling removes module resolution from every cold start and lets the package install standalone
// (pre-commit installs the repository itself).
import { build } from 'esbuild';
import { scriptBundleOptions } from '../../../scripts/script-bundle.mjs';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const define = { SPACELINT_VERSION: JSON.stringify(version), SPACELINT_BUILD: JSON.stringify(buildId) };
const shared = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none', define };
await build({
  ...shared,
  entryPoints: { spacelint: new URL('../src/main.ts', import.meta.url).pathname },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  banner: { js: "import { createRequire as __spacelintCreateRequire } from 'node:module'; const require = __spacelintCreateRequire(import.meta.url);" },
});
await build({
  ...shared,
  entryPoints: { 'spacelint-program': new URL('../src/program.ts', import.meta.url).pathname },
  outdir: out,
  ...scriptBundleOptions,
  define: { ...scriptBundleOptions.define, ...define },
});
// Worker threads of several-Space runs (src/worker-pool.ts) start here.
writeFileSync(out + 'spacelint-worker.cjs', "'use strict';\nrequire('./spacelint-program.cjs').commands.worker().then((worker) => worker.serveLintWorker());\n");
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

// Bundles the MCP server into dist/spacelint-mcp.mjs, with core's two WebAssembly files next to it
// (core's parser looks for them beside the module that loads it: see packages/core/src/parse/python.ts).
// Bundled means no module resolution at start-up and a package that installs without its dependencies.
// The lint engine and the Hub client are reached through dynamic imports, and esbuild splits them into
// chunk files beside the entry (dist/*.mjs, loaded by relative URL): start-up parses only the server and
// its SDK. In one file, V8 compiled the whole 1.7 MB before answering anything (about 45 ms of a 90 ms
// start on an idle machine, the largest single cost; measured with --cpu-prof, 2026-12-06).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const coreDist = join(dirname(require.resolve('@spacelint/core/package.json')), 'dist');
const wasm = ['tree-sitter-python.wasm', 'web-tree-sitter.wasm'];
for (const file of wasm) {
  if (!existsSync(join(coreDist, file))) {
    console.error(`bundle: ${join(coreDist, file)} is missing: build @spacelint/core first (npm run build).`);
    process.exit(1);
  }
}

// @spacelint/hub is bundled when it can be resolved (and built); otherwise the Hub tools answer that it is missing.
const external = [];
try {
  require.resolve('@spacelint/hub');
} catch {
  external.push('@spacelint/hub');
  console.warn('bundle: @spacelint/hub is not available; the observe and deploy tools will report that Hub support is missing.');
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// tools/list is computed here, once, from the tool definitions, and embedded: converting 19 zod schemas to
// JSON Schema at every start-up would cost more than answering the request.
const catalog = join(dist, 'tool-catalog.tmp.mjs');
// Hardware flavors from core's reference data become the schemas' enum at build time (src/reference-enums.ts).
const { HARDWARE } = await import(pathToFileURL(join(coreDist, 'index.js')).href);
const referenceDefines = { SPACELINT_HARDWARE: JSON.stringify(HARDWARE.current) };
await build({
  entryPoints: [join(root, 'scripts/tool-list-entry.ts')],
  outfile: catalog,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['@spacelint/core', '@spacelint/core/node', '@spacelint/hub', 'zod'],
  define: referenceDefines,
  logLevel: 'warning',
});
const { toolList, ALL_TOOLS } = await import(pathToFileURL(catalog).href);
const precomputedToolList = toolList(ALL_TOOLS);
rmSync(catalog);

// zod 4 re-exports every message locale (about 260 KB); the server uses only English, the default.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(require.resolve('zod/v4/locales/en.js')),
    }));
  },
};

const outfile = join(dist, 'spacelint-mcp.mjs');
const result = await build({
  entryPoints: { 'spacelint-mcp': join(root, 'src/cli.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  // In dist/ itself, not a subfolder: the parser finds its .wasm files beside the chunk that loads it.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external,
  minify: true,
  keepNames: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  define: { ...referenceDefines, SPACELINT_MCP_VERSION: JSON.stringify(pkg.version), SPACELINT_TOOL_LIST: JSON.stringify(precomputedToolList) },
  plugins: [englishOnlyZod],
  banner: {
    // CommonJS dependencies call require(); an ES module bundle has none of its own.
    js: "#!/usr/bin/env node\nimport { createRequire as __spacelintCreateRequire } from 'node:module';\nconst require = __spacelintCreateRequire(import.meta.url);",
  },
});
for (const file of wasm) copyFileSync(join(coreDist, file), join(dist, file));
chmodSync(outfile, 0o755);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`bundle: ${outfile} (${(bytes / 1024).toFixed(0)} KB)${external.length ? `, external: ${external.join(', ')}` : ''}`);

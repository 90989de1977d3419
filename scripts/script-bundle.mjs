// esbuild options shared by the bundles that are loaded through V8's code cache (core's
// requireWithCodeCache): apps/cli (dist/spacelint-program.cjs) and packages/eslint-plugin (dist/plugin.cjs).
// Node 20 caches compiled scripts, not ES modules, so these bundles are CommonJS scripts.
import { readFileSync } from 'node:fs';

export const scriptBundleOptions = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A script has no import.meta: its URL comes from __filename; import.meta.resolve (dev fallbacks only) is absent.
  define: { 'import.meta.url': '__spacelint_import_meta_url', 'import.meta.resolve': 'undefined' },
  banner: { js: "const __spacelint_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  // import() of Node's modules becomes require(): a script compiled from V8's code cache has no dynamic-import callback.
  supported: { 'dynamic-import': false },
  plugins: [webTreeSitterInScript()],
  // Without comments and blanks the file is ASCII and ~25% smaller: less to read, hash and decode at every
  // start (requireWithCodeCache reads an ASCII file as Latin-1). Names are kept, so stacks stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
};

/**
 * web-tree-sitter loads `createRequire` with `await import("module")` into a function that also declares
 * `var require`: turned into `require("module")` that call would read the hoisted, still undefined local.
 * process.getBuiltinModule (Node ≥ 20.16) needs no require. The build fails if the text is not found.
 */
function webTreeSitterInScript() {
  return {
    name: 'web-tree-sitter-in-script',
    setup(build) {
      build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const dynamic = 'await import("module")';
        if (!text.includes(dynamic)) throw new Error(`${args.path}: \`${dynamic}\` not found; check how this web-tree-sitter loads createRequire`);
        return { contents: text.replace(dynamic, 'process.getBuiltinModule("module")'), loader: 'js' };
      });
    },
  };
}

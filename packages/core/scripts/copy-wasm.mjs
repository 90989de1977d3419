// Copies the two WebAssembly files the Python parser needs into dist/, next to the compiled
// parser module, so that the published package loads them by path and never needs the
// tree-sitter-python package (and its install script) at run time.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const out = new URL('../dist/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const grammar = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
const runtime = join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
copyFileSync(grammar, join(out, 'tree-sitter-python.wasm'));
copyFileSync(runtime, join(out, 'web-tree-sitter.wasm'));

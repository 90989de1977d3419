import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParserAssets } from '../parse/python.js'; // a type only: erased

/**
 * The part of the WebAssembly API used here (core's lib settings declare no WebAssembly types). Not shared
 * with parse/python.ts on purpose: importing that module would pull web-tree-sitter into the small entries
 * (CLI, ESLint plugin) that call this before their code-cached program loads.
 */
const Wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;

/**
 * Starts compiling the parser's two WebAssembly files in `folder` (a bundle copies them next to itself)
 * and returns them as `initParsers` assets. Called before a bundle's large program loads, V8 compiles
 * the WebAssembly on its background threads while the main thread compiles JavaScript, instead of after
 * it. Nothing is lost when it fails: a compile that cannot start or fails settles to undefined, and
 * initParsers then reads the files itself.
 */
export function compileParserWasm(folder: string): ParserAssets {
  return { runtime: compile(join(folder, 'web-tree-sitter.wasm')), grammar: compile(join(folder, 'tree-sitter-python.wasm')) };
}

function compile(file: string): Promise<object | undefined> {
  try {
    return Wasm.compile(readFileSync(file)).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

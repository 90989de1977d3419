import { readFileSync } from 'node:fs';
import type { ParserAssets } from '@spacelint/core';

/** The part of the WebAssembly API used here (this package's lib settings declare no WebAssembly types). */
const Wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;

/**
 * Starts compiling the parser's two WebAssembly files (copied next to the bundle) before the lint code
 * loads: V8 compiles them on its background threads while the main thread loads the program, instead of
 * after it. Nothing is lost when it fails: a compile that cannot start or fails settles to undefined and
 * initParsers reads the files itself.
 */
export function compileParsersEarly(): ParserAssets {
  return { runtime: compile('./web-tree-sitter.wasm'), grammar: compile('./tree-sitter-python.wasm') };
}

function compile(file: string): Promise<object | undefined> {
  try {
    return Wasm.compile(readFileSync(new URL(file, import.meta.url))).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

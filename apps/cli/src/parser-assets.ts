import type { ParserAssets } from '@spacelint/core';

let assets: ParserAssets = {};

/** Hands over the parser's WebAssembly that main.ts started compiling (main.ts runs outside the program bundle, see program.ts). */
export function setParserAssets(compiled: ParserAssets): void {
  assets = compiled;
}

/** What `initParsers` should use: the modules compiled early, or nothing (worker threads, a run without an early start). */
export function parserAssets(): ParserAssets {
  return assets;
}

import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as sources from '../src/index.js';

// The published dist/index.js is built from src/entry.ts (it loads dist/plugin.cjs through V8's code cache),
// while the type declarations come from src/index.ts: both must export the same things.
it('the built entry exports what the sources entry exports, and the same plugin shape', async () => {
  const built = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof sources;
  expect(Object.keys(built).sort()).toEqual(Object.keys(sources).sort());
  expect(Object.keys(built.default.rules).sort()).toEqual(Object.keys(sources.default.rules).sort());
  expect(Object.keys(built.default.configs).sort()).toEqual(Object.keys(sources.default.configs).sort());
  expect(built.default.meta).toEqual(sources.default.meta);
  expect(built.LANGUAGE_FILES).toEqual(sources.LANGUAGE_FILES);
  expect(built.DISK_SNAPSHOT_TTL_MS).toBe(sources.DISK_SNAPSHOT_TTL_MS);
});

it('the built entry stays small: the plugin and the parser runtime are in dist/plugin.cjs, loaded through the code cache', () => {
  const entry = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');
  expect(entry.length).toBeLessThan(32 * 1024);
  expect(entry).not.toContain('TRANSFER_BUFFER'); // web-tree-sitter
});

it('the cached bundle is ASCII, so every start reads it as Latin-1 instead of decoding UTF-8', () => {
  // A non-ASCII character in a regular expression survives minification: write it as \u escapes.
  expect(isAscii(readFileSync(new URL('../dist/plugin.cjs', import.meta.url)))).toBe(true);
});

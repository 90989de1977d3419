/**
 * The published dist/index.js (scripts/bundle.mjs): the same exports as index.ts, with the plugin's ~1.4 MB
 * of JavaScript in dist/plugin.cjs, compiled from V8's code cache after the first run (core's
 * requireWithCodeCache), and the parser's WebAssembly compiling on V8's background threads meanwhile.
 * ESLint imports the plugin at every run, so this is most of what the plugin adds to a cold `eslint`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileParserWasm, requireWithCodeCache } from '@spacelint/core/node';
import { chooseWasmTiering } from './tiering.js';

const folder = dirname(fileURLToPath(import.meta.url));
const liftoffOnly = chooseWasmTiering();
const parsers = compileParserWasm(folder);
const plugin = requireWithCodeCache(join(folder, 'plugin.cjs'), liftoffOnly ? 'eslint-plugin --liftoff-only' : 'eslint-plugin') as typeof import('./plugin.js');
await plugin.initParsers(parsers);

export default plugin.default;
export const { LANGUAGE_FILES, rulesFor, SpaceLanguage, SpaceSourceCode, forgetSpaces, DISK_SNAPSHOT_TTL_MS } = plugin;
export { isEslintCommand } from './tiering.js';

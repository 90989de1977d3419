/**
 * Everything `spacelint` runs after reading its arguments, bundled as one CommonJS file
 * (dist/spacelint-program.cjs) that main.ts loads through V8's code cache (`requireWithCodeCache`): a
 * start-up then deserialises compiled code instead of parsing ~2 MB of JavaScript. main.ts itself stays
 * small and outside it, since it must choose V8's flags before this is compiled. Each command's module is
 * initialised on first use, so a lint does not load what audit or deploy need (node:crypto, worker_threads).
 */
export const commands = {
  lint: () => import('./lint-command.js'),
  rules: () => import('./rules-command.js'),
  audit: () => import('./audit-command.js'),
  merge: () => import('./merge-command.js'),
  other: () => import('./commands.js'),
  /** Worker threads of several-Space runs (dist/spacelint-worker.cjs). */
  worker: () => import('./space-worker.js'),
};
export { setParserAssets } from './parser-assets.js';

/**
 * Everything `spacelint` runs after reading its arguments, bundled as one CommonJS file
 * (dist/spacelint-program.cjs) that main.ts loads through V8's code cache (`requireWithCodeCache`): a
 * start-up then deserialises compiled code instead of parsing ~2 MB of JavaScript. main.ts itself stays
 * small and outside it, since it must choose V8's flags before this is compiled.
 */
export { runLint } from './lint-command.js';
export { runExplain, runRules } from './rules-command.js';
export { runAudit } from './audit-command.js';
export { runMerge } from './merge-command.js';
export { runOther } from './commands.js';
export { setParserAssets } from './parser-assets.js';
export { serveLintWorker } from './space-worker.js';

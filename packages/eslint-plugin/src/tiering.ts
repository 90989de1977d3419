import { basename, dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * The `eslint` command is one short process: there V8's background optimisation of the parser's
 * WebAssembly only holds the exit (~110 ms of CPU here, bench/eslint-plugin.mjs), so Liftoff alone is used,
 * as the spacelint CLI does. Editors and other long-running hosts (the ESLint language server, lintText
 * in a service) keep default tiering, where optimised code pays off. SPACELINT_WASM_TIERING=default opts out.
 * Returns whether Liftoff alone is used. Must run before the parser's WebAssembly is compiled.
 */
export function chooseWasmTiering(): boolean {
  const liftoffOnly = isEslintCommand(process.argv[1]) && process.env.SPACELINT_WASM_TIERING !== 'default';
  if (liftoffOnly) setFlagsFromString('--liftoff-only');
  return liftoffOnly;
}

/** True for ESLint's own bin (node_modules/eslint/bin/eslint.js or the .bin/eslint link). */
export function isEslintCommand(script: string | undefined): boolean {
  if (!script) return false;
  const name = basename(script);
  return (name === 'eslint.js' && basename(dirname(script)) === 'bin') || name === 'eslint';
}

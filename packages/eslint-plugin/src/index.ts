/**
 * @spacelint/eslint-plugin: every spacelint rule in ESLint 10.
 *
 *   import spacelint from '@spacelint/eslint-plugin';
 *   export default [...spacelint.configs.recommended];
 */
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { ConfigObject, Plugin, Processor, RuleDefinition } from '@eslint/core';
import { initParsers, listRules } from '@spacelint/core';
import { createConfigs, type ConfigName } from './configs.js';
import { LANGUAGE_NAMES, SpaceLanguage, type LanguageName } from './languages.js';
import { createLevelsProcessor } from './levels.js';
import { createRules } from './rules.js';

// The `eslint` command is one short process: there V8's background optimisation of the parser's
// WebAssembly only holds the exit (~110 ms of CPU here, bench/eslint-plugin.mjs), so Liftoff alone is used,
// as the spacelint CLI does. Editors and other long-running hosts (the ESLint language server, lintText
// in a service) keep default tiering, where optimised code pays off. SPACELINT_WASM_TIERING=default opts out.
if (isEslintCommand(process.argv[1]) && process.env.SPACELINT_WASM_TIERING !== 'default') setFlagsFromString('--liftoff-only');

// ESLint parses and runs rules synchronously; Python's parser (WebAssembly) loads asynchronously, so it
// is loaded here, once, when ESLint imports the plugin.
await initParsers();

/** True for ESLint's own bin (node_modules/eslint/bin/eslint.js or the .bin/eslint link). */
export function isEslintCommand(script: string | undefined): boolean {
  if (!script) return false;
  const name = basename(script);
  return (name === 'eslint.js' && basename(dirname(script)) === 'bin') || name === 'eslint';
}

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface SpacelintPlugin extends Plugin {
  meta: { name: string; version: string; namespace: string };
  languages: Record<LanguageName, SpaceLanguage>;
  rules: Record<string, RuleDefinition>;
  processors: { levels: Processor };
  configs: Record<ConfigName, ConfigObject[]>;
}

const languages = Object.fromEntries(LANGUAGE_NAMES.map((name) => [name, new SpaceLanguage(name)])) as Record<LanguageName, SpaceLanguage>;
const levels = createLevelsProcessor(version);

const plugin: SpacelintPlugin = {
  meta: { name: '@spacelint/eslint-plugin', version, namespace: 'spacelint' },
  languages,
  rules: createRules(),
  processors: { levels },
  configs: {} as Record<ConfigName, ConfigObject[]>,
};
// The configs refer to the plugin object itself.
Object.assign(plugin.configs, createConfigs(plugin, levels, listRules()));

export default plugin;
export { LANGUAGE_FILES, rulesFor } from './configs.js';
export { SpaceLanguage, type LanguageName } from './languages.js';
export { SpaceSourceCode, type RootNode, type CommentNode } from './source-code.js';
export { forgetSpaces, DISK_SNAPSHOT_TTL_MS, type SpaceLanguageOptions } from './spaces.js';
export type { SpaceRuleOptions } from './rules.js';

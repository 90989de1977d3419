/**
 * The plugin itself. index.ts (sources, tests) and entry.ts (the published dist/index.js) load it and
 * initialise the parsers first: ESLint parses and runs rules synchronously, while Python's parser
 * (WebAssembly) loads asynchronously.
 */
import { createRequire } from 'node:module';
import type { ConfigObject, Plugin, Processor, RuleDefinition } from '@eslint/core';
import { listRules } from '@spacelint/core';
import { createConfigs, type ConfigName } from './configs.js';
import { LANGUAGE_NAMES, SpaceLanguage, type LanguageName } from './languages.js';
import { createLevelsProcessor } from './levels.js';
import { createRules } from './rules.js';

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
// For entry.ts: it must initialise the parsers of the bundle's own copy of core.
export { initParsers } from '@spacelint/core';
export { LANGUAGE_FILES, rulesFor } from './configs.js';
export { SpaceLanguage, type LanguageName } from './languages.js';
export { SpaceSourceCode, type RootNode, type CommentNode } from './source-code.js';
export { forgetSpaces, DISK_SNAPSHOT_TTL_MS, type SpaceLanguageOptions } from './spaces.js';
export type { SpaceRuleOptions } from './rules.js';

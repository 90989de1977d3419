/**
 * Flat configs. Each is an array with one entry per language (its `files`, `plugins`, `language` and the
 * `levels` processor), so `export default [...spacelint.configs.recommended]` is a whole config.
 *
 * ESLint has no info level:
 * - `recommended` reports error and warning findings. A rule whose findings are all info is off; the others
 *   run with `reportInfo: false`, which drops their info findings (a rule with mixed levels, or one that
 *   `.spacelint.yaml` sets to `info`).
 * - `strict` also reports info findings, as warnings.
 * A rule is configured at its highest level ("error" when any of its findings can be an error, else
 * "warn"); the `levels` processor then lowers each finding to its own level (levels.ts).
 */
import type { ConfigObject, Plugin, Processor, RulesConfig } from '@eslint/core';
import type { RuleInfo } from '@spacelint/core';
import type { LanguageName } from './languages.js';

/** The files of a Space each language lints (the names core gives a meaning to). */
export const LANGUAGE_FILES: Record<LanguageName, string[]> = {
  readme: ['**/README.md'],
  python: ['**/*.py'],
  requirements: ['**/requirements*.txt', '**/pre-requirements*.txt'],
  packages: ['**/packages.txt'],
  dockerfile: ['**/Dockerfile'],
  // Other files core reads and may report on (a token in `.env` or a shell script). Formats that have
  // ESLint languages of their own (JavaScript, JSON, YAML, Markdown) are left to them.
  text: ['**/.env', '**/.env.*', '**/*.env', '**/*.sh', '**/*.toml', '**/*.cfg', '**/*.ini', '**/*.ipynb'],
};

export type ConfigName = 'recommended' | 'strict';

function severityOf(info: RuleInfo): 'error' | 'warn' {
  return info.defaultLevel === 'error' ? 'error' : 'warn';
}

export function rulesFor(config: ConfigName, rules: RuleInfo[], prefix = 'spacelint'): RulesConfig {
  const out: RulesConfig = {};
  for (const info of rules) {
    const id = `${prefix}/${info.id}`;
    if (config === 'strict') out[id] = severityOf(info);
    else if (info.defaultLevel === 'info') out[id] = 'off';
    else out[id] = [severityOf(info), { reportInfo: false }];
  }
  return out;
}

export function createConfigs(plugin: Plugin, processor: Processor, rules: RuleInfo[]): Record<ConfigName, ConfigObject[]> {
  const build = (config: ConfigName): ConfigObject[] => {
    const ruleConfig = rulesFor(config, rules);
    return (Object.entries(LANGUAGE_FILES) as [LanguageName, string[]][]).map(([language, files]) => ({
      name: `spacelint/${config}/${language}`,
      files,
      plugins: { spacelint: plugin },
      language: `spacelint/${language}`,
      processor,
      rules: ruleConfig,
    }));
  };
  return { recommended: build('recommended'), strict: build('strict') };
}

import { parseForESLint } from 'yaml-eslint-parser';
import { yamlDocumentValue, YamlValueLimit } from '../parse/yaml-value.js';
import type { Level } from '../diagnostic.js';
import { closestMatch } from '../reference/closest-match.js';
import type { ReferenceExtension } from '../reference/spaces.js';

/** A rule's setting, ESLint-shaped: `off`, a level, or `[level, options]`. */
export type RuleSetting = 'off' | Level | ['off' | Level] | ['off' | Level, Record<string, unknown>];

export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  /** Gitignore-style globs of files rules do not see. */
  ignore?: string[];
  /** Extra known values (a hardware flavor released after this version must not fail CI). */
  reference?: ReferenceExtension;
}

export const CONFIG_FILES = ['.spacelint.yaml', '.spacelint.yml'];

/** The lists `reference:` may extend (see ReferenceExtension). */
const REFERENCE_LISTS: readonly (keyof ReferenceExtension)[] = ['keys', 'sdks', 'hardware', 'colors', 'storage', 'oauth_scopes', 'zerogpu_torch', 'zerogpu_python'];

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

const SETTINGS = new Set(['off', 'error', 'warning', 'info']);

/** Parses and validates `.spacelint.yaml` text. Throws ConfigError with a clear message. */
export function parseConfigText(text: string, file = '.spacelint.yaml', knownRules?: ReadonlySet<string>): LintConfig {
  let value: unknown;
  try {
    const { ast } = parseForESLint(text);
    value = yamlDocumentValue(ast);
  } catch (error) {
    if (error instanceof YamlValueLimit) throw new ConfigError(`a value ${error.message}; write it out plainly`, file);
    throw new ConfigError(`not valid YAML: ${(error as Error).message.split('\n')[0]}`, file);
  }
  return validateConfig(value ?? {}, file, knownRules);
}

export function validateConfig(value: unknown, file: string, knownRules?: ReadonlySet<string>): LintConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('must be a mapping with `rules`, `ignore` and `reference`', file);
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['rules', 'ignore', 'reference'].includes(key)) throw new ConfigError(`unknown key \`${key}\` (expected rules, ignore, reference)`, file);
  }
  const config: LintConfig = {};
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) throw new ConfigError('`rules` must be a mapping of rule id to off|error|warning|info', file);
    config.rules = {};
    for (const [id, setting] of Object.entries(raw.rules)) {
      if (knownRules && !knownRules.has(id)) {
        // No command named here: the CLI, the ESLint plugin and the MCP server all show this message.
        const best = closestMatch(id, [...knownRules], '-');
        throw new ConfigError(`unknown rule \`${id}\` in \`rules\`${best ? ` (did you mean \`${best.match}\`?)` : ': not a spacelint rule id'}`, file);
      }
      config.rules[id] = parseSetting(setting, `rules.${id}`, file);
    }
  }
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore) || !raw.ignore.every((g) => typeof g === 'string')) throw new ConfigError('`ignore` must be a list of glob strings', file);
    config.ignore = raw.ignore as string[];
  }
  if (raw.reference !== undefined) {
    if (typeof raw.reference !== 'object' || raw.reference === null) throw new ConfigError('`reference` must be a mapping of lists', file);
    for (const [k, v] of Object.entries(raw.reference)) {
      if (!REFERENCE_LISTS.includes(k as keyof ReferenceExtension)) throw new ConfigError(`unknown key \`reference.${k}\` (expected ${REFERENCE_LISTS.join(', ')})`, file);
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ConfigError(`\`reference.${k}\` must be a list of strings`, file);
    }
    config.reference = raw.reference as ReferenceExtension;
  }
  return config;
}

export function parseSetting(setting: unknown, where: string, file?: string): RuleSetting {
  if (typeof setting === 'string' && SETTINGS.has(setting)) return setting as RuleSetting;
  if (Array.isArray(setting) && typeof setting[0] === 'string' && SETTINGS.has(setting[0]) && setting.length <= 2) {
    if (setting.length === 2 && (typeof setting[1] !== 'object' || setting[1] === null)) throw new ConfigError(`\`${where}\` options must be a mapping`, file);
    return setting as RuleSetting;
  }
  throw new ConfigError(`\`${where}\` must be off, error, warning or info (or [level, {options}])`, file);
}

/** Later configs win per rule; ignore lists and reference lists add up. */
export function mergeConfigs(...configs: (LintConfig | undefined)[]): LintConfig {
  const out: LintConfig = { rules: {}, ignore: [] };
  for (const c of configs) {
    if (!c) continue;
    Object.assign(out.rules!, c.rules);
    out.ignore!.push(...(c.ignore ?? []));
    if (c.reference) {
      const ref: Record<string, string[]> = { ...(out.reference as Record<string, string[]>) };
      for (const [k, v] of Object.entries(c.reference)) ref[k] = [...(Object.hasOwn(ref, k) ? ref[k] : []), ...(v as string[])];
      out.reference = ref as ReferenceExtension;
    }
  }
  return out;
}

export function settingLevel(setting: RuleSetting | undefined): 'off' | Level | undefined {
  if (setting === undefined) return undefined;
  return Array.isArray(setting) ? setting[0] : setting;
}

export function settingOptions(setting: RuleSetting | undefined): Record<string, unknown> {
  return Array.isArray(setting) && setting[1] ? setting[1] : {};
}

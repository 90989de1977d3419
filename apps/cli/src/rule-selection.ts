import { listRules, type LintConfig } from '@spacelint/core';
import { UsageError } from './usage-error.js';

/**
 * `--select` / `--ignore` as Ruff users know them: lists of rule ids, categories (`zerogpu`, `docker`...)
 * or globs (`config-*`). `--select` runs only the rules it names (every other rule is off, the built-in
 * `parse-error` and `unused-directive` included, as in Ruff); `--ignore` turns rules off and wins over
 * `--select`. The result is one config layer under `--rule`, so `--rule id=level` still sets a level.
 */
export function ruleSelectionConfig(select: readonly string[], ignore: readonly string[]): LintConfig | undefined {
  if (!select.length && !ignore.length) return undefined;
  const rules = listRules();
  const matching = (pattern: string, flag: string): string[] => {
    const glob = pattern.includes('*')
      ? new RegExp(
          `^${pattern
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        )
      : undefined;
    const ids = rules.filter((r) => (glob ? glob.test(r.id) : r.id === pattern || r.category === pattern)).map((r) => r.id);
    if (!ids.length) throw new UsageError(`${flag} \`${pattern}\` matches no rule id or category (see \`spacelint rules\`)`);
    return ids;
  };
  const off = new Set(ignore.flatMap((p) => matching(p, '--ignore')));
  if (select.length) {
    const selected = new Set(select.flatMap((p) => matching(p, '--select')));
    for (const r of rules) if (!selected.has(r.id)) off.add(r.id);
  }
  return { rules: Object.fromEntries([...off].sort().map((id) => [id, 'off' as const])) };
}

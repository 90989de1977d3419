import { getRule } from '@spacelint/core';
import type { FileReport } from '../report.js';

export interface RuleStatistics {
  ruleId: string;
  count: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with a safe autofix (`--fix` applies them). */
  fixable: number;
}

/** Findings counted per rule, most frequent first (Ruff's `--statistics`). */
export function ruleStatistics(reports: FileReport[]): RuleStatistics[] {
  const byRule = new Map<string, RuleStatistics>();
  for (const r of reports) {
    for (const d of r.diagnostics) {
      let s = byRule.get(d.ruleId);
      if (!s) byRule.set(d.ruleId, (s = { ruleId: d.ruleId, count: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 }));
      s.count++;
      if (d.level === 'error') s.errors++;
      else if (d.level === 'warning') s.warnings++;
      else s.infos++;
      if (d.fix) s.fixable++;
    }
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
}

/**
 * One line per rule: count, level(s), rule id, `[*]` when some findings are fixable, and the rule's
 * description — the shape of `ruff check --statistics`.
 */
export function formatStatistics(stats: RuleStatistics[]): string {
  if (!stats.length) return '';
  const countWidth = Math.max(...stats.map((s) => String(s.count).length));
  const idWidth = Math.max(...stats.map((s) => s.ruleId.length));
  const levelsOf = (s: RuleStatistics) => [s.errors && 'error', s.warnings && 'warning', s.infos && 'info'].filter(Boolean).join('/');
  const levelWidth = Math.max(...stats.map((s) => levelsOf(s).length));
  const lines = stats.map((s) => {
    const levels = levelsOf(s);
    const description = getRule(s.ruleId)?.description ?? '';
    return `${String(s.count).padStart(countWidth)}  ${s.ruleId.padEnd(idWidth)}  ${s.fixable ? '[*]' : '[ ]'}  ${levels.padEnd(levelWidth)}  ${description}`;
  });
  const total = stats.reduce((n, s) => n + s.count, 0);
  const fixable = stats.reduce((n, s) => n + s.fixable, 0);
  lines.push(`Found ${total} finding${total === 1 ? '' : 's'} in ${stats.length} rule${stats.length === 1 ? '' : 's'}${fixable ? ` ([*] ${fixable} fixable with --fix)` : ''}.`);
  return lines.join('\n') + '\n';
}

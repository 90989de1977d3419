import { getRule, listRules, renderRuleDoc } from '@spacelint/core';
import { colorsFor } from './color.js';
import { UsageError } from './usage-error.js';

export function runRules(format: string): number {
  const rules = listRules();
  if (format === 'json') {
    process.stdout.write(
      JSON.stringify(
        rules.map((r) => ({ id: r.id, category: r.category, level: r.defaultLevel, fixable: !!r.fixable, hasSuggestions: !!r.hasSuggestions, description: r.description, docsUrl: r.docsUrl })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  if (format !== 'table') throw new UsageError(`unknown format \`${format}\` for rules (use table or json)`);
  const c = colorsFor(process.stdout, false);
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const lines = [`${'RULE'.padEnd(idWidth)}  ${'CATEGORY'.padEnd(12)}  ${'LEVEL'.padEnd(7)}  FIX  DESCRIPTION`];
  for (const r of rules) {
    const fix = r.fixable ? 'yes' : r.hasSuggestions ? 'sug' : '-';
    lines.push(`${c.bold(r.id.padEnd(idWidth))}  ${r.category.padEnd(12)}  ${r.defaultLevel.padEnd(7)}  ${fix.padEnd(3)}  ${r.description}`);
  }
  lines.push('', `${rules.length} rules. \`spacelint explain <rule>\` shows why, examples and the fix.`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export function runExplain(id: string): number {
  const rule = getRule(id);
  if (!rule) {
    const close = listRules().filter((r) => r.id.includes(id) || id.includes(r.id.split('-').slice(-1)[0]));
    throw new UsageError(
      `unknown rule \`${id}\`${
        close.length
          ? ` (did you mean ${close
              .slice(0, 3)
              .map((r) => `\`${r.id}\``)
              .join(', ')}?)`
          : ''
      }; \`spacelint rules\` lists them`,
    );
  }
  process.stdout.write(renderRuleDoc(rule) + `\nDocs: ${rule.docsUrl}\n`);
  return 0;
}

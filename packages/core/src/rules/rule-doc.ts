import type { RuleExample, RuleInfo } from './rule.js';

const LEVEL_WORD = { error: 'error', warning: 'warning', info: 'info' } as const;

/**
 * A rule's documentation page as Markdown, from its metadata alone. The same text is docs/rules/<id>.md,
 * `spacelint explain <id>` and the MCP `explain_rule` result, so they never disagree.
 */
export function renderRuleDoc(rule: RuleInfo): string {
  const levels = [...new Set(Object.values(rule.messages).map((m) => m.level))];
  const fixes = [rule.fixable ? 'autofix (`--fix`)' : '', rule.hasSuggestions ? 'suggestions' : ''].filter(Boolean).join(', ') || 'none';
  const out = [
    `# ${rule.id}`,
    '',
    `<!-- Generated from the rule's metadata (packages/core/src/rules/${rule.id}.ts) by \`npm run docs\`. Do not edit. -->`,
    '',
    rule.description,
    '',
    `- **Category:** ${rule.category}`,
    `- **Default level:** ${rule.defaultLevel}${levels.length > 1 ? ` (findings are ${levels.map((l) => LEVEL_WORD[l]).join(' or ')} by case)` : ''}`,
    `- **Fix:** ${fixes}`,
    '',
    '## Why',
    '',
    rule.docs.rationale,
    '',
  ];
  if (rule.docs.incorrect.length) out.push('## Reported', '', ...examples(rule.docs.incorrect));
  if (rule.docs.correct.length) out.push('## Not reported', '', ...examples(rule.docs.correct));
  out.push('## How to fix', '', rule.docs.howToFix, '');
  if (rule.docs.options) out.push('## Options', '', rule.docs.options, '');
  out.push('## Messages', '', '| level | message |', '| --- | --- |');
  for (const m of Object.values(rule.messages)) out.push(`| ${m.level} | ${m.text.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  out.push('', '## Turning it off', '', '```yaml', '# .spacelint.yaml', 'rules:', `  ${rule.id}: off`, '```', '');
  return out.join('\n');
}

/**
 * The Spaces a list of examples shows: consecutive examples with different file names form one Space, and a
 * repeated name starts the next. The docs test lints each Space exactly as the page shows it.
 */
export function exampleSpaces(examples: readonly RuleExample[]): Record<string, string>[] {
  const spaces: Record<string, string>[] = [];
  for (const ex of examples) {
    const last = spaces[spaces.length - 1];
    if (!last || ex.file in last) spaces.push({ [ex.file]: ex.code });
    else last[ex.file] = ex.code;
  }
  return spaces;
}

function examples(list: readonly RuleExample[]): string[] {
  const spaces = exampleSpaces(list);
  return spaces.flatMap((files, i) => [...(spaces.length > 1 ? [`**Example ${i + 1}**`, ''] : []), ...Object.entries(files).flatMap(([file, code]) => example(file, code))]);
}

function example(file: string, code: string): string[] {
  const lang = file.endsWith('.py') ? 'python' : file.endsWith('.md') ? 'markdown' : file.startsWith('Dockerfile') ? 'dockerfile' : file.endsWith('.yaml') ? 'yaml' : 'text';
  const fence = code.includes('```') ? '````' : '```';
  return [`\`${file}\`:`, '', `${fence}${lang}`, code.replace(/\n$/, ''), fence, ''];
}

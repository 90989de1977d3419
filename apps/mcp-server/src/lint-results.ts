import { z } from 'zod';
import type { Core } from './engine.js';
import type { Redactor } from './redaction.js';

type Diagnostic = ReturnType<Core['lint']>[number];

/** One finding as tools return it (the CLI's JSON field names; `severity` is the finding's level). */
export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  file: z.string().describe('Repo-relative path of the file the finding is in.'),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  message: z.string(),
  fixable: z.boolean().describe('True when fix_space can fix it safely.'),
  suggestions: z.array(z.string()).optional().describe('Fixes a person should review (not applied by fix_space).'),
  docsUrl: z.string(),
});
export type Finding = z.output<typeof findingSchema>;

export const summarySchema = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
});
export type Summary = z.output<typeof summarySchema>;

export function toFindings(diagnostics: readonly Diagnostic[], core: Core, redactor: Redactor): Finding[] {
  return diagnostics.map((d) => {
    const finding: Finding = {
      ruleId: d.ruleId,
      severity: d.level,
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      message: redactor.redact(d.message),
      fixable: d.fix !== undefined,
      docsUrl: core.docsUrl(d.ruleId),
    };
    if (d.suggestions?.length) finding.suggestions = d.suggestions.map((s) => redactor.redact(s.desc));
    return finding;
  });
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning, 0 infos" */
export function countsText(s: Summary): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`;
}

/** A short text for people and for clients without structured content: counts, then the first findings. */
export function findingsText(title: string, findings: readonly Finding[], limit = 20): string {
  if (findings.length === 0) return `${title}: no findings.`;
  const lines = [`${title}: ${countsText(summarize(findings))}.`];
  for (const f of findings.slice(0, limit)) lines.push(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}`);
  if (findings.length > limit) lines.push(`… and ${findings.length - limit} more (see the structured result).`);
  return lines.join('\n');
}

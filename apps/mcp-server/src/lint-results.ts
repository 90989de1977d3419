import { z } from 'zod';
import type { Core } from './engine.js';
import { inMcpTerms } from './mcp-terms.js';
import type { Redactor } from './redaction.js';

type Diagnostic = ReturnType<Core['lint']>[number];

export const LEVELS = ['error', 'warning', 'info'] as const;

/**
 * One finding as tools return it, with the CLI's JSON field names: `severity` 2 (error) or 1 (warning and
 * info, as ESLint consumers read it) and `level`, spacelint's own three levels. Docs links travel once per
 * rule, in the result's `docs` map.
 */
export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.union([z.literal(1), z.literal(2)]),
  level: z.enum(LEVELS),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  message: z.string(),
  fixable: z.boolean(),
  suggestions: z.array(z.string()).optional(),
});
export type Finding = z.output<typeof findingSchema>;

export const summarySchema = z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() });
export type Summary = z.output<typeof summarySchema>;

/** Rule id → docs URL, for the rules the findings mention. */
export const docsSchema = z.record(z.string(), z.string());

export function toFindings(diagnostics: readonly Diagnostic[], redactor: Redactor): Finding[] {
  return diagnostics.map((d) => {
    const finding: Finding = {
      ruleId: d.ruleId,
      severity: d.level === 'error' ? 2 : 1,
      level: d.level,
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      message: redactor.redact(inMcpTerms(d.message)),
      fixable: d.fix !== undefined,
    };
    if (d.suggestions?.length) finding.suggestions = d.suggestions.map((s) => redactor.redact(inMcpTerms(s.desc)));
    return finding;
  });
}

export function docsOf(findings: readonly Finding[], core: Core): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const f of findings) docs[f.ruleId] ??= core.docsUrl(f.ruleId);
  return docs;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.level === 'error') summary.errors++;
    else if (f.level === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning, 0 info" */
export function countsText(s: Summary): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`;
}

/**
 * The findings as text a client that forwards only `content` can act on: grouped by rule, each rule's docs
 * link once, each finding with its position, `[fixable]` marker and suggestions.
 */
export function findingsText(title: string, findings: readonly Finding[], docs: Record<string, string>, options: { limit?: number; total?: Summary; offset?: number } = {}): string {
  const total = options.total ?? summarize(findings);
  const all = total.errors + total.warnings + total.infos;
  if (all === 0) return `${title}: no findings.`;
  const limit = options.limit ?? findings.length;
  const shown = findings.slice(0, limit);
  const offset = options.offset ?? 0;
  const range = shown.length < all ? ` (showing ${offset + 1}-${offset + shown.length} of ${all})` : '';
  const lines = [`${title}: ${countsText(total)}${range}.`];
  const byRule = new Map<string, Finding[]>();
  for (const f of shown) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, group] of byRule) {
    lines.push(`${ruleId} (${group[0].level})${docs[ruleId] ? ` ${docs[ruleId]}` : ''}`);
    for (const f of group) {
      lines.push(`  ${f.file}:${f.line}:${f.column}${f.level !== group[0].level ? ` ${f.level}` : ''} ${f.message}${f.fixable ? ' [fixable]' : ''}`);
      for (const s of f.suggestions ?? []) lines.push(`    suggestion: ${s}`);
    }
  }
  const rest = all - offset - shown.length;
  if (rest > 0) lines.push(`${rest} more: call again with offset ${offset + shown.length}.`);
  const hint = fixHint(shown);
  if (hint) lines.push(hint);
  return lines.join('\n');
}

/**
 * What the CLI says as "fixable with `--fix`", in this server's terms: the tool that applies the
 * `[fixable]` fixes and, on request, the suggestions. Undefined when the findings have neither.
 */
export function fixHint(findings: readonly Finding[]): string | undefined {
  const fixable = findings.some((f) => f.fixable);
  const suggested = [...new Set(findings.filter((f) => f.suggestions?.length).map((f) => f.ruleId))];
  if (!fixable && !suggested.length) return undefined;
  const apply = suggested.length ? `apply_suggestions: [${suggested.map((id) => `"${id}"`).join(', ')}] applies the suggestions` : '';
  return `fix_space ${fixable ? `applies the [fixable] fixes${apply ? '; ' : ''}` : 'with '}${apply}.`;
}

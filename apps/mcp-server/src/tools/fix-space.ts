import { z } from 'zod';
import { loadEngine, type Core } from '../engine.js';
import { checkRuleId, explainConfigErrors } from '../lint-input.js';
import { docsOf, docsSchema, findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { inMcpTerms } from '../mcp-terms.js';
import { defineTool } from '../tool.js';
import { unifiedDiff } from '../unified-diff.js';
import { pathSchema } from './space-id.js';

type Change = { text: string; bom: boolean; before: string };

export const fixSpace = defineTool({
  name: 'fix_space',
  title: 'Check and fix a local Space',
  group: 'lint',
  description: 'Lint, safe fixes (+ suggestions of the apply_suggestions rules), then what is left, with how to fix it. dry_run (default) shows the diff; show the person, then dry_run false.',
  inputSchema: z.strictObject({
    path: pathSchema,
    dry_run: z.boolean().default(true).describe('false writes the files.'),
    apply_suggestions: z.array(z.string()).optional().describe('Rule ids whose suggestions to apply too (they may change behaviour).'),
    include_diff: z.boolean().optional().describe('Return the diff (default: only on a dry run).'),
  }),
  outputSchema: z.object({
    path: z.string(),
    dry_run: z.boolean(),
    written: z.boolean(),
    fixCount: z.number().int().describe('Fixes and suggestions applied.'),
    changed: z.array(z.string()).describe('Files changed.'),
    diff: z.string().optional(),
    diagnostics: z.array(findingSchema).describe('What is left.'),
    summary: summarySchema,
    docs: docsSchema,
    guidance: z.record(z.string(), z.string()).describe('Rule id → how to fix what is left.'),
    failures: z.array(z.object({ file: z.string(), message: z.string() })),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core, node } = await loadEngine(context.services.redactor);
    const suggestRules = new Set((args.apply_suggestions ?? []).map((id) => checkRuleId(id, core, ' in `apply_suggestions`')));
    const dir = await context.services.paths.directory(args.path);
    await context.progress(0, 3, 'reading the Space');
    const original = await new node.DirectorySource(dir).snapshot();
    await context.services.paths.confirm(dir);
    await context.progress(1, 3, 'fixing');
    const { changes, diagnostics, fixCount } = explainConfigErrors(core, () => fixWithSuggestions(core, node, dir, original, suggestRules));
    const redactor = context.services.redactor;
    let failures: { file: string; message: string }[] = [];
    const write = !args.dry_run && changes.size > 0;
    if (write) {
      await context.progress(2, 3, `writing ${changes.size} files`);
      // Checked again right before writing: a fix is never written through a folder swapped for a symlink.
      await context.services.paths.confirm(dir);
      const escaping = new Set(await context.services.paths.escaping(dir, changes.keys()));
      const writable = new Map([...changes].filter(([file]) => !escaping.has(file)));
      failures = [
        ...[...escaping].map((file) => ({ file, message: 'leads outside the Space through a symlink; not written' })),
        ...(await node.writeFixes(dir, writable)).map((f) => ({ file: f.file, message: redactor.redact(f.message) })),
      ];
      await context.log('info', `wrote ${changes.size - failures.length} file(s) in ${dir}`);
    }
    const findings = toFindings(diagnostics, redactor);
    const docs = docsOf(findings, core);
    const guidance: Record<string, string> = {};
    for (const id of Object.keys(docs)) guidance[id] = inMcpTerms(core.getRule(id)?.docs.howToFix ?? '');
    const withDiff = args.include_diff ?? args.dry_run;
    const diff = withDiff ? [...changes].map(([file, change]) => redactor.redact(unifiedDiff(file, change.before, change.text))).join('') : undefined;
    const changed = [...changes.keys()];
    const what = fixCount === 0 ? 'nothing to fix' : `${fixCount} fix${fixCount === 1 ? '' : 'es'} in ${changed.join(', ')}`;
    const verb = args.dry_run
      ? fixCount
        ? ' (dry run: nothing written; call again with dry_run false to write)'
        : ''
      : write
        ? failures.length
          ? `; could not write ${failures.map((f) => `${f.file} (${f.message})`).join(', ')}`
          : ', written'
        : '';
    const left = findingsText('Left', findings, docs);
    const howTo = Object.entries(guidance).map(([id, text]) => `- ${id}: ${text}`);
    return {
      structured: {
        path: dir,
        dry_run: args.dry_run,
        written: write && failures.length < changes.size,
        fixCount,
        changed,
        ...(diff !== undefined ? { diff } : {}),
        diagnostics: findings,
        summary: summarize(findings),
        docs,
        guidance,
        failures,
      },
      summary: [`${dir}: ${what}${verb}.`, ...(diff ? ['', diff.trimEnd()] : []), '', left, ...(howTo.length ? ['How to fix what is left:', ...howTo] : [])].join('\n'),
    };
  },
});

/**
 * Applies the first suggestion of each finding of the chosen rules, then every safe fix; the changes are
 * measured against the files on disk.
 */
function fixWithSuggestions(core: Core, node: typeof import('@spacelint/core/node'), dir: string, original: ReturnType<Core['snapshotFromEntries']>, rules: ReadonlySet<string>) {
  if (rules.size === 0) return core.fixSnapshot(original);
  const byFile = new Map<string, { range: [number, number]; text: string }[]>();
  for (const d of core.lintSnapshot(original).diagnostics) {
    const suggestion = rules.has(d.ruleId) ? d.suggestions?.[0] : undefined;
    if (suggestion) byFile.set(d.file, [...(byFile.get(d.file) ?? []), suggestion.fix]);
  }
  const suggested: Record<string, string> = {};
  let applied = 0;
  for (const [file, fixes] of byFile) {
    const text = original.files.get(file)?.text;
    if (text === undefined) continue;
    const result = core.applyFixes(text, fixes);
    suggested[file] = result.output;
    applied += result.applied.length;
  }
  const fixed = core.fixSnapshot(new node.DirectorySource(dir, { overrides: suggested }).snapshotSync());
  const changes = new Map<string, Change>();
  for (const file of new Set([...Object.keys(suggested), ...fixed.changes.keys()])) {
    const before = original.files.get(file)!;
    const text = fixed.changes.get(file)?.text ?? suggested[file];
    if (text !== before.text) changes.set(file, { text, bom: !!before.bom, before: before.text ?? '' });
  }
  return { changes, diagnostics: fixed.diagnostics, fixCount: fixed.fixCount + applied };
}

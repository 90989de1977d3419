import { z } from 'zod';
import { loadEngine } from '../engine.js';
import { checkRuleId, explainConfigErrors, readSnapshots, rulesOverride, rulesSchema } from '../lint-input.js';
import { docsOf, docsSchema, findingSchema, findingsText, LEVELS, summarize, summarySchema, toFindings } from '../lint-results.js';
import { defineTool } from '../tool.js';
import { pathSchema, revisionSchema, spaceIdSchema } from './space-id.js';

const RANK = { error: 2, warning: 1, info: 0 } as const;

export const lintSpace = defineTool({
  name: 'lint_space',
  title: 'Lint a Space',
  group: 'lint',
  description: 'Lints a Space: findings grouped by rule, with docs links. Shrink with min_level, rule_ids, limit/offset.',
  inputSchema: z.strictObject({
    path: pathSchema.optional(),
    space: spaceIdSchema.optional(),
    revision: revisionSchema.optional(),
    files: z.record(z.string(), z.string()).optional().describe('Path: text (e.g. files being written).'),
    rules: rulesSchema,
    rule_ids: z.array(z.string()).optional().describe('Only findings of these rules.'),
    min_level: z.enum(LEVELS).default('info').describe('Lowest level to return.'),
    limit: z.number().int().min(1).max(1000).default(50).describe('Findings per page.'),
    offset: z.number().int().min(0).default(0).describe('Findings to skip.'),
  }),
  exactlyOneOf: ['path', 'space', 'files'],
  outputSchema: z.object({
    root: z.string(),
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
    total: z.number().int().describe('Findings after min_level and rule_ids, before paging.'),
    docs: docsSchema,
    truncated: z.string().optional(),
    spaces: z.array(z.string()).optional().describe('When `path` holds several Spaces: their folders; finding files are relative to `path`.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { core, node } = await loadEngine(context.services.redactor);
    // No "done" notification: the result says it, and a notification right before it may be dropped.
    await context.progress(0, 2, 'reading the Space');
    const { root, spaces } = await readSnapshots(args, context, core, node);
    const several = spaces.length > 1 || spaces[0].folder !== '';
    const truncated = spaces.find((s) => s.snapshot.truncated)?.snapshot;
    if (truncated) await context.log('warning', `${truncated.root}: ${truncated.truncated}`);
    const overrides = rulesOverride(args.rules, core);
    const only = args.rule_ids && new Set(args.rule_ids.map((id) => checkRuleId(id, core, ' in `rule_ids`')));
    await context.progress(1, 2, `linting ${spaces.reduce((n, s) => n + s.snapshot.files.size, 0)} files`);
    // Each Space with its own root and .spacelint.yaml; with several, a file is shown relative to `path`.
    const diagnostics = spaces.flatMap(({ folder, snapshot }) =>
      explainConfigErrors(core, () => core.lintSnapshot(snapshot, overrides)).diagnostics.map((d) => (folder ? { ...d, file: `${folder}/${d.file}` } : d)),
    );
    const kept = toFindings(diagnostics, context.services.redactor).filter((f) => RANK[f.level] >= RANK[args.min_level] && (!only || only.has(f.ruleId)));
    const page = kept.slice(args.offset, args.offset + args.limit);
    const docs = docsOf(page, core);
    const summary = summarize(kept);
    return {
      structured: {
        root,
        diagnostics: page,
        summary,
        total: kept.length,
        docs,
        ...(truncated ? { truncated: truncated.truncated } : {}),
        ...(several ? { spaces: spaces.map((s) => s.folder || '.') } : {}),
      },
      summary: findingsText(`spacelint ${root}${several ? ` (${spaces.length} Space${spaces.length === 1 ? '' : 's'}: ${spaces.map((s) => s.folder || '.').join(', ')})` : ''}`, page, docs, {
        total: summary,
        offset: args.offset,
      }),
    };
  },
});

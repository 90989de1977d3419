import { z } from 'zod';
import { loadEngine } from '../engine.js';
import { checkRuleId } from '../lint-input.js';
import { inMcpTerms } from '../mcp-terms.js';
import { defineTool } from '../tool.js';
import { ruleSummary, ruleSummarySchema } from './list-rules.js';

export const explainRule = defineTool({
  name: 'explain_rule',
  title: 'Explain rules',
  group: 'lint',
  description: 'Rule docs: why, examples, how to fix; brief: what it checks and how to fix.',
  inputSchema: z.strictObject({
    rules: z.array(z.string().min(1)).min(1).max(20).describe('Rule ids, e.g. ["zerogpu-missing-duration"].'),
    brief: z.boolean().default(false).describe('Short form.'),
  }),
  outputSchema: z.object({
    rules: z.array(ruleSummarySchema.extend({ howToFix: z.string(), doc: z.string().optional().describe('The full Markdown doc (not brief).') })),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    const rules = [...new Set(args.rules.map((id) => checkRuleId(id, core, '')))].map((id) => core.getRule(id)!);
    const entries = rules.map((rule) => ({ ...ruleSummary(rule), howToFix: inMcpTerms(rule.docs.howToFix), ...(args.brief ? {} : { doc: inMcpTerms(core.renderRuleDoc(rule)) }) }));
    const text = entries.map((e) => (args.brief ? `${e.id} (${e.level}${e.fixable ? ', fixable' : ''}): ${e.description}\nFix: ${e.howToFix}\n${e.docsUrl}` : e.doc!));
    return { structured: { rules: entries }, summary: text.join(args.brief ? '\n\n' : '\n---\n\n') };
  },
});

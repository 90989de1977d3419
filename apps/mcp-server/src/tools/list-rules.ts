import { z } from 'zod';
import type { RuleInfo } from '@spacelint/core';
import { loadEngine } from '../engine.js';
import { LEVELS } from '../lint-results.js';
import { defineTool } from '../tool.js';

const CATEGORIES = ['core', 'config', 'storage', 'zerogpu', 'concurrency', 'dependencies', 'docker', 'security', 'performance'] as const;

/** The fields list_rules gives for each rule and explain_rule starts from. */
export function ruleSummary(r: RuleInfo) {
  return { id: r.id, category: r.category, description: r.description, level: r.defaultLevel, fixable: !!r.fixable, hasSuggestions: !!r.hasSuggestions, docsUrl: r.docsUrl };
}

export const ruleSummarySchema = z.object({
  id: z.string(),
  category: z.string(),
  description: z.string(),
  level: z.enum(LEVELS),
  fixable: z.boolean(),
  hasSuggestions: z.boolean(),
  docsUrl: z.string(),
});

export const listRules = defineTool({
  name: 'list_rules',
  title: 'List the lint rules',
  group: 'lint',
  description: 'Every rule with category, default level, fixable and docs link.',
  inputSchema: z.strictObject({ category: z.enum(CATEGORIES).optional().describe('Only this category.') }),
  outputSchema: z.object({ rules: z.array(ruleSummarySchema) }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    const rules = core
      .listRules()
      .filter((r) => !args.category || r.category === args.category)
      .map(ruleSummary);
    const lines = rules.map((r) => `${r.id} (${r.category}, ${r.level}${r.fixable ? ', fixable' : ''}): ${r.description}`);
    return { structured: { rules }, summary: `${rules.length} rules${args.category ? ` in ${args.category}` : ''}:\n${lines.join('\n')}` };
  },
});

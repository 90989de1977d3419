import { z } from 'zod';
import { loadEngine, type Core } from '../engine.js';
import { docsOf, docsSchema, findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { defineTool } from '../tool.js';

type LintConfig = NonNullable<Parameters<Core['lintSnapshot']>[1]>;

export const validateSpaceConfig = defineTool({
  name: 'validate_space_config',
  title: 'Validate README front matter',
  group: 'lint',
  description: 'Checks only README.md front matter: findings + parsed config (secrets masked).',
  inputSchema: z.strictObject({ readme: z.string().describe('README.md text, front matter included.') }),
  outputSchema: z.object({
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
    docs: docsSchema,
    config: z.record(z.string(), z.unknown()).nullable().describe('Parsed front matter; null when absent or broken.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    // The config rules that are right on README.md alone: a `space` rule (e.g. config-app-file-missing)
    // reports what the other files would answer, so it stays off here.
    const only: LintConfig['rules'] = {};
    for (const rule of core.listRules()) {
      if (rule.category !== 'config' || rule.scope !== 'file') only[rule.id] = 'off';
    }
    // The README parsed once: the rules and the returned config read the same Space.
    const { space, config: lintConfig } = core.prepareSpace(core.snapshotFromEntries({ 'README.md': args.readme }, 'README.md'), { rules: only });
    const findings = toFindings(core.lint(space, lintConfig), context.services.redactor);
    const parsed = space.readme;
    const config = parsed?.found && parsed.frontMatter.data ? (maskSecrets(toJson(parsed.frontMatter.data), args.readme, core) as Record<string, unknown>) : null;
    const docs = docsOf(findings, core);
    return { structured: { diagnostics: findings, summary: summarize(findings), docs, config }, summary: findingsText('README.md front matter', findings, docs) };
  },
});

/** YAML values as JSON (dates and other non-JSON scalars become strings). */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

/**
 * The config with every secret masked: values under a secret-looking key, and every span core's secret
 * detector finds in the README (its offsets are found on the whole text, where `api_key: …` has its context).
 */
function maskSecrets(value: unknown, readme: string, core: Core): unknown {
  const found = core.findSecrets(readme).map((s) => readme.slice(s.start, s.end));
  const mask = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if (v && core.isSecretName(key)) return core.maskSecret(v);
      let out = core.redactSecrets(v, found);
      for (const secret of found) out = out.split(secret).join(core.maskSecret(secret));
      return out;
    }
    if (Array.isArray(v)) return v.map((item) => mask(item, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, mask(item, k)]));
    return v;
  };
  return mask(value, '');
}

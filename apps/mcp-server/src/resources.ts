import { loadEngine, type Core } from './engine.js';
import { inMcpTerms } from './mcp-terms.js';
import type { Redactor } from './redaction.js';

/** A resource as plain data; sdk-server.ts registers it. Reading loads the engine on first use. */
export interface ResourceDefinition {
  name: string;
  title: string;
  description: string;
  mimeType: string;
  /** A fixed URI, or a URI template with one `{id}` variable listed by `list`. */
  uri?: string;
  uriTemplate?: string;
  list?(): Promise<{ uri: string; name: string; title: string; description: string }[]>;
  read(uri: string, variables: Record<string, string | string[]>): Promise<string>;
}

export const RULE_URI_PREFIX = 'spacelint://rules/';
export const CONFIG_REFERENCE_URI = 'spacelint://reference/spaces-config';

export function resourceDefinitions(redactor: Redactor): ResourceDefinition[] {
  const engine = async () => (await loadEngine(redactor)).core;
  return [
    {
      name: 'rule-docs',
      title: 'spacelint rule documentation',
      description: 'One document per lint rule: why it exists, examples that are and are not reported, how to fix a finding.',
      mimeType: 'text/markdown',
      uriTemplate: `${RULE_URI_PREFIX}{id}`,
      async list() {
        const core = await engine();
        return core.listRules().map((r) => ({ uri: `${RULE_URI_PREFIX}${r.id}`, name: r.id, title: r.id, description: r.description }));
      },
      async read(_uri, variables) {
        const core = await engine();
        const id = String(Array.isArray(variables.id) ? variables.id[0] : variables.id);
        const rule = core.getRule(decodeURIComponent(id));
        if (!rule) {
          const best = core.closestMatch(decodeURIComponent(id), [...core.RULE_IDS], '-');
          throw new Error(`no rule \`${id}\`${best ? ` (did you mean \`${best.match}\`?)` : ''}; list the resources (or call list_rules) for every rule id`);
        }
        // core's one renderer: the same text as `spacelint explain`, explain_rule and docs/rules/.
        return inMcpTerms(core.renderRuleDoc(rule));
      },
    },
    {
      name: 'spaces-config-reference',
      title: 'Hugging Face Spaces configuration reference',
      description: 'Every README.md front-matter key, the SDKs, hardware flavors, colors, OAuth scopes and ZeroGPU facts spacelint checks against, with their sources and dates.',
      mimeType: 'text/markdown',
      uri: CONFIG_REFERENCE_URI,
      async read() {
        return configReferenceMarkdown(await engine());
      },
    },
  ];
}

export function configReferenceMarkdown(core: Core): string {
  const lines = [
    '# Hugging Face Spaces configuration reference',
    '',
    `As of ${core.REFERENCE_AS_OF} (hub-docs spaces-config-reference.md, huggingface_hub, huggingface.js). A Space is configured by the YAML front matter at the top of its README.md. Values released later can be added under \`reference:\` in \`.spacelint.yaml\`.`,
    '',
    '## Keys',
    '',
    '| Key | Type | SDKs | Meaning |',
    '|---|---|---|---|',
    ...Object.entries(core.CONFIG_KEYS).map(([key, info]) => `| \`${key}\` | ${info.type} | ${info.sdks?.join(', ') ?? 'all'} | ${info.description} |`),
    '',
    '## Keys that do nothing in a Space README',
    '',
    ...Object.entries(core.MISLEADING_KEYS).map(([key, why]) => `- \`${key}\`: ${why}`),
    `- Model-card keys: ${core.MODEL_CARD_KEYS.map((k) => `\`${k}\``).join(', ')}`,
    '',
    '## Values',
    '',
    `- \`sdk\`: ${core.SDKS.current.join(', ')} (deprecated: ${core.SDKS.deprecated.join(', ')})`,
    `- \`colorFrom\` / \`colorTo\`: ${core.COLORS.join(', ')}`,
    `- \`header\`: ${core.HEADER_VALUES.join(', ')}`,
    `- \`suggested_hardware\`: ${core.HARDWARE.current.join(', ')} (\`${core.HARDWARE.zeroGpu}\` is ZeroGPU)`,
    `- No longer valid hardware: ${core.HARDWARE.legacy.join(', ')}; Jobs-only: ${core.HARDWARE.jobsOnly.join(', ')}`,
    `- \`suggested_storage\`: ${core.STORAGE_TIERS.join(', ')} (ignored: persistent storage is no longer available; attach a Storage Bucket volume)`,
    `- \`hf_oauth_scopes\`: ${core.OAUTH_SCOPES.optional.join(', ')} (\`openid\` and \`profile\` are always granted); \`hf_oauth_expiration_minutes\` at most ${core.OAUTH_SCOPES.maxExpirationMinutes}`,
    ...Object.entries(core.CUSTOM_HEADERS).map(([h, values]) => `- \`custom_headers.${h}\`: ${values.join(', ')}`),
    `- Docker \`app_port\` default: ${core.DEFAULT_PORT}`,
    '',
    `## ZeroGPU (as of ${core.ZEROGPU.asOf})`,
    '',
    `- Gradio SDK only, Gradio ${core.ZEROGPU.minGradioMajor}+; Python ${core.ZEROGPU.python.join(' or ')}; torch ${core.ZEROGPU.torch.join(', ')}`,
    `- \`import spaces\` before torch; decorate the functions Gradio calls with \`@spaces.GPU(duration=...)\` (default ${core.ZEROGPU.defaultDurationSeconds} s; up to ${core.ZEROGPU.startupMaxDurationSeconds} s only for calls at start-up)`,
    `- \`size\`: ${core.ZEROGPU.sizes.join(' or ')} (xlarge costs twice the quota)`,
    '- No `torch.compile`: use ahead-of-time compilation (`spaces.aoti_*`).',
    '',
  ];
  return lines.join('\n');
}

import { unwrap } from '../parse/frontmatter.js';
import { closestMatch } from '../reference/closest-match.js';
import { replaceScalarFix, sourceOf } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-custom-headers',
    category: 'config',
    description: '`custom_headers` sets only the COEP, COOP and CORP headers, with allowed lowercase values.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      notMapping: { level: 'error', text: '`custom_headers` must be a mapping of header name to value, not {{actual}}.' },
      uppercase: { level: 'error', text: '`{{text}}` must be lowercase: "all headers and values must be lowercase" in `custom_headers`.' },
      header: {
        level: 'error',
        text: '`{{name}}` is not allowed in `custom_headers`{{hint}}: only cross-origin-embedder-policy, cross-origin-opener-policy and cross-origin-resource-policy can be set.',
      },
      value: { level: 'error', text: '`{{name}}: {{value}}` is not an allowed value{{hint}}; use one of {{allowed}}.' },
    },
    docs: {
      rationale:
        'The config reference: "For now, only the cross-origin-embedder-policy (COEP), cross-origin-opener-policy (COOP), and cross-origin-resource-policy (CORP) headers are allowed." and "*Note:* all headers and values must be lowercase." (https://huggingface.co/docs/hub/spaces-config-reference). The docs give no list of values; the allowed values come from huggingface.js `ApiSpaceMetadata` (https://github.com/huggingface/huggingface.js/blob/main/packages/hub/src/types/api/api-space.ts). A name or value that differs from an allowed one only by case gets an autofix to lowercase: that is what the author meant and nothing else changes. Other near misses (`require_corp`) get a suggestion, and headers such as `x-frame-options` or `content-security-policy` are an error because the Hub does not set them.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: static\ncustom_headers:\n  Cross-Origin-Opener-Policy: same-origin\n  cross-origin-embedder-policy: require_corp\n  x-frame-options: deny\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: static\ncustom_headers:\n  cross-origin-embedder-policy: require-corp\n  cross-origin-opener-policy: same-origin\n---\n' }],
      howToFix: 'Lowercase names and values (`--fix` does it) and keep to the three allowed headers and their values.',
    },
  },
  check(space, report) {
    const e = frontMatterOf(space)?.byKey.get('custom_headers');
    if (!e?.valueNode || e.value === null) return;
    const node = e.valueNode;
    if (node.type !== 'YAMLMapping') {
      report({ messageId: 'notMapping', data: { actual: node.type === 'YAMLSequence' ? 'a list' : `\`${sourceOf(space, node)}\`` }, file: README, range: node.range });
      return;
    }
    const allowedHeaders = space.reference.customHeaders;
    const names = Object.keys(allowedHeaders);
    const present = new Set(node.pairs.map((p) => unwrap(p.key)).map((k) => (k?.type === 'YAMLScalar' ? String(k.value) : '')));
    for (const pair of node.pairs) {
      const keyNode = unwrap(pair.key);
      if (keyNode?.type !== 'YAMLScalar' || keyNode.value === null) continue;
      const name = String(keyNode.value);
      let canonical: string | undefined = allowedHeaders[name] ? name : undefined;
      if (!canonical && allowedHeaders[name.toLowerCase()]) {
        canonical = name.toLowerCase();
        // Lowercasing onto a name that is already there would duplicate the key: report without autofix.
        const fix = present.has(canonical) ? undefined : replaceScalarFix(space, keyNode, canonical);
        report({ messageId: 'uppercase', data: { text: name }, file: README, range: keyNode.range, fix });
      }
      if (!canonical) {
        const best = closestMatch(name, names, '-');
        report({
          messageId: 'header',
          data: { name, hint: best ? ` (did you mean \`${best.match}\`?)` : '' },
          file: README,
          range: keyNode.range,
          suggestions: best && !present.has(best.match) ? [{ desc: `Use \`${best.match}\``, fix: replaceScalarFix(space, keyNode, best.match) }] : [],
        });
        continue;
      }
      const valueNode = unwrap(pair.value);
      if (!valueNode) continue;
      const allowed = allowedHeaders[canonical];
      if (valueNode.type !== 'YAMLScalar' || typeof valueNode.value !== 'string') {
        report({ messageId: 'value', data: { name: canonical, value: sourceOf(space, valueNode), hint: '', allowed: allowed.join(', ') }, file: README, range: valueNode.range });
        continue;
      }
      const value = valueNode.value;
      if (allowed.includes(value)) continue;
      if (allowed.includes(value.toLowerCase())) {
        report({ messageId: 'uppercase', data: { text: value }, file: README, range: valueNode.range, fix: replaceScalarFix(space, valueNode, value.toLowerCase()) });
        continue;
      }
      const best = closestMatch(value, allowed, '-');
      report({
        messageId: 'value',
        data: { name: canonical, value, hint: best ? ` (did you mean \`${best.match}\`?)` : '', allowed: allowed.join(', ') },
        file: README,
        range: valueNode.range,
        suggestions: best ? [{ desc: `Use \`${best.match}\``, fix: replaceScalarFix(space, valueNode, best.match) }] : [],
      });
    }
  },
});

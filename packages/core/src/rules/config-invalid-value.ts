import type { FrontMatterEntry } from '../parse/frontmatter.js';
import type { Space } from '../space/space.js';
import { closestMatch } from '../reference/closest-match.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule, type ReportDescriptor } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-invalid-value',
    category: 'config',
    description: 'Enumerated README keys (sdk, colors, header, hardware, storage) have values the Hub accepts.',
    hasSuggestions: true,
    messages: {
      sdk: { level: 'error', text: '`sdk: {{value}}` is not a Space SDK{{hint}}. Use gradio, docker or static.' },
      streamlit: { level: 'warning', text: '`sdk: streamlit` is deprecated since 2025-04-30: use `sdk: docker` with the Streamlit template and `app_port: 8501`.' },
      hardware: { level: 'error', text: '`suggested_hardware: {{value}}` is not a Space hardware flavor{{hint}}.' },
      legacyHardware: { level: 'warning', text: '`suggested_hardware: {{value}}` is no longer a valid Space flavor (removed from the Hub){{hint}}.' },
      jobsHardware: { level: 'warning', text: '`suggested_hardware: {{value}}` is a Jobs hardware flavor, not a Space flavor (moved to JobHardware 2026-05-27).' },
      storage: { level: 'error', text: '`suggested_storage: {{value}}` must be small, medium or large{{hint}}.' },
      header: { level: 'error', text: '`header: {{value}}` must be `mini` or `default`{{hint}}.' },
      color: { level: 'warning', text: '`{{key}}: {{value}}` is not a documented thumbnail color{{hint}}; the Hub lists red, yellow, green, blue, indigo, purple, pink and gray.' },
    },
    docs: {
      rationale:
        'Each enumerated key lists its allowed values in the config reference (https://huggingface.co/docs/hub/spaces-config-reference: "Value must be a valid hardware flavor"; "Value must be one of small, medium or large"). An unknown `sdk` or `header` is an error. `sdk: streamlit` is deprecated (Spaces changelog, 2025-04-30: https://huggingface.co/docs/hub/spaces-changelog), not unknown, so a warning. `zero-a10g` (ZeroGPU) is accepted although the reference list omits it: it is in huggingface_hub\'s SpaceHardware, synced with the Hub API (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/_space_api.py). TPU `v5e-*`, H100 and other removed flavors warn as legacy; `h200`, `cpu-performance`, `rtx-pro-6000*` warn as Jobs-only. Colors outside the list are only a warning because the docs\' own settings example uses `orange`. Did-you-mean compares case- and separator-insensitively (`A10G_SMALL` → `a10g-small`) and then by edit distance. New values released after this version can be added under `reference:` in `.spacelint.yaml`.',
      incorrect: [{ file: 'README.md', code: '---\nsdk: gradio-5\nsuggested_hardware: a10g_small\nheader: minimal\n---\n' }],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\ncolorFrom: indigo\n---\n' }],
      howToFix: 'Use one of the listed values; the suggestion replaces the value with the closest one.',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const ref = space.reference;
    const check = (key: string, fn: (value: string, e: FrontMatterEntry) => void) => {
      const e = fm.byKey.get(key);
      if (e && typeof e.value === 'string' && e.valueNode) fn(e.value, e);
    };
    check('sdk', (value, e) => {
      if (ref.sdks.current.includes(value)) return;
      if (ref.sdks.deprecated.includes(value)) return report(at(e, 'streamlit', { value }));
      report(withSuggestion(space, e, 'sdk', value, ref.sdks.current));
    });
    check('suggested_hardware', (value, e) => {
      const hw = ref.hardware;
      if (hw.current.includes(value)) return;
      if (hw.jobsOnly.includes(value)) return report(at(e, 'jobsHardware', { value }));
      if (hw.legacy.includes(value)) return report(withSuggestion(space, e, 'legacyHardware', value, hw.current));
      report(withSuggestion(space, e, 'hardware', value, hw.current, '-'));
    });
    check('suggested_storage', (value, e) => {
      if (!ref.storageTiers.includes(value)) report(withSuggestion(space, e, 'storage', value, ref.storageTiers));
    });
    check('header', (value, e) => {
      if (!ref.headerValues.includes(value)) report(withSuggestion(space, e, 'header', value, ref.headerValues));
    });
    for (const key of ['colorFrom', 'colorTo']) {
      check(key, (value, e) => {
        if (!ref.colors.includes(value)) report(withSuggestion(space, e, 'color', value, ref.colors, '_', key));
      });
    }
  },
});

function at(e: FrontMatterEntry, messageId: string, data: Record<string, string>): ReportDescriptor {
  return { messageId, data, file: README, range: e.valueNode!.range };
}

function withSuggestion(space: Space, e: FrontMatterEntry, messageId: string, value: string, candidates: string[], separator: '_' | '-' = '_', key = e.key): ReportDescriptor {
  const best = closestMatch(value, candidates, separator);
  const d = at(e, messageId, { value, key, hint: best ? ` (did you mean \`${best.match}\`?)` : '' });
  if (best) d.suggestions = [{ desc: `Use \`${best.match}\``, fix: { range: e.valueNode!.range, text: requote(space, e, best.match) } }];
  return d;
}

/** Keeps the author's quoting style when replacing a scalar. */
function requote(space: Space, e: FrontMatterEntry, value: string): string {
  const raw = space.text(README)!.slice(e.valueNode!.range[0], e.valueNode!.range[1]);
  if (raw.startsWith('"')) return `"${value}"`;
  if (raw.startsWith("'")) return `'${value}'`;
  return value;
}

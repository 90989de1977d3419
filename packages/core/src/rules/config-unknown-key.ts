import { MISLEADING_KEYS, MODEL_CARD_KEYS } from '../reference/spaces.js';
import { closestMatch } from '../reference/closest-match.js';
import { frontMatterOf, pairLinesRange, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-unknown-key',
    category: 'config',
    description: 'Every README front-matter key is one the Hub reads.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      typo: { level: 'warning', text: 'Unknown key `{{key}}`: did you mean `{{match}}`? The Hub ignores unknown keys, so this setting has no effect.' },
      unknown: { level: 'warning', text: 'Unknown key `{{key}}`: the Hub ignores it. Known keys are listed in the Spaces config reference.' },
      misleading: { level: 'warning', text: '`{{key}}` is not a Space config key: {{advice}}.' },
      modelCard: { level: 'warning', text: '`{{key}}` is a model-card key, not a Space key: the Hub ignores it in a Space README.' },
    },
    docs: {
      rationale:
        'The config reference (https://huggingface.co/docs/hub/spaces-config-reference) says "All the accepted parameters are listed below"; a misspelled key is silently ignored, so `app-port: 8000` leaves the port at 7860 and the Space never becomes healthy. Keys that differ from a known key only by case or separator (`app-port`, `colorfrom`) get a safe autofix; other near misses (edit distance ≤ 2, ≤ 1 for short keys) a suggestion. Keys Hugging Face tooling reads but the reference omits (`license`, `duplicated_from`, `metaTitle`, `description`) are accepted. Keys people expect to work (`hardware`, `secrets`, `port`) get a specific explanation, and model-card keys (`pipeline_tag`, `library_name`…) are named as such. Extend the known keys with `reference: { keys: [...] }` in `.spacelint.yaml`.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\napp-port: 8000\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nhardware: a10g-small\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: docker\napp_port: 8000\nlicense: mit\nduplicated_from: owner/space\n---\n' }],
      howToFix: 'Rename the key to the one the Hub reads (the autofix does this for case and separator typos), or remove it.',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const known = Object.keys(space.reference.configKeys);
    const present = new Set(fm.entries.map((e) => e.key));
    for (const e of fm.entries) {
      if (space.reference.configKeys[e.key]) continue;
      const range = e.keyNode.range;
      const remove = { desc: `Remove \`${e.key}\``, fix: { range: pairLinesRange(space, e), text: '' } };
      if (MISLEADING_KEYS[e.key]) {
        report({ messageId: 'misleading', data: { key: e.key, advice: MISLEADING_KEYS[e.key] }, file: README, range, suggestions: [remove] });
        continue;
      }
      if (MODEL_CARD_KEYS.includes(e.key)) {
        report({ messageId: 'modelCard', data: { key: e.key }, file: README, range, suggestions: [remove] });
        continue;
      }
      const best = closestMatch(e.key, known);
      if (best) {
        const rename = { range, text: best.match };
        // Renaming onto a key that is already there would duplicate it: suggest only.
        const safe = best.exact && !present.has(best.match);
        report({
          messageId: 'typo',
          data: { key: e.key, match: best.match },
          file: README,
          range,
          fix: safe ? rename : undefined,
          suggestions: [{ desc: `Rename to \`${best.match}\``, fix: rename }, remove],
        });
        continue;
      }
      report({ messageId: 'unknown', data: { key: e.key }, file: README, range, suggestions: [remove] });
    }
  },
});

import { entry, pairLinesRange, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'storage-suggested-storage-ignored',
    category: 'storage',
    description: '`suggested_storage` is ignored: persistent storage is no longer available.',
    hasSuggestions: true,
    messages: {
      ignored: {
        level: 'warning',
        text: '`suggested_storage` is ignored: persistent storage was discontinued, so this Space gets no persistent disk. To keep data, attach a Storage Bucket as a volume in the Space settings (or with `set_space_volumes`).',
      },
    },
    docs: {
      rationale:
        'The config reference says: "The persistent storage feature is no longer available so this setting will be ignored." (https://huggingface.co/docs/hub/spaces-config-reference, added on 2026-01-16: https://github.com/huggingface/hub-docs/commit/e5dfe67e). The storage page now says: "If you need to persist data with a longer lifetime than the Space itself, you can attach one or more Storage Buckets as volumes" (https://huggingface.co/docs/hub/spaces-storage, https://huggingface.co/docs/hub/storage-buckets), and huggingface_hub deprecates `request_space_storage` in favour of `set_space_volumes` (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/hf_api.py). A README that still sets the key usually belongs to an app that writes to `/data` expecting it to survive restarts, which it no longer does, so a warning. Any value is reported (invalid values are also reported by `config-invalid-value`). A commented-out key is a YAML comment and is not reported.',
      incorrect: [{ file: 'README.md', code: '---\nsdk: gradio\nsuggested_storage: small\n---\n' }],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\n# Data lives in a Storage Bucket mounted as a volume (Space settings).\n---\n' }],
      howToFix: 'Remove the key (the suggestion does) and attach a Storage Bucket volume where the app needs persistent data.',
    },
  },
  check(space, report) {
    const e = entry(space, 'suggested_storage');
    if (!e) return;
    report({
      messageId: 'ignored',
      file: README,
      range: e.keyNode.range,
      suggestions: [{ desc: 'Remove `suggested_storage`', fix: { range: pairLinesRange(space, e), text: '' } }],
    });
  },
});

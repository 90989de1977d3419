import { defineRule } from './rule.js';

/** The check runs in the engine after every rule (it needs all findings); this carries its metadata. */
export default defineRule({
  meta: {
    id: 'unused-directive',
    category: 'core',
    description: 'A `# spacelint-disable…` comment that turned off no finding.',
    fixable: true,
    messages: { unused: { level: 'warning', text: 'Unused directive: it turned off no finding here. Remove it.' } },
    docs: {
      rationale:
        "A disable comment that no longer suppresses anything hides nothing today but will silently hide a real problem later, like ESLint's `--report-unused-disable-directives`. The autofix removes the comment.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: '# spacelint-disable-next-line gradio-share-true\ndemo.launch()\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'demo.launch()\n' },
      ],
      howToFix: 'Delete the comment (`--fix` does it).',
    },
  },
  check() {},
});

import { argumentRemovalRange, keywordArgument } from '../python/arguments.js';
import { gradioMethodCalls } from '../python/gradio.js';
import { constantOf } from '../python/module.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'gradio-share-true',
    category: 'performance',
    description: '`launch(share=True)` is not used in a Space.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      share: {
        level: 'warning',
        text: '`share={{value}}` does nothing on Spaces: Gradio warns "Setting share=True is not supported on Hugging Face Spaces" and turns it off, while the same file run elsewhere opens a public share link. Remove it; the Space URL is already public.',
      },
    },
    docs: {
      rationale:
        'Gradio\'s `launch()` does `warnings.warn("Setting share=True is not supported on Hugging Face Spaces"); self.share = False` when it runs on Spaces (gradio/blocks.py, 3.50.2 and 6.x, https://github.com/gradio-app/gradio/blob/main/gradio/blocks.py), so the flag is dead code on the Hub, and when the file runs elsewhere it opens a public share link that anyone with the URL can use (https://www.gradio.app/guides/sharing-your-app). Reported in `sdk: gradio` and `sdk: docker` Spaces, in any Python file that imports gradio, for `launch(share=True)` on any receiver, chained calls included (`demo.queue(max_size=5).launch(share=True)`), and for a module constant equal to `True` (`SHARE = True`). An expression such as `share=os.getenv("SHARE") == "1"` is a deliberate choice and is not reported. The autofix removes the keyword when it is the literal `True`: behaviour on Spaces stays the same, since Gradio already forces `share=False`. With a constant it is a suggestion, since the constant may be used elsewhere.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.launch(share=True)\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.launch()\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import os\nimport gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.launch(share=os.getenv("SHARE") == "1")\n' },
      ],
      howToFix: 'Remove `share=True` (`--fix` does it); the Space already has a public URL.',
    },
  },
  check(space, report) {
    const sdk = space.facts.sdk;
    if (sdk !== 'gradio' && sdk !== 'docker') return;
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      for (const call of gradioMethodCalls(module, 'launch')) {
        const arg = keywordArgument(call, 'share');
        const value = constantOf(module, arg?.value);
        if (!arg || value?.kind !== 'bool' || value.value !== true) continue;
        const remove = { range: argumentRemovalRange(call, arg), text: '' };
        const literal = arg.value.kind === 'bool';
        report({
          messageId: 'share',
          data: { value: literal ? 'True' : `${arg.value.name} (True)` },
          file: path,
          range: arg.range,
          fix: literal ? remove : undefined,
          suggestions: [{ desc: 'Remove `share=`', fix: remove }],
        });
      }
    }
  },
});

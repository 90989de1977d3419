import { importsGradio } from '../python/gradio.js';
import { configAnchor, entry, README, valueRange } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

const NON_GRADIO = new Set(['docker', 'static', 'streamlit']);

export default defineRule({
  meta: {
    id: 'zerogpu-non-gradio-sdk',
    category: 'zerogpu',
    description: 'ZeroGPU (a `spaces.GPU` function or `suggested_hardware: zero-a10g`) is used only with `sdk: gradio`.',
    hasSuggestions: true,
    messages: {
      gpuCode: {
        level: 'error',
        text: '`{{file}}` uses `spaces.GPU`, but ZeroGPU Spaces "are exclusively compatible with the Gradio SDK" and this Space is `sdk: {{sdk}}`, so it never gets a ZeroGPU GPU. Use `sdk: gradio`, or pick a dedicated GPU and drop `spaces.GPU`.',
      },
      hardware: {
        level: 'error',
        text: '`suggested_hardware: zero-a10g` needs `sdk: gradio`: ZeroGPU Spaces "are exclusively compatible with the Gradio SDK", and this Space is `sdk: {{sdk}}`. Use `sdk: gradio`, or suggest a dedicated GPU flavor.',
      },
    },
    docs: {
      rationale:
        'The ZeroGPU docs (https://huggingface.co/docs/hub/spaces-zerogpu): "Currently, ZeroGPU Spaces are exclusively compatible with the **Gradio SDK**." The rule fires when the front matter names another SDK (docker, static, or the deprecated streamlit) and either a Python file of the Space has a GPU reference (any file: a Docker Space may run any of them) or `suggested_hardware` is `zero-a10g`. It reports once, on the `sdk` value. The suggestion to switch to `sdk: gradio` is offered only when a Python file imports gradio, since a Docker or static app would need rewriting first (spacelint\'s judgement).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\napp_port: 7860\n---\n' },
        { file: 'main.py', code: 'import spaces\n\n@spaces.GPU\ndef infer(x):\n    ...\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'README.md', code: '---\nsdk: docker\nsuggested_hardware: t4-small\n---\n' },
      ],
      howToFix: 'Move the app to the Gradio SDK (`sdk: gradio`, `app_file` pointing at the Gradio app), or keep Docker and run on a dedicated GPU flavor without `spaces.GPU`.',
    },
  },
  check(space, report) {
    const facts = space.facts;
    if (!facts.sdk || !NON_GRADIO.has(facts.sdk)) return;
    const sdkEntry = entry(space, 'sdk');
    const range = sdkEntry ? valueRange(sdkEntry) : configAnchor(space);
    const gradioApp = space.pythonPaths.find((p) => {
      const m = space.python(p);
      return m !== undefined && importsGradio(m);
    });
    const suggestions = gradioApp && sdkEntry?.valueNode ? [{ desc: 'Use `sdk: gradio`', fix: { range: sdkEntry.valueNode.range, text: 'gradio' } }] : undefined;
    const data = { sdk: facts.sdk, file: facts.gpuFiles[0] ?? '' };
    if (facts.gpuFiles.length) report({ messageId: 'gpuCode', data, file: README, range, suggestions });
    else if (facts.zeroGpu === 'confirmed') report({ messageId: 'hardware', data, file: README, range, suggestions });
  },
});

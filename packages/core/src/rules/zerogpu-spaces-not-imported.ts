import { insertImportFix } from '../python/insert-import.js';
import type { GpuReference } from '../python/module.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'zerogpu-spaces-not-imported',
    category: 'zerogpu',
    description: '`spaces.GPU` (or `GPU`) is used in a file that never imports it from the `spaces` package.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      notImported: {
        level: 'error',
        text: '`{{text}}` is used but `{{name}}` is never imported, so Python raises NameError when `{{file}}` loads. Add `{{statement}}` at the top of the file (the ZeroGPU guide: "Import the `spaces` module").',
      },
    },
    docs: {
      rationale:
        'Step 2 of the ZeroGPU "Getting started" list is "Import the `spaces` module" (https://huggingface.co/docs/hub/spaces-zerogpu); a decorator whose name is bound by nothing is a NameError when the module is imported, so the Space crashes at start-up. The check resolves names through every import form: `import spaces`, `import spaces as sp`, `from spaces import GPU [as gpu]`, `from spaces import *`, `from spaces.zero.decorator import GPU`, imports inside `try:` (a guarded import with an `except ImportError:` stub is still an import), and imports inside functions. A name bound in any other way (a stub `class spaces:`, an assignment, a function) is not reported: the code may define its own decorator. The autofix inserts `import spaces` before the first import (so that it also precedes `torch`, see zerogpu-cuda-before-spaces-import) and is offered only for the name `spaces` in a Gradio SDK Space, where the SDK build installs the `spaces` package (build log quoted in https://discuss.huggingface.co/t/space-force-installs-old-gradio/71840); elsewhere, and for `GPU` or another alias, the same edit is a suggestion because the package may not be installed (spacelint\'s judgement).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\n@spaces.GPU\ndef run(x):\n    ...\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'from spaces import GPU as gpu\n\n@gpu(duration=20)\ndef run(x):\n    ...\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'try:\n    import spaces\nexcept ImportError:  # local runs without the package\n    class spaces:\n        GPU = staticmethod(lambda f: f)\n\n@spaces.GPU\ndef run(x):\n    ...\n',
        },
      ],
      howToFix: 'Add `import spaces` (or `from spaces import GPU`) at the top of the file, before `torch` is imported; `--fix` does it for `spaces` in Gradio Spaces.',
    },
  },
  check(space, report) {
    const safe = space.facts.sdk === 'gradio';
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      const firstByName = new Map<string, GpuReference>();
      for (const ref of module.gpuReferences) {
        if (ref.binding !== 'unbound') continue;
        const statement = ref.name === 'GPU' && ref.text === 'GPU' ? 'from spaces import GPU' : ref.name === 'spaces' ? 'import spaces' : `import spaces as ${ref.name}`;
        const first = !firstByName.has(ref.name);
        firstByName.set(ref.name, firstByName.get(ref.name) ?? ref);
        // One insertion per missing name: the other references are fixed by the same line.
        const fix = first ? insertImportFix(module, space.text(path)!, statement) : undefined;
        report({
          messageId: 'notImported',
          data: { text: ref.text, name: ref.name, file: path, statement },
          file: path,
          range: ref.range,
          fix: fix && safe && statement === 'import spaces' ? fix : undefined,
          suggestions: fix ? [{ desc: `Add \`${statement}\``, fix }] : undefined,
        });
      }
    }
  },
});

import type { Suggestion } from '../diagnostic.js';
import type { Space } from '../space/space.js';
import { configAnchor, entry, README, valueRange } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'zerogpu-no-gpu-function',
    category: 'zerogpu',
    scope: 'space',
    description: 'A Space on ZeroGPU hardware has a `@spaces.GPU` function in its app file.',
    hasSuggestions: true,
    messages: {
      none: {
        level: 'error',
        text: 'This Space asks for ZeroGPU (`suggested_hardware: zero-a10g`) but `{{app}}` has no `@spaces.GPU` function, so ZeroGPU stops it at start-up ("No @spaces.GPU function detected during startup"). Decorate the function that uses the GPU with `@spaces.GPU`, or pick other hardware.',
      },
    },
    docs: {
      rationale:
        'Apps on ZeroGPU hardware with no decorated function stop with `No @spaces.GPU function detected during startup` (stage RUNTIME_ERROR): a message quoted in Hugging Face\'s Spaces skill (https://github.com/huggingface/skills/tree/main/skills/huggingface-spaces, references/known-errors.md and zerogpu.md) and in public deployment notes; the docs require decorating GPU functions (https://huggingface.co/docs/hub/spaces-zerogpu, "Decorate GPU-dependent functions with `@spaces.GPU`"). The rule needs `suggested_hardware: zero-a10g` (a Space that only looks like ZeroGPU is not enough) and looks at the app file and the local modules it imports. Any GPU reference counts, including a decorator factory kept in a variable (`gpu = spaces.GPU(duration=30)`), since the rule cannot tell where it is applied. When the decorated functions are in local modules the app imports, the rule stays silent: `@spaces.GPU` registers its function when the module is imported, and the app imports them at start-up. The finding is on the first Gradio handler defined in the app file (the function to decorate; "decorate the function Gradio binds", https://github.com/huggingface/skills/tree/main/skills/huggingface-spaces), with a suggestion to add the decorator when the file already imports `spaces`; without such a handler it is on `suggested_hardware` in README.md.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\nfrom huggingface_hub import InferenceClient\n\nclient = InferenceClient()\n\ndef chat(message, history):\n    return client.chat_completion([{"role": "user", "content": message}]).choices[0].message.content\n\ngr.ChatInterface(chat).launch()\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\nimport gradio as gr\n\n@spaces.GPU\ndef infer(prompt):\n    return pipe(prompt).images[0]\n\ngr.Interface(infer, "text", "image").launch()\n' },
      ],
      howToFix:
        'Decorate the function Gradio calls with `@spaces.GPU` (in the app file), or, if the Space does not need a GPU, choose CPU hardware in the Space settings and drop `suggested_hardware: zero-a10g`.',
    },
  },
  check(space, report) {
    const facts = space.facts;
    if (facts.zeroGpu !== 'confirmed' || !facts.appFile?.endsWith('.py')) return;
    const app = facts.appFile;
    const module = space.python(app);
    if (!module) return; // config-app-file-missing reports a missing app file
    if (module.gpuReferences.length || module.gpuApplications.length) return;
    const hardware = entry(space, 'suggested_hardware');
    const range = hardware ? valueRange(hardware) : configAnchor(space);
    const others = facts.appModules.filter((p) => p !== app && (space.python(p)?.gpuReferences.length ?? 0) > 0);
    // `@spaces.GPU` registers when its module is imported; the app imports these at start-up.
    if (others.length) return;
    // In editors the finding is most useful on the function to decorate; without one, on the hardware key.
    const handler = firstHandler(space, app);
    if (handler) {
      report({ messageId: 'none', data: { app }, file: app, range: handler.range, suggestions: handler.suggestions });
      return;
    }
    report({ messageId: 'none', data: { app }, file: README, range });
  },
});

/** The first Gradio handler defined in the app file, with a suggestion to decorate it using the file's own alias of `spaces`. */
function firstHandler(space: Space, path: string): { range: [number, number]; suggestions?: Suggestion[] } | undefined {
  const module = space.python(path)!;
  const handler = module.handlers.find((h) => h.function !== undefined && !module.functions[h.function].lambda);
  if (!handler) return undefined;
  const fn = module.functions[handler.function!];
  const alias = Object.entries(module.aliases).find(([, target]) => target === 'spaces')?.[0];
  const gpuName = Object.entries(module.aliases).find(([, target]) => /^spaces(\.\w+)*\.GPU$/.test(target))?.[0];
  const decorator = alias ? `${alias}.GPU` : gpuName;
  if (!decorator) return { range: fn.nameRange };
  const start = fn.decorators[0]?.range[0] ?? fn.range[0];
  const { lineStart, indent } = indentationAt(space.text(path)!, start);
  return {
    range: fn.nameRange,
    suggestions: [{ desc: `Decorate \`${fn.name}\` with \`@${decorator}\``, fix: { range: [lineStart, lineStart], text: `${indent}@${decorator}\n` } }],
  };
}

/** The whitespace that starts the line holding `offset` (to insert a line with the same indentation). */
function indentationAt(text: string, offset: number): { lineStart: number; indent: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  return { lineStart, indent };
}

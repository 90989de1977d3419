import { UI_BUILDERS, uiVariable } from '../python/gradio.js';
import type { PythonCall, PythonModule } from '../python/module.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'gradio-missing-launch',
    category: 'performance',
    scope: 'space',
    description: 'A Gradio Space that builds a UI also launches it.',
    hasSuggestions: true,
    messages: {
      missing: {
        level: 'warning',
        text: '`{{app}}` builds a Gradio UI with `{{builder}}`{{through}} but never calls `.launch()`, so nothing listens on the port and the Space never becomes ready. Add `{{variable}}.launch()` at the end of `{{app}}`.',
      },
    },
    docs: {
      rationale:
        'Every Gradio example in the Hugging Face docs ends with a launch call (https://huggingface.co/docs/hub/spaces-sdks-gradio: `gradio_app.launch()` inside `if __name__ == "__main__":`; https://huggingface.co/docs/hub/spaces-zerogpu: `.launch()`); that the `__main__` guard works there implies the Space runs `app_file` as a script (spacelint\'s reading of the docs), so without a launch the process ends (or idles) and nothing answers on port 7860. The rule looks at the app file and the local modules it imports: it fires when one of them builds a UI (`gr.Blocks`, `with gr.Blocks() as demo`, `gr.Interface`, `gr.ChatInterface`, `gr.TabbedInterface`) and none calls `.launch(` (directly, chained as `.queue(...).launch(...)`, or under `if __name__ == "__main__":`). It stays silent when the app is served another way (`gr.mount_gradio_app`, e.g. with uvicorn). Only for `sdk: gradio`. The suggestion appends `<variable>.launch()` when the UI is bound to a name.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown("Hi")\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown("Hi")\n\nif __name__ == "__main__":\n    demo.queue(max_size=10).launch()\n' },
      ],
      howToFix: 'Call `demo.launch()` at the end of the app file (the object your `gr.Blocks`/`gr.Interface` is bound to).',
    },
  },
  check(space, report) {
    const facts = space.facts;
    if (facts.sdk !== 'gradio' || !facts.appFile?.endsWith('.py')) return;
    const modules = space.appModules;
    let builder: { module: PythonModule; call: PythonCall; index: number } | undefined;
    for (const module of modules) {
      // Any `.launch(` counts: the UI object may come from another module (`from ui import demo`).
      if (module.calls.some((c) => c.name === 'launch' && (c.receiver !== undefined || c.receiverCall !== undefined))) return;
      if (module.calls.some((c) => c.qualified === 'gradio.mount_gradio_app' || c.name === 'mount_gradio_app')) return;
      // Builders inside functions count too (`def build_ui(): with gr.Blocks() as demo: ...`).
      const index = module.calls.findIndex((c) => c.qualified !== undefined && UI_BUILDERS.has(c.qualified));
      if (index >= 0 && (!builder || (builder.module.path !== facts.appFile && module.path === facts.appFile))) builder = { module, call: module.calls[index], index };
    }
    if (!builder) return;
    const app = facts.appFile;
    // A name bound inside a function is not reachable at the end of the file: no suggestion then.
    const variable = builder.call.function === undefined ? uiVariable(builder.module, builder.index) : undefined;
    const text = space.text(app)!;
    const suggestions =
      variable && builder.module.path === app
        ? [
            {
              desc: `Add \`${variable}.launch()\` at the end of ${app}`,
              fix: { range: [text.length, text.length] as [number, number], text: `${text.endsWith('\n') || !text ? '' : '\n'}\n${variable}.launch()\n` },
            },
          ]
        : undefined;
    report({
      messageId: 'missing',
      data: { app, builder: builder.call.callee ?? 'gr.Blocks', through: builder.module.path === app ? '' : ` (in \`${builder.module.path}\`)`, variable: variable ?? 'demo' },
      file: builder.module.path,
      range: builder.call.calleeRange,
      suggestions,
    });
  },
});

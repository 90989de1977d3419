import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, edit, ZEROGPU_APP } from '../../test/spaces/zerogpu.js';

const only = 'gradio-missing-launch';

describe(only, () => {
  it('fires when the app builds Blocks and never launches, suggesting demo.launch()', async () => {
    const app = edit(ZEROGPU_APP, 'if __name__ == "__main__":\n    demo.queue(max_size=QUEUE_SIZE).launch(show_error=True)\n', '');
    const [d, ...rest] = await lintFiles(cpuSpace(app), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', file: 'app.py', message: expect.stringContaining('`gr.Blocks`') });
    expect(applyFixes(app, [d.suggestions![0].fix]).output.endsWith('\ndemo.launch()\n')).toBe(true);
  });

  it('understands every gradio import form', async () => {
    const apps = [
      'from gradio import Blocks, Markdown\nwith Blocks() as demo:\n    Markdown("hi")\n',
      'import gradio\nui = gradio.Interface(lambda x: x, "text", "text")\n',
      'from gradio import ChatInterface as Chat\nchat = Chat(lambda m, h: m)\n',
    ];
    for (const app of apps) {
      const [d] = await lintFiles(cpuSpace(app), { only });
      expect(d?.suggestions?.[0].fix.text, app).toMatch(/^\n(demo|ui|chat)\.launch\(\)\n$/);
    }
  });

  it('fires for a UI built in a function, without a suggestion', async () => {
    const [d] = await lintFiles(cpuSpace('import gradio as gr\n\ndef build():\n    with gr.Blocks() as demo:\n        gr.Markdown("hi")\n    return demo\n\nbuild()\n'), { only });
    expect(d).toMatchObject({ line: 4 });
    expect(d.suggestions).toBeUndefined();
  });

  it('fires for an Interface built in an imported module', async () => {
    const files = cpuSpace('from ui import build\n\nui = build()\n', { 'ui.py': 'import gradio as gr\niface = gr.Interface(lambda x: x, "text", "text")\n' });
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ file: 'ui.py', line: 2 });
    expect(d.suggestions).toBeUndefined(); // the launch belongs in app.py, which does not bind the UI
  });

  it('stays silent with a launch anywhere in the app, a mounted app, or another SDK', async () => {
    expect(await lintFiles(cpuSpace(ZEROGPU_APP), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n'), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('from ui import demo\ndemo.launch()\n', { 'ui.py': 'import gradio as gr\nwith gr.Blocks() as demo:\n    pass\n' }), { only })).toEqual([]);
    const mounted =
      'import gradio as gr, uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\ndemo = gr.Blocks()\napp = gr.mount_gradio_app(app, demo, path="/")\nuvicorn.run(app, host="0.0.0.0", port=7860)\n';
    expect(await lintFiles(cpuSpace(mounted), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM python:3.12\nCMD ["python", "app.py"]\n', 'app.py': 'import gradio as gr\ngr.Blocks()\n' }, { only })).toEqual([]);
  });
});

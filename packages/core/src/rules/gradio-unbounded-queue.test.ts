import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'gradio-unbounded-queue';
const UI = 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown("Hi")\n\n';

describe(only, () => {
  it('fires (info) on a launch without a bounded queue, suggesting queue(max_size=20)', async () => {
    const app = `${UI}demo.launch()\n`;
    const [d, ...rest] = await lintFiles(cpuSpace(app), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'info', line: 6 });
    expect(applyFixes(app, [d.suggestions![0].fix]).output).toContain('demo.queue(max_size=20).launch()');
  });

  it('fires on queue() without max_size and on max_size=None, also through a constant', async () => {
    const bare = `${UI}demo.queue(api_open=False).launch()\n`;
    const [d] = await lintFiles(cpuSpace(bare), { only });
    expect(applyFixes(bare, [d.suggestions![0].fix]).output).toContain('demo.queue(api_open=False, max_size=20).launch()');
    const none = `${UI}SIZE = None\ndemo.queue(max_size=SIZE).launch()\n`;
    expect((await lintFiles(cpuSpace(none), { only })).map((x) => x.message.slice(0, 17))).toEqual(['`max_size=None` l']);
  });

  it('looks at local modules imported by the app', async () => {
    const files = cpuSpace('from ui import demo\n\ndemo.launch()\n', { 'ui.py': `${UI}demo.queue(max_size=8)\n` });
    expect(await lintFiles(files, { only })).toEqual([]);
  });

  it('stays silent with a bounded queue (also positional), on ZeroGPU, and without a launch', async () => {
    const fine = ZEROGPU_APP; // demo.queue(max_size=QUEUE_SIZE).launch(...)
    expect(await lintFiles(cpuSpace(fine), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(`${UI}demo.queue(5, True, 10).launch()\n`), { only })).toEqual([]);
    expect(await lintFiles(zeroGpuSpace({ 'app.py': `${UI}demo.launch()\n` }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(UI), { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles, readme } from '../../test/lint-files.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'gradio-share-true';
const UI = 'import gradio as gr\ndemo = gr.Interface(lambda x: x, "text", "text")\n';

describe(only, () => {
  it('fires on launch(share=True) with a safe autofix that removes the keyword', async () => {
    const files = cpuSpace(`${UI}demo.launch(share=True)\n`);
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 3, column: 13, message: expect.stringContaining('not supported on Hugging Face Spaces') });
    expect((await fixFiles(files))['app.py']).toBe(`${UI}demo.launch()\n`);
  });

  it('fixes chained calls and keeps the other arguments', async () => {
    const app = edit(ZEROGPU_APP, 'launch(show_error=True)', 'launch(share=True, show_error=True)');
    const fixed = await fixFiles(zeroGpuSpace({ 'app.py': app }));
    expect(fixed['app.py']).toBe(ZEROGPU_APP);
    const chained = cpuSpace(`${UI}demo.queue(max_size=5).launch(server_name="0.0.0.0", share=True)\n`);
    expect((await fixFiles(chained))['app.py']).toContain('demo.queue(max_size=5).launch(server_name="0.0.0.0")\n');
  });

  it('removes the argument with its comma in black style (one argument per line, trailing comma)', async () => {
    const fix = async (call: string) => (await fixFiles(cpuSpace(`${UI}${call}\n`)))['app.py'].slice(UI.length);
    expect(await fix('demo.launch(\n    share=True,\n)')).toBe('demo.launch()\n');
    expect(await fix('demo.launch(\n    share=True\n)')).toBe('demo.launch()\n');
    expect(await fix('demo.launch(\n    server_name="0.0.0.0",\n    share=True,\n)')).toBe('demo.launch(\n    server_name="0.0.0.0",\n)\n');
    expect(await fix('demo.launch(\n    share=True,\n    server_name="0.0.0.0",\n)')).toBe('demo.launch(\n    server_name="0.0.0.0",\n)\n');
    expect(await fix('demo.launch( share=True , )')).toBe('demo.launch()\n');
  });

  it('only suggests when the value is a constant, and fires in Docker Spaces', async () => {
    const [d] = await lintFiles(cpuSpace(`${UI}SHARE = True\ndemo.launch(share=SHARE)\n`), { only });
    expect(d.fix).toBeUndefined();
    expect(d.suggestions).toHaveLength(1);
    const docker = { 'README.md': readme('sdk: docker'), Dockerfile: 'FROM python:3.12\n', 'app.py': `${UI}gr.Blocks().launch(share=True)\n` };
    expect(await lintFiles(docker, { only })).toHaveLength(1);
  });

  it('fires on a UI imported from a local module', async () => {
    const files = cpuSpace('from ui import demo\n\ndemo.launch(share=True)\n', { 'ui.py': `${UI}` });
    expect((await fixFiles(files))['app.py']).toBe('from ui import demo\n\ndemo.launch()\n');
  });

  it('stays silent on expressions, share=False, and files that do not use gradio', async () => {
    expect(await lintFiles(cpuSpace(`${UI}import os\ndemo.launch(share=os.getenv("SHARE") == "1")\n`), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(`${UI}demo.launch(share=False)\n`), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import rocket\nrocket.launch(share=True)\n'), { only })).toEqual([]);
  });
});

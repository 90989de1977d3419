import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'gradio-removed-queue-params';
const space = (version: string | undefined, app: string) => ({
  'README.md': readme(`sdk: gradio${version ? `\nsdk_version: "${version}"` : ''}`),
  'app.py': `import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\n${app}`,
});

describe(only, () => {
  it('fires (error) on concurrency_count with Gradio 5, suggesting default_concurrency_limit', async () => {
    const files = space('5.49.1', 'demo.queue(concurrency_count=4).launch()\n');
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, column: 12, message: expect.stringContaining('Gradio 5.49.1') });
    expect(d.fix).toBeUndefined();
    expect(applyFixes(files['app.py'], [d.suggestions![0].fix]).output).toContain('demo.queue(default_concurrency_limit=4).launch()');
    expect(applyFixes(files['app.py'], [d.suggestions![1].fix]).output).toContain('demo.queue().launch()');
  });

  it('fires on enable_queue, default_enabled and client_position_to_load_data', async () => {
    const found = await lintFiles(space('4.44.1', 'demo.queue(default_enabled=True, client_position_to_load_data=2).launch(enable_queue=True)\n'), { only });
    expect(found.map((d) => d.message.split('(')[0] + d.message.split('(')[1].split('=')[0])).toEqual(['`queuedefault_enabled', '`queueclient_position_to_load_data', '`launchenable_queue']);
  });

  it('fires on default_concurrency_limit before 4.4 and on a truthy concurrency_count in 4.4', async () => {
    const [d] = await lintFiles(space('4.2.0', 'demo.queue(default_concurrency_limit=4).launch()\n'), { only });
    expect(d.message).toContain('added in Gradio 4.4');
    const [e] = await lintFiles(space('4.2.0', 'demo.queue(concurrency_count=4).launch()\n'), { only });
    expect(e.suggestions?.map((s) => s.desc)).toEqual(['Remove `concurrency_count=`']); // no default_concurrency_limit before 4.4
    expect(await lintFiles(space('4.44.1', 'demo.queue(concurrency_count=None).launch()\n'), { only })).toEqual([]);
  });

  it('reads the version gates from the release tables (3.x default_concurrency_limit, 4.0.x rejected kwargs)', async () => {
    const [d] = await lintFiles(space('3.50.2', 'demo.queue(default_concurrency_limit=4).launch()\n'), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('added in Gradio 4.4.0') });
    expect(d.message).toContain('TypeError');
    const [e] = await lintFiles(space('4.0.2', 'demo.queue(default_enabled=True).launch()\n'), { only });
    expect(e.message).toContain('ValueError: Invalid arguments');
    const [f] = await lintFiles(space('4.2.0', 'demo.queue(default_enabled=True).launch()\n'), { only });
    expect(f.message).toContain('TypeError');
    const [g] = await lintFiles(space('4.37.0', 'demo.queue(concurrency_count=4).launch()\n'), { only });
    expect(g.message).toContain('4.37.0 (read as 4.36.1, the nearest tagged release below)');
    expect(await lintFiles(space('2.9.4', 'demo.queue(default_concurrency_limit=4).launch()\n'), { only })).toEqual([]);
  });

  it('is a warning that says so when the Gradio version is unknown', async () => {
    const [d] = await lintFiles(space(undefined, 'demo.queue(concurrency_count=4).launch()\n'), { only });
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('version of this Space is unknown') });
  });

  it('stays silent on Gradio 3 and on current parameters', async () => {
    expect(await lintFiles(space('3.50.2', 'demo.queue(concurrency_count=4).launch(enable_queue=True)\n'), { only })).toEqual([]);
    expect(await lintFiles(space('5.49.1', 'demo.queue(default_concurrency_limit=4, max_size=10).launch()\n'), { only })).toEqual([]);
    const other = { 'README.md': readme('sdk: gradio\nsdk_version: "5.0.0"'), 'worker.py': 'import multiprocessing\nq = multiprocessing.queue(concurrency_count=3)\n' };
    expect(await lintFiles(other, { only })).toEqual([]);
  });
});

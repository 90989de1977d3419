import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles } from '../../test/lint-files.js';
import type { Diagnostic } from '../diagnostic.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, zeroGpuSpace, ZEROGPU_APP } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-missing-duration';
const suggest = (text: string, d: Diagnostic) => applyFixes(text, [d.suggestions![0].fix]).output;

describe(only, () => {
  it('fires (info) on a bare @spaces.GPU of the realistic Space, with a suggestion and no autofix', async () => {
    const [d, ...rest] = await lintFiles(zeroGpuSpace(), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'info', line: 113, message: expect.stringContaining('default 60 s') });
    expect(d.fix).toBeUndefined();
    expect(suggest(ZEROGPU_APP, d)).toContain('@spaces.GPU(duration=60)\ndef stream_variations');
    expect((await fixFiles(zeroGpuSpace()))['app.py']).toBe(ZEROGPU_APP);
  });

  it('sees a bare decorator imported under another name (`from spaces import GPU as gpu`)', async () => {
    const app = 'import gradio as gr\nfrom spaces import GPU as gpu\n\n@gpu\ndef infer(x):\n    return x\n\n@gpu(duration=20)\ndef fast(x):\n    return x\n';
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': app }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'info', line: 4 });
    expect(suggest(app, d)).toContain('@gpu(duration=60)\ndef infer');
  });

  it('inserts duration in every form without a duration', async () => {
    const app =
      'import spaces\nimport gradio as gr\n@spaces.GPU()\ndef a(x): ...\n@spaces.GPU(size="xlarge")\ndef b(x): ...\n@spaces.GPU("xlarge")\ndef c(x): ...\ndef d(x): ...\nfast = spaces.GPU(d)\n';
    const found = await lintFiles(cpuSpace(app), { only });
    expect(
      found.map((d) =>
        suggest(app, d)
          .split('\n')
          .find((l, i) => l !== app.split('\n')[i]),
      ),
    ).toEqual(['@spaces.GPU(duration=60)', '@spaces.GPU(duration=60, size="xlarge")', '@spaces.GPU("xlarge", duration=60)', 'fast = spaces.GPU(d, duration=60)']);
  });

  it('stays silent with a keyword, positional or dynamic duration, or unpacked options', async () => {
    const app =
      'import spaces\n@spaces.GPU(duration=15)\ndef a(x): ...\n@spaces.GPU(30)\ndef b(x): ...\ndef est(x): return 5\n@spaces.GPU(duration=est)\ndef c(x): ...\nslow = spaces.GPU(duration=30)(c)\n';
    expect(await lintFiles(cpuSpace(app), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import spaces\n@spaces.GPU(**GPU_OPTIONS)\ndef f(): ...\n'), { only })).toEqual([]);
  });
});

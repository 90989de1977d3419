import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-async-function';

describe(only, () => {
  it('fires on an async def decorated with spaces.GPU', async () => {
    const app = edit(ZEROGPU_APP, 'def caption(', 'async def caption(');
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': app }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 104, column: 1, endColumn: 18, message: expect.stringContaining('NotImplementedError') });
  });

  it('fires on async generators and on wrapped async functions', async () => {
    const app =
      'import spaces\nimport gradio as gr\n@spaces.GPU(duration=30)\nasync def chat(message, history):\n    yield message\nasync def raw(x):\n    return x\ngr.Interface(spaces.GPU(raw), "text", "text")\n';
    const found = await lintFiles(cpuSpace(app), { only });
    expect(found.map((d) => d.message.split(':')[0])).toEqual(['`chat` is an async generator', '`raw` is an `async def` function']);
  });

  it('stays silent on generators and plain functions, and off ZeroGPU', async () => {
    expect(await lintFiles(zeroGpuSpace(), { only })).toEqual([]); // stream_variations is a generator
    expect(await lintFiles(cpuSpace('import gradio as gr\nasync def chat(m, h):\n    return m\n'), { only })).toEqual([]);
  });
});

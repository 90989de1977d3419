import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { cpuSpace, ZEROGPU_APP } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-non-gradio-sdk';
const DOCKERFILE = 'FROM python:3.12\nCOPY . .\nCMD ["python", "main.py"]\n';

describe(only, () => {
  it('fires on sdk: docker with @spaces.GPU in main.py', async () => {
    const files = { 'README.md': readme('sdk: docker\napp_port: 7860'), Dockerfile: DOCKERFILE, 'main.py': 'import spaces\n\n@spaces.GPU\ndef infer(x):\n    return x\n' };
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'README.md', line: 2, message: expect.stringContaining('`main.py` uses `spaces.GPU`') });
    expect(d.suggestions).toBeUndefined(); // no Gradio app to switch to
  });

  it('fires on suggested_hardware: zero-a10g with a static Space, and suggests sdk: gradio when a Gradio app exists', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: static\nsuggested_hardware: zero-a10g'), 'index.html': '<p>hi</p>' }, { only });
    expect(d.message).toContain('`suggested_hardware: zero-a10g` needs `sdk: gradio`');
    const [e] = await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: DOCKERFILE, 'app.py': ZEROGPU_APP }, { only });
    expect(e.suggestions?.[0]).toMatchObject({ desc: 'Use `sdk: gradio`', fix: { text: 'gradio' } });
  });

  it('stays silent for Gradio ZeroGPU Spaces and Docker Spaces without spaces.GPU', async () => {
    expect(await lintFiles(cpuSpace(ZEROGPU_APP), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: DOCKERFILE, 'main.py': 'import torch\nprint(torch.cuda.is_available())\n' }, { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-cuda-before-spaces-import';

describe(only, () => {
  it('fires when the model moves to CUDA before `import spaces`, with a suggestion that moves the import up', async () => {
    const app =
      'import torch\nfrom diffusers import DiffusionPipeline\n\nmodel = DiffusionPipeline.from_pretrained("org/m").to("cuda")\nimport spaces\n\n@spaces.GPU\ndef run(p):\n    return model(p)\n';
    const [d, ...rest] = await lintFiles(cpuSpace(app), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, message: expect.stringContaining('before `import spaces` (line 5)') });
    expect(d.message).toContain('`.to("cuda")`');
    const moved = applyFixes(app, [d.suggestions![0].fix]).output;
    expect(moved).toBe(
      'import spaces\nimport torch\nfrom diffusers import DiffusionPipeline\n\nmodel = DiffusionPipeline.from_pretrained("org/m").to("cuda")\n\n@spaces.GPU\ndef run(p):\n    return model(p)\n',
    );
    expect(await lintFiles(cpuSpace(moved), { only })).toEqual([]);
  });

  it('knows the CUDA-initializing calls of the spec, through constants and aliases', async () => {
    const cases = [
      'model.cuda()',
      'DEVICE = "cuda"\nmodel.to(DEVICE)',
      'model.to(0)',
      'model.to(torch.device("cuda:0"))',
      'torch.cuda.init()',
      'T.cuda.set_device(0)',
      'x = torch.zeros(3, device="cuda")',
      'gen = torch.Generator(device="cuda")',
      'p = pipeline("text-generation", model="gpt2", device=0)',
      'm = AutoModel.from_pretrained("org/m", device_map="auto")',
    ];
    for (const c of cases) {
      const app = `import torch\nimport torch as T\n${c}\nimport spaces\n`;
      expect(await lintFiles(cpuSpace(app), { only }), c).toHaveLength(1);
    }
  });

  it('fires on a local module imported before spaces that initializes CUDA when loaded', async () => {
    const files = cpuSpace('import gradio as gr\nfrom models import pipe\nimport spaces\n', {
      'models/__init__.py': 'from .loader import pipe\n',
      'models/loader.py': 'import torch\npipe = load()\npipe.to("cuda")\n',
    });
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ file: 'app.py', line: 2, message: expect.stringContaining('`models/loader.py:3`') });
  });

  it('stays silent when spaces comes first, on non-initializing calls, and in functions', async () => {
    expect(await lintFiles(zeroGpuSpace(), { only })).toEqual([]);
    const fine = 'import torch\nprint(torch.cuda.is_available())\ndevice = "cuda" if torch.cuda.is_available() else "cpu"\nmodel.to("cpu")\ndef later():\n    model.to("cuda")\nimport spaces\n';
    expect(await lintFiles(cpuSpace(fine), { only })).toEqual([]);
    const noSpaces = 'import torch\nmodel = load().to("cuda")\n';
    expect(await lintFiles(cpuSpace(noSpaces), { only })).toEqual([]);
    const helperFirst = cpuSpace('import spaces\nfrom models import pipe\n', { 'models.py': 'pipe = load().cuda()\n' });
    expect(await lintFiles(helperFirst, { only })).toEqual([]);
    const app = edit(ZEROGPU_APP, 'import spaces\nimport torch\n', 'import torch\ntry:\n    import spaces\nexcept ImportError:\n    spaces = None\n');
    expect(await lintFiles(zeroGpuSpace({ 'app.py': app }), { only })).toEqual([]);
  });
});

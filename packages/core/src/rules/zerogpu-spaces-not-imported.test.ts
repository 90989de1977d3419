import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles, readme } from '../../test/lint-files.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-spaces-not-imported';

describe(only, () => {
  it('fires on @spaces.GPU without an import, with an autofix that adds `import spaces` first', async () => {
    const files = zeroGpuSpace({ 'app.py': edit(ZEROGPU_APP, 'import spaces\n', '') });
    const found = await lintFiles(files, { only });
    expect(found).toHaveLength(3); // three decorated functions
    expect(found[0]).toMatchObject({ level: 'error', file: 'app.py', message: expect.stringContaining('`spaces` is never imported') });
    expect(found[0].fix).toBeDefined();
    expect(found[1].fix).toBeUndefined(); // one insertion fixes them all
    const fixed = await fixFiles(files);
    expect(fixed['app.py']).toContain('from __future__ import annotations\n\nimport spaces\nimport os\n');
    expect(await lintFiles({ ...files, 'app.py': fixed['app.py'] }, { only })).toEqual([]);
  });

  it('fires in any Python file of the Space, not only the app file', async () => {
    const files = cpuSpace('import gradio as gr\nfrom models import infer\ngr.Interface(infer, "text", "text").launch()\n', {
      'models.py': '"""Model code."""\nimport torch\n\n@spaces.GPU(duration=30)\ndef infer(x):\n    return x\n',
    });
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ file: 'models.py', line: 4 });
    const fixed = await fixFiles(files);
    expect(fixed['models.py']).toBe('"""Model code."""\nimport spaces\nimport torch\n\n@spaces.GPU(duration=30)\ndef infer(x):\n    return x\n');
  });

  it('suggests `from spaces import GPU` for a bare GPU and an alias import for other names, without autofix', async () => {
    const found = await lintFiles(cpuSpace('import gradio as gr\n\n@GPU\ndef a(x): ...\n\n@sp.GPU(duration=10)\ndef b(x): ...\n'), { only });
    expect(found.map((d) => d.suggestions?.[0].desc)).toEqual(['Add `from spaces import GPU`', 'Add `import spaces as sp`']);
    expect(found.every((d) => !d.fix)).toBe(true);
  });

  it('offers the import only as a suggestion outside the Gradio SDK', async () => {
    const files = { 'README.md': readme('sdk: docker'), Dockerfile: 'FROM python:3.12\n', 'main.py': '@spaces.GPU\ndef f(): ...\n' };
    const [d] = await lintFiles(files, { only });
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].fix.text).toBe('import spaces\n');
  });

  it('stays silent for every import form, guarded imports, stubs and other GPU names', async () => {
    const apps = [
      'import spaces as sp\n@sp.GPU\ndef f(): ...\n',
      'from spaces import GPU as gpu\n@gpu(duration=20)\ndef f(): ...\n',
      'from spaces import *\n@GPU\ndef f(): ...\n',
      'from spaces.zero.decorator import GPU\n@GPU\ndef f(): ...\n',
      'import torch, spaces\n@spaces.GPU\ndef f(): ...\n',
      'try:\n    import spaces\nexcept ImportError:\n    spaces = None\n@spaces.GPU\ndef f(): ...\n',
      'class spaces:\n    GPU = staticmethod(lambda f: f)\n@spaces.GPU\ndef f(): ...\n',
      'import torch\n@torch.GPU\ndef f(): ...\n',
      'import spaces\nimport spaces\n@spaces.GPU\ndef f(): ...\n',
      'def setup():\n    import spaces\n    return spaces\n@spaces.GPU\ndef f(): ...\n',
    ];
    for (const app of apps) expect(await lintFiles(cpuSpace(app), { only }), app).toEqual([]);
  });
});

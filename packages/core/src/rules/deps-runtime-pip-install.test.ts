import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'deps-runtime-pip-install';
const space = (app: string, files: Record<string, string> = {}) => ({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': app, ...files });

describe(only, () => {
  it('warns on pip install through os.system, subprocess lists, sys.executable and f-strings', async () => {
    const cases = [
      'import os\nos.system("pip install sentencepiece==0.2.0")',
      'import subprocess\nsubprocess.run(["pip", "install", "-U", "einops"], check=True)',
      'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "timm"])',
      'import os\nVERSION = "1.0"\nos.system(f"pip install mylib=={VERSION}")',
      'from subprocess import run\nrun("python -m pip install --no-cache-dir spacy && python -m spacy download en_core_web_sm", shell=True)',
    ];
    for (const app of cases) {
      const found = await lintFiles(space(app), { only });
      expect(
        found.map((d) => d.level),
        app,
      ).toEqual(['warning']);
      expect(found[0].message).toContain('in requirements.txt');
    }
    const [d] = await lintFiles(space('import os\nos.system("pip install sentencepiece==0.2.0")'), { only });
    expect(d.message).toContain('Put `sentencepiece` in requirements.txt');
  });

  it('is an error for CUDA extensions on ZeroGPU, unless the prebuilt flash-attn wheel is requested', async () => {
    const app = 'import spaces, os\nos.system("pip install flash-attn --no-build-isolation")\n@spaces.GPU\ndef f():\n    pass\n';
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': app }), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('`flash-attn`, a CUDA extension') });
    const skip =
      'import spaces, subprocess\nsubprocess.run("pip install flash-attn --no-build-isolation", env={"FLASH_ATTENTION_SKIP_CUDA_BUILD": "TRUE"}, shell=True)\n@spaces.GPU\ndef f():\n    pass\n';
    expect((await lintFiles(zeroGpuSpace({ 'app.py': skip }), { only })).map((x) => x.level)).toEqual(['warning']);
  });

  it('stays silent on other commands, local-path installs, scripts the app does not import, and pip show', async () => {
    const app =
      'import os, subprocess\nos.system("ffmpeg -version")\nsubprocess.run(["git", "clone", "https://github.com/org/x"])\nos.system("pip install -e ./vendor/mylib")\nos.system("pip show torch")\nprint("pip install torch")\n';
    expect(await lintFiles(space(app, { 'setup_env.py': 'import os\nos.system("pip install torch")\n' }), { only })).toEqual([]);
  });
});

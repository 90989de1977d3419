import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-cuda-extension-build';
const space = (requirements: string, sdk = 'gradio') => ({ 'README.md': readme(`sdk: ${sdk}\nsdk_version: "5.49.1"`), 'app.py': 'import gradio\n', 'requirements.txt': requirements });

describe(only, () => {
  it('reports CUDA extensions built from source, by name and by git URL', async () => {
    const found = await lintFiles(
      space(
        'torch==2.8.0\nflash-attn==2.7.4.post1\nflash_attn\ngit+https://github.com/facebookresearch/pytorch3d.git@stable\ngit+https://github.com/NVlabs/nvdiffrast\ngit+https://github.com/facebookresearch/xformers.git\ngit+https://github.com/graphdeco-inria/diff-gaussian-rasterization\nnumpy\n',
      ),
      { only },
    );
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(found[0].message).toContain('no GPU and no `nvcc`');
    expect(found[0].message).toContain('https://huggingface.co/datasets/multimodalart/zerogpu-blackwell-wheels');
  });

  it('stays silent on prebuilt wheels, ordinary packages, xformers from PyPI, and Docker Spaces', async () => {
    const ok =
      'torch==2.8.0\nhttps://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu12torch2.8cxx11abiTRUE-cp310-cp310-linux_x86_64.whl\nxformers==0.0.32\ngit+https://github.com/huggingface/diffusers.git\ntransformers\n';
    expect(await lintFiles(space(ok), { only })).toEqual([]);
    expect(await lintFiles(space('flash-attn\n', 'docker'), { only })).toEqual([]);
  });
});

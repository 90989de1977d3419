import { CUDA_EXTENSION_PACKAGES, CUDA_EXTENSION_REPOS, PREBUILT_WHEELS_URL } from '../reference/cuda-extensions.js';
import { defineRule } from './rule.js';

const SDKS_THAT_BUILD = new Set(['gradio', 'streamlit']);

export default defineRule({
  meta: {
    id: 'deps-cuda-extension-build',
    category: 'dependencies',
    description: 'requirements.txt does not build CUDA extensions from source: the Space build has no GPU and no nvcc.',
    messages: {
      sourceBuild: {
        level: 'error',
        text: '`{{req}}` compiles CUDA code when pip builds it, but the Space build container has no GPU and no `nvcc`: the build fails ("nvcc not found", or "No module named \'torch\'" while preparing metadata). Install a prebuilt wheel by its URL instead (for ZeroGPU: {{wheels}}, in the folder matching your torch, CUDA and Python).',
      },
    },
    docs: {
      rationale:
        "Gradio and Streamlit Spaces are built in a container without a GPU or the CUDA compiler; Hugging Face's Spaces skill (3d-cuda-extensions.md) says a CUDA-compiling sdist in requirements.txt produces `nvcc not found` in the build log, and requirements.md points to prebuilt wheels for ZeroGPU's Blackwell GPUs at https://huggingface.co/datasets/multimodalart/zerogpu-blackwell-wheels (flash_attn, xformers, pytorch3d, nvdiffrast, diff_gaussian_rasterization, torchmcubes). flash-attn also imports torch in its setup script, which pip's isolated build does not have (https://github.com/Dao-AILab/flash-attention/issues/246). Reported in requirements.txt (and the files it includes): `flash-attn`/`flash_attn` and other packages that compile CUDA extensions (pytorch3d, nvdiffrast, diff-gaussian-rasterization, simple-knn, tiny-cuda-nn, causal-conv1d, mamba-ssm, apex, torchmcubes, gsplat, kaolin) as names, and `git+` URLs of their repositories (xformers from git too). A direct wheel URL (`…/flash_attn-2.8.3+cu12torch2.8…-cp310-…whl`) is the fix and is not reported. Docker Spaces build with their own image (which may have nvcc) and are not checked.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch==2.8.0\nflash-attn\ngit+https://github.com/facebookresearch/pytorch3d.git\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'requirements.txt',
          code: 'torch==2.8.0\nhttps://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu12torch2.8cxx11abiTRUE-cp310-cp310-linux_x86_64.whl\n',
        },
      ],
      howToFix:
        "Replace the package with the URL of a prebuilt wheel that matches the Space's torch, CUDA and Python (the project's release page, or https://huggingface.co/datasets/multimodalart/zerogpu-blackwell-wheels for ZeroGPU).",
    },
  },
  check(space, report) {
    if (!SDKS_THAT_BUILD.has(space.facts.sdk ?? '')) return;
    for (const { path, line, role } of space.requirementsClosure()) {
      if (role !== 'requirement') continue;
      const url = line.url?.toLowerCase();
      if (url?.endsWith('.whl') || (url && /\.whl[?#]/.test(url))) continue;
      const named = line.normalizedName !== undefined && CUDA_EXTENSION_PACKAGES.has(line.normalizedName) && (!url || url.startsWith('git+'));
      const repo = url?.startsWith('git+') && CUDA_EXTENSION_REPOS.some((r) => url.includes(r));
      if (!named && !repo) continue;
      const req = line.raw.length > 80 ? `${line.raw.slice(0, 77)}...` : line.raw;
      report({ messageId: 'sourceBuild', data: { req, wheels: PREBUILT_WHEELS_URL }, file: path, range: line.range });
    }
  },
});

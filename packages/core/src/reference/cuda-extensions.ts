/**
 * Packages that compile CUDA code when pip builds them from source (as of 2026-08-22). A Space's build
 * container has no GPU and no `nvcc` (Hugging Face's Spaces skill, 3d-cuda-extensions.md: a CUDA-compiling
 * sdist fails with `nvcc not found`); prebuilt wheels for ZeroGPU's Blackwell GPUs are published at
 * https://huggingface.co/datasets/multimodalart/zerogpu-blackwell-wheels.
 */
export const CUDA_EXTENSION_PACKAGES: ReadonlySet<string> = new Set([
  'flash-attn',
  'pytorch3d',
  'nvdiffrast',
  'diff-gaussian-rasterization',
  'simple-knn',
  'tinycudann',
  'tiny-cuda-nn',
  'causal-conv1d',
  'mamba-ssm',
  'apex',
  'torchmcubes',
  'gsplat',
  'diso',
  'kaolin',
]);

/** Repositories whose `git+` URLs build CUDA extensions (matched against the URL path, lowercased). */
export const CUDA_EXTENSION_REPOS = [
  'facebookresearch/pytorch3d',
  'nvlabs/nvdiffrast',
  'diff-gaussian-rasterization',
  'simple-knn',
  'nvlabs/tiny-cuda-nn',
  'facebookresearch/xformers',
  'dao-ailab/flash-attention',
  'state-spaces/mamba',
  'dao-ailab/causal-conv1d',
  'nvidia/apex',
  'tatsy/torchmcubes',
  'nerfstudio-project/gsplat',
  'nvidiagameworks/kaolin',
];

export const PREBUILT_WHEELS_URL = 'https://huggingface.co/datasets/multimodalart/zerogpu-blackwell-wheels';

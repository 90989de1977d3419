import { runtimePipInstalls } from '../python/pip-install.js';
import { CUDA_EXTENSION_PACKAGES, PREBUILT_WHEELS_URL } from '../reference/cuda-extensions.js';
import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'deps-runtime-pip-install',
    category: 'dependencies',
    description: 'App code does not run `pip install`: dependencies go in requirements.txt.',
    messages: {
      runtimeInstall: {
        level: 'warning',
        text: 'The app runs `pip install` at start-up ({{what}}): every start (and restart) downloads and installs again, and a failure does not stop the app, so it surfaces later as an ImportError. Put {{packages}} in requirements.txt.',
      },
      cudaOnZeroGpu: {
        level: 'error',
        text: 'The app pip-installs {{packages}}, a CUDA extension, at run time on ZeroGPU: it compiles without a GPU or eats the GPU `duration`, and can exceed the 1500 s cap. Install a prebuilt wheel from requirements.txt instead ({{wheels}}).',
      },
    },
    docs: {
      rationale:
        'Dependencies of a Space belong in requirements.txt, which the builder installs once into the image (https://huggingface.co/docs/hub/spaces-dependencies). `os.system("pip install …")` or `subprocess.run([... "pip", "install", ...])` in the app installs again on every start, slows the start (and on ZeroGPU spends quota), and a failed install does not kill the app: it resurfaces later as an ImportError or a missing feature (Hugging Face\'s Spaces skill, 3d-cuda-extensions.md). Hugging Face\'s Spaces skill (requirements.md) also says: "Do not pip-install CUDA extensions inside @spaces.GPU at startup. It is slower, eats duration, and can exceed the duration=1500 cap". Reported in the app file and the local modules it imports, through `os.system`, `os.popen`, `subprocess.*` (string or list commands, `sys.executable -m pip`, f-strings) and `pip.main`: a warning, and an error on ZeroGPU when a package is a CUDA extension (flash-attn, pytorch3d, nvdiffrast, ...) unless the call sets `FLASH_ATTENTION_SKIP_CUDA_BUILD`, which downloads a prebuilt flash-attn wheel instead of compiling (a warning then). Installs from local paths are not reported (often the only way to install a package vendored in the repo).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import os\nos.system("pip install sentencepiece==0.2.0")\n\nimport gradio as gr\n\ngr.Interface(lambda x: x, "text", "text").launch()\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'sentencepiece==0.2.0\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ngr.Interface(lambda x: x, "text", "text").launch()\n' },
      ],
      howToFix: 'Move the packages to requirements.txt; for CUDA extensions use a prebuilt wheel URL there.',
    },
  },
  check(space, report) {
    const zeroGpu = zeroGpuInUse(space);
    for (const module of space.appModules) {
      const text = space.text(module.path) ?? '';
      for (const install of runtimePipInstalls(module, text)) {
        const call = module.calls[install.call];
        const packages = install.packages.filter((p) => !/^(?:\.{1,2}\/|\/|file:)/.test(p));
        if (install.packages.length && !packages.length) continue;
        const cuda = packages.filter((p) => CUDA_EXTENSION_PACKAGES.has(p));
        const prebuilt = text.slice(call.range[0], call.range[1]).includes('FLASH_ATTENTION_SKIP_CUDA_BUILD');
        const list = (names: string[]) => (names.length ? names.map((n) => `\`${n}\``).join(', ') : 'the packages');
        if (zeroGpu && cuda.length && !prebuilt) {
          report({ messageId: 'cudaOnZeroGpu', data: { packages: list(cuda), wheels: PREBUILT_WHEELS_URL }, file: module.path, range: call.range });
          continue;
        }
        const what = install.command.length > 60 ? `${install.command.slice(0, 57)}...` : install.command;
        report({ messageId: 'runtimeInstall', data: { what: `\`${what}\``, packages: list(packages) }, file: module.path, range: call.range });
      }
    }
  },
});

import { exactMinor, requirementNamed } from '../requirements/torch-pins.js';
import { defineRule } from './rule.js';

/** `-cp310-cp310-linux_x86_64.whl`, `-cp38-abi3-…whl`: the interpreter tag and whether it is the stable ABI. */
const WHEEL_TAGS = /-(cp|py)(\d)(\d+)-([\w.]+)-[\w.]+\.whl$/i;
/** `+cu12torch2.8cxx11abiTRUE`, `…torch2.4…`: the torch the wheel was built against. */
const TORCH_TAG = /torch(\d+)\.(\d+)/i;

export default defineRule({
  meta: {
    id: 'deps-wheel-tag-mismatch',
    category: 'dependencies',
    description: "Direct wheel URLs in requirements.txt match the Space's Python (`cpXY`) and its torch pin (`torch2.X`).",
    messages: {
      python: {
        level: 'error',
        text: 'This wheel is built for Python {{wheelPython}} (`{{tag}}`), but the Space runs Python {{python}}{{source}}: pip refuses it ("is not a supported wheel on this platform"). Use the `cp{{pythonTag}}` wheel, or set `python_version: "{{wheelPython}}"` in README.md.',
      },
      torch: {
        level: 'error',
        text: 'This wheel is built against torch {{wheelTorch}} (`{{tag}}`), but requirements.txt pins `{{torch}}`: its compiled code fails at import with "undefined symbol". Use the wheel built for torch {{torchMinor}}, or pin torch {{wheelTorch}}.',
      },
    },
    docs: {
      rationale:
        'A wheel\'s file name says which Python it runs on (`cp310` = CPython 3.10; https://packaging.python.org/en/latest/specifications/binary-distribution-format/) and pip rejects a wheel for another Python ("is not a supported wheel on this platform"). CUDA extension wheels also name the torch they were compiled against (`flash_attn-2.8.3+cu12torch2.8cxx11abiTRUE-…`); with another torch they fail at import with `undefined symbol` (Hugging Face\'s Spaces skill, known-errors.md and 3d-cuda-extensions.md: "Direct-URL wheels pinned to an old torch ABI … cause undefined symbol errors"; requirements.md: "The wheel\'s cp tag must match python_version, and torch must match any torch2.X tag in the filename"). A Space runs the `python_version` of its README, 3.10 by default (https://huggingface.co/docs/hub/spaces-config-reference). Reported for direct wheel URLs in requirements.txt of Gradio and Streamlit Spaces: a `cpXY` interpreter tag other than the Space\'s Python (stable-ABI `abi3` wheels accept that Python or newer; `py3` wheels are not checked), and a `torch2.X` tag that disagrees with an exact torch pin (`torch==2.8.0`).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.10"\n---\n' },
        {
          file: 'requirements.txt',
          code: 'torch==2.8.0\nhttps://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu12torch2.4cxx11abiFALSE-cp311-cp311-linux_x86_64.whl\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.10"\n---\n' },
        {
          file: 'requirements.txt',
          code: 'torch==2.8.0\nhttps://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu12torch2.8cxx11abiTRUE-cp310-cp310-linux_x86_64.whl\n',
        },
      ],
      howToFix: "Pick the wheel whose file name has `cp` + the Space's Python (cp310 for 3.10) and `torch` + the pinned torch minor, or change `python_version` / the torch pin to match the wheel.",
    },
  },
  check(space, report) {
    const sdk = space.facts.sdk;
    if (sdk !== 'gradio' && sdk !== 'streamlit') return;
    const configured = space.config.python_version;
    const version = typeof configured === 'string' || typeof configured === 'number' ? String(configured).trim() : '';
    const python = /^3\.(\d+)/.exec(version)?.[1];
    const pythonMinor = python === undefined ? 10 : Number(python);
    const source = python === undefined ? ' (the default; no `python_version` in README.md)' : '';
    const torch = requirementNamed(space, 'torch');
    const torchPin = torch && exactMinor(torch.line);
    for (const { path, line, role } of space.requirementsClosure()) {
      if (role !== 'requirement' || !line.url) continue;
      const file = decodeURIComponent(line.url.split(/[?#]/)[0].split('/').pop() ?? '');
      const tags = WHEEL_TAGS.exec(file);
      if (!tags) continue;
      const [, impl, major, minor, abi] = tags;
      if (impl.toLowerCase() === 'cp' && major === '3') {
        const wheelMinor = Number(minor);
        const abi3 = /abi3/i.test(abi);
        if (abi3 ? wheelMinor > pythonMinor : wheelMinor !== pythonMinor) {
          report({
            messageId: 'python',
            data: { wheelPython: `3.${wheelMinor}`, tag: `cp3${minor}`, python: `3.${pythonMinor}`, source, pythonTag: `3${pythonMinor}` },
            file: path,
            range: line.range,
          });
          continue;
        }
      }
      const wheelTorch = TORCH_TAG.exec(file);
      if (wheelTorch && torchPin && (Number(wheelTorch[1]) !== torchPin.major || Number(wheelTorch[2]) !== torchPin.minor)) {
        report({
          messageId: 'torch',
          data: { wheelTorch: `${wheelTorch[1]}.${wheelTorch[2]}`, tag: wheelTorch[0], torch: torch!.line.raw, torchMinor: `${torchPin.major}.${torchPin.minor}` },
          file: path,
          range: line.range,
        });
      }
    }
  },
});

import { maxSatisfying, satisfies } from '@renovatebot/pep440';
import { configAnchor, entry, README, valueRange } from '../readme/front-matter.js';
import { defineRule } from './rule.js';
import { zeroGpuInUse } from '../space/facts.js';

const REQUIREMENTS = 'requirements.txt';

export default defineRule({
  meta: {
    id: 'zerogpu-unsupported-versions',
    category: 'zerogpu',
    description: 'A ZeroGPU Space uses Gradio 4+ and a torch version ZeroGPU supports.',
    hasSuggestions: true,
    messages: {
      gradio: {
        level: 'error',
        text: 'Gradio {{version}} is too old for ZeroGPU, which needs Gradio 4+ (the `spaces` package raises "ZeroGPU is only compatible with Gradio 4+"). Raise `{{where}}` to a 4.x or newer release.',
      },
      torchConfirmed: {
        level: 'error',
        text: '`torch{{specifier}}` allows none of the torch versions ZeroGPU supports ({{versions}}, as of {{asOf}}), so the Space stops with "torch version in requirements.txt is not compatible with ZeroGPU". Pin a supported version or leave torch unpinned.',
      },
      torch: {
        level: 'warning',
        text: '`torch{{specifier}}` allows none of the torch versions ZeroGPU supports ({{versions}}, as of {{asOf}}); on ZeroGPU hardware the Space would not start. Pin a supported version or leave torch unpinned.',
      },
    },
    docs: {
      rationale:
        'https://huggingface.co/docs/hub/spaces-zerogpu (read as of the date in the message; the list changes): "Gradio: 4+" and torch "from 2.8.0 to latest", listing 2.8.0, 2.9.1, 2.10.0 and 2.11.0; the spaces package raises `RuntimeError("ZeroGPU is only compatible with Gradio 4+")` (`spaces/zero/client.py` of the `spaces` package, https://pypi.org/project/spaces/). Hugging Face\'s Spaces skill reports that any other torch pin gives `CONFIG_ERROR: torch version in requirements.txt is not compatible with ZeroGPU` and that leaving torch unpinned is the default (https://github.com/huggingface/skills/tree/main/skills/huggingface-spaces). The torch check evaluates the requirements.txt specifier with PEP 440 against the supported list: `torch==2.4.0`, `torch<2.8` and `torch==2.9.0` are reported, `torch>=2.8` and an unpinned `torch` are not. It is an error when `suggested_hardware: zero-a10g` confirms ZeroGPU and a warning when ZeroGPU is only likely (the code uses `spaces.GPU`). Gradio below 4 (from `sdk_version`, else a `gradio==` pin) is an error. `python_version` is checked by config-python-version, not here. Newer supported versions can be added without a release with `reference: { zerogpu_torch: [...] }` in `.spacelint.yaml`.',
      incorrect: [
        { file: 'requirements.txt', code: 'torch==2.4.0\ndiffusers\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: 3.50.2\nsuggested_hardware: zero-a10g\n---\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'requirements.txt', code: 'torch==2.9.1\ndiffusers\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'requirements.txt', code: 'torch>=2.8\n' },
      ],
      howToFix: 'Use `sdk_version` 4 or newer, and pin torch to a version ZeroGPU lists (or do not pin it).',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    const facts = space.facts;
    const zero = space.reference.zeroGpu;
    const gradio = facts.gradioVersion;
    if (gradio.major !== undefined && gradio.major < zero.minGradioMajor) {
      if (gradio.source === 'sdk_version') {
        const e = entry(space, 'sdk_version');
        report({ messageId: 'gradio', data: { version: gradio.version!, where: 'sdk_version' }, file: README, range: e ? valueRange(e) : configAnchor(space) });
      } else if (gradio.source === 'requirements') {
        const line = space.requirements()?.lines.find((l) => l.normalizedName === 'gradio' && l.specifier?.startsWith('=='));
        if (line) report({ messageId: 'gradio', data: { version: gradio.version!, where: `gradio${line.specifier}` }, file: REQUIREMENTS, range: line.specifierRange ?? line.range });
      }
    }
    for (const line of space.requirements()?.lines ?? []) {
      if (line.normalizedName !== 'torch' || !line.specifier || line.marker || line.url || !line.specifierRange) continue;
      let allowed: boolean;
      try {
        allowed = zero.torch.some((v) => satisfies(v, line.specifier!));
      } catch {
        continue; // an unreadable specifier is parse-error's business
      }
      if (allowed) continue;
      const latest = maxSatisfying(zero.torch, '>=0') ?? zero.torch[zero.torch.length - 1];
      report({
        messageId: facts.zeroGpu === 'confirmed' ? 'torchConfirmed' : 'torch',
        data: { specifier: line.specifier, versions: zero.torch.join(', '), asOf: zero.asOf },
        file: REQUIREMENTS,
        range: line.specifierRange,
        suggestions: [
          { desc: `Pin torch==${latest}`, fix: { range: line.specifierRange, text: `==${latest}` } },
          { desc: 'Leave torch unpinned (ZeroGPU preinstalls a supported version)', fix: { range: line.specifierRange, text: '' } },
        ],
      });
    }
  },
});

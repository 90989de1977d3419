import { exactMinor, requirementNamed } from '../requirements/torch-pins.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'deps-torch-family-mismatch',
    category: 'dependencies',
    description: '`torchvision` and `torchaudio` pins match the `torch` pin (torch 2.X ↔ torchvision 0.(X+15) ↔ torchaudio 2.X).',
    hasSuggestions: true,
    messages: {
      mismatch: {
        level: 'error',
        text: '`{{req}}` does not pair with `{{torch}}`: torch {{torchMinor}} goes with {{name}} {{expected}}. pip either fails to resolve the pins or installs binaries built against another torch, which fail at import ("undefined symbol", "operator torchvision::nms does not exist"). Pin `{{name}}=={{expected}}.*`.',
      },
    },
    docs: {
      rationale:
        "torchvision and torchaudio ship compiled operators built against one torch release: torch 2.X pairs with torchvision 0.(X+15) and torchaudio 2.X (PyTorch's compatibility tables: https://github.com/pytorch/vision#installation and https://pytorch.org/audio/main/installation.html#compatibility-matrix). A mismatched pin either fails to resolve or, since `torchaudio==2.11.0` dropped its `torch==` requirement and `torchcodec` declares none (Hugging Face's Spaces skill, requirements.md: \"When torch is pinned, pin torchvision/torchaudio to the matching minor\"), installs silently and fails at import with `undefined symbol` or `operator torchvision::nms does not exist`. Reported when requirements.txt pins torch 2.x exactly (`==2.4.0`, `==2.4.*`, local versions like `+cu121` included) and pins torchvision or torchaudio exactly to another minor. Lower bounds and unpinned lines are not compared (pip picks a pairing release for them when torch's own requirement allows it).",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch==2.8.0\ntorchvision==0.19.1\ntorchaudio==2.4.1\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch==2.8.0\ntorchvision==0.23.0\ntorchaudio==2.8.0\n' },
      ],
      howToFix: 'Pin torchvision to 0.(X+15) and torchaudio to 2.X for torch 2.X (torch 2.8 → torchvision 0.23, torchaudio 2.8), or leave them unpinned.',
    },
  },
  check(space, report) {
    const torch = requirementNamed(space, 'torch');
    const pin = torch && exactMinor(torch.line);
    if (!torch || !pin || pin.major !== 2) return;
    const family: [string, number, number][] = [
      ['torchvision', 0, pin.minor + 15],
      ['torchaudio', 2, pin.minor],
    ];
    for (const [name, major, minor] of family) {
      const found = requirementNamed(space, name);
      const got = found && exactMinor(found.line);
      if (!found || !got || (got.major === major && got.minor === minor)) continue;
      const expected = `${major}.${minor}`;
      const range = found.line.specifierRange ?? found.line.range;
      report({
        messageId: 'mismatch',
        data: { req: found.line.raw, torch: torch.line.raw, torchMinor: `${pin.major}.${pin.minor}`, name, expected },
        file: found.path,
        range: found.line.range,
        suggestions: found.line.specifierRange ? [{ desc: `Pin \`${name}==${expected}.*\``, fix: { range, text: `==${expected}.*` } }] : [],
      });
    }
  },
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-cuda-tensor-return';
const app = (body: string) =>
  `import spaces\nimport torch\nfrom transformers import AutoModel\nmodel = AutoModel.from_pretrained("bert-base-uncased").to("cuda")\nhelper = AutoModel.from_pretrained("x")\ndef to_gpu(t):\n    x = torch.tensor(t).to("cuda")\n    return x\ndef wrapper(t):\n    return to_gpu(t)\ndef on_cpu(t):\n    return to_gpu(t).cpu()\n\n@spaces.GPU(duration=20)\ndef embed(text):\n${body}\n`;

describe(only, () => {
  it('warns when a GPU function returns a name assigned from .to("cuda"), .cuda() or a GPU model', async () => {
    const cases = [
      '    x = torch.tensor([1.0]).to("cuda")\n    return x',
      '    x = torch.tensor([1.0]).cuda()\n    return x',
      '    out = model(**inputs)\n    return out',
      '    ids = model.generate(**inputs)\n    return ids, text',
      '    return torch.ones(3).to("cuda")',
      '    return to_gpu(text)',
      '    out = to_gpu(text)\n    return out',
      '    return wrapper(text)',
    ];
    for (const body of cases) {
      const found = await lintFiles(zeroGpuSpace({ 'app.py': app(body) }), { only });
      expect(
        found.map((d) => d.level),
        body,
      ).toEqual(['warning']);
      expect(found[0].message).toContain('crosses from the GPU worker');
    }
  });

  it('stays silent on conversions, reassignments, other models, nested functions, unknown origins and off ZeroGPU', async () => {
    const silent = [
      '    x = torch.tensor([1.0]).to("cuda")\n    return x.cpu()',
      '    x = torch.tensor([1.0]).to("cuda")\n    x = x.cpu()\n    return x',
      '    out = model(**inputs).last_hidden_state.mean(1).cpu().tolist()\n    return out',
      '    out = helper(**inputs)\n    return out',
      '    out = compute(text)\n    return out',
      '    def inner():\n        y = torch.ones(1).cuda()\n        return y\n    return inner().item()',
      '    ids = model.generate(**inputs)\n    return tokenizer.decode(ids[0])',
      '    return on_cpu(text)',
      '    return imported_helper(text)',
    ];
    for (const body of silent) expect(await lintFiles(zeroGpuSpace({ 'app.py': app(body) }), { only }), body).toEqual([]);
    expect(await lintFiles(cpuSpace('import torch\ndef f():\n    x = torch.ones(1).cuda()\n    return x\n'), { only })).toEqual([]);
  });
});

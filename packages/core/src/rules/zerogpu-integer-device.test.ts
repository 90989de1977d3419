import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-integer-device';
const app = (line: string) =>
  `import spaces\nimport torch\nfrom transformers import pipeline, AutoModelForCausalLM, BitsAndBytesConfig\nDEVICE = 0\n${line}\n\n@spaces.GPU\ndef generate(prompt):\n    return model(prompt)\n`;

describe(only, () => {
  it('fires on integer devices, set_device and device_map="cuda"', async () => {
    const cases: [string, string][] = [
      ['model = model.to(0)', '`.to(0)`'],
      ['model = model.cuda(0)', '`.cuda(0)`'],
      ['model = model.to(DEVICE)', '`.to(DEVICE)`'],
      ['pipe = pipeline("text-generation", model="gpt2", device=0)', '`device=0`'],
      ['model = AutoModelForCausalLM.from_pretrained("gpt2", device_map={"": 0})', '`device_map={"": 0}`'],
      ['torch.cuda.set_device(0)', 'selects a CUDA device directly'],
      ['model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="cuda")', "bypasses ZeroGPU's hijack"],
    ];
    for (const [line, text] of cases) {
      const found = await lintFiles(zeroGpuSpace({ 'app.py': app(line) }), { only });
      expect(
        found.map((d) => d.level),
        line,
      ).toEqual(['error']);
      expect(found[0].message, line).toContain(text);
    }
  });

  it('stays silent on "cuda" strings, quantized device_map, non-device integers, and off ZeroGPU', async () => {
    const ok = [
      'model = model.to("cuda")',
      'model = model.to("cuda", torch.float16)',
      'pipe = pipeline("text-generation", model="gpt2", device="cuda")',
      'model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="cuda", quantization_config=BitsAndBytesConfig(load_in_4bit=True))',
      'model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="auto")',
      'x = torch.zeros(3).to(torch.float16)',
      'items = sorted(range(10)).index(0)',
      'arr = np.roll(arr, 0)',
    ].join('\n');
    expect(await lintFiles(zeroGpuSpace({ 'app.py': app(ok) }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import torch\nmodel = model.to(0)\ntorch.cuda.set_device(0)\n'), { only })).toEqual([]);
  });
});

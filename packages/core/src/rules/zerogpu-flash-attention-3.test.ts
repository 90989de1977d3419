import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-flash-attention-3';
const app = (line: string) => `import spaces\nfrom transformers import AutoModelForCausalLM\nfrom kernels import get_kernel\n${line}\n\n@spaces.GPU\ndef chat(p):\n    return model.generate(p)\n`;

describe(only, () => {
  it('reports flash_attention_3 with an sdpa suggestion', async () => {
    const text = app('model = AutoModelForCausalLM.from_pretrained("m", attn_implementation="flash_attention_3")');
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': text }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('sm_120') });
    expect(applyFixes(text, [d.suggestions![0].fix]).output).toContain('attn_implementation="sdpa"');
  });

  it('reports FA3 hub kernels in code and FA3 packages in requirements', async () => {
    const files = zeroGpuSpace({
      'app.py': app('fa3 = get_kernel("kernels-community/flash-attn3")\nmodel = AutoModelForCausalLM.from_pretrained("m", attn_implementation="kernels-community/flash-attn3")'),
      'requirements.txt': 'torch==2.9.1\nvllm-flash-attn3\nsgl_flash_attn3==0.1\n',
    });
    expect((await lintFiles(files, { only })).map((d) => [d.file, d.line])).toEqual([
      ['app.py', 4],
      ['app.py', 5],
      ['requirements.txt', 2],
      ['requirements.txt', 3],
    ]);
  });

  it('stays silent on sdpa, flash_attention_2, FA3 names in comments or prose, and off ZeroGPU', async () => {
    const ok = app(
      '# flash_attention_3 does not run here\nmodel = AutoModelForCausalLM.from_pretrained("m", attn_implementation="sdpa")\nother = AutoModelForCausalLM.from_pretrained("m", attn_implementation="flash_attention_2")',
    );
    expect(await lintFiles(zeroGpuSpace({ 'app.py': ok, 'requirements.txt': 'flash-attn==2.8.3\n' }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('from transformers import AutoModel\nm = AutoModel.from_pretrained("m", attn_implementation="flash_attention_3")\n'), { only })).toEqual([]);
  });
});

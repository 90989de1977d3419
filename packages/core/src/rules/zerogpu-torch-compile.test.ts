import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-torch-compile';
const withLine = (line: string) => edit(ZEROGPU_APP, 'pipe.to(DEVICE)\n', `pipe.to(DEVICE)\n${line}\n`);

describe(only, () => {
  it('fires on torch.compile with a link to the AoT recipe', async () => {
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': withLine('pipe.unet = torch.compile(pipe.unet, mode="max-autotune")') }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 37, column: 13 });
    expect(d.message).toContain('spaces.aoti_capture');
    expect(d.message).toContain('spaces.aoti_compile');
    expect(d.message).toContain('spaces.aoti_apply');
    expect(d.message).toContain('https://huggingface.co/blog/zerogpu-aoti');
  });

  it('fires through aliases, decorators, module methods and torch._dynamo', async () => {
    const cases = [
      'from torch import compile as jit\nfast = jit(model)',
      'import torch as T\nfast = T.compile(model)',
      '@torch.compile\ndef step(x):\n    return x',
      '@torch.compile(fullgraph=True)\ndef step(x):\n    return x',
      'pipe.transformer.compile()',
      'captioner.compile(mode="reduce-overhead")',
      'opt = torch._dynamo.optimize("inductor")(model)',
    ];
    for (const c of cases) expect(await lintFiles(zeroGpuSpace({ 'app.py': withLine(c) }), { only }), c).toHaveLength(1);
  });

  it('fires in helper modules and when ZeroGPU is only likely (a GPU reference, no hardware key)', async () => {
    const found = await lintFiles(cpuSpace(ZEROGPU_APP, { 'optimize.py': 'import torch\n\ndef speed_up(pipe):\n    pipe.unet = torch.compile(pipe.unet)\n' }), { only });
    expect(found.map((d) => d.file)).toEqual(['optimize.py']);
  });

  it('stays silent on the AoT recipe, re.compile, Keras, ZeroGPU guards, and off ZeroGPU', async () => {
    const aot =
      'import torch\n@spaces.GPU(duration=1500)\ndef build():\n    with spaces.aoti_capture(pipe.transformer) as call:\n        pipe("warmup")\n    exported = torch.export.export(pipe.transformer, args=call.args, kwargs=call.kwargs)\n    return spaces.aoti_compile(exported)\nspaces.aoti_apply(build(), pipe.transformer)\nimport re\nPATTERN = re.compile(r"\\d+")\nkeras_model.compile(optimizer="adam", loss="mse")\ncompile("x = 1", "<string>", "exec")\nif not os.environ.get("SPACES_ZERO_GPU"):\n    pipe.unet = torch.compile(pipe.unet)';
    expect(await lintFiles(zeroGpuSpace({ 'app.py': withLine(aot) }), { only })).toEqual([]);
    const cpu = cpuSpace('import torch\nmodel = torch.compile(model)\n');
    expect(await lintFiles(cpu, { only })).toEqual([]);
  });
});

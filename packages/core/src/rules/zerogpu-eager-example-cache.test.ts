import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles, readme } from '../../test/lint-files.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-eager-example-cache';
const app = (call: string) => `import spaces\nimport gradio as gr\nCACHE = True\n\n@spaces.GPU\ndef generate(prompt):\n    return prompt\n\n${call}\n`;
const gradio6 = readme('sdk: gradio\nsdk_version: "6.2.0"\nsuggested_hardware: zero-a10g');

describe(only, () => {
  it('fixes cache_examples=True without cache_mode on Gradio 5', async () => {
    const files = zeroGpuSpace({ 'app.py': app('demo = gr.Interface(generate, "text", "text", examples=["a"], cache_examples=True)\ndemo.launch()') });
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 9, message: expect.stringContaining('Gradio 5.49.1 defaults to `cache_mode="eager"`') });
    expect((await fixFiles(files))['app.py']).toContain('cache_examples=True, cache_mode="lazy")');
    for (const call of ['gr.Examples(examples=["a"], inputs=box, fn=generate, outputs=out, cache_examples=CACHE)', 'gr.ChatInterface(generate, examples=["hi"], cache_examples=True)']) {
      expect(await lintFiles(zeroGpuSpace({ 'app.py': app(call) }), { only }), call).toHaveLength(1);
    }
  });

  it('suggests lazy for an explicit eager mode in any version', async () => {
    const files = { ...zeroGpuSpace({ 'app.py': app('gr.Interface(generate, "text", "text", examples=["a"], cache_examples=True, cache_mode="eager")') }), 'README.md': gradio6 };
    const [d] = await lintFiles(files, { only });
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].fix.text).toBe('"lazy"');
  });

  it('stays silent on lazy mode, no caching, Gradio 6 defaults, **kwargs and off ZeroGPU', async () => {
    const calls = [
      'gr.Interface(generate, "text", "text", examples=["a"], cache_examples=True, cache_mode="lazy")',
      'gr.Interface(generate, "text", "text", examples=["a"], cache_examples=False)',
      'gr.Interface(generate, "text", "text", examples=["a"])',
      'gr.Interface(generate, "text", "text", examples=["a"], cache_examples=True, **options)',
    ];
    for (const call of calls) expect(await lintFiles(zeroGpuSpace({ 'app.py': app(call) }), { only }), call).toEqual([]);
    const six = { ...zeroGpuSpace({ 'app.py': app('gr.Interface(generate, "text", "text", examples=["a"], cache_examples=True)') }), 'README.md': gradio6 };
    expect(await lintFiles(six, { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import gradio as gr\ngr.Interface(f, "text", "text", examples=["a"], cache_examples=True)\n'), { only })).toEqual([]);
  });
});

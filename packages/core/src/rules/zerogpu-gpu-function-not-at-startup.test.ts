import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-gpu-function-not-at-startup';
const UI = '\nimport gradio as gr\ngr.Interface(generate, "text", "image").launch()\n';

describe(only, () => {
  it('reports a decorated inner function as an error when nothing else is decorated at start-up', async () => {
    const app = `import spaces\n\ndef generate(prompt):\n    @spaces.GPU(duration=30)\n    def run():\n        return pipe(prompt)\n    return run()\n${UI}`;
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': app }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, message: expect.stringContaining('No @spaces.GPU function detected during startup') });
    const wrapped = `import spaces\n\ndef generate(prompt):\n    run = spaces.GPU(lambda: pipe(prompt))\n    return run()\n${UI}`;
    expect((await lintFiles(zeroGpuSpace({ 'app.py': wrapped }), { only })).map((x) => x.level)).toEqual(['error']);
  });

  it('lowers to a warning when another GPU function exists at start-up', async () => {
    const app = `import spaces\n\n@spaces.GPU\ndef warmup():\n    return 1\n\ndef generate(prompt):\n    @spaces.GPU\n    def run():\n        return pipe(prompt)\n    return run()\n${UI}`;
    expect((await lintFiles(zeroGpuSpace({ 'app.py': app }), { only })).map((d) => [d.line, d.level])).toEqual([[8, 'warning']]);
  });

  it('reports GPU functions under a branch start-up skips, and decorated methods', async () => {
    const branch = `import spaces\nif __name__ != "__main__":\n    @spaces.GPU\n    def generate(prompt):\n        return pipe(prompt)\n${UI}`;
    const [b] = await lintFiles(zeroGpuSpace({ 'app.py': branch }), { only });
    expect(b).toMatchObject({ level: 'error', message: expect.stringContaining('under `if __name__ != "__main__":`') });
    const method = `import spaces\nclass Model:\n    @spaces.GPU\n    def generate(self, prompt):\n        return pipe(prompt)\nmodel = Model()\ngenerate = model.generate\n${UI}`;
    const [m] = await lintFiles(zeroGpuSpace({ 'app.py': method }), { only });
    expect(m).toMatchObject({ level: 'warning', message: expect.stringContaining('`Model.generate`') });
  });

  it('stays silent on module-level GPU functions, __main__ blocks, helper modules not imported, and off ZeroGPU', async () => {
    const ok = `import spaces\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt)\n\nif __name__ == "__main__":\n    import gradio as gr\n    gr.Interface(generate, "text", "image").launch()\n`;
    expect(await lintFiles(zeroGpuSpace({ 'app.py': ok }), { only })).toEqual([]);
    const builtInMain = `import spaces\nimport gradio as gr\n\ndef build(device):\n    @spaces.GPU(duration=200)\n    def generate(prompt):\n        return pipe(prompt)\n    gr.Interface(generate, "text", "image").launch()\n\ndef main():\n    build("cuda")\n\nif __name__ == "__main__":\n    main()\n`;
    expect(await lintFiles(zeroGpuSpace({ 'app.py': builtInMain }), { only })).toEqual([]);
    expect(await lintFiles(zeroGpuSpace({ 'scratch.py': 'import spaces\ndef f():\n    @spaces.GPU\n    def g():\n        pass\n' }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('def generate(p):\n    def run():\n        return p\n    return run()\n'), { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'gradio-unbounded-concurrency';
const DIFFUSION = [
  'import gradio as gr',
  'from diffusers import DiffusionPipeline',
  'pipe = DiffusionPipeline.from_pretrained("org/model").to("cuda")',
  '',
  'def generate(prompt):',
  '    return pipe(prompt).images[0]',
  '',
  'with gr.Blocks() as demo:',
  '    prompt = gr.Textbox()',
  '    image = gr.Image()',
  '    btn = gr.Button()',
  '    btn.click(generate, prompt, image, concurrency_limit=None)',
  'demo.launch()',
  '',
].join('\n');

describe(only, () => {
  it('warns on concurrency_limit=None for a handler that runs a model, with a removal suggestion', async () => {
    const [d, ...rest] = await lintFiles(cpuSpace(DIFFUSION), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 12, message: expect.stringContaining('`generate` run without limit and it runs a model') });
    expect(applyFixes(DIFFUSION, [d.suggestions![0].fix]).output).toContain('btn.click(generate, prompt, image)\n');
  });

  it('warns for GPU handlers, follows constants, and sees handlers in other forms', async () => {
    const gpu = edit(ZEROGPU_APP, 'concurrency_limit=1,\n        concurrency_id="gpu"', 'concurrency_limit=LIMIT,\n        concurrency_id="gpu"').replace(
      'QUEUE_SIZE = 20\n',
      'QUEUE_SIZE = 20\nLIMIT = None\n',
    );
    const found = await lintFiles(zeroGpuSpace({ 'app.py': gpu }), { only });
    expect(found.map((d) => [d.level, d.message.slice(0, 78)])).toContainEqual(['warning', '`concurrency_limit=None` lets `generate` run without limit and it uses the GPU']);
    const forms = [
      'gr.Interface(generate, "text", "image", concurrency_limit=None)',
      'gr.ChatInterface(fn=generate, concurrency_limit=None)',
      'gr.on(triggers=[btn.click], fn=generate, inputs=prompt, outputs=image, concurrency_limit=None)',
      'demo.load(generate, inputs=prompt, outputs=image, concurrency_limit=None)',
    ];
    for (const f of forms) {
      const app = DIFFUSION.replace('    btn.click(generate, prompt, image, concurrency_limit=None)', `    ${f}`);
      expect(
        (await lintFiles(cpuSpace(app), { only })).map((d) => d.level),
        f,
      ).toEqual(['warning']);
    }
    const decorated = DIFFUSION.replace('def generate', '@btn.click(inputs=prompt, outputs=image, concurrency_limit=None)\ndef generate').replace(
      '    btn.click(generate, prompt, image, concurrency_limit=None)\n',
      '',
    );
    expect((await lintFiles(cpuSpace(decorated), { only })).map((d) => d.level)).toEqual(['warning']);
  });

  it('understands gradio imported without an alias or by name', async () => {
    const plain = DIFFUSION.replace('import gradio as gr', 'import gradio').replace(/gr\./g, 'gradio.');
    expect((await lintFiles(cpuSpace(plain), { only })).map((d) => d.level)).toEqual(['warning']);
    const named = 'from gradio import Interface\nimport torch\nmodel = torch.jit.load("m.pt")\ndef run(x):\n    return model(x)\nInterface(run, "text", "text", concurrency_limit=None).launch()\n';
    expect((await lintFiles(cpuSpace(named), { only })).map((d) => d.message.includes('runs a model'))).toEqual([true]);
  });

  it('gives info for handlers that only call a remote API', async () => {
    const app =
      'import gradio as gr\nimport requests\n\ndef call_remote_api(message, history):\n    return requests.post("https://api.example.com/chat", json={"m": message}, timeout=30).json()["reply"]\n\ngr.ChatInterface(call_remote_api, concurrency_limit=None).launch()\n';
    const [d] = await lintFiles(cpuSpace(app), { only });
    expect(d).toMatchObject({ level: 'info', message: expect.stringContaining('remote API') });
  });

  it('sees methods of loaded models as model handlers', async () => {
    const app =
      'import gradio as gr\nfrom transformers import pipeline\nclassifier = pipeline("sentiment-analysis")\ngr.Interface(fn=classifier, inputs="text", outputs="label", concurrency_limit=None).launch()\n';
    const [d] = await lintFiles(cpuSpace(app), { only });
    expect(d.message).toContain('`classifier` run without limit and it runs a model');
  });

  it('follows handlers into local modules', async () => {
    const files = cpuSpace('import gradio as gr\nfrom engine import infer\ngr.Interface(infer, "text", "text", concurrency_limit=None).launch()\n', {
      'engine.py': 'import torch\nmodel = torch.load("model.pt")\n\ndef infer(x):\n    return model(x)\n',
    });
    const [d] = await lintFiles(files, { only });
    expect(d.message).toContain('runs a model');
  });

  it('reports an unbounded default on the queue, in Python env writes and in the Dockerfile', async () => {
    const queue = DIFFUSION.replace('    btn.click(generate, prompt, image, concurrency_limit=None)', '    btn.click(generate, prompt, image)').replace(
      'demo.launch()',
      'demo.queue(default_concurrency_limit=None).launch()',
    );
    const [q] = await lintFiles(cpuSpace(queue), { only });
    expect(q).toMatchObject({ level: 'warning', message: expect.stringContaining('`queue(default_concurrency_limit=None)` lets every event run without limit and it runs a model') });
    const env = `import os\nos.environ["GRADIO_DEFAULT_CONCURRENCY_LIMIT"] = "none"\n${queue.replace('demo.queue(default_concurrency_limit=None).launch()', 'demo.launch()')}`;
    expect((await lintFiles(cpuSpace(env), { only })).map((d) => d.line)).toEqual([2]);
    const docker = {
      'README.md': readme('sdk: docker'),
      Dockerfile: 'FROM python:3.12\nENV GRADIO_DEFAULT_CONCURRENCY_LIMIT=None\nCMD ["python", "app.py"]\n',
      'app.py': env.replace(/^import os\nos.environ.*\n/, ''),
    };
    expect((await lintFiles(docker, { only })).map((d) => [d.file, d.line])).toEqual([['Dockerfile', 2]]);
  });

  it('gives info for Gradio 3 settings that run many requests at once', async () => {
    const app = 'import gradio as gr\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.queue(concurrency_count=64).launch(enable_queue=False)\n';
    const files = { 'README.md': readme('sdk: gradio\nsdk_version: 3.50.2'), 'app.py': app };
    expect((await lintFiles(files, { only })).map((d) => d.level)).toEqual(['info', 'info']);
  });

  it('stays silent on limits, on the absence of the keyword, and on Gradio 3 for concurrency_limit', async () => {
    expect(await lintFiles(zeroGpuSpace({ 'app.py': edit(ZEROGPU_APP, 'concurrency_limit=None', 'concurrency_limit=4') }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(DIFFUSION.replace(', concurrency_limit=None', ', concurrency_limit=2, concurrency_id="gpu"')), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(DIFFUSION.replace(', concurrency_limit=None', '')), { only })).toEqual([]);
    const old = { 'README.md': readme('sdk: gradio\nsdk_version: 3.50.2'), 'app.py': DIFFUSION };
    expect(await lintFiles(old, { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'perf-model-load-per-request';
const CAPTION = [
  'import spaces',
  'import gradio as gr',
  'from transformers import AutoModel',
  '',
  '@spaces.GPU(duration=30)',
  'def caption(img):',
  '    model = AutoModel.from_pretrained("org/captioner").to("cuda")',
  '    return model(img)',
  '',
  'gr.Interface(caption, "image", "text").launch()',
  '',
].join('\n');

describe(only, () => {
  it('warns on ZeroGPU when a GPU handler loads its model, with a suggestion that moves it to module level', async () => {
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': CAPTION }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 7, message: expect.stringContaining('`AutoModel.from_pretrained()` runs on every call of `caption` and moves it to CUDA') });
    const fixed = applyFixes(CAPTION, [d.suggestions![0].fix]).output;
    expect(fixed).toContain('model = AutoModel.from_pretrained("org/captioner").to("cuda")\n\n\n@spaces.GPU(duration=30)\ndef caption(img):\n    return model(img)\n');
    expect(await lintFiles(zeroGpuSpace({ 'app.py': fixed }), { only })).toEqual([]);
  });

  it('gives info outside ZeroGPU, for listeners, ChatInterface and handlers imported from local modules', async () => {
    const app = [
      'import gradio as gr',
      'import torch',
      'from transformers import pipeline',
      'from datasets import load_dataset',
      'from engine import infer',
      '',
      'def classify(text):',
      '    clf = pipeline("sentiment-analysis")',
      '    return clf(text)',
      '',
      'def chat(message, history):',
      '    weights = torch.load("weights.pt")',
      '    rows = load_dataset("org/faq")',
      '    return str(len(rows))',
      '',
      'with gr.Blocks() as demo:',
      '    box = gr.Textbox()',
      '    box.submit(classify, box, box)',
      '    gr.ChatInterface(chat)',
      '    gr.Button().click(infer, box, box)',
      'demo.launch()',
      '',
    ].join('\n');
    const files = cpuSpace(app, { 'engine.py': 'from transformers import AutoModel\n\ndef infer(x):\n    return AutoModel.from_pretrained("org/m")(x)\n' });
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.level, d.file, d.line])).toEqual([
      ['info', 'app.py', 8],
      ['info', 'app.py', 12],
      ['info', 'app.py', 13],
      ['info', 'engine.py', 4],
    ]);
    // A load that depends on the request (a parameter): no move suggestion.
    const dynamic = cpuSpace(
      'import gradio as gr\nfrom transformers import pipeline\ndef run(name, text):\n    clf = pipeline("text-classification", model=name)\n    return clf(text)\ngr.Interface(run, ["text", "text"], "text").launch()\n',
    );
    const [d] = await lintFiles(dynamic, { only });
    expect(d.suggestions).toBeUndefined();
  });

  it('stays silent for cached loads (lru_cache, if model is None, dict cache) outside GPU functions', async () => {
    const lru =
      'import functools\nimport gradio as gr\nfrom transformers import pipeline\n\n@functools.lru_cache\ndef get_model(name):\n    return pipeline("text-classification", model=name)\n\ndef run(name, text):\n    return get_model(name)(text)\n\ngr.Interface(run, ["text", "text"], "text").launch()\n';
    expect(await lintFiles(cpuSpace(lru), { only })).toEqual([]);
    const global =
      'import gradio as gr\nfrom transformers import pipeline\nmodel = None\n\ndef run(text):\n    global model\n    if model is None:\n        model = pipeline("sentiment-analysis")\n    return model(text)\n\ngr.Interface(run, "text", "text").launch()\n';
    expect(await lintFiles(cpuSpace(global), { only })).toEqual([]);
    const dict =
      'import gradio as gr\nfrom transformers import pipeline\nCACHE = {}\n\ndef run(name, text):\n    if name not in CACHE:\n        CACHE[name] = pipeline("text-classification", model=name)\n    return CACHE[name](text)\n\ngr.Interface(run, ["text", "text"], "text").launch()\n';
    expect(await lintFiles(cpuSpace(dict), { only })).toEqual([]);
    // On ZeroGPU, a cached lazy load inside @spaces.GPU is still an info.
    const gpu = global.replace('import gradio as gr', 'import spaces\nimport gradio as gr').replace('def run(text):', '@spaces.GPU\ndef run(text):');
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': gpu }), { only });
    expect(d).toMatchObject({ level: 'info', message: expect.stringContaining('loaded lazily inside `run`') });
  });

  it('stays silent for module-level loads, I/O-only handlers, and offline scripts', async () => {
    const moduleLevel = CAPTION.replace('    model = AutoModel.from_pretrained("org/captioner").to("cuda")\n', '').replace(
      '@spaces.GPU',
      'model = AutoModel.from_pretrained("org/captioner").to("cuda")\n\n@spaces.GPU',
    );
    expect(await lintFiles(zeroGpuSpace({ 'app.py': moduleLevel }), { only })).toEqual([]);
    const io =
      'import gradio as gr\nimport requests\nfrom huggingface_hub import hf_hub_download\n\ndef fetch(name):\n    path = hf_hub_download("org/data", name, repo_type="dataset")\n    return requests.post("https://api.example.com/x", files={"f": open(path, "rb")}).text\n\ngr.Interface(fetch, "text", "text").launch()\n';
    expect(await lintFiles(cpuSpace(io), { only })).toEqual([]);
    const files = cpuSpace('import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n', {
      'scripts/train.py': 'import gradio as gr\nfrom transformers import AutoModel\ndef run(x):\n    return AutoModel.from_pretrained("org/m")(x)\ngr.Interface(run, "text", "text")\n',
    });
    expect(await lintFiles(files, { only })).toEqual([]);
  });

  it('follows one level into helpers the handler calls', async () => {
    const app = 'import gradio as gr\nimport torch\n\ndef load():\n    return torch.load("model.pt")\n\ndef run(x):\n    return load()(x)\n\ngr.Interface(run, "text", "text").launch()\n';
    const found = await lintFiles({ 'README.md': readme('sdk: gradio\napp_file: app.py'), 'app.py': app }, { only });
    expect(found.map((d) => [d.line, d.message.slice(0, 44)])).toEqual([[5, '`torch.load()` runs on every call of `run`: ']]);
  });

  describe('in a Docker Space, follows what the start command runs', () => {
    const server =
      'import gradio as gr\nfrom transformers import pipeline\n\ndef classify(text):\n    clf = pipeline("sentiment-analysis")\n    return clf(text)\n\ngr.Interface(classify, "text", "text").launch(server_name="0.0.0.0", server_port=7860)\n';
    const dockerSpace = (cmd: string, code = server) => ({
      'README.md': readme('sdk: docker\napp_port: 7860'),
      Dockerfile: `FROM python:3.11\nWORKDIR /src\nCOPY . .\nRUN pip install gradio transformers\n${cmd}\n`,
      'server.py': code,
    });

    for (const cmd of ['CMD ["python", "server.py"]', 'CMD ["python", "-m", "server"]', 'CMD python /src/server.py', 'CMD ["sh", "-c", "exec python -m server"]']) {
      it(`reports a model loaded per request for ${cmd}`, async () => {
        const found = await lintFiles(dockerSpace(cmd), { only });
        expect(found.map((d) => [d.level, d.file, d.line])).toEqual([['info', 'server.py', 5]]);
      });
    }

    it('stays silent when the model loads once, or when the start command runs another program', async () => {
      const once = server.replace('def classify(text):\n    clf = pipeline("sentiment-analysis")\n', 'clf = pipeline("sentiment-analysis")\n\ndef classify(text):\n');
      expect(await lintFiles(dockerSpace('CMD ["python", "-m", "server"]', once), { only })).toEqual([]);
      expect(await lintFiles(dockerSpace('CMD ["python", "-m", "http.server", "7860"]'), { only })).toEqual([]);
      expect(await lintFiles(dockerSpace('CMD ["node", "server.js"]'), { only })).toEqual([]);
    });
  });
});

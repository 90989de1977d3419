import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'perf-startup-download-no-preload';
const front = (extra = '') => readme(`sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py${extra}`);
const space = (app: string, extra = '', files: Record<string, string> = {}) => ({ 'README.md': front(extra), 'app.py': app, ...files });

describe(only, () => {
  it('reports module-level downloads of repos that are not preloaded', async () => {
    const app = [
      'from diffusers import DiffusionPipeline',
      'from huggingface_hub import hf_hub_download, snapshot_download',
      'from transformers import pipeline',
      'MODEL = "black-forest-labs/FLUX.1-dev"',
      'pipe = DiffusionPipeline.from_pretrained(MODEL)',
      'ckpt = hf_hub_download("org/weights", "model.safetensors")',
      'snapshot_download(repo_id="org/snapshot")',
      'asr = pipeline("automatic-speech-recognition", model="openai/whisper-small")',
      '',
    ].join('\n');
    const found = await lintFiles(space(app), { only });
    expect(found.map((d) => [d.level, d.line, d.message.slice(0, 41)])).toEqual([
      ['info', 5, '`black-forest-labs/FLUX.1-dev` is downloa'],
      ['info', 6, '`org/weights` is downloaded when the app '],
      ['info', 7, '`org/snapshot` is downloaded when the app'],
      ['info', 8, '`openai/whisper-small` is downloaded when'],
    ]);
    expect(found[0].message).toContain('Add `- black-forest-labs/FLUX.1-dev` to `preload_from_hub` in README.md');
  });

  it('reports a repo once when its tokenizer and model are both loaded', async () => {
    const app =
      'from transformers import AutoModelForCausalLM, AutoTokenizer\nMODEL_ID = "Qwen/Qwen2.5-7B-Instruct"\ntokenizer = AutoTokenizer.from_pretrained(MODEL_ID)\nmodel = AutoModelForCausalLM.from_pretrained(MODEL_ID)\n';
    const found = await lintFiles(space(app), { only });
    expect(found.map((d) => d.line)).toEqual([3]);
  });

  it('stays silent for preloaded repos (case-insensitive, with files), datasets, local folders and handlers', async () => {
    const app = 'from diffusers import DiffusionPipeline\npipe = DiffusionPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")\n';
    expect(await lintFiles(space(app, '\npreload_from_hub:\n  - Black-Forest-Labs/FLUX.1-dev transformer/config.json'), { only })).toEqual([]);
    expect(await lintFiles(space('from huggingface_hub import hf_hub_download\np = hf_hub_download("org/data", "x.parquet", repo_type="dataset")\n'), { only })).toEqual([]);
    expect(await lintFiles(space('from transformers import AutoModel\nm = AutoModel.from_pretrained("checkpoints")\n', '', { 'checkpoints/config.json': '{}' }), { only })).toEqual([]);
    expect(await lintFiles(space('from transformers import AutoModel\nm = AutoModel.from_pretrained("./model")\n'), { only })).toEqual([]);
    const handler = 'import gradio as gr\nfrom transformers import AutoModel\ndef run(x):\n    return AutoModel.from_pretrained("org/m")(x)\ngr.Interface(run, "text", "text").launch()\n';
    expect(await lintFiles(space(handler), { only })).toEqual([]);
  });

  it('follows a loader function the module calls at start-up, and local modules', async () => {
    const app = 'from transformers import AutoModel\n\ndef load():\n    return AutoModel.from_pretrained("org/m")\n\nmodel = load()\n';
    expect((await lintFiles(space(app), { only })).map((d) => d.line)).toEqual([4]);
    const found = await lintFiles(space('import models\n', '', { 'models.py': 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/m")\n' }), { only });
    expect(found.map((d) => d.file)).toEqual(['models.py']);
    // An offline script the app never imports is not start-up work.
    expect(await lintFiles(space('print(1)\n', '', { 'scripts/prepare.py': 'from transformers import AutoModel\nAutoModel.from_pretrained("org/m")\n' }), { only })).toEqual([]);
  });

  it("reports the realistic ZeroGPU Space's models until they are preloaded", async () => {
    const found = await lintFiles(zeroGpuSpace(), { only });
    expect(found.length).toBeGreaterThan(0);
    const repos = found.map((d) => /`([^`]+)`/.exec(d.message)![1]);
    const preload = `\npreload_from_hub:\n${repos.map((r) => `  - ${r}`).join('\n')}`;
    const readmeText = zeroGpuSpace()['README.md'].replace('\n---\n', `${preload}\n---\n`);
    expect(await lintFiles(zeroGpuSpace({ 'README.md': readmeText, 'app.py': ZEROGPU_APP }), { only })).toEqual([]);
  });
});

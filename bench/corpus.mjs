// A deterministic corpus of varied Spaces for the benchmarks: Gradio (many with ZeroGPU), Docker,
// Streamlit and static Spaces, with app files from 1 to ~25 KB, helper modules, requirements, packages.txt,
// Dockerfiles, typos in the front matter, directives and the odd syntax error. `generateSpace(i)` returns
// the files of Space i in memory (the same i always gives the same Space); `writeCorpus` puts N of them
// under bench/.corpus/ (gitignored) for the parts that lint from disk.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CORPUS_DIR = new URL('./.corpus/', import.meta.url).pathname;
export const CORPUS_SEED = 20261128;

/** mulberry32: small, fast, good enough for picking test data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = [
  'stabilityai/sdxl-turbo',
  'black-forest-labs/FLUX.1-schnell',
  'openai/whisper-large-v3',
  'HuggingFaceTB/SmolLM2-360M-Instruct',
  'facebook/bart-large-cnn',
  'Qwen/Qwen2.5-7B-Instruct',
  'microsoft/Phi-3.5-mini-instruct',
  'google/gemma-2-2b-it',
];
const COLORS = ['red', 'yellow', 'green', 'blue', 'indigo', 'purple', 'pink', 'gray'];
const EMOJI = ['🎨', '⚡', '🙂', '🔥', '🤖', '📝', '🎧', '🧪'];
const GRADIO_VERSIONS = ['"5.49.1"', '"5.23.0"', '"4.44.1"', '5.0', '"5.9.1"'];
const PACKAGES = [
  'torch==2.8.0',
  'transformers>=4.46',
  'diffusers>=0.31',
  'accelerate>=1.0',
  'numpy<2',
  'pillow',
  'sentencepiece',
  'safetensors>=0.4',
  'huggingface_hub>=0.26',
  'spaces',
  'opencv-python-headless',
  'scipy',
  'librosa==0.10.2',
  'peft',
  'bitsandbytes',
  'einops',
  'timm',
  'xformers; platform_system == "Linux"',
];
const APT = ['ffmpeg', 'libgl1', 'libsm6', 'libxext6', 'git-lfs', 'build-essential', 'libsndfile1'];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
function some(rand, list, max) {
  const n = Math.floor(rand() * (max + 1));
  const out = new Set();
  for (let i = 0; i < n; i++) out.add(pick(rand, list));
  return [...out];
}

function readme(rand, sdk, opts) {
  const lines = ['---', `title: Space ${opts.index}`, `emoji: ${pick(rand, EMOJI)}`, `colorFrom: ${pick(rand, COLORS)}`, `colorTo: ${pick(rand, COLORS)}`, `sdk: ${sdk}`];
  if (sdk === 'gradio') lines.push(`sdk_version: ${pick(rand, GRADIO_VERSIONS)}`);
  if (sdk === 'streamlit') lines.push('sdk_version: "1.40.0"');
  if (sdk === 'gradio' || sdk === 'streamlit') lines.push(`app_file: ${opts.appFile}`);
  if (sdk === 'docker') lines.push(rand() < 0.85 ? 'app_port: 7860' : 'app-port: 8000');
  if (opts.zeroGpu) lines.push(rand() < 0.9 ? 'suggested_hardware: zero-a10g' : 'suggested_hardware: zero_a10g');
  if (rand() < 0.5) lines.push(`short_description: Demo number ${opts.index} of the benchmark corpus`);
  lines.push(`license: ${pick(rand, ['mit', 'apache-2.0', 'other'])}`);
  if (rand() < 0.1) lines.push('colorfrom: red');
  if (rand() < 0.05) lines.push('# spacelint-disable-next-line config-unknown-key', 'hardware: a10g-small');
  const models = some(rand, MODELS, 4);
  if (models.length) lines.push('models:', ...models.map((m) => `  - ${m}`));
  if (rand() < 0.3) lines.push('tags:', ...some(rand, ['image-generation', 'chat', 'audio', 'demo', 'zerogpu'], 4).map((t) => `  - ${t}`));
  lines.push('---', '', `# Space ${opts.index}`, '', 'A generated Space for the spacelint benchmarks.', '');
  return lines.join('\n');
}

function handler(rand, i, zeroGpu) {
  const lines = [];
  if (zeroGpu) lines.push(rand() < 0.5 ? '@spaces.GPU' : `@spaces.GPU(duration=${pick(rand, [20, 60, 120, 300])})`);
  const isAsync = rand() < 0.15;
  lines.push(`${isAsync ? 'async ' : ''}def predict_${i}(prompt: str, steps: int = 4, seed: int = 0):`);
  lines.push(`    """Handler ${i}: runs the pipeline with the given prompt."""`);
  lines.push('    generator = torch.Generator("cuda").manual_seed(int(seed))');
  for (let k = 0; k < 2 + Math.floor(rand() * 10); k++) {
    lines.push(
      pick(rand, [
        `    prompt = prompt.strip() or "a photo of a cat number ${k}"`,
        `    result = pipe(prompt=prompt, num_inference_steps=int(steps), generator=generator).images[${k % 2}]`,
        `    scores = [len(word) * ${k} for word in prompt.split() if word]`,
        `    text = f"{prompt} ({steps} steps, seed {seed}, pass ${k})"`,
        `    if len(prompt) > ${100 + k}:\n        raise gr.Error("The prompt is too long")`,
        `    meta = {"prompt": prompt, "steps": steps, "k": ${k}}`,
        `    for j in range(int(steps)):\n        seed = (seed * 31 + j) % 2**32`,
      ]),
    );
  }
  lines.push(`    return ${pick(rand, ['result', 'text', 'scores', 'meta', 'prompt'])}`);
  return lines.join('\n');
}

function appPy(rand, opts) {
  const lines = [];
  if (opts.zeroGpu) lines.push('import spaces');
  lines.push('import os', 'import random', '', 'import gradio as gr', 'import torch');
  if (rand() < 0.6) lines.push('from diffusers import AutoPipelineForText2Image');
  for (const h of opts.helpers) lines.push(`from ${h.replace(/\.py$/, '').replace(/\//g, '.')} import load_model_${h.length}`);
  lines.push('', `MODEL_ID = "${pick(rand, MODELS)}"`, 'HF_TOKEN = os.environ.get("HF_TOKEN")', '');
  lines.push('pipe = AutoPipelineForText2Image.from_pretrained(MODEL_ID, torch_dtype=torch.float16)');
  lines.push(opts.zeroGpu ? 'pipe.to("cuda")' : 'pipe.to("cuda" if torch.cuda.is_available() else "cpu")');
  if (rand() < 0.1) lines.push('pipe.unet = torch.compile(pipe.unet)');
  lines.push('');
  for (let i = 0; i < opts.handlers; i++) lines.push(handler(rand, i, opts.zeroGpu), '', '');
  lines.push('with gr.Blocks(title="Generated Space") as demo:', '    gr.Markdown("# Generated Space")');
  for (let i = 0; i < opts.handlers; i++) {
    lines.push('    with gr.Row():', `        prompt_${i} = gr.Textbox(label="Prompt ${i}")`, `        out_${i} = gr.Textbox(label="Result ${i}")`);
    lines.push(`    gr.Button("Run ${i}").click(predict_${i}, inputs=[prompt_${i}], outputs=out_${i}${rand() < 0.5 ? ', concurrency_limit=1' : ''})`);
  }
  lines.push('', rand() < 0.8 ? `demo.queue(max_size=${pick(rand, [10, 20, 50])})` : 'demo.queue(concurrency_count=4)', 'demo.launch()', '');
  let text = lines.join('\n');
  if (rand() < 0.02) text = text.replace('def predict_0(', 'def predict_0(:'); // the odd syntax error
  return text;
}

function helperPy(rand, name) {
  const lines = ['import functools', '', 'import torch', '', '', '@functools.cache', `def load_model_${name.length}(name: str):`, '    return torch.nn.Linear(8, 8)', ''];
  for (let i = 0; i < 1 + Math.floor(rand() * 6); i++) lines.push('', `def transform_${i}(x):`, `    return [v * ${i + 1} for v in x]`, '');
  return lines.join('\n');
}

function dockerfile(rand) {
  return [
    `FROM python:${pick(rand, ['3.12-slim', '3.11', '3.10-slim'])}`,
    '',
    'RUN useradd -m -u 1000 user',
    'USER user',
    'ENV HOME=/home/user \\',
    '    PATH=/home/user/.local/bin:$PATH',
    rand() < 0.3 ? 'ENV HF_HOME=/data/.huggingface' : '# no persistent storage',
    'WORKDIR /home/user/app',
    'COPY --chown=user requirements.txt .',
    'RUN pip install --no-cache-dir --user -r requirements.txt',
    'COPY --chown=user . .',
    'EXPOSE 7860',
    pick(rand, ['CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "7860"]', 'CMD ["python", "app.py"]', 'CMD python app.py']),
    '',
  ].join('\n');
}

/** The files of Space `index` (path → text). */
export function generateSpace(index, seed = CORPUS_SEED) {
  const rand = random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const r = rand();
  const sdk = r < 0.6 ? 'gradio' : r < 0.8 ? 'docker' : r < 0.9 ? 'streamlit' : 'static';
  const files = {};
  if (sdk === 'static') {
    files['README.md'] = readme(rand, sdk, { index });
    files['index.html'] = `<!doctype html>\n<html><head><link rel="stylesheet" href="style.css"></head><body><h1>Space ${index}</h1></body></html>\n`;
    files['style.css'] = 'body { font-family: sans-serif; }\n';
    return files;
  }
  const zeroGpu = sdk === 'gradio' && rand() < 0.5;
  const appFile = sdk === 'gradio' && rand() < 0.1 ? 'main.py' : 'app.py';
  const helpers = some(rand, ['utils.py', 'model.py', 'src/pipeline.py'], 3);
  // Handlers set the app size: mostly a few (2-8 KB), sometimes many (up to ~25 KB).
  const handlers = rand() < 0.8 ? 1 + Math.floor(rand() * 6) : 7 + Math.floor(rand() * 18);
  files['README.md'] = readme(rand, sdk, { index, zeroGpu, appFile });
  files[appFile] = appPy(rand, { zeroGpu, helpers, handlers });
  for (const h of helpers) files[h] = helperPy(rand, h);
  files['requirements.txt'] = [...(sdk === 'docker' ? ['fastapi==0.115.6', 'uvicorn[standard]==0.32.1'] : []), ...some(rand, PACKAGES, 8)].join('\n') + '\n';
  if (rand() < 0.3) files['packages.txt'] = some(rand, APT, 3).join('\n') + '\n';
  if (sdk === 'docker') files.Dockerfile = dockerfile(rand);
  return files;
}

/** Writes Spaces 0..count-1 under `dir` unless a corpus of the same size and seed is already there. */
export function writeCorpus(count, dir = CORPUS_DIR) {
  const stamp = join(dir, 'corpus.json');
  const want = JSON.stringify({ count, seed: CORPUS_SEED, version: 1 });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return spaceDirs(count, dir);
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    for (const [path, text] of Object.entries(generateSpace(i))) {
      const abs = join(spaceDir(i, dir), path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  writeFileSync(stamp, want);
  return spaceDirs(count, dir);
}

export function spaceDir(i, dir = CORPUS_DIR) {
  return join(dir, `space-${String(i).padStart(5, '0')}`);
}

function spaceDirs(count, dir) {
  return Array.from({ length: count }, (_, i) => spaceDir(i, dir));
}

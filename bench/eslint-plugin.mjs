#!/usr/bin/env node
/**
 * ESLint plugin benchmark (not a test). Build first: `npm run build -w @spacelint/core -w @spacelint/eslint-plugin`.
 *
 *   node bench/eslint-plugin.mjs [--rounds 11] [--warm 2000] [--json]
 *
 * --json prints one JSON line instead of the tables (read by `npm run bench`).
 *
 * 1. Cold process: the eslint binary with the plugin (strict config) on one typical Space, against bare
 *    ESLint on one JavaScript file. Each round runs both, in alternating order, in a clean environment
 *    (`env -i PATH HOME`: this machine's NODE_EXTRA_CA_CERTS adds ~37 ms to every Node start).
 *    Target (issue 13): plugin ≤ 1.4 × bare.
 * 2. Warm `ESLint#lintText` in one process, as an editor's ESLint server calls it: a README and a 10 KB
 *    Python file of the same Space, each (a) with the saved text again and (b) with a new edit every call.
 *    Targets: README < 1 ms, 10 KB Python with a new edit each call ≤ 4 ms (issue 13).
 *
 * Cells read median [min–max] in milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'packages/eslint-plugin/package.json'));
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const pluginUrl = pathToFileURL(join(repo, 'packages/eslint-plugin/dist/index.js')).href;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = option('rounds', 11);
const WARM = option('warm', 2000);
const asJson = args.includes('--json');

// ---------------------------------------------------------------------------------------------------
// A typical Space (spec/perf.md §0): app.py + 2 helper modules (~16 KB of Python), a README with a
// 19-line front matter, requirements.txt and a Dockerfile.

const README = `---
title: Image Captioner
emoji: 🖼️
colorFrom: indigo
colorTo: purple
sdk: gradio
sdk_version: "5.49.1"
python_version: "3.11"
app_file: app.py
pinned: false
license: apache-2.0
short_description: Caption images with a small vision-language model
suggested_hardware: zero-a10g
models:
  - Salesforce/blip-image-captioning-base
tags:
  - image-to-text
  - zerogpu
preload_from_hub:
  - Salesforce/blip-image-captioning-base
---

# Image Captioner

Upload an image and get a caption.
`;

function pythonModule(name, targetBytes) {
  const parts = [`"""${name}: helpers for the captioning demo."""\nfrom __future__ import annotations\n\nimport os\nimport json\nfrom dataclasses import dataclass, field\nfrom typing import Any\n\n`];
  for (let i = 0; parts.join('').length < targetBytes; i++) {
    parts.push(`@dataclass
class Options${i}:
    """Settings for step ${i} (read from the environment when present)."""

    max_tokens: int = int(os.environ.get("MAX_TOKENS_${i}", "64"))
    temperature: float = 0.${i % 10}
    tags: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"max_tokens": self.max_tokens, "temperature": self.temperature, "tags": self.tags})


def step_${i}(text: str, options: Options${i} | None = None) -> dict[str, Any]:
    options = options or Options${i}()
    words = [w for w in text.split() if w]
    match len(words):
        case 0:
            return {"text": "", "score": 0.0}
        case n if n > options.max_tokens:
            words = words[: options.max_tokens]
    return {"text": " ".join(words), "score": round(len(words) / max(1, options.max_tokens), 3), "step": f"{${i}=}"}

`);
  }
  return parts.join('');
}

const APP_HEAD = `import os

import gradio as gr
import spaces
import torch
from transformers import BlipForConditionalGeneration, BlipProcessor

from captions import step_0
from postprocess import step_1

MODEL_ID = "Salesforce/blip-image-captioning-base"
processor = BlipProcessor.from_pretrained(MODEL_ID)
model = BlipForConditionalGeneration.from_pretrained(MODEL_ID).to("cuda")


@spaces.GPU(duration=60)
def caption(image, max_tokens: int = 40) -> str:
    inputs = processor(images=image, return_tensors="pt").to("cuda", torch.float16)
    out = model.generate(**inputs, max_new_tokens=max_tokens)
    text = processor.decode(out[0], skip_special_tokens=True)
    return step_1(step_0(text)["text"])["text"]


with gr.Blocks() as demo:
    image = gr.Image(type="pil")
    tokens = gr.Slider(8, 128, value=40, step=1, label="Max tokens")
    output = gr.Textbox(label="Caption")
    gr.Button("Caption").click(caption, inputs=[image, tokens], outputs=output)

demo.queue(max_size=20).launch()

`;

const SPACE = {
  'README.md': README,
  'app.py': APP_HEAD + pythonModule('app', 10 * 1024 - APP_HEAD.length),
  'captions.py': pythonModule('captions', 3 * 1024),
  'postprocess.py': pythonModule('postprocess', 3 * 1024),
  'requirements.txt': 'transformers==4.46.3\naccelerate==1.1.1\nPillow==11.0.0\n',
  Dockerfile: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
};

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-bench-eslint-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(dir, 'plugin.config.js'), `import spacelint from ${JSON.stringify(pluginUrl)};\nexport default [...spacelint.configs.strict];\n`);
  writeFileSync(join(dir, 'bare.config.js'), `export default [{ files: ['**/*.js'], rules: { 'no-unused-vars': 'error', 'no-undef': 'error' } }];\n`);
  writeFileSync(join(dir, 'one.js'), "const greeting = 'hello';\nexport function greet(name) {\n  return `${greeting} ${name}`;\n}\n");
  mkdirSync(join(dir, 'space'));
  for (const [path, text] of Object.entries(SPACE)) writeFileSync(join(dir, 'space', path), text);
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (xs) => `${median(xs).toFixed(1)} [${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}]`;

/** Wall time of one eslint process in a clean environment, and its CPU time (user + system, via time(1)). */
function timeProcess(dir, args, nodeFlags = []) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'env', '-i', `PATH=${process.env.PATH}`, `HOME=${process.env.HOME}`, process.execPath, ...nodeFlags, eslintBin, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === 2 || run.error) throw new Error(`eslint failed: ${run.stderr || run.error}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

async function cold(dir) {
  const rows = {
    bare: { args: ['-c', 'bare.config.js', 'one.js'], wall: [], cpu: [] },
    plugin: { args: ['-c', 'plugin.config.js', 'space'], wall: [], cpu: [] },
  };
  const names = Object.keys(rows);
  for (const name of names) timeProcess(dir, rows[name].args, rows[name].flags); // warm the file system cache
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const row = rows[names[(round + k) % names.length]];
      const t = timeProcess(dir, row.args, row.flags);
      row.wall.push(t.wall);
      row.cpu.push(t.cpu);
    }
  }
  return rows;
}

async function warm(dir) {
  const { ESLint } = require('eslint');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: join(dir, 'plugin.config.js') });
  const out = {};
  for (const file of ['README.md', 'app.py']) {
    const filePath = join(dir, 'space', file);
    const saved = SPACE[file];
    // An edit that changes no finding: a new comment (YAML or Python) on the last line.
    const edited = (i) => (file === 'README.md' ? saved.replace('---\n\n#', `# edit ${i}\n---\n\n#`) : `${saved}# edit ${i}\n`);
    for (const [mode, textOf] of [
      ['saved text', () => saved],
      ['new edit each call', edited],
    ]) {
      const [first] = await eslint.lintText(textOf(0), { filePath });
      if (first.messages.some((m) => m.fatal || !m.ruleId?.startsWith('spacelint/'))) throw new Error(`unexpected lint of ${file}: ${JSON.stringify(first.messages)}`);
      for (let i = 0; i < 300; i++) await eslint.lintText(textOf(i), { filePath });
      const times = [];
      for (let i = 0; i < WARM; i++) {
        const text = textOf(i + 1000);
        const start = process.hrtime.bigint();
        await eslint.lintText(text, { filePath });
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const sorted = [...times].sort((a, b) => a - b);
      out[`${file}, ${mode}`] = { median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)] };
    }
  }
  return out;
}

const dir = setUp();
try {
  const load = (await import('node:os')).loadavg()[0].toFixed(2);
  const c = await cold(dir);
  const w = await warm(dir);
  if (asJson) {
    const medians = Object.fromEntries(Object.entries(c).map(([name, row]) => [name, { wallMs: median(row.wall), cpuMs: median(row.cpu) }]));
    console.log(JSON.stringify({ rounds: ROUNDS, cold: medians, warm: w }));
  } else {
    console.log(`node ${process.version}, ${ROUNDS} rounds cold (rotated), ${WARM} warm calls per row, load average ${load}`);
    console.log('\n| Cold process (clean env) | wall (ms) | CPU user+sys (ms) |\n|---|---|---|');
    console.log(`| bare ESLint, 1 JS file | ${cell(c.bare.wall)} | ${cell(c.bare.cpu)} |`);
    console.log(`| ESLint + plugin (strict), typical Space (${Object.keys(SPACE).length} files) | ${cell(c.plugin.wall)} | ${cell(c.plugin.cpu)} |`);
    console.log(`| ratio plugin / bare, medians (target ≤ 1.4) | ${(median(c.plugin.wall) / median(c.bare.wall)).toFixed(2)} | ${(median(c.plugin.cpu) / median(c.bare.cpu)).toFixed(2)} |`);
    console.log('\n| Warm `lintText` | median (ms) | p90 (ms) |\n|---|---|---|');
    for (const [name, t] of Object.entries(w)) console.log(`| ${name} | ${t.median.toFixed(3)} | ${t.p90.toFixed(3)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { ZEROGPU_README } from '../../test/spaces/zerogpu.js';

const only = 'deps-missing-import';
const GRADIO5 = readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py');
const GRADIO4 = readme('title: Demo\nsdk: gradio\nsdk_version: "4.44.1"\napp_file: app.py');
const UI = '\nimport gradio as gr\n\ndemo = gr.Interface(fn=run, inputs="image", outputs="image")\ndemo.launch()\n';
const app = (head: string) => `${head}\n\ndef run(x):\n    return x\n${UI}`;
const space = (head: string, requirements?: string, files: Record<string, string> = {}) => ({
  'README.md': GRADIO5,
  'app.py': app(head),
  ...(requirements === undefined ? {} : { 'requirements.txt': requirements }),
  ...files,
});

describe(only, () => {
  it('reports a module the map knows as an error naming its distributions', async () => {
    const [d, ...rest] = await lintFiles(space('import cv2\nimport numpy as np', 'numpy\nscipy\n'), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'app.py', line: 1, column: 8 });
    expect(d.message).toContain("`ModuleNotFoundError: No module named 'cv2'`");
    expect(d.message).toContain('`opencv-python`, `opencv-python-headless`');
    expect(d.message).toContain('Add `opencv-python` to requirements.txt');
    expect(d.message).toContain('Gradio 5.49.1');
  });

  it('reports imports with no requirements.txt at all, once per module and file', async () => {
    const found = await lintFiles(space('import torch\nfrom PIL import Image\nimport sklearn.linear_model\nfrom sklearn import svm\nimport yaml'), { only });
    expect(found.map((d) => [d.line, d.level, d.message.slice(0, 12)])).toEqual([
      [1, 'error', '`torch` is n'],
      [3, 'error', '`sklearn` is'],
    ]);
  });

  it('knows what each Gradio major installs: matplotlib came with Gradio 4, not with 5', async () => {
    const head = 'import matplotlib.pyplot as plt';
    expect((await lintFiles(space(head, 'numpy\n'), { only })).map((d) => d.level)).toEqual(['error']);
    expect(await lintFiles({ ...space(head, 'numpy\n'), 'README.md': GRADIO4 }, { only })).toEqual([]);
  });

  it('treats torch as preinstalled on ZeroGPU, but not torchvision', async () => {
    const head = 'import spaces\nimport torch\nimport torchvision';
    const found = await lintFiles({ ...space(head, 'diffusers\n'), 'README.md': ZEROGPU_README }, { only });
    expect(found.map((d) => [d.line, d.message.slice(0, 14)])).toEqual([[3, '`torchvision` ']]);
    const cpu = await lintFiles(space('import torch', 'diffusers\n'), { only });
    expect(cpu.map((d) => d.level)).toEqual(['error']);
  });

  it('follows the app into its local modules, not into scripts the app does not import', async () => {
    const files = space('from audio_tools import load', 'numpy\n', {
      'audio_tools.py': 'import librosa\n\ndef load(p):\n    return librosa.load(p)\n',
      'train.py': 'import wandb\nimport deepspeed\n',
    });
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.file, d.level])).toEqual([['audio_tools.py', 'error']]);
  });

  it('warns for a module the map does not know, and lowers doubtful cases to warnings', async () => {
    const [unknown] = await lintFiles(space('import zephyr_magic', 'numpy\n'), { only });
    expect(unknown).toMatchObject({ level: 'warning', message: expect.stringContaining('its PyPI name may differ') });
    const [branch] = await lintFiles(space('import os\nif os.environ.get("ML"):\n    import sklearn', 'numpy\n'), { only });
    expect(branch).toMatchObject({ level: 'warning', message: expect.stringContaining('the `if` branch around it never runs') });
    const [unknownDeps] = await lintFiles(space('import cv2', 'modelscope\n'), { only });
    expect(unknownDeps).toMatchObject({ level: 'warning', message: expect.stringContaining('`modelscope`, whose dependencies spacelint does not know') });
    const [sysPath] = await lintFiles(space('import sys\nsys.path.append("third_party")\nimport cv2', 'numpy\n'), { only });
    expect(sysPath).toMatchObject({ level: 'warning', message: expect.stringContaining('`sys.path` change') });
    const [extras] = await lintFiles(space('import sentencepiece\nimport protobuf_like_unknown\nimport cv2', 'transformers[sentencepiece]\n'), { only });
    expect(extras).toMatchObject({ level: 'warning', line: 3, message: expect.stringContaining('`transformers`, whose dependencies') });
    expect(await lintFiles(space('import sys\nsys.path.append("LLaVA")\nfrom llava.model import builder', 'numpy\n'), { only })).toEqual([]);
    expect(await lintFiles(space('import cv2', new Uint8Array([0x6e, 0x00, 0xff, 0xfe]) as unknown as string), { only })).toEqual([]);
    // An unknown name with a requirement of unknown dependencies: nothing is known, so nothing is said.
    expect(await lintFiles(space('import zephyr_magic', 'modelscope\n'), { only })).toEqual([]);
  });

  it("reports standard modules that the Space's Python does not have", async () => {
    const [d] = await lintFiles(space('import tomllib', 'numpy\n'), { only });
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('added in Python 3.11') });
    const py311 = { ...space('import tomllib', 'numpy\n'), 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.11"') };
    expect(await lintFiles(py311, { only })).toEqual([]);
    const versionCheck = 'import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n    import tomli as tomllib';
    expect(await lintFiles(space(versionCheck, 'numpy\ntomli; python_version < "3.11"\n'), { only })).toEqual([]);
    const py313 = { ...space('import imghdr', 'numpy\n'), 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.13"') };
    expect((await lintFiles(py313, { only }))[0].message).toContain('Add `standard-imghdr`');
  });

  it('stays silent on listed, transitive, preinstalled, standard, local and optional imports', async () => {
    const head = [
      'from __future__ import annotations',
      'import os, sys, json, asyncio',
      'from typing import TYPE_CHECKING',
      'import numpy as np',
      'import pandas as pd',
      'from PIL import Image',
      'import yaml',
      'import huggingface_hub',
      'import spaces',
      'import tokenizers, safetensors, regex',
      'import cv2',
      'import clip',
      'import xyz_runtime',
      'import google.generativeai as genai',
      'import google.colab_like_unknown',
      'from . import sibling',
      'from mylib.models import Net',
      'import helpers',
      'import fastcore_ext',
      'try:',
      '    import flash_attn',
      'except ImportError:',
      '    flash_attn = None',
      'try:',
      '    import orjson_fast',
      'except ImportError:',
      '    import simplejson_fallback',
      'if TYPE_CHECKING:',
      '    import pandas_stubs_pkg',
      'if __name__ == "__main__":',
      '    import socket',
      'os.system("pip install xyz-runtime")',
      '',
      'def late():',
      '    import polars',
      '    return polars',
    ].join('\n');
    const requirements = 'transformers>=4.40\nopencv-python-headless==4.10.0.84\nPyYAML\ngit+https://github.com/openai/CLIP.git\ngoogle-generativeai\n';
    const files = space(head, requirements, {
      'mylib/__init__.py': '',
      'mylib/models.py': 'import numpy\n',
      'helpers.py': 'import json\n',
      'sibling.py': '',
      'vendor/fastcore_ext.cpython-310-x86_64-linux-gnu.so': 'binary',
    });
    expect(await lintFiles(files, { only })).toEqual([]);
  });

  it('checks Docker Spaces only when the Dockerfile installs requirements.txt and nothing else', async () => {
    const base = { 'README.md': readme('sdk: docker\napp_port: 7860'), 'app.py': 'import cv2\nimport numpy\n', 'requirements.txt': 'numpy\n' };
    const only_requirements =
      'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --upgrade pip && pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';
    const [d] = await lintFiles({ ...base, Dockerfile: only_requirements }, { only });
    expect(d).toMatchObject({ level: 'error', file: 'app.py', message: expect.stringContaining('the Dockerfile (it installs only requirements.txt)') });
    // Gradio is not preinstalled in a Docker Space.
    const gradio = await lintFiles({ ...base, 'app.py': 'import gradio\n', Dockerfile: only_requirements }, { only });
    expect(gradio.map((x) => x.message.slice(0, 10))).toEqual(['`gradio` i']);
    const more = only_requirements.replace('-r requirements.txt', '-r requirements.txt opencv-python-headless');
    expect(await lintFiles({ ...base, Dockerfile: more }, { only })).toEqual([]);
    const conda = only_requirements.replace('FROM python:3.11-slim', 'FROM pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime');
    expect(await lintFiles({ ...base, Dockerfile: conda }, { only })).toEqual([]);
    const separate = only_requirements.replace('CMD', 'RUN pip install opencv-python\nCMD');
    expect(await lintFiles({ ...base, Dockerfile: separate }, { only })).toEqual([]);
    const atStart = only_requirements.replace('CMD ["python", "app.py"]', 'CMD pip install opencv-python-headless && python app.py');
    expect(await lintFiles({ ...base, Dockerfile: atStart }, { only })).toEqual([]);
    const script = only_requirements.replace('CMD', 'RUN bash scripts/setup.sh\nCMD');
    expect(await lintFiles({ ...base, Dockerfile: script, 'scripts/setup.sh': 'pip install opencv-python\n' }, { only })).toEqual([]);
  });

  it('stays silent for static Spaces and Spaces without an SDK', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: static'), 'app.py': 'import cv2\n' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('title: x'), 'app.py': 'import cv2\n' }, { only })).toEqual([]);
  });
});

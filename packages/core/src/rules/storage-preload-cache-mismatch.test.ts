import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'storage-preload-cache-mismatch';
const PRELOAD_DOCKER = readme('sdk: docker\npreload_from_hub:\n  - coqui/XTTS-v1\n  - stabilityai/sdxl-turbo unet/config.json');
const PRELOAD_GRADIO = readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\npreload_from_hub:\n  - stabilityai/sdxl-turbo');
const CMD = 'COPY . .\nCMD ["python", "app.py"]\n';

describe(only, () => {
  it('reports ENV HF_HOME with preload_from_hub, with a suggestion that removes it', async () => {
    const dockerfile = `FROM python:3.12\nENV HF_HOME=/data/.huggingface\n${CMD}`;
    const [d, ...rest] = await lintFiles({ 'README.md': PRELOAD_DOCKER, Dockerfile: dockerfile }, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', file: 'Dockerfile', line: 2, message: expect.stringContaining('`HF_HOME=/data/.huggingface` moves the Hugging Face cache') });
    expect(applyFixes(dockerfile, [d.suggestions![0].fix]).output).toBe(`FROM python:3.12\n${CMD}`);
    const hub = await lintFiles({ 'README.md': PRELOAD_DOCKER, Dockerfile: `FROM python:3.12\nENV HF_HUB_CACHE=/cache/hub LANG=C.UTF-8\n${CMD}` }, { only });
    expect(hub.map((x) => [x.line, x.suggestions])).toEqual([[2, undefined]]); // other variables on the line: no removal
  });

  it('reports Python cache overrides and cache_dir=/local_dir= on preloaded repos', async () => {
    const app = [
      'import os',
      'os.environ["HF_HOME"] = "/tmp/hf"',
      'from diffusers import AutoPipelineForText2Image',
      'MODEL = "stabilityai/sdxl-turbo"',
      'pipe = AutoPipelineForText2Image.from_pretrained(MODEL, cache_dir="/tmp/models")',
      'other = AutoPipelineForText2Image.from_pretrained("org/not-preloaded", cache_dir="/tmp/models")',
      '',
    ].join('\n');
    const found = await lintFiles({ 'README.md': PRELOAD_GRADIO, 'app.py': app }, { only });
    expect(found.map((d) => [d.line, d.message.slice(0, 30)])).toEqual([
      [2, '`HF_HOME=/tmp/hf` moves the Hu'],
      [5, '`cache_dir="/tmp/models"` make'],
    ]);
    expect(applyFixes(app, [found[0].suggestions![0].fix]).output).not.toContain('HF_HOME');
    expect(applyFixes(app, [found[1].suggestions![0].fix]).output).toContain('from_pretrained(MODEL)\n');
    const local = 'from huggingface_hub import snapshot_download\nsnapshot_download("stabilityai/sdxl-turbo", local_dir="weights")\n';
    expect((await lintFiles({ 'README.md': PRELOAD_GRADIO, 'app.py': local }, { only }))[0].message).toContain('Remove `local_dir=`');
  });

  it('stays silent without preload_from_hub, with the default cache, or without overrides', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: `FROM python:3.12\nENV HF_HOME=/data/.huggingface\n${CMD}` }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': PRELOAD_DOCKER, Dockerfile: `FROM python:3.12\nENV HF_HOME=/home/user/.cache/huggingface\n${CMD}` }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': PRELOAD_DOCKER, Dockerfile: `FROM python:3.12\nENV HF_HUB_CACHE=$HOME/.cache/huggingface/hub/\n${CMD}` }, { only })).toEqual([]);
    const app = 'from diffusers import AutoPipelineForText2Image\npipe = AutoPipelineForText2Image.from_pretrained("stabilityai/sdxl-turbo")\n';
    expect(await lintFiles({ 'README.md': PRELOAD_GRADIO, 'app.py': app }, { only })).toEqual([]);
    // A Dockerfile in a Gradio Space is not what runs.
    expect(await lintFiles({ 'README.md': PRELOAD_GRADIO, 'app.py': app, Dockerfile: 'FROM x\nENV HF_HOME=/data\n' }, { only })).toEqual([]);
  });
});

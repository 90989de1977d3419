import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'storage-hf-home-not-persistent';
const GRADIO = readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py');
const DOCKER = readme('sdk: docker');
const gradio = (app: string, files: Record<string, string> = {}, front = GRADIO) => ({ 'README.md': front, 'app.py': app, ...files });
const PYTHON_CMD = 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n';
const USES_DATA = 'import sqlite3\nfrom transformers import pipeline\n\ndb = sqlite3.connect("/data/history.sqlite")\nclassifier = pipeline("sentiment-analysis")\n';

describe(only, () => {
  it('warns when the app keeps data in /data but the HF cache stays in the container, with a suggestion', async () => {
    const [d, ...rest] = await lintFiles(gradio(USES_DATA), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', file: 'app.py', line: 2, message: expect.stringContaining('(`"/data/history.sqlite"` in app.py:4)') });
    expect(d.message).toContain('at its default `~/.cache/huggingface`');
    expect(d.message).toContain('If it is a Storage Bucket instead');
    const fixed = applyFixes(USES_DATA, [d.suggestions![0].fix]).output;
    expect(fixed.startsWith('import os\nos.environ["HF_HOME"] = "/data/.huggingface"\nimport sqlite3\n')).toBe(true);
    expect(await lintFiles(gradio(fixed), { only })).toEqual([]);
  });

  it('is triggered by suggested_storage and by /data in Dockerfile ENV/WORKDIR/CMD', async () => {
    const storage = await lintFiles(gradio('from diffusers import DiffusionPipeline\n', {}, readme('sdk: gradio\napp_file: app.py\nsuggested_storage: small')), { only });
    expect(storage.map((d) => d.message.includes('`suggested_storage` is set'))).toEqual([true]);
    const docker = 'FROM python:3.12\nENV DB_PATH=/data/app.db\nCOPY . .\nCMD ["python", "app.py"]\n';
    const [d] = await lintFiles({ 'README.md': DOCKER, Dockerfile: docker, 'app.py': 'import os\nfrom huggingface_hub import hf_hub_download\n' }, { only });
    expect(d).toMatchObject({ file: 'Dockerfile', line: 1, message: expect.stringContaining('`ENV DB_PATH=/data/app.db` in the Dockerfile') });
    expect(applyFixes(docker, [d.suggestions![0].fix]).output).toBe('FROM python:3.12\nENV HF_HOME=/data/.huggingface\nENV DB_PATH=/data/app.db\nCOPY . .\nCMD ["python", "app.py"]\n');
  });

  it('is satisfied by ENV HF_HOME (both forms), HF_HUB_CACHE and Python writes before the imports', async () => {
    const docker = (env: string) => ({ 'README.md': DOCKER, Dockerfile: `FROM python:3.12\n${env}\nCOPY . .\nCMD ["python", "app.py"]\n`, 'app.py': USES_DATA });
    expect(await lintFiles(docker('ENV HF_HOME=/data/.huggingface'), { only })).toEqual([]);
    expect(await lintFiles(docker('ENV HF_HOME /data/.huggingface'), { only })).toEqual([]);
    expect(await lintFiles(docker('ENV HF_HUB_CACHE=/data/hub'), { only })).toEqual([]);
    const writes = [
      'import os\nos.environ["HF_HOME"] = "/data/.huggingface"\n',
      'from os import environ\nenviron.update(HF_HOME="/data/.huggingface")\n',
      'import os as _os\n_os.putenv("HF_HOME", "/data/.huggingface")\n',
    ];
    for (const w of writes) expect(await lintFiles(gradio(w + USES_DATA), { only }), w).toEqual([]);
    // HF_HOME set elsewhere than /data is named in the message.
    const [d] = await lintFiles(docker('ENV HF_HOME=/home/user/.cache/huggingface'), { only });
    expect(d).toMatchObject({ line: 2, message: expect.stringContaining('`HF_HOME=/home/user/.cache/huggingface`') });
  });

  it('reports a write after the Hugging Face import (too late), with a suggestion that moves it up', async () => {
    const app = 'from transformers import pipeline\nimport os\nos.environ["HF_HOME"] = "/data/.huggingface"  # too late\nDB = "/data/history.sqlite"\n';
    const [d, ...rest] = await lintFiles(gradio(app), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 3, message: expect.stringContaining('`HF_HOME` is set after `transformers` is imported (line 1)') });
    const fixed = applyFixes(app, [d.suggestions![0].fix]).output;
    expect(fixed).toBe('import os\nos.environ["HF_HOME"] = "/data/.huggingface"  # too late\nfrom transformers import pipeline\nimport os\nDB = "/data/history.sqlite"\n');
    expect(await lintFiles(gradio(fixed), { only })).toEqual([]);
    // Too late is reported whatever the rest of the Space does.
    expect(await lintFiles(gradio('import datasets\nimport os\nos.environ.setdefault("HF_HUB_CACHE", "/tmp/hub")\n'), { only })).toHaveLength(1);
  });

  it('stays silent on the recommended setdefault idiom at the top of app.py', async () => {
    const app = `import os\nos.environ.setdefault("HF_HOME", "/data/.huggingface")\n${USES_DATA}`;
    expect(await lintFiles(gradio(app), { only })).toEqual([]);
  });

  it('stays silent on the traps: ./data, offline scripts, no HF library, preload_from_hub, Docker Spaces without app.py', async () => {
    expect(await lintFiles(gradio(USES_DATA.replace('/data/history.sqlite', './data/history.sqlite')), { only })).toEqual([]);
    const offline = 'from huggingface_hub import snapshot_download\nsnapshot_download("org/m", local_dir="/data/models")\n';
    expect(await lintFiles(gradio('from transformers import pipeline\n', { 'scripts/prepare.py': offline }), { only })).toEqual([]);
    expect(await lintFiles(gradio('import sqlite3\ndb = sqlite3.connect("/data/history.sqlite")\n'), { only })).toEqual([]);
    expect(await lintFiles(gradio(USES_DATA, {}, readme('sdk: gradio\napp_file: app.py\npreload_from_hub:\n  - org/model')), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': DOCKER, Dockerfile: 'FROM node:20\nWORKDIR /data\nCMD ["node", "server.js"]\n', 'server.js': 'x' }, { only })).toEqual([]);
    // HF_HOME computed or set in a function: unknown, silent.
    expect(await lintFiles(gradio(`import os\nos.environ["HF_HOME"] = os.getenv("CACHE", "/tmp")\n${USES_DATA}`), { only })).toEqual([]);
  });

  it('follows local modules the app imports', async () => {
    const found = await lintFiles(gradio('from transformers import pipeline\nimport storage\n', { 'storage.py': 'import sqlite3\nDB = sqlite3.connect("/data/x.db")\n' }), { only });
    expect(found.map((d) => d.message.includes('in storage.py:2'))).toEqual([true]);
  });

  it('with data: bucket, warns when the cache points into /data instead', async () => {
    const config = { rules: { [only]: ['warning', { data: 'bucket' }] as ['warning', Record<string, unknown>] } };
    const app = `import os\nos.environ["HF_HOME"] = "/data/.huggingface"\nfrom huggingface_hub import snapshot_download\nsnapshot_download("org/m", local_dir="/data/m")\n`;
    const found = await lintFiles(gradio(app), { only, config });
    expect(found.map((d) => [d.line, d.message.slice(0, 40)])).toEqual([
      [2, '`HF_HOME=/data/.huggingface` points into'],
      [4, '`snapshot_download(local_dir="/data/m")`'],
    ]);
    expect(await lintFiles(gradio(USES_DATA), { only, config })).toEqual([]);
    const disk = await lintFiles(gradio(USES_DATA), { only, config: { rules: { [only]: ['warning', { data: 'disk' }] } } });
    expect(disk[0].message).not.toContain('Storage Bucket');
  });

  it('uses the Docker entry file as the app (Docker Spaces)', async () => {
    const files = { 'README.md': DOCKER, Dockerfile: PYTHON_CMD.replace('"app.py"', '"/home/user/app/server.py"'), 'server.py': USES_DATA };
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ file: 'Dockerfile', message: expect.stringContaining('in server.py:4') });
  });
});

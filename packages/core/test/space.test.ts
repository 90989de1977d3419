import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSpaceRoot } from '../src/node/space-root.js';
import { initParsers } from '../src/parse/python.js';
import { snapshotFromEntries } from '../src/space/files.js';
import { ParseCache } from '../src/space/parse-cache.js';
import { Space } from '../src/space/space.js';
import { readme } from './lint-files.js';

const space = async (files: Record<string, string>) => {
  await initParsers();
  return new Space(snapshotFromEntries(files));
};

describe('Space facts (R0)', () => {
  it('finds the app file and the local modules it imports, transitively', async () => {
    const s = await space({
      'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'),
      'app.py': 'import gradio as gr\nfrom utils.model import load\nimport helpers\n',
      'helpers.py': 'from . import deep\n',
      'deep.py': '',
      'utils/__init__.py': '',
      'utils/model.py': 'import torch\n',
      'scripts/offline.py': 'import helpers\n',
    });
    expect(s.facts.appFile).toBe('app.py');
    expect(s.facts.appModules.sort()).toEqual(['app.py', 'deep.py', 'helpers.py', 'utils/model.py']);
    expect(s.facts.gradioVersion).toEqual({ version: '5.49.1', major: 5, source: 'sdk_version' });
  });

  it('reads the Gradio version from requirements or the Dockerfile when sdk_version does not apply', async () => {
    const fromReq = await space({ 'README.md': readme('sdk: docker'), 'requirements.txt': 'gradio[oauth]==4.44.1\n' });
    expect(fromReq.facts.gradioVersion).toMatchObject({ major: 4, source: 'requirements' });
    const fromDocker = await space({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\nRUN pip install gradio==3.50.2\n' });
    expect(fromDocker.facts.gradioVersion).toMatchObject({ major: 3, source: 'dockerfile' });
    const unknown = await space({ 'README.md': readme('sdk: docker') });
    expect(unknown.facts.gradioVersion.source).toBe('unknown');
  });

  it('takes HF_HOME from the Dockerfile and the Docker app entry from CMD', async () => {
    const s = await space({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\nENV HF_HOME=/data/.huggingface\nCMD ["uvicorn", "server.main:app"]\n', 'server/main.py': 'import x\n' });
    expect(s.facts.hfHome).toEqual({ value: '/data/.huggingface', source: 'dockerfile', name: 'HF_HOME' });
    expect(s.facts.appModules).toEqual(['server/main.py']);
  });

  it('takes the Docker app modules from what the start command runs', async () => {
    const files = (cmd: string, extra: Record<string, string> = {}) => ({
      'README.md': readme('sdk: docker'),
      Dockerfile: `FROM python:3.11\nWORKDIR /src\nCOPY . .\n${cmd}\n`,
      'server.py': 'import gradio as gr\nimport model\n',
      'model.py': '',
      'setup.py': '',
      ...extra,
    });
    const modules = async (cmd: string, extra?: Record<string, string>) => (await space(files(cmd, extra))).facts.appModules.sort();
    expect(await modules('CMD ["python", "-m", "server"]')).toEqual(['model.py', 'server.py']);
    expect(await modules('CMD python /src/server.py')).toEqual(['model.py', 'server.py']);
    expect(await modules('CMD ["python3", "-u", "server.py"]')).toEqual(['model.py', 'server.py']);
    expect(await modules('CMD ["sh", "-c", "python setup.py && exec python -m server"]')).toEqual(['model.py', 'server.py', 'setup.py']);
    expect(await modules('CMD ["./start.sh"]', { 'start.sh': '#!/bin/sh\nexec python /src/server.py --port 7860\n' })).toEqual(['model.py', 'server.py']);
    expect(await modules('CMD ["gunicorn", "-b", "0.0.0.0:7860", "server:app"]')).toEqual(['model.py', 'server.py']);
    expect(await modules('CMD ["accelerate", "launch", "server.py"]')).toEqual(['model.py', 'server.py']);
    // Nothing the Space holds: no app modules.
    expect(await modules('CMD ["python", "-m", "http.server", "7860"]')).toEqual([]);
    expect(await modules('CMD ["node", "server.js"]')).toEqual([]);
    // No Dockerfile: empty Docker facts, nothing to guard against.
    const none = await space({ 'README.md': readme('sdk: docker'), 'server.py': '' });
    expect([none.docker.dockerfile, none.docker.instructions, none.docker.env.size, none.docker.runtime.pythonEntries, none.facts.appModules]).toEqual([undefined, [], 0, [], []]);
    expect(none.docker.use('requirements.txt')).toBe('none');
    const s = await space(files('CMD ["python", "-m", "server"]'));
    expect(s.docker).toBe(s.docker);
    expect(s.docker.runtime).toBe(s.docker.runtime);
    expect(s.docker.runtime.pythonEntries).toEqual(['server.py']);
    expect(s.appModules.map((m) => m.path).sort()).toEqual(['model.py', 'server.py']);
  });

  it('ZeroGPU is confirmed by the hardware key', async () => {
    const s = await space({ 'README.md': readme('sdk: gradio\nsuggested_hardware: zero-a10g'), 'app.py': '' });
    expect(s.facts.zeroGpu).toBe('confirmed');
  });

  it('reuses the parses of unchanged files from a ParseCache, and parses a changed file again', async () => {
    await initParsers();
    const parses = new ParseCache();
    const files = { 'README.md': readme('sdk: gradio'), 'app.py': 'import os\n', 'requirements.txt': 'torch\n', Dockerfile: 'FROM x\n' };
    const first = new Space({ ...snapshotFromEntries(files), parses });
    const app = first.python('app.py');
    const req = first.requirements();
    const again = new Space({ ...snapshotFromEntries(files), parses });
    expect(again.python('app.py')).toBe(app);
    expect(again.requirements()).toBe(req);
    const edited = new Space({ ...snapshotFromEntries({ ...files, 'app.py': 'import sys\n' }), parses });
    expect(edited.python('app.py')).not.toBe(app);
    expect(edited.python('app.py')?.imports.map((i) => i.module)).toEqual(['sys']);
    expect(edited.requirements()).toBe(req);
    // Without a cache, each Space parses for itself.
    expect(new Space(snapshotFromEntries(files)).python('app.py')).not.toBe(app);
  });

  it('parses each file at most once', async () => {
    const s = await space({ 'README.md': readme('sdk: gradio'), 'app.py': 'import os\n' });
    expect(s.python('app.py')).toBe(s.python('app.py'));
    expect(s.readme).toBe(s.readme);
  });
});

describe('findSpaceRoot', () => {
  it('walks up from a file to the nearest README with sdk front matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spacelint-root-'));
    mkdirSync(join(dir, 'space/src'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# repo readme, no front matter\n');
    writeFileSync(join(dir, 'space/README.md'), '---\ntitle: x\nsdk: gradio\n---\n');
    writeFileSync(join(dir, 'space/src/app.py'), '');
    expect(findSpaceRoot(join(dir, 'space/src/app.py'), { walk: true })).toBe(join(dir, 'space'));
    expect(findSpaceRoot(join(dir, 'space/src'))).toBe(join(dir, 'space/src'));
    expect(findSpaceRoot(join(dir, 'nope'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'deps-files-ignored-for-sdk';
const docker = (dockerfile: string, extra: Record<string, string> = { 'requirements.txt': 'fastapi\n' }) => ({
  'README.md': readme('sdk: docker\napp_port: 7860'),
  Dockerfile: dockerfile,
  'app.py': 'print(1)\n',
  ...extra,
});

describe(only, () => {
  it('warns when a Docker Space never installs its requirements, suggesting install lines', async () => {
    const files = docker('FROM python:3.12\nCOPY app.py .\nCMD ["python", "app.py"]\n', { 'requirements.txt': 'fastapi\n', 'packages.txt': 'ffmpeg\n' });
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.file, d.line, d.level])).toEqual([
      ['Dockerfile', 1, 'warning'],
      ['Dockerfile', 1, 'warning'],
    ]);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('never installs `packages.txt`'), expect.stringContaining('never installs `requirements.txt`')]);
    const fixed = applyFixes(files.Dockerfile, [found[1].suggestions![0].fix]).output;
    expect(fixed).toBe('FROM python:3.12\nCOPY requirements.txt /tmp/requirements.txt\nRUN pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY app.py .\nCMD ["python", "app.py"]\n');
  });

  it('warns when the file is only copied', async () => {
    const [d] = await lintFiles(docker('FROM python:3.12\nWORKDIR /app\nCOPY --from=builder /out /out\nCOPY app.py .\nCOPY . .\nCMD ["python", "app.py"]\n'), { only });
    expect(d).toMatchObject({ level: 'warning', line: 5, message: expect.stringContaining('copies `requirements.txt` but never installs it') });
  });

  it('stays silent when the Dockerfile installs the files itself', async () => {
    const installs = [
      'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      'FROM python:3.12\nCOPY --chown=user ./requirements.txt requirements.txt\nRUN pip install --no-cache-dir --upgrade -r requirements.txt\n',
      'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12\nCOPY requirements.txt /tmp/reqs.txt\nRUN pip install -r /tmp/reqs.txt\n',
      'FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n',
      'FROM python:3.12\nRUN uv pip install --system -r requirements.txt\n',
      'FROM python:3.12\nCOPY . .\nCMD pip install -r requirements.txt && python app.py\n',
    ];
    for (const dockerfile of installs) expect(await lintFiles(docker(dockerfile), { only }), dockerfile).toEqual([]);
    const script = docker('FROM python:3.12\nCOPY . .\nRUN ./setup.sh\n', { 'requirements.txt': 'x\n', 'setup.sh': 'pip install -r requirements.txt\n' });
    expect(await lintFiles(script, { only })).toEqual([]);
    const apt = docker('FROM python:3.12\nCOPY packages.txt .\nRUN apt-get update && xargs -r -a packages.txt apt-get install -y\n', { 'packages.txt': 'ffmpeg\n' });
    expect(await lintFiles(apt, { only })).toEqual([]);
  });

  it('does not count a file name that only appears in a comment or a longer name', async () => {
    const [d] = await lintFiles(docker('FROM python:3.12\n# requirements.txt is installed below (it is not)\nRUN pip install -r dev-requirements.txt\n'), { only });
    expect(d.message).toContain('never installs `requirements.txt`');
  });

  it('gives an info for dependency files in a static Space', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: static'), 'index.html': 'x', 'requirements.txt': 'numpy\n' }, { only });
    expect(d).toMatchObject({ level: 'info', file: 'requirements.txt', line: 1 });
  });

  it('suggests pre-requirements.txt for pip itself in a Gradio Space', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': GRADIO_APP, 'requirements.txt': 'pip==24.0\ntorch\n' }, { only });
    expect(d).toMatchObject({ level: 'info', line: 1, message: expect.stringContaining('pre-requirements.txt') });
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': GRADIO_APP, 'requirements.txt': 'torch\n' }, { only })).toEqual([]);
  });
});

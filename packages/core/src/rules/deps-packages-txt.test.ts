import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-packages-txt';
const GRADIO_README = readme('sdk: gradio\nsdk_version: "5.49.1"');
const space = (packages: string, extra: Record<string, string> = {}) => ({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'packages.txt': packages, ...extra });

describe(only, () => {
  it('libgl1-mesa-glx is an error (the build fails on it), autofixed to libgl1', async () => {
    const files = space('ffmpeg\nlibgl1-mesa-glx\n');
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'packages.txt', line: 2, message: expect.stringContaining('has no installation candidate') });
    expect((await fixFiles(files))['packages.txt']).toBe('ffmpeg\nlibgl1\n');
  });

  it('removes libgl1-mesa-glx instead when libgl1 is already listed', async () => {
    expect((await fixFiles(space('libgl1\nlibgl1-mesa-glx\nffmpeg\n')))['packages.txt']).toBe('libgl1\nffmpeg\n');
  });

  it('reports shell commands, suggesting the bare package names', async () => {
    const [d] = await lintFiles(space('apt-get install -y ffmpeg libsm6\n'), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('is a shell command') });
    expect(d.suggestions?.[0].fix.text).toBe('ffmpeg\nlibsm6');
    const [chain] = await lintFiles(space('ffmpeg && rm -rf /var/lib/apt/lists/*\n'), { only });
    expect(chain.message).toContain('shell command');
    const [pip] = await lintFiles(space('pip install torch\n'), { only });
    expect(pip.message).toContain('is a pip command');
  });

  it('reports Python packages and pip syntax', async () => {
    const found = await lintFiles(space('opencv-python==4.10.0.84\ntorch\nlibsm6\nhuggingface_hub\n'), { only });
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [1, 'error'],
      [2, 'error'],
      [4, 'error'],
    ]);
    expect(found[0].message).toContain('Put it in requirements.txt');
  });

  it('reports comments, which apt receives as package names', async () => {
    const found = await lintFiles(space('# audio\nffmpeg  # for pydub\n'), { only });
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [1, 'error'],
      [2, 'error'],
    ]);
    expect(found[1].suggestions?.[0].fix).toEqual({ range: [14, 27], text: '' });
  });

  it('reports invalid names, with a lowercase suggestion', async () => {
    const [d] = await lintFiles(space('FFmpeg\n'), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('did you mean `ffmpeg`') });
  });

  it('removes duplicates and converts CRLF with autofixes', async () => {
    const files = space('ffmpeg\r\nlibsm6\r\nffmpeg\r\n');
    const found = await lintFiles(files, { only });
    expect(found.map((d) => d.level).sort()).toEqual(['info', 'warning']);
    expect((await fixFiles(files))['packages.txt']).toBe('ffmpeg\nlibsm6\n');
  });

  it('suggests the headless OpenCV wheel when packages.txt lacks libGL', async () => {
    const [d] = await lintFiles({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': 'numpy\nopencv-python>=4.8\n' }, { only });
    expect(d).toMatchObject({ level: 'info', file: 'requirements.txt', line: 2, message: expect.stringContaining('opencv-python-headless') });
    expect(d.suggestions?.[0].fix.text).toBe('opencv-python-headless');
    expect(await lintFiles(space('libgl1\n', { 'requirements.txt': 'opencv-python\n' }), { only })).toEqual([]);
    expect(await lintFiles(space('python3-opencv\n', { 'requirements.txt': 'opencv-python\n' }), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': 'opencv-python-headless\n' }, { only })).toEqual([]);
  });

  it('stays silent on plain package names', async () => {
    expect(await lintFiles(space('ffmpeg\nlibgl1\nlibsm6\nlibxext6 cmake\nlibfoo=1.2-3\napt-transport-https\npython3-dev\n\n'), { only })).toEqual([]);
  });

  it('checks packages.txt in a Docker Space only when the Dockerfile installs it', async () => {
    const readmeDocker = readme('sdk: docker');
    const ignored = { 'README.md': readmeDocker, Dockerfile: 'FROM python:3.12\n', 'packages.txt': 'libgl1-mesa-glx\n' };
    expect(await lintFiles(ignored, { only })).toEqual([]);
    const used = { ...ignored, Dockerfile: 'FROM python:3.12\nCOPY packages.txt .\nRUN apt-get update && xargs -a packages.txt apt-get install -y\n' };
    // The Dockerfile picks the base image (Ubuntu 22.04 and Debian bookworm still have it): a warning there.
    const [d, ...rest] = await lintFiles(used, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('if the Dockerfile') });
    expect((await fixFiles(used))['packages.txt']).toBe('libgl1\n');
  });
});

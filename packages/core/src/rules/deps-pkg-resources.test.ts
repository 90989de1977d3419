import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'deps-pkg-resources';
const space = (requirements: string, app = 'import gradio\n') => ({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': app, 'requirements.txt': requirements });

describe(only, () => {
  it('reports the known offenders with a setuptools<81 suggestion', async () => {
    const text = 'torch\nopenai-whisper==20231117\ndeepspeed==0.15.4';
    const found = await lintFiles(space(text), { only });
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(found[0].message).toContain("No module named 'pkg_resources'");
    expect(applyFixes(text, [found[0].suggestions![0].fix]).output).toBe(`${text}\nsetuptools<81\n`);
  });

  it('reports module-level import pkg_resources in the app', async () => {
    const [d] = await lintFiles(space('numpy\n', 'import pkg_resources\nimport gradio\nfrom pkg_resources import parse_version\n'), { only });
    expect(d).toMatchObject({ level: 'error', line: 1, message: expect.stringContaining('importlib.metadata') });
  });

  it('stays silent with a setuptools<81 pin, on other releases, and on optional imports', async () => {
    expect(await lintFiles(space('openai-whisper==20231117\nsetuptools<81\n', 'import pkg_resources\n'), { only })).toEqual([]);
    expect(await lintFiles(space('openai-whisper==20250625\ndeepspeed==0.16.0\nopenai-whisper>=20231117\n'), { only })).toEqual([]);
    expect(await lintFiles(space('numpy\n', 'try:\n    import pkg_resources\nexcept ImportError:\n    pkg_resources = None\ndef v():\n    import pkg_resources\n'), { only })).toEqual([]);
  });
});

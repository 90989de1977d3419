import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-requirements-file-name';
const space = (files: Record<string, string>, sdk = 'gradio') => ({ 'README.md': readme(`sdk: ${sdk}\nsdk_version: "5.49.1"`), 'app.py': 'import gradio\n', ...files });

describe(only, () => {
  it('reports misspelt root requirement files', async () => {
    for (const name of ['Requirements.txt', 'requirement.txt', 'requirements.text', 'requirements-txt', 'REQUIREMENTS.TXT', 'requirements.txt.txt']) {
      const found = await lintFiles(space({ [name]: 'torch\n' }), { only });
      expect(
        found.map((d) => [d.file, d.level]),
        name,
      ).toEqual([[name, 'error']]);
      expect(found[0].message).toContain('Rename it to `requirements.txt`');
    }
  });

  it('reports a requirements.txt that is only in a subfolder (the shallowest)', async () => {
    const [d, ...rest] = await lintFiles(space({ 'src/deep/requirements.txt': 'x\n', 'src/requirements.txt': 'torch\n' }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'src/requirements.txt', message: expect.stringContaining('Move it to the root') });
  });

  it('stays silent with a root requirements.txt, without any, in Docker and static Spaces', async () => {
    expect(await lintFiles(space({ 'requirements.txt': 'torch\n', 'Requirements.txt': 'x\n', 'docs/requirements.txt': 'sphinx\n' }), { only })).toEqual([]);
    expect(await lintFiles(space({}), { only })).toEqual([]);
    expect(await lintFiles(space({ 'requirement.txt': 'x\n', 'server/requirements.txt': 'y\n' }, 'docker'), { only })).toEqual([]);
    expect(await lintFiles(space({ 'requirement.txt': 'x\n' }, 'static'), { only })).toEqual([]);
    expect(await lintFiles(space({ 'requirements-dev.txt': 'pytest\n', '.venv/lib/requirements.txt': 'x\n' }), { only })).toEqual([]);
  });
});

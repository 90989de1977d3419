import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-local-path';
const space = (requirements: string, sdk = 'gradio') => ({ 'README.md': readme(`sdk: ${sdk}\nsdk_version: "5.49.1"`), 'app.py': 'import gradio\n', 'requirements.txt': requirements });

describe(only, () => {
  it('reports editable and local path requirements', async () => {
    const found = await lintFiles(space('torch\n-e .\n.\n./pkg\n../lib/x\nfile:///home/user/app/dist/x.whl\nmylib @ file:///tmp/mylib\n-e ./sub\n'), { only });
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
    ]);
    expect(found[0].message).toContain('before the repository is copied');
  });

  it('stays silent on packages, URLs, git and includes, and in Docker Spaces', async () => {
    expect(
      await lintFiles(space('torch\n-r extra.txt\ngit+https://github.com/org/x.git\nhttps://x.org/pkg-1.0-py3-none-any.whl\n-e git+https://github.com/org/y.git#egg=y\n', 'gradio'), { only }),
    ).toEqual([]);
    expect(await lintFiles(space('-e .\n', 'docker'), { only })).toEqual([]);
  });
});

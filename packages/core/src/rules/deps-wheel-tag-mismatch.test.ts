import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-wheel-tag-mismatch';
const FA = (tags: string) => `https://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+${tags}-linux_x86_64.whl`;
const space = (requirements: string, python?: string) => ({
  'README.md': readme(`sdk: gradio\nsdk_version: "5.49.1"${python ? `\npython_version: "${python}"` : ''}`),
  'app.py': 'import gradio\n',
  'requirements.txt': requirements,
});

describe(only, () => {
  it("reports a cp tag other than the Space's Python, default 3.10", async () => {
    const [d] = await lintFiles(space(`torch==2.8.0\n${FA('cu12torch2.8cxx11abiTRUE-cp311-cp311')}\n`), { only });
    expect(d).toMatchObject({ level: 'error', line: 2, message: expect.stringContaining('Python 3.11 (`cp311`), but the Space runs Python 3.10 (the default') });
    const [e] = await lintFiles(space(`${FA('cu12torch2.8cxx11abiTRUE-cp310-cp310')}\n`, '3.12'), { only });
    expect(e.message).toContain('Use the `cp312` wheel');
  });

  it('reports a torch tag that disagrees with the torch pin', async () => {
    const [d] = await lintFiles(space(`torch==2.8.0\n${FA('cu12torch2.4cxx11abiFALSE-cp310-cp310')}\n`), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('built against torch 2.4 (`torch2.4`)') });
  });

  it('stays silent on matching wheels, abi3 and py3 wheels, unpinned torch, sdists and Docker', async () => {
    const ok = [
      `torch==2.8.0\n${FA('cu12torch2.8cxx11abiTRUE-cp310-cp310')}`,
      `torch\n${FA('cu12torch2.4cxx11abiFALSE-cp310-cp310')}`,
      'https://example.org/tokenizers-0.20.0-cp39-abi3-manylinux_2_17_x86_64.whl',
      'https://example.org/pkg-1.0-py3-none-any.whl',
      'https://example.org/pkg-1.0.tar.gz',
    ];
    for (const text of ok) expect(await lintFiles(space(`${text}\n`), { only }), text).toEqual([]);
    expect(await lintFiles({ ...space(`${FA('cu12torch2.8cxx11abiTRUE-cp311-cp311')}\n`), 'README.md': readme('sdk: docker') }, { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { GRADIO_APP, GRADIO_README, lintFiles } from '../../test/lint-files.js';

const only = 'parse-error';
const base = { 'README.md': GRADIO_README, 'app.py': GRADIO_APP };

describe(only, () => {
  it('fires once per Python file that does not parse, at the error', async () => {
    const found = await lintFiles({ ...base, 'broken.py': 'x = 1\ndef f(:\n    pass\n' }, { only });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'broken.py', line: 2, level: 'error' });
  });

  it('fires on a requirements line pip cannot read', async () => {
    const [d] = await lintFiles({ ...base, 'requirements.txt': 'torch==2.8.0\ngradio=>4\n' }, { only });
    expect(d).toMatchObject({ file: 'requirements.txt', line: 2 });
  });

  it('fires on an unknown Dockerfile instruction', async () => {
    const [d] = await lintFiles({ ...base, Dockerfile: 'FROM python:3.12\nRUNN pip install x\n' }, { only });
    expect(d).toMatchObject({ file: 'Dockerfile', line: 2 });
    expect(d.message).toContain('RUNN');
  });

  it('fires on parsed files that are binary or not UTF-8, not on images', async () => {
    const found = await lintFiles({ ...base, 'model.py': new Uint8Array([0, 0, 1]), 'logo.png': new Uint8Array([0, 1]), 'latin.py': new Uint8Array([0xe9, 0x0a]) }, { only });
    expect(found.map((d) => d.file)).toEqual(['latin.py', 'model.py']);
  });

  it('stays silent on valid files, including modern syntax and options in requirements', async () => {
    const py = 'match x:\n    case [a, *rest]:\n        pass\nwith (open("a") as f, open("b") as g):\n    pass\ndef g():\n    yield\nasync def h():\n    return 24.\n';
    const req =
      '-r base.txt\n--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.8.0 ; python_version >= "3.10"\ngit+https://github.com/huggingface/diffusers.git\nmypkg @ https://example.com/mypkg-1.0.whl\nnumpy>=1.26,<2  # pinned\n';
    const docker = '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN apt-get update && \\\n    apt-get install -y git\nCMD ["python", "app.py"]\n';
    expect(await lintFiles({ ...base, 'modern.py': py, 'requirements.txt': req, 'base.txt': '', Dockerfile: docker }, { only })).toEqual([]);
  });
});

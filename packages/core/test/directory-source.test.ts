/** DirectorySource: what a Space on disk becomes in memory (pinned before its reads were made synchronous). */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectorySource } from '../src/node/directory-source.js';
import { MAX_TEXT_BYTES } from '../src/space/files.js';

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-source-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('DirectorySource', () => {
  it('lists every file in path order, reads text candidates, and skips tool folders', async () => {
    const dir = tree({
      'README.md': '\uFEFF---\nsdk: gradio\n---\n',
      'app.py': 'print(1)\n',
      'src/model.py': 'x = 1\n',
      'weights.bin': new Uint8Array([0, 1, 2]),
      'logo.png': new Uint8Array([0x89, 0x50]),
      '.git/config': '[core]\n',
      'node_modules/x/index.js': 'x',
      '__pycache__/app.cpython-312.pyc': 'x',
      'sub/.venv/lib.py': 'x',
    });
    const { root, files, truncated } = await new DirectorySource(dir).snapshot();
    expect(root).toBe(dir);
    expect(truncated).toBeUndefined();
    expect([...files.keys()]).toEqual(['README.md', 'app.py', 'logo.png', 'src/model.py', 'weights.bin']);
    expect(files.get('README.md')).toEqual({ path: 'README.md', size: 23, text: '---\nsdk: gradio\n---\n', bom: true });
    expect(files.get('src/model.py')).toEqual({ path: 'src/model.py', size: 6, text: 'x = 1\n', bom: false });
    expect(files.get('weights.bin')).toEqual({ path: 'weights.bin', size: 3 });
  });

  it('reports binary, non-UTF-8 and too-large text files instead of their text', async () => {
    const dir = tree({
      'bin.py': new Uint8Array([0x78, 0, 0x79]),
      'latin1.py': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'big.py': new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x23),
      'limit.py': new Uint8Array(MAX_TEXT_BYTES).fill(0x23),
    });
    const { files } = await new DirectorySource(dir).snapshot();
    expect(files.get('bin.py')).toMatchObject({ problem: 'binary', size: 3 });
    expect(files.get('latin1.py')).toMatchObject({ problem: 'non-utf8', size: 4 });
    expect(files.get('big.py')).toMatchObject({ problem: 'too-large', size: MAX_TEXT_BYTES + 1, detail: expect.stringContaining('2.0 MB') });
    expect(files.get('big.py')!.text).toBeUndefined();
    expect(files.get('limit.py')!.text).toHaveLength(MAX_TEXT_BYTES);
  });

  it('follows symlinks inside the Space, never outside, and reports broken ones', async () => {
    const outside = tree({ 'secret.py': 'TOKEN = 1\n' });
    const dir = tree({ 'docs/README.md': '---\nsdk: docker\n---\n', 'lib/a.py': 'a = 1\n' });
    symlinkSync('docs/README.md', join(dir, 'README.md'));
    symlinkSync(join(outside, 'secret.py'), join(dir, 'linked.py'));
    symlinkSync(join(dir, 'nowhere.py'), join(dir, 'broken.py'));
    symlinkSync('lib', join(dir, 'liblink'));
    const { files } = await new DirectorySource(dir).snapshot();
    expect(files.get('README.md')).toMatchObject({ text: '---\nsdk: docker\n---\n' });
    expect(files.get('linked.py')).toEqual({ path: 'linked.py', size: 0, problem: 'outside-space', detail: 'symlink points outside the Space; not followed' });
    expect(files.get('broken.py')).toEqual({ path: 'broken.py', size: 0, problem: 'unreadable', detail: 'broken symlink' });
    expect(files.has('liblink')).toBe(false); // a link to a folder is not listed (nor walked)
    expect([...files.keys()].some((p) => p.includes('secret'))).toBe(false);
  });

  it('applies overrides (an editor buffer) and the ignore predicate', async () => {
    const dir = tree({ 'app.py': 'on disk\n', 'notebooks/a.ipynb': '{}', 'keep.py': 'x\n' });
    const source = new DirectorySource(dir, { overrides: { './app.py': 'in the editor\n', 'new.py': 'unsaved\n' }, ignore: (p) => p.startsWith('notebooks/') });
    const { files } = await source.snapshot();
    expect([...files.keys()]).toEqual(['app.py', 'keep.py', 'new.py']);
    expect(files.get('app.py')!.text).toBe('in the editor\n');
    expect(files.get('new.py')!.text).toBe('unsaved\n');
  });

  it('a missing root rejects', async () => {
    await expect(new DirectorySource(join(tmpdir(), 'spacelint-no-such-dir-xyz')).snapshot()).rejects.toThrow();
  });
});

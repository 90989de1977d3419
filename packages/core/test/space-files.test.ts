/** The one file set: what `spacelint .` lints is what a deploy uploads, and hostile files never hang a read. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectorySource, readSpaceFile } from '../src/node/directory-source.js';
import { readRegularFileSync } from '../src/node/read-file.js';
import { findSpaceRoot } from '../src/node/space-root.js';
import { listSpaceFiles } from '../src/node/space-files.js';
import { fuzzParameters } from './property/runs.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-files-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const fifo = (path: string) => execFileSync('mkfifo', [path]);

describe('listSpaceFiles', () => {
  it('leaves out .git, .env, credential files, caches and .gitignored files, and says why', () => {
    const dir = tree({
      'README.md': '---\nsdk: gradio\n---\n',
      'app.py': 'x = 1\n',
      '.gitignore': '*.log\ndata/\n!keep.log\n',
      'run.log': 'x',
      'keep.log': 'x',
      'data/a.csv': '1',
      '.env': 'HF_TOKEN=x',
      '.envrc': 'export HF_TOKEN=x',
      '.netrc': 'machine huggingface.co password x',
      '.huggingface/token': 'hf_x',
      '.git/config': '[core]',
      '__pycache__/a.pyc': 'x',
    });
    const list = listSpaceFiles(dir);
    expect(list.files.map((f) => f.path)).toEqual(['.gitignore', 'README.md', 'app.py', 'keep.log']);
    const why = Object.fromEntries(list.skipped.map((s) => [s.path, s.reason]));
    expect(why).toMatchObject({
      '.env': 'env-file',
      '.envrc': 'credentials',
      '.netrc': 'credentials',
      '.huggingface/token': 'credentials',
      '.git': 'git',
      'run.log': 'ignored',
      data: 'ignored',
      __pycache__: 'ignored',
    });
    expect(list.skipped.find((s) => s.path === 'run.log')!.detail).toBe('.gitignore: *.log');
  });

  it('the lint sees the same set (DirectorySource)', async () => {
    const dir = tree({ 'app.py': 'x\n', '.gitignore': 'scratch.py\n', 'scratch.py': 'x\n', '.env': 'A=1\n', '.envrc': 'x\n' });
    const { files } = await new DirectorySource(dir).snapshot();
    expect([...files.keys()]).toEqual(listSpaceFiles(dir).files.map((f) => f.path));
    expect([...files.keys()]).toEqual(['.gitignore', 'app.py']);
  });

  it('applies the never-uploaded list and the ignore rules to the target of a symlink', () => {
    const dir = tree({ 'app.py': 'x\n', '.env': 'HF_TOKEN=hf_secret\n', '.git/config': '[remote]\n', '.gitignore': 'private.txt\n', 'private.txt': 'x' });
    symlinkSync('.env', join(dir, 'settings.cfg.txt'));
    symlinkSync('.git/config', join(dir, 'gitconfig'));
    symlinkSync('private.txt', join(dir, 'public.txt'));
    symlinkSync('app.py', join(dir, 'main.py'));
    const list = listSpaceFiles(dir);
    expect(list.files.map((f) => f.path)).toEqual(['.gitignore', 'app.py', 'main.py']);
    const why = Object.fromEntries(list.skipped.map((s) => [s.path, s]));
    expect(why['settings.cfg.txt']).toMatchObject({ reason: 'symlink-to-excluded', detail: expect.stringContaining('.env') });
    expect(why['gitconfig']).toMatchObject({ reason: 'symlink-to-excluded' });
    expect(why['public.txt']).toMatchObject({ reason: 'symlink-to-excluded', detail: expect.stringContaining('.gitignore: private.txt') });
  });

  it('skips FIFOs and links to devices without opening them', async () => {
    const dir = tree({ 'README.md': '---\nsdk: gradio\n---\n' });
    fifo(join(dir, 'pipe.txt'));
    symlinkSync('pipe.txt', join(dir, 'requirements.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.py'));
    const list = listSpaceFiles(dir);
    expect(list.files.map((f) => f.path)).toEqual(['README.md']);
    expect(Object.fromEntries(list.skipped.map((s) => [s.path, s.reason]))).toEqual({ 'pipe.txt': 'special-file', 'requirements.txt': 'special-file', 'zero.py': 'symlink-outside' });
    const { files } = await new DirectorySource(dir).snapshot();
    expect(files.has('requirements.txt')).toBe(false);
  });

  it('generated symlink forests: never a file outside the Space, never an excluded target, never a hang', () => {
    const outside = tree({ 'secret.py': 'TOKEN = 1\n' });
    const targets = ['.env', '.git/config', '.envrc', 'app.py', 'sub', 'sub/x.py', 'nowhere', join(outside, 'secret.py'), '/dev/zero', '/dev/stdin', 'fifo', '.netrc', '../'];
    const entry = fc.tuple(fc.constantFrom('a.txt', 'b.py', 'sub/c.cfg', 'd', 'sub/e'), fc.constantFrom(...targets));
    fc.assert(
      fc.property(fc.uniqueArray(entry, { maxLength: 6, selector: ([name]) => name }), (links) => {
        const dir = tree({ 'app.py': 'x\n', '.env': 'A=1\n', '.git/config': '[core]\n', '.envrc': 'x\n', '.netrc': 'x\n', 'sub/x.py': 'y\n' });
        fifo(join(dir, 'fifo'));
        for (const [name, target] of links) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          symlinkSync(target.startsWith('/') ? target : join(dir, target), join(dir, name));
        }
        const list = listSpaceFiles(dir);
        for (const f of list.files) {
          expect(['app.py', 'sub/x.py'].includes(f.path) || links.some(([n, t]) => n === f.path && (t === 'app.py' || t === 'sub/x.py'))).toBe(true);
        }
      }),
      fuzzParameters(1),
    );
  });
});

describe('reading files that come with a Space', () => {
  it('a folder swapped for a symlink to outside between listing and reading is not read', () => {
    const outside = tree({ 'sub/conf.py': 'SECRET = "outside"\n' });
    const dir = tree({ 'README.md': '---\nsdk: gradio\n---\n', 'sub/conf.py': 'x = 1\n' });
    const list = listSpaceFiles(dir);
    const file = list.files.find((f) => f.path === 'sub/conf.py')!;
    renameSync(join(dir, 'sub'), join(dir, 'old-sub'));
    symlinkSync(join(outside, 'sub'), join(dir, 'sub'));
    expect(readSpaceFile(file.path, file.absPath, file.size, list.realRoot)).toMatchObject({ problem: 'outside-space' });
    expect(readSpaceFile(file.path, file.absPath, file.size, list.realRoot).text).toBeUndefined();
  });

  it('reads regular files only, bounded', () => {
    const dir = tree({ 'a.txt': 'hello' });
    fifo(join(dir, 'fifo'));
    expect(readRegularFileSync(join(dir, 'a.txt'), 10)).toMatchObject({ ok: true, size: 5 });
    expect(readRegularFileSync(join(dir, 'a.txt'), 3)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(new TextDecoder().decode((readRegularFileSync(join(dir, 'a.txt'), 3, { head: true }) as { bytes: Uint8Array }).bytes)).toBe('hel');
    expect(readRegularFileSync(join(dir, 'fifo'), 10)).toMatchObject({ ok: false, reason: 'not-regular' });
    expect(readRegularFileSync('/dev/zero', 10)).toMatchObject({ ok: false, reason: 'not-regular' });
    expect(readRegularFileSync(join(dir, 'missing'), 10)).toMatchObject({ ok: false, code: 'ENOENT' });
  });

  it('finding the Space root never follows README.md to a device or a FIFO', () => {
    for (const target of ['/dev/zero', '/dev/stdin', 'fifo']) {
      const dir = tree({ 'app.py': 'x\n' });
      fifo(join(dir, 'fifo'));
      symlinkSync(target === 'fifo' ? join(dir, 'fifo') : target, join(dir, 'README.md'));
      expect(findSpaceRoot(join(dir, 'app.py'))).not.toBe(dir);
    }
  });
});

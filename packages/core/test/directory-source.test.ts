import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySource } from '../src/node/directory-source.js';

describe('DirectorySource.snapshotSync', () => {
  const outside = mkdtempSync(join(tmpdir(), 'spacelint-outside-'));
  const root = mkdtempSync(join(tmpdir(), 'spacelint-dir-'));
  writeFileSync(join(outside, 'secret.txt'), 'nope');
  writeFileSync(join(root, 'README.md'), '\uFEFF---\nsdk: gradio\n---\n');
  writeFileSync(join(root, 'app.py'), 'print(1)\n');
  writeFileSync(join(root, 'weights.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(root, 'latin1.py'), Buffer.from([0x63, 0xe9, 0x0a]));
  mkdirSync(join(root, 'pkg'));
  writeFileSync(join(root, 'pkg', 'mod.py'), 'x = 1\n');
  mkdirSync(join(root, '.venv'));
  writeFileSync(join(root, '.venv', 'skipped.py'), 'x = 1\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(root, 'app.py'), join(root, 'alias.py'));
  symlinkSync(join(root, 'missing.py'), join(root, 'broken.py'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads the same snapshot as the asynchronous snapshot()', async () => {
    const source = new DirectorySource(root, { overrides: { 'app.py': 'print(2)\n' } });
    const sync = source.snapshotSync();
    expect(sync).toEqual(await source.snapshot());
    expect([...sync.files.keys()]).toEqual(['README.md', 'alias.py', 'app.py', 'broken.py', 'latin1.py', 'leak.txt', 'pkg/mod.py', 'weights.bin']);
    expect(sync.files.get('app.py')?.text).toBe('print(2)\n');
    expect(sync.files.get('alias.py')?.text).toBe('print(1)\n');
    expect(sync.files.get('README.md')).toMatchObject({ bom: true, text: '---\nsdk: gradio\n---\n' });
    expect(sync.files.get('latin1.py')?.problem).toBe('non-utf8');
    expect(sync.files.get('leak.txt')?.problem).toBe('outside-space');
    expect(sync.files.get('broken.py')?.problem).toBe('unreadable');
    expect(sync.files.get('weights.bin')?.text).toBeUndefined();
  });
});

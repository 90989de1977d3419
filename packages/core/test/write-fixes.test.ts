/** writeFixes / writeFileAtomic: what `--fix` does to the disk when the disk does not hold still. */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixes } from '../src/node/write.js';

function space(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-write-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe('writeFixes', () => {
  it('writes the fixed text and keeps the BOM and the mode', async () => {
    const dir = space({ 'README.md': 'old\n' });
    chmodSync(join(dir, 'README.md'), 0o640);
    expect(await writeFixes(dir, new Map([['README.md', { text: 'new\n', bom: true, before: 'old\n' }]]))).toEqual([]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('\uFEFFnew\n');
    expect(lstatSync(join(dir, 'README.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['README.md']);
  });

  it('does not overwrite a file that changed on disk since it was read', async () => {
    const dir = space({ 'README.md': 'edited in the editor meanwhile\n' });
    const failures = await writeFixes(dir, new Map([['README.md', { text: 'fixed\n', bom: false, before: 'as linted\n' }]]));
    expect(failures).toEqual([{ file: 'README.md', message: 'file changed on disk since it was read' }]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('edited in the editor meanwhile\n');
  });

  it('a BOM on disk is not a change', async () => {
    const dir = space({ 'README.md': '\uFEFFas linted\n' });
    expect(await writeFixes(dir, new Map([['README.md', { text: 'fixed\n', bom: true, before: 'as linted\n' }]]))).toEqual([]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('\uFEFFfixed\n');
  });

  it('a vanished file is reported and not re-created', async () => {
    const dir = space({ 'README.md': 'x\n' });
    unlinkSync(join(dir, 'README.md'));
    const failures = await writeFixes(dir, new Map([['README.md', { text: 'fixed\n', bom: false, before: 'x\n' }]]));
    expect(failures).toEqual([{ file: 'README.md', message: 'file vanished before it could be fixed' }]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a read-only file is reported and left as it was', async () => {
    const dir = space({ 'README.md': 'x\n' });
    chmodSync(join(dir, 'README.md'), 0o444);
    const failures = await writeFixes(dir, new Map([['README.md', { text: 'fixed\n', bom: false, before: 'x\n' }]]));
    expect(failures).toEqual([{ file: 'README.md', message: 'file is read-only' }]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('x\n');
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const dir = space({});
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), 'old\n');
    symlinkSync('docs/README.md', join(dir, 'README.md'));
    expect(await writeFixes(dir, new Map([['README.md', { text: 'new\n', bom: false, before: 'old\n' }]]))).toEqual([]);
    expect(lstatSync(join(dir, 'README.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'docs', 'README.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'docs'))).toEqual(['README.md']);
  });
});

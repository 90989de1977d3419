import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathGuard } from '../src/path-guard.js';
import { ToolError } from '../src/tool.js';
import { tempRoot } from './helpers.js';

describe('PathGuard', () => {
  const root = tempRoot();
  const outside = tempRoot('spacelint-outside-');
  mkdirSync(join(root, 'space'));
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'file.txt'), 'x');
  symlinkSync(outside, join(root, 'escape'));
  symlinkSync(join(root, 'other'), join(root, 'inside-link'));
  const guard = new PathGuard([root]);

  it('resolves paths inside the roots, relative to the first root or absolute', async () => {
    expect(await guard.directory('space')).toBe(join(root, 'space'));
    expect(await guard.directory(join(root, 'space'))).toBe(join(root, 'space'));
    expect(await guard.directory('.')).toBe(root);
    expect(await guard.directory('inside-link')).toBe(join(root, 'other'));
  });

  it('refuses paths that leave the roots, through .. or a symlink', async () => {
    await expect(guard.directory('..')).rejects.toThrow(/outside the allowed roots/);
    await expect(guard.directory('space/../../')).rejects.toThrow(/outside the allowed roots/);
    await expect(guard.directory(outside)).rejects.toThrow(/outside the allowed roots/);
    await expect(guard.directory('/etc')).rejects.toThrow(ToolError);
    await expect(guard.directory('escape')).rejects.toThrow(/through a symlink/);
  });

  it('says when a path is missing or not a folder', async () => {
    await expect(guard.directory('missing')).rejects.toThrow(/does not exist/);
    await expect(guard.directory('file.txt')).rejects.toThrow(/is not a directory/);
    await expect(guard.directory('')).rejects.toThrow(/non-empty/);
  });

  it('accepts several roots and refuses a root that does not exist', async () => {
    const two = new PathGuard([root, outside]);
    expect(await two.directory(outside)).toBe(outside);
    expect(() => new PathGuard([join(root, 'nope')])).toThrow(/does not exist/);
  });

  it('confirm refuses a folder swapped since it was resolved; escaping names files that now lead outside', async () => {
    const space = join(root, 'swapped');
    mkdirSync(join(space, 'sub'), { recursive: true });
    writeFileSync(join(space, 'app.py'), 'x');
    writeFileSync(join(outside, 'app.py'), 'x');
    const real = await guard.directory('swapped');
    await expect(guard.confirm(real)).resolves.toBeUndefined();
    expect(await guard.escaping(real, ['app.py', 'sub/app.py'])).toEqual([]);
    const { renameSync } = await import('node:fs');
    renameSync(join(space, 'sub'), join(space, 'sub.real'));
    symlinkSync(outside, join(space, 'sub'));
    expect(await guard.escaping(real, ['app.py', 'sub/app.py'])).toEqual(['sub/app.py']);
    renameSync(space, `${space}.moved`);
    symlinkSync(outside, space);
    await expect(guard.confirm(real)).rejects.toThrow(/changed while it was read/);
  });

  it('newDirectory creates a folder inside the roots and refuses one that leads out', async () => {
    expect(await guard.newDirectory('fresh/space')).toBe(join(root, 'fresh', 'space'));
    await expect(guard.newDirectory('escape/new')).rejects.toThrow(/through a symlink/);
    await expect(guard.newDirectory('../x')).rejects.toThrow(ToolError);
  });
});

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
});

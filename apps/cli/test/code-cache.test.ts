import { isAscii } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

// The program bundle is compiled from V8's code cache (core's requireWithCodeCache): a cache only makes a
// run faster, so every case checks that the output is the same with, without and with a broken cache.
const SPACE = join(REPO, 'examples/bad-gradio-zerogpu');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheFolder(mode = 0o700): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-code-cache-'));
  dirs.push(dir);
  const folder = join(dir, 'cache');
  mkdirSync(folder);
  chmodSync(folder, mode);
  return folder;
}

const caches = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.bin'));

describe('V8 code cache of the program bundle', () => {
  it('the entry compiled at every start stays small: the engine and the parser runtime are in the cached program', () => {
    const entry = readFileSync(join(REPO, 'apps/cli/dist/spacelint.mjs'), 'utf8');
    expect(entry.length).toBeLessThan(64 * 1024);
    expect(entry).not.toContain('TRANSFER_BUFFER'); // web-tree-sitter
    const program = readFileSync(join(REPO, 'apps/cli/dist/spacelint-program.cjs'));
    expect(program.toString('latin1')).toContain('TRANSFER_BUFFER');
    // ASCII, so every start reads it as Latin-1 instead of decoding UTF-8 (a non-ASCII character in a
    // regular expression survives minification: write it as \u escapes).
    expect(isAscii(program)).toBe(true);
  });

  const plain = runCli(['--format', 'json', SPACE], { env: { SPACELINT_CODE_CACHE: '0' } });

  it('is written by the first run and used, unchanged, by the next ones; the findings are the same', () => {
    const folder = cacheFolder();
    const first = runCli(['--format', 'json', SPACE], { env: { SPACELINT_CODE_CACHE: folder } });
    expect(first.status).toBe(1);
    expect(first.stdout).toBe(plain.stdout);
    const [file] = caches(folder);
    expect(file).toMatch(/^v8-[0-9a-f]{16}\.bin$/);
    const written = statSync(join(folder, file));
    expect(written.mode & 0o077).toBe(0);
    const second = runCli(['--format', 'json', SPACE], { env: { SPACELINT_CODE_CACHE: folder } });
    expect(second).toEqual(first);
    // V8 accepted it: a rejected cache is written again at exit.
    expect(statSync(join(folder, file)).mtimeMs).toBe(written.mtimeMs);
    expect(caches(folder)).toEqual([file]);
  });

  it('keeps one cache per use: a one-Space lint (--liftoff-only) and a batch of Spaces are compiled under different V8 flags', () => {
    const folder = cacheFolder();
    const env = { SPACELINT_CODE_CACHE: folder };
    runCli([SPACE], { env });
    const batch = runCli(['--format', 'json', SPACE, join(REPO, 'examples/gradio-zerogpu')], { env });
    expect(caches(folder)).toHaveLength(2);
    const again = runCli(['--format', 'json', SPACE, join(REPO, 'examples/gradio-zerogpu')], { env });
    expect(again).toEqual(batch);
    expect(caches(folder)).toHaveLength(2);
  });

  it('a damaged cache is rejected by V8, the run is unchanged, and a good cache replaces it', () => {
    const folder = cacheFolder();
    const env = { SPACELINT_CODE_CACHE: folder };
    runCli([SPACE], { env });
    const [file] = caches(folder);
    const garbage = Buffer.alloc(statSync(join(folder, file)).size, 0x5a);
    writeFileSync(join(folder, file), garbage);
    const damaged = runCli(['--format', 'json', SPACE], { env });
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.stderr).toBe('');
    expect(readFileSync(join(folder, file)).equals(garbage)).toBe(false);
    // The bundle's copy intact, V8's part damaged: V8 rejects it, and it is written again.
    const good = readFileSync(join(folder, file));
    const bundleBytes = statSync(join(REPO, 'apps/cli/dist/spacelint-program.cjs')).size;
    const v8Damaged = Buffer.concat([good.subarray(0, 8 + bundleBytes), Buffer.alloc(good.length - 8 - bundleBytes, 0x5a)]);
    writeFileSync(join(folder, file), v8Damaged);
    expect(runCli(['--format', 'json', SPACE], { env }).stdout).toBe(plain.stdout);
    expect(readFileSync(join(folder, file)).equals(v8Damaged)).toBe(false);
  });

  it('is used only for the exact bundle it was made from: a rebuilt bundle of the same length never runs the old compiled code', () => {
    const dist = join(cacheFolder(), 'dist');
    cpSync(join(REPO, 'apps/cli/dist'), dist, { recursive: true });
    const folder = cacheFolder();
    const run = () =>
      spawnSync(process.execPath, [join(dist, 'spacelint.mjs'), SPACE], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', SPACELINT_CODE_CACHE: folder },
      });
    expect(run().stdout).toContain('potentially fixable');
    const program = join(dist, 'spacelint-program.cjs');
    const text = readFileSync(program, 'utf8');
    // Same length, same mtime second as far as a coarse clock goes: only the content tells them apart.
    writeFileSync(program, text.replace('potentially fixable with', 'potentially FIXABLE with'));
    expect(readFileSync(program, 'utf8').length).toBe(text.length);
    expect(run().stdout).toContain('potentially FIXABLE with');
    // The cache was made again, from the new bundle, under the same name.
    const [file] = caches(folder);
    expect(caches(folder)).toHaveLength(1);
    expect(readFileSync(join(folder, file)).includes(Buffer.from('potentially FIXABLE with'))).toBe(true);
    expect(run().stdout).toContain('potentially FIXABLE with');
  });

  it('a FIFO in place of the cache is not waited on: the run is unchanged and a cache file replaces it', () => {
    const folder = cacheFolder();
    const env = { SPACELINT_CODE_CACHE: folder };
    runCli([SPACE], { env });
    const [file] = caches(folder);
    rmSync(join(folder, file));
    execFileSync('mkfifo', [join(folder, file)]);
    const r = runCli(['--format', 'json', SPACE], { env });
    expect(r.stdout).toBe(plain.stdout);
    expect(statSync(join(folder, file)).isFile()).toBe(true);
  });

  it('is never read from, nor written to, a folder that others can write (a planted cache would be code)', () => {
    const folder = cacheFolder(0o777);
    const r = runCli(['--format', 'json', SPACE], { env: { SPACELINT_CODE_CACHE: folder } });
    expect(r.stdout).toBe(plain.stdout);
    expect(caches(folder)).toEqual([]);
  });

  it('SPACELINT_CODE_CACHE=0 turns it off; the default folder is $XDG_CACHE_HOME/spacelint', () => {
    const home = cacheFolder();
    runCli([SPACE], { env: { XDG_CACHE_HOME: home, SPACELINT_CODE_CACHE: '0' } });
    expect(readdirSync(home)).toEqual([]);
    runCli([SPACE], { env: { XDG_CACHE_HOME: home } });
    expect(caches(join(home, 'spacelint'))).toHaveLength(1);
    expect(statSync(join(home, 'spacelint')).mode & 0o777).toBe(0o700);
  });

  it('an unusable cache folder (a file in its place) costs nothing but the cache', () => {
    const folder = join(cacheFolder(), 'not-a-folder');
    writeFileSync(folder, 'x');
    const r = runCli(['--format', 'json', SPACE], { env: { SPACELINT_CODE_CACHE: folder } });
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toBe('');
  });
});

/**
 * Files that come with a Space are hostile input (issue 14, items 3, 11, 12): the built CLI never blocks
 * on a device or a FIFO, never writes through a planted symlink, and never "fixes" a Space on the Hub.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempSpace } from './run-cli.js';

const README = '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\n---\n';
const APP = 'import gradio as gr\n\ngr.Interface(fn=str, inputs="text", outputs="text").launch()\n';
const fifo = (path: string) => execFileSync('mkfifo', [path]);

describe('hostile files', { timeout: 60_000 }, () => {
  it.each(['/dev/zero', '/dev/stdin', 'fifo'])('README.md linked to %s: walking up from a file neither hangs nor fills memory', (target) => {
    const dir = tempSpace({ 'app.py': APP });
    fifo(join(dir, 'fifo'));
    symlinkSync(target === 'fifo' ? join(dir, 'fifo') : target, join(dir, 'README.md'));
    const started = Date.now();
    const r = runCli(['-f', 'json', join(dir, 'app.py')]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not inside a Space/);
  });

  it.each(['/dev/zero', 'fifo'])('spacelint-suppressions.json linked to %s is a one-line error, not a hang', (target) => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    fifo(join(dir, 'fifo'));
    symlinkSync(target === 'fifo' ? join(dir, 'fifo') : target, join(dir, 'spacelint-suppressions.json'));
    const started = Date.now();
    const r = runCli(['-f', 'json', dir]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/spacelint-suppressions\.json: not a regular file/);
  });

  it('--cache never writes through a symlink planted under its temp-file name', () => {
    const parent = mkdtempSync(join(tmpdir(), 'spacelint-cache-plant-'));
    const space = join(parent, 'space');
    execFileSync('cp', ['-r', tempSpace({ 'README.md': README, 'app.py': APP }), space]);
    const victim = join(parent, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // Runs inside the CLI process before it starts: plants the link the old code wrote through.
    const plant = `import{symlinkSync}from'node:fs';symlinkSync(${JSON.stringify(victim)},${JSON.stringify(join(parent, '.spacelint-cache'))}+'.'+process.pid+'.tmp');`;
    const r = runCli(['-f', 'json', '--cache', 'space'], { cwd: parent, nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(plant)}`] });
    expect(r.stderr).toBe('');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(JSON.parse(readFileSync(join(parent, '.spacelint-cache'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('--fix on a Space on the Hub is refused with exit 2 and writes nothing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'spacelint-remote-fix-'));
    const r = runCli(['--fix', 'hf://spaces/u/s'], { cwd, env: { HF_ENDPOINT: 'http://127.0.0.1:9' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--fix cannot write to hf:\/\/spaces\/u\/s/);
    expect(existsSync(join(cwd, 'hf:'))).toBe(false);
  });

  it('hostile .gitignore lines (`*a*a*a*a*a*a*b`, `[z-a]`) and 3,000 `ignore:` globs: the lint stays fast and correct', () => {
    const long = `${'a'.repeat(100)}.py`;
    const globs = Array.from({ length: 3000 }, (_, i) => `  - "*a*a*a*a*a*a*${i}b*"`).join('\n');
    const dir = tempSpace({
      'README.md': README,
      'app.py': APP,
      [long]: 'x = 1\n',
      'zebra.py': 'import os\n',
      '.gitignore': '*a*a*a*a*a*a*a*a*a*a*b\n[z-a]*\n**/**/**/**/**/**/**/**/x\n',
      '.spacelint.yaml': `ignore:\n${globs}\n`,
    });
    const started = Date.now();
    const r = runCli(['-f', 'json', dir]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toBe('');
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(dir.length + 1));
    expect(files).toEqual(expect.arrayContaining(['app.py'])); // `[z-a]*` is no error: as in git it matches names starting with z
    expect(r.status).toBeLessThan(2);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, parseJson, runCli } from './run-cli.js';

const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n';

/** A folder of Spaces with different findings: clean ones, warnings, errors, a broken Python file. */
function spacesFolder(count: number): { parent: string; names: string[] } {
  const parent = mkdtempSync(join(tmpdir(), 'spacelint-spaces-'));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `space-${String(i).padStart(2, '0')}`;
    names.push(name);
    const dir = join(parent, name);
    mkdirSync(dir);
    const extra = i % 4 === 1 ? 'app-port: 7860\n' : i % 4 === 2 ? 'app_file: main.py\ncolorFrom: orange\n' : '';
    writeFileSync(join(dir, 'README.md'), `---\ntitle: Space ${i}\nsdk: gradio\nsdk_version: "5.49.1"\n${extra}---\n`);
    writeFileSync(join(dir, 'app.py'), APP);
    writeFileSync(join(dir, 'helpers.py'), i % 4 === 3 ? 'def broken(:\n' : `def helper_${i}(x):\n    return x * ${i}\n`);
  }
  return { parent, names };
}

describe('several Spaces in one run', { timeout: 60_000 }, () => {
  it('lints them on worker threads with the same report as a sequential run, in the order given', () => {
    const { parent, names } = spacesFolder(8);
    for (const format of ['json', 'stylish', 'sarif', 'github']) {
      const sequential = runCli(['-f', format, '--concurrency', 'off', ...names], { cwd: parent, env: { SPACELINT_DEBUG: '1' } });
      const parallel = runCli(['-f', format, '--concurrency', '3', ...names], { cwd: parent, env: { SPACELINT_DEBUG: '1' } });
      expect(sequential.stderr).toContain('8 Spaces on the main thread');
      expect(parallel.stderr).toContain('8 Spaces on 3 threads');
      expect(parallel.status).toBe(1);
      expect(parallel.stdout, format).toBe(sequential.stdout);
      expect(parallel.status).toBe(sequential.status);
    }
    const json = parseJson(runCli(['-f', 'json', ...names], { cwd: parent }).stdout);
    const files = json.map((f) => f.filePath.slice(parent.length + 1));
    expect(files).toEqual(['space-01/README.md', 'space-02/README.md', 'space-03/helpers.py', 'space-05/README.md', 'space-06/README.md', 'space-07/helpers.py']);
    const reversed = parseJson(runCli(['-f', 'json', ...[...names].reverse()], { cwd: parent }).stdout).map((f) => f.filePath.slice(parent.length + 1));
    expect(reversed).toEqual(['space-07/helpers.py', 'space-06/README.md', 'space-05/README.md', 'space-03/helpers.py', 'space-02/README.md', 'space-01/README.md']);
  });

  it('stylish ends with a summary per Space', () => {
    const { parent, names } = spacesFolder(4);
    const r = runCli(names, { cwd: parent });
    const summary = r.stdout.slice(r.stdout.indexOf('4 Spaces:'));
    expect(summary.split('\n').slice(0, 5)).toEqual(['4 Spaces:', '  ✔ space-00  no problems', '  ⚠ space-01  1 warning', '  ✖ space-02  1 error, 1 warning', '  ✖ space-03  1 error']);
    expect(r.stdout).toMatch(/✖ 4 problems \(2 errors, 2 warnings\)/);
  });

  it('a configuration error in one Space is a usage error naming it, from a worker too', () => {
    const { parent, names } = spacesFolder(3);
    writeFileSync(join(parent, names[1], '.spacelint.yaml'), 'rules:\n  no-such-rule: off\n');
    const r = runCli(['--concurrency', '2', ...names], { cwd: parent });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('.spacelint.yaml');
    expect(r.stderr).toContain('no-such-rule');
  });

  it('rejects a bad --concurrency', () => {
    expect(runCli(['--concurrency', '0', '.']).status).toBe(2);
    expect(runCli(['--concurrency', 'many', '.']).stderr).toContain('--concurrency');
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)(`shows a progress line on a terminal only${hasScript ? '' : ' (skipped: util-linux `script` is not installed)'}`, () => {
    const { parent, names } = spacesFolder(4);
    // `script` gives the CLI a terminal; a 0 ms threshold stands in for a run longer than a second.
    const command = [process.execPath, CLI, '--concurrency', '2', ...names].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: parent,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TERM: 'xterm', SPACELINT_PROGRESS_AFTER_MS: '0' },
    });
    expect(tty.stdout).toMatch(/spacelint: [0-4]\/4 Spaces linted/);
    expect(tty.stdout).toContain('\r\u001b[2K');
    const piped = runCli(['--concurrency', '2', ...names], { cwd: parent, env: { SPACELINT_PROGRESS_AFTER_MS: '0' } });
    expect(piped.stderr).toBe('');
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, tempSpace } from './run-cli.js';

const README = '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp-port: 7860\n---\n';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=str, inputs="text", outputs="text")\ndemo.queue(max_size=4)\ndemo.launch()\n';
const TOKEN = `hf_${'ZyXwVuTsRqPoNmLkJiHgFeDcBa98765432'}`;

function debugLine(stderr: string): string {
  return stderr.split('\n').find((l) => l.includes('; cache:')) ?? stderr;
}

/** A copy of the built CLI without the parser's WebAssembly: it can only answer from the cache. */
function cliWithoutParser(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-noparser-'));
  cpSync(join(CLI, '..'), dir, { recursive: true });
  rmSync(join(dir, 'tree-sitter-python.wasm'));
  rmSync(join(dir, 'web-tree-sitter.wasm'));
  return join(dir, 'spacelint.mjs');
}

describe('--cache', { timeout: 60_000 }, () => {
  it('reuses the findings of unchanged Spaces without loading the parser, and re-lints a changed Space', () => {
    const parent = mkdtempSync(join(tmpdir(), 'spacelint-cache-'));
    const a = join(parent, 'a');
    const b = join(parent, 'b');
    cpSync(tempSpace({ 'README.md': README, 'app.py': APP }), a, { recursive: true });
    cpSync(tempSpace({ 'README.md': README.replace('app-port: 7860\n', ''), 'app.py': APP, 'util.py': 'x = 1\n' }), b, { recursive: true });
    const env = { SPACELINT_DEBUG: '1' };
    const first = runCli(['-f', 'json', '--cache', 'a', 'b'], { cwd: parent, env });
    expect(debugLine(first.stderr)).toContain('cache: 0 unchanged, 2 linted');
    expect(existsSync(join(parent, '.spacelint-cache'))).toBe(true);
    const second = runCli(['-f', 'json', '--cache', 'a', 'b'], { cwd: parent, env });
    expect(debugLine(second.stderr)).toContain('cache: 2 unchanged, 0 linted');
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(first.status);

    // Proof that nothing is parsed on a hit: a CLI without its WebAssembly still answers from the cache...
    const blind = cliWithoutParser();
    const cached = spawnSync(process.execPath, [blind, '-f', 'json', '--cache', 'a', 'b'], { cwd: parent, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
    expect(cached.stderr).toBe('');
    expect(cached.stdout).toBe(first.stdout);
    // ...and fails once a file changes (its Space must be parsed again).
    writeFileSync(join(b, 'util.py'), 'def f(:\n');
    const changed = spawnSync(process.execPath, [blind, '--cache', 'a', 'b'], { cwd: parent, encoding: 'utf8' });
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain('tree-sitter');

    const relinted = runCli(['-f', 'json', '--cache', 'a', 'b'], { cwd: parent, env });
    expect(debugLine(relinted.stderr)).toContain('cache: 1 unchanged, 1 linted');
    expect(relinted.stdout).toContain('parse-error');
    expect(relinted.stdout).toBe(runCli(['-f', 'json', 'a', 'b'], { cwd: parent }).stdout);
  });

  it('is keyed by the Space config, --config and --rule', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    const env = { SPACELINT_DEBUG: '1' };
    const cacheArgs = ['--cache-location', join(dir, '..', `${dir.split('/').pop()}.cache`)];
    expect(runCli([...cacheArgs, dir], { env }).stdout).toContain('config-unknown-key');
    expect(debugLine(runCli([...cacheArgs, dir], { env }).stderr)).toContain('1 unchanged');
    const off = runCli([...cacheArgs, '--rule', 'config-unknown-key=off', dir], { env });
    expect(debugLine(off.stderr)).toContain('0 unchanged');
    expect(off.stdout).toBe('');
    writeFileSync(join(dir, '.spacelint.yaml'), 'rules:\n  config-unknown-key: error\n');
    const stricter = runCli([...cacheArgs, dir], { env });
    expect(debugLine(stricter.stderr)).toContain('0 unchanged');
    expect(stricter.status).toBe(1);
  });

  it('--cache-location takes a file or a folder; the cache file in a Space is not linted', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    const folder = mkdtempSync(join(tmpdir(), 'spacelint-cachedir-'));
    runCli(['--cache-location', folder, dir]);
    expect(existsSync(join(folder, '.spacelint-cache'))).toBe(true);
    runCli(['--cache-location', join(folder, 'custom.json'), dir]);
    expect(existsSync(join(folder, 'custom.json'))).toBe(true);
    // Default location: the working directory, here the Space root.
    runCli(['--cache', '.'], { cwd: dir });
    const again = runCli(['--cache', '-f', 'json', '.'], { cwd: dir, env: { SPACELINT_DEBUG: '1' } });
    expect(debugLine(again.stderr)).toContain('1 unchanged');
    expect(again.stdout).not.toContain('.spacelint-cache');
  });

  it('a corrupt cache is ignored and rewritten; secrets are never written to it', () => {
    const dir = tempSpace({ 'README.md': `---\nsdk: docker\n${TOKEN}: 1\n---\n`, Dockerfile: 'FROM x\n' });
    const file = join(dir, '..', `${dir.split('/').pop()}-corrupt.cache`);
    writeFileSync(file, '{"version":1,"spaces":');
    const r = runCli(['--cache-location', file, '-f', 'json', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('config-unknown-key');
    const stored = readFileSync(file, 'utf8');
    expect(JSON.parse(stored).version).toBe(1);
    expect(stored).toContain('hf_Zy********');
    expect(stored).not.toContain(TOKEN);
    expect(runCli(['--cache-location', file, '-f', 'json', dir]).stdout).toBe(r.stdout);
  });

  it('--fix does not use the cache', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    runCli(['--cache', '.'], { cwd: dir });
    runCli(['--cache', '--fix', '.'], { cwd: dir });
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('app_port: 7860');
    const after = runCli(['--cache', '-f', 'json', '.'], { cwd: dir, env: { SPACELINT_DEBUG: '1' } });
    expect(debugLine(after.stderr)).toContain('0 unchanged');
    expect(after.stdout).not.toContain('config-unknown-key');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './run-cli.js';

const CLI_DIR = join(REPO, 'apps/cli');

/** PATH and HOME only: no npm_config_* from a parent `npm test`, no registry settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}

describe('install smoke test', () => {
  it('npm pack, install the tarball offline into an empty folder, run it on an example Space', { timeout: 180_000 }, () => {
    const pkg = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { version: string; dependencies?: object; optionalDependencies?: object; peerDependencies?: object };
    // The bundle is self-contained: nothing for npm to fetch when it is installed.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});

    const work = mkdtempSync(join(tmpdir(), 'spacelint-install-'));
    try {
      const cache = join(work, 'npm-cache'); // empty: an install that needed a download would fail offline
      const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work, '--cache', cache], { cwd: CLI_DIR, env: cleanEnv(), encoding: 'utf8' });
      expect(packed.status, packed.stderr).toBe(0);
      const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      const files = info.files.map((f) => f.path).sort();
      expect(files).toContain('dist/spacelint.mjs');
      expect(files).toContain('dist/tree-sitter-python.wasm');
      expect(files).toContain('dist/web-tree-sitter.wasm');
      expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && !/^(README|LICENSE)/i.test(f))).toEqual([]);

      const app = join(work, 'app');
      const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', cache, '--prefix', app, join(work, info.filename)], {
        cwd: work,
        env: cleanEnv(),
        encoding: 'utf8',
      });
      expect(install.status, install.stderr).toBe(0);
      expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['spacelint']);
      const bin = join(app, 'node_modules/.bin/spacelint');
      expect(existsSync(bin)).toBe(true);

      const version = spawnSync(bin, ['--version'], { env: cleanEnv(), encoding: 'utf8' });
      expect(version.stdout.trim()).toBe(pkg.version);
      const bad = spawnSync(bin, ['-f', 'json', join(EXAMPLES, 'bad-gradio-zerogpu')], { cwd: work, env: cleanEnv(), encoding: 'utf8' });
      expect(bad.status, bad.stderr).toBe(1);
      const results = JSON.parse(bad.stdout) as { messages: { ruleId: string }[] }[];
      expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('config-app-file-missing');
      // The Python parser (WebAssembly next to the bundle) loads from the installed package.
      const clean = spawnSync(bin, [join(EXAMPLES, 'gradio-zerogpu')], { cwd: work, env: cleanEnv(), encoding: 'utf8' });
      expect(clean).toMatchObject({ status: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

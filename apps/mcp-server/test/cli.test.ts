import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, ensureBuilt, serverEnv, startHttpServer, tempRoot } from './helpers.js';

/** The `spacelint-mcp` command itself: help, version, usage errors (exit 2), and its URL line. */
describe('spacelint-mcp command', () => {
  beforeAll(() => ensureBuilt());
  const run = (args: string[]) => spawnSync(process.execPath, [BUNDLE, ...args], { env: serverEnv(), encoding: 'utf8', input: '' });

  it('prints help and version on stdout', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: spacelint-mcp/);
    expect(help.stdout).toContain('--read-only');
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 with a clear message on a usage error or a missing root', () => {
    const bad = run(['--tools', 'everything']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--tools takes lint, observe, deploy/);
    expect(bad.stdout).toBe('');
    const missing = run(['--root', join(tempRoot(), 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--root .* does not exist/);
  });

  it('prints the URL of --port 0 on stderr even when logging only errors', async () => {
    const server = await startHttpServer(['--log-level', 'error', '--root', tempRoot()], serverEnv());
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    } finally {
      await server.stop();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { parseFrontMatter } from '@spacelint/core';
import { APP_DIR, ensureBuilt } from './harness.js';

const CLI = new URL('../../cli/dist/spacelint.mjs', import.meta.url).pathname;
// Made at run time: this file is part of the Space, and deploy refuses files that hold the token itself.
const TOKEN = `hf_${randomBytes(16).toString('hex')}`;
const run = promisify(execFile);

describe('the playground is a static Space', () => {
  let fake: FakeHub;
  beforeAll(async () => {
    ensureBuilt();
    fake = await createFakeHub({ tokens: { [TOKEN]: { user: 'spacelint', role: 'write', orgs: [] } } });
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
  });

  it('has a Spaces README for a built static Space whose app_file is the build output', () => {
    const front = parseFrontMatter(readFileSync(join(APP_DIR, 'README.md'), 'utf8'));
    expect(front.found).toBe(true);
    expect(front.frontMatter.data).toMatchObject({ sdk: 'static', app_build_command: 'npm run build', app_file: 'dist/index.html' });
    const pkg = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/^vite build/);
    // The file app_file names is what the build writes.
    expect(readFileSync(join(APP_DIR, 'dist/index.html'), 'utf8')).toContain('<title>spacelint playground</title>');
  });

  it('lints with zero findings with the spacelint CLI (build output present)', () => {
    const out = execFileSync(process.execPath, [CLI, APP_DIR, '--format', 'json'], { encoding: 'utf8' });
    // Exit 0 (execFileSync throws otherwise) and no message on any file.
    const results = JSON.parse(out) as { messages: unknown[] }[];
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });

  it('deploys to the (fake) Hub with `spacelint deploy`: lint clean, sources uploaded, build output and node_modules left out', async () => {
    // Asynchronously: the fake Hub answers from this process.
    const { stdout: out } = await run(process.execPath, [CLI, 'deploy', APP_DIR, '--to', 'spacelint/playground', '--format', 'json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HF_ENDPOINT: fake.url, HF_TOKEN: TOKEN },
    });
    expect(out).not.toContain(TOKEN);
    const result = JSON.parse(out) as { space: string; created: boolean; counts: Record<string, number>; uploaded: string[] };
    expect(result).toMatchObject({ space: 'spacelint/playground', created: true, counts: { error: 0, warning: 0, info: 0 } });
    expect(result.uploaded).toEqual(expect.arrayContaining(['README.md', 'package.json', 'index.html', 'vite.config.ts', 'src/main.ts']));
    expect(result.uploaded.filter((p) => p.startsWith('dist/') || p.includes('node_modules/'))).toEqual([]);
    const space = fake.space('spacelint/playground')!;
    expect(space.sdk).toBe('static');
    // The fake Hub's build accepts a built static Space (app_build_command, package.json) as the Hub does.
    expect(space.stage).toBe('RUNNING');
  });
});

import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, parseJson, runCliAsync as runCli, tempSpace } from './run-cli.js';

const TOKEN = 'hf_cliTestCanaryToken0123456789abcdefXYZ';
let fake: FakeHub;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await createFakeHub({ tokens: { [TOKEN]: { user: 'alice', role: 'write' } } });
  env = { HF_ENDPOINT: fake.url, HF_TOKEN: TOKEN };
});
afterAll(async () => {
  await fake?.close();
});

const noLeak = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout).not.toContain(TOKEN);
  expect(r.stderr).not.toContain(TOKEN);
};

describe('spacelint hf://spaces/owner/name', () => {
  it('lints a Space on the Hub without cloning it, with hf:// file paths', async () => {
    fake.seedSpace('alice/bad', { 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 8000\n---\n', Dockerfile: 'FROM python:3.12\n' });
    const r = await runCli(['-f', 'json', 'hf://spaces/alice/bad'], { env });
    noLeak(r);
    const results = parseJson(r.stdout);
    expect(results.map((f) => f.filePath)).toContain('hf://spaces/alice/bad/README.md');
    expect(results.flatMap((f) => f.messages).some((m) => m.ruleId === 'config-unknown-key')).toBe(true);
  });

  it('a missing Space is a one-line error with exit 2', async () => {
    const r = await runCli(['hf://spaces/alice/nope'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noLeak(r);
  });
});

describe('spacelint deploy', () => {
  it('refuses a Space with error-level findings and uploads nothing', async () => {
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n', 'app.py': 'print(1)\n' });
    const r = await runCli(['deploy', dir, '--to', 'alice/refused'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not deployed');
    expect(r.stdout).toContain('config-app-file-missing');
    expect(fake.space('alice/refused')).toBeUndefined();
    noLeak(r);
  });

  it('deploys a clean example as one commit and prints the Space URL; --force uploads despite errors', async () => {
    const r = await runCli(['deploy', join(EXAMPLES, 'docker-fastapi'), '--to', 'alice/api'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('/spaces/alice/api');
    const state = fake.space('alice/api');
    expect([...state!.files.keys()].filter((f) => f !== '.gitattributes').sort()).toEqual(['Dockerfile', 'README.md', 'app.py', 'requirements.txt']);
    noLeak(r);
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n', 'app.py': 'print(1)\n', '.env': `HF_TOKEN=${TOKEN}\n` });
    const forced = await runCli(['deploy', dir, '--to', 'alice/forced', '--force', '--format', 'json'], { env });
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ forced: true, created: true });
    expect([...fake.space('alice/forced')!.files.keys()]).not.toContain('.env');
    noLeak(forced);
  });

  it('a bad token is a clear error that never echoes the token', async () => {
    const bad = 'hf_wrongTokenCanary9876543210zyxwvutsrq';
    const r = await runCli(['deploy', join(EXAMPLES, 'static-site'), '--to', 'alice/site'], { env: { ...env, HF_TOKEN: bad } });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(bad);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('spacelint doctor', () => {
  it('explains a build that fails on libgl1-mesa-glx, citing the rule', async () => {
    fake.seedSpace(
      'alice/broken',
      {
        'README.md': '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
        'app.py': 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n',
        'packages.txt': 'libgl1-mesa-glx\n',
      },
      {
        runtime: { stage: 'BUILD_ERROR' },
        buildLogs: ['E: Package \'libgl1-mesa-glx\' has no installation candidate'],
      },
    );
    const r = await runCli(['doctor', 'alice/broken', '--no-color'], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('BUILD_ERROR');
    expect(r.stdout).toContain('deps-packages-txt');
    noLeak(r);
  }, 30_000);
});

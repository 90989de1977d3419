import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
        buildLogs: ["E: Package 'libgl1-mesa-glx' has no installation candidate"],
      },
    );
    const r = await runCli(['doctor', 'alice/broken', '--no-color'], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('BUILD_ERROR');
    expect(r.stdout).toContain('deps-packages-txt');
    noLeak(r);
  }, 30_000);
});

const GRADIO_SPACE = { 'README.md': '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\n---\n', 'app.py': 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n' };

describe('spacelint deploy: the file set, plans and no-op deploys', () => {
  it('never uploads .env or .git content through symlinks (settings.cfg.txt → .env, gitconfig → .git/config)', async () => {
    const dir = tempSpace({ ...GRADIO_SPACE, '.env': 'SECRET_VALUE=abc\n', '.git/config': '[remote "origin"]\n', '.envrc': 'export A=1\n' });
    symlinkSync('.env', join(dir, 'settings.cfg.txt'));
    symlinkSync('.git/config', join(dir, 'gitconfig'));
    const r = await runCli(['deploy', dir, '--to', 'alice/links', '--format', 'json'], { env });
    expect(r.status).toBe(0);
    expect([...fake.space('alice/links')!.files.keys()].sort()).toEqual(['.gitattributes', 'README.md', 'app.py']);
    noLeak(r);
  });

  it('a second deploy of the same folder makes no commit and says "up to date"', async () => {
    const dir = tempSpace(GRADIO_SPACE);
    expect((await runCli(['deploy', dir, '--to', 'alice/same'], { env })).status).toBe(0);
    const commits = fake.space('alice/same')!.commits.length;
    const again = await runCli(['deploy', dir, '--to', 'alice/same'], { env });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('alice/same is up to date');
    expect(fake.space('alice/same')!.commits).toHaveLength(commits);
  });

  it('--dry-run lists what would be uploaded, left out (and why) and deleted; nothing changes', async () => {
    fake.seedSpace('alice/plan', { ...GRADIO_SPACE, 'old.py': 'x = 1\n' });
    const dir = tempSpace({ ...GRADIO_SPACE, 'new.py': 'y = 1\n', '.env': 'A=1\n', '.gitignore': '*.log\n', 'debug.log': 'x' });
    const before = fake.space('alice/plan')!.commits.length;
    const r = await runCli(['deploy', dir, '--to', 'alice/plan', '--dry-run', '--delete-removed', '--no-color'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Dry run: nothing was created, uploaded or deleted');
    expect(r.stdout).toMatch(/Would upload 4 files:\n {2}\.gitignore\n {2}README\.md\n {2}app\.py\n {2}new\.py/);
    expect(r.stdout).toMatch(/Would delete 1 file on the Space:\n {2}old\.py/);
    expect(r.stdout).toMatch(/\.env {2}\.env files are never uploaded; use Space secrets/);
    expect(r.stdout).toMatch(/debug\.log {2}\.gitignore: \*\.log/);
    expect(fake.space('alice/plan')!.commits).toHaveLength(before);
    const json = JSON.parse((await runCli(['deploy', dir, '--to', 'alice/plan', '--dry-run', '-f', 'json'], { env })).stdout);
    expect(json).toMatchObject({ dryRun: true, commit: null, deleted: [] });
  });

  it('the refusal says how to go on once', async () => {
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n', 'app.py': 'print(1)\n' });
    const r = await runCli(['deploy', dir, '--to', 'alice/refused-once'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr.match(/fix them/gi)).toHaveLength(1);
    expect(r.stderr).toMatch(/Fix them, or use --force\.\n$/);
    expect(r.stderr).not.toContain('deploy with force');
  });

  it('without HF_TOKEN it uses the token `hf auth login` saved ($HOME/.cache/huggingface/token, then HF_HOME, HF_TOKEN_PATH)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'spacelint-home-'));
    mkdirSync(join(home, '.cache', 'huggingface'), { recursive: true });
    writeFileSync(join(home, '.cache', 'huggingface', 'token'), `${TOKEN}\n`);
    const dir = tempSpace(GRADIO_SPACE);
    const r = await runCli(['deploy', dir, '--to', 'alice/saved-token'], { env: { HF_ENDPOINT: fake.url, HOME: home } });
    expect(r.status).toBe(0);
    expect(fake.space('alice/saved-token')).toBeDefined();
    noLeak(r);
    const hfHome = mkdtempSync(join(tmpdir(), 'spacelint-hfhome-'));
    writeFileSync(join(hfHome, 'token'), 'hf_wrongSavedTokenCanary0123456789abcd\n');
    const wrong = await runCli(['deploy', dir, '--to', 'alice/saved-token'], { env: { HF_ENDPOINT: fake.url, HOME: home, HF_HOME: hfHome } });
    expect(wrong.status).toBe(2); // HF_HOME wins over ~/.cache/huggingface
    const path = join(hfHome, 'elsewhere');
    writeFileSync(path, TOKEN);
    expect((await runCli(['deploy', dir, '--to', 'alice/saved-token'], { env: { HF_ENDPOINT: fake.url, HOME: home, HF_HOME: hfHome, HF_TOKEN_PATH: path } })).status).toBe(0);
  });

  it('with no token anywhere, the error says how to get one in CLI words', async () => {
    const home = mkdtempSync(join(tmpdir(), 'spacelint-home-'));
    const r = await runCli(['deploy', tempSpace(GRADIO_SPACE), '--to', 'alice/no-token'], { env: { HF_ENDPOINT: fake.url, HOME: home } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('hf auth login');
    expect(r.stderr).not.toContain('pass `token`');
  });
});

describe('spacelint doctor: logs', () => {
  it('says in every format when a log could not be read, and why', async () => {
    fake.seedSpace('alice/quiet', GRADIO_SPACE, { runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Exit code: 1. Reason: crashed' } });
    fake.inject({ path: '/api/spaces/alice/quiet/logs/run', status: 403, times: Infinity });
    try {
      const r = await runCli(['doctor', 'alice/quiet', '--no-color'], { env });
      expect(r.stdout).toMatch(/run log not read: .*403/);
      const json = JSON.parse((await runCli(['doctor', 'alice/quiet', '-f', 'json'], { env })).stdout);
      expect(json.logs.unavailable.run).toMatch(/403/);
      expect(json.summary).toMatch(/The run log could not be read/);
    } finally {
      fake.inject({ reset: true });
    }
  }, 30_000);

  it('a Space that logs more than once a second does not hang doctor', async () => {
    fake.seedSpace('alice/chatty', GRADIO_SPACE, { runtime: { stage: 'RUNNING' }, runLogs: ['start'], runLogEveryMs: 50 });
    const started = Date.now();
    const r = await runCli(['doctor', 'alice/chatty', '--no-color'], { env });
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(r.stdout).toContain('alice/chatty');
  }, 40_000);

  it('names no internal wording, and shows a cause once', async () => {
    fake.seedSpace('alice/oom', GRADIO_SPACE, {
      runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Exit code: 137. Reason: Memory limit exceeded (16Gi)' },
      runLogs: ['Exit code: 137. Reason: Memory limit exceeded (16Gi)'],
    });
    const r = await runCli(['doctor', 'alice/oom', '--no-color'], { env });
    expect(r.stdout).not.toMatch(/banner|`\?` = unknown|summary of another cause|Classify by/);
    expect(r.stdout.match(/Memory limit exceeded \(16Gi\)/g)).toHaveLength(1);
  }, 30_000);

  it('prints every string from the Hub redacted (runtime fields, error bodies cut after redaction)', async () => {
    const other = 'hf_' + 'Q7mZ2xKp9WvR4tLn8BcYd3FgHj6Sa1Ue5Xo';
    fake.seedSpace('alice/echo', GRADIO_SPACE, { runtime: { stage: 'RUNTIME_ERROR', hardware: `t4-small ${other}`, errorMessage: `bad ${other}` } });
    for (const format of ['stylish', 'json']) {
      const r = await runCli(['doctor', 'alice/echo', '-f', format], { env });
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/hf_Q7mZ2x/);
      noLeak(r);
    }
    fake.inject({ path: '/api/spaces/alice/echo*', status: 400, body: `${'x'.repeat(470)} ${other} tail`, times: Infinity });
    try {
      const r = await runCli(['doctor', 'alice/echo'], { env });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/hf_Q7mZ2x/);
      noLeak(r);
    } finally {
      fake.inject({ reset: true });
    }
  }, 40_000);
});

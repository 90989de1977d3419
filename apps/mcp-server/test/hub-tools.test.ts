import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { BROKEN_SPACE, CLEAN_README, connectHttp, connectStdio, serverEnv, startHttpServer, tempRoot, text, writeSpace, type StdioServer } from './helpers.js';

/**
 * The observe and deploy tools against @spacelint/hub's fake Hub on 127.0.0.1, through the built server.
 */

const WRITE = 'hf_fake_write_token_for_mcp_tests';
const READ = 'hf_fake_read_token_for_mcp_tests';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10).launch()\n';

describe('observe and deploy tools against the fake Hub', () => {
  let fake: FakeHub;
  let root: string;
  let server: StdioServer;

  beforeAll(async () => {
    fake = await createFakeHub({ tokens: { [WRITE]: { user: 'user', role: 'write', orgs: ['acme'] }, [READ]: { user: 'user', role: 'read' } } });
    fake.seedSpace(
      'user/failing',
      { 'README.md': CLEAN_README, 'app.py': APP },
      {
        sdk: 'gradio',
        runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Memory limit exceeded (16Gi)' },
        buildLogs: ['Step 1/5 : FROM python:3.10', 'Successfully built image'],
        runLogs: ['Loading model...', 'Memory limit exceeded (16Gi)'],
        secrets: { EXISTING: 'old-secret-value' },
      },
    );
    fake.seedSpace('user/target', { 'README.md': CLEAN_README, 'app.py': APP }, { sdk: 'gradio' });
    root = tempRoot();
    writeSpace(join(root, 'broken'), { ...BROKEN_SPACE, 'README.md': BROKEN_SPACE['README.md'] });
    writeSpace(join(root, 'clean'), { 'README.md': CLEAN_README, 'app.py': APP });
    server = await connectStdio(['--root', root], serverEnv({ HF_TOKEN: WRITE, HF_ENDPOINT: fake.url }));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  const call = (name: string, args: Record<string, unknown>) => server.client.callTool({ name, arguments: args });

  it('space_status returns the runtime', async () => {
    const result = await call('space_status', { space: 'user/failing' });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ space: 'user/failing', runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Memory limit exceeded (16Gi)' } });
    const missing = await call('space_status', { space: 'user/nope' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/not found/);
  });

  it('space_logs returns the last lines of the build and run logs', async () => {
    const run = await call('space_logs', { space: 'user/failing', kind: 'run', lines: 1 });
    expect(run.isError, text(run)).toBeFalsy();
    expect((run.structuredContent as { lines: string[] }).lines).toEqual(['Memory limit exceeded (16Gi)']);
    const build = await call('space_logs', { space: 'user/failing', kind: 'build' });
    expect((build.structuredContent as { lines: string[] }).lines).toContain('Successfully built image');
  });

  it('diagnose_space ties the failure to a known log signature, with its fix', async () => {
    const result = await call('diagnose_space', { space: 'user/failing' });
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { healthy: boolean; causes: { id: string; fix: string; evidence: { text: string } }[] };
    expect(out.healthy).toBe(false);
    const memory = out.causes.find((c) => /memory/i.test(c.id));
    expect(memory, JSON.stringify(out.causes)).toBeDefined();
    expect(memory!.fix.length).toBeGreaterThan(10);
    expect(memory!.evidence.text).toContain('Memory limit exceeded');
    expect(text(result)).toMatch(/Likely causes/);
  });

  it('lint_space lints a Space on the Hub', async () => {
    const result = await call('lint_space', { space: 'user/failing' });
    expect(result.isError, text(result)).toBeFalsy();
    expect((result.structuredContent as { root: string }).root).toBe('hf://spaces/user/failing');
  });

  it('create_space creates a Space once', async () => {
    const result = await call('create_space', { space: 'user/new-space', sdk: 'gradio', private: true });
    expect(result.isError, text(result)).toBeFalsy();
    expect((result.structuredContent as { url: string }).url).toMatch(/user\/new-space$/);
    expect(fake.space('user/new-space')).toBeDefined();
    const again = await call('create_space', { space: 'user/new-space', sdk: 'gradio' });
    expect(again.isError).toBe(true);
    expect(text(again)).toMatch(/already exists|conflict/i);
    const badFlavor = await call('create_space', { space: 'user/x', sdk: 'gradio', hardware: 'a10g_small' });
    expect(text(badFlavor)).toMatch(/did you mean `a10g-small`/);
  });

  it('deploy_space refuses a Space with lint errors unless force, and reports upload progress', async () => {
    const before = fake.space('user/target')!.commits.length;
    const refused = await call('deploy_space', { path: 'broken', space: 'user/target' });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/not deployed/);
    expect(text(refused)).toContain('config-invalid-value');
    expect(fake.space('user/target')!.commits.length).toBe(before);

    const sentBefore = server.received.length;
    const forced = await server.client.callTool({ name: 'deploy_space', arguments: { path: 'broken', space: 'user/target', force: true } }, undefined, { onprogress: () => {} });
    const progress = server.received.slice(sentBefore).filter((m) => m.method === 'notifications/progress');
    expect(forced.isError, text(forced)).toBeFalsy();
    const out = forced.structuredContent as { commitUrl: string; forced: boolean; uploaded: string[] };
    expect(out.forced).toBe(true);
    expect(out.commitUrl).toMatch(/\/commit\//);
    expect(out.uploaded).toContain('README.md');
    expect(progress.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(fake.space('user/target')!.files.get('README.md'))).toContain('a10g_small');

    const clean = await call('deploy_space', { path: 'clean', space: 'user/target', message: 'Clean deploy' });
    expect(clean.isError, text(clean)).toBeFalsy();
    expect((clean.structuredContent as { forced: boolean }).forced).toBe(false);
    const missing = await call('deploy_space', { path: 'clean', space: 'user/does-not-exist' });
    expect(missing.isError).toBe(true);
  });

  it('sets and deletes secrets without ever returning the value', async () => {
    const value = 'a-secret-value-that-must-not-come-back';
    const set = await call('set_space_secret', { space: 'user/target', key: 'API_KEY', value, description: 'for tests' });
    expect(set.isError, text(set)).toBeFalsy();
    expect(JSON.stringify(set)).not.toContain(value);
    expect(fake.space('user/target')!.secrets.API_KEY).toBe(value);
    const del = await call('delete_space_secret', { space: 'user/target', key: 'API_KEY' });
    expect(del.isError, text(del)).toBeFalsy();
    expect(fake.space('user/target')!.secrets.API_KEY).toBeUndefined();
  });

  it('sets and deletes variables', async () => {
    const set = await call('set_space_variable', { space: 'user/target', key: 'MODE', value: 'fast' });
    expect(set.structuredContent).toMatchObject({ key: 'MODE', value: 'fast' });
    expect(fake.space('user/target')!.variables.MODE).toBe('fast');
    await call('delete_space_variable', { space: 'user/target', key: 'MODE' });
    expect(fake.space('user/target')!.variables.MODE).toBeUndefined();
  });

  it('changes hardware, sleep time, restarts and pauses', async () => {
    const hw = await call('set_space_hardware', { space: 'user/target', flavor: 't4-small' });
    expect(hw.isError, text(hw)).toBeFalsy();
    expect((hw.structuredContent as { runtime: { hardware: { requested: string } } }).runtime.hardware.requested).toBe('t4-small');
    expect(fake.space('user/target')!.hardware).toBe('t4-small');
    const sleep = await call('set_space_sleep_time', { space: 'user/target', seconds: 3600 });
    expect((sleep.structuredContent as { runtime: { sleepTimeSeconds: number } }).runtime.sleepTimeSeconds).toBe(3600);
    const restart = await call('restart_space', { space: 'user/target', factory: true });
    expect(restart.isError, text(restart)).toBeFalsy();
    const pause = await call('pause_space', { space: 'user/target' });
    expect((pause.structuredContent as { runtime: { stage: string } }).runtime.stage).toBe('PAUSED');
  });

  it('a read-only token is refused by the Hub, and a server without HF_TOKEN refuses changes itself', async () => {
    const readOnly = await connectStdio(['--root', root], serverEnv({ HF_TOKEN: READ, HF_ENDPOINT: fake.url }));
    try {
      const refused = await readOnly.client.callTool({ name: 'set_space_secret', arguments: { space: 'user/target', key: 'K', value: 'v-123456' } });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(/403|not allowed/);
      const status = await readOnly.client.callTool({ name: 'space_status', arguments: { space: 'user/target' } });
      expect(status.isError, text(status)).toBeFalsy();
    } finally {
      await readOnly.close();
    }
    const anonymous = await connectStdio(['--root', root], serverEnv({ HF_ENDPOINT: fake.url }));
    try {
      const refused = await anonymous.client.callTool({ name: 'pause_space', arguments: { space: 'user/target' } });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(/no Hugging Face token/);
    } finally {
      await anonymous.close();
    }
  });

  it("works over HTTP too, with the server's token (a client Authorization header is never passed to the Hub)", async () => {
    const http = await startHttpServer(['--root', root], serverEnv({ HF_TOKEN: WRITE, HF_ENDPOINT: fake.url, SPACELINT_MCP_TOKEN: 'local-bearer-abc123' }));
    try {
      const client = await connectHttp(http.url, { Authorization: 'Bearer local-bearer-abc123' });
      const status = await client.callTool({ name: 'space_status', arguments: { space: 'user/failing' } });
      expect(status.isError, text(status)).toBeFalsy();
      await client.close();
    } finally {
      await http.stop();
    }
  });
});

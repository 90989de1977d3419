import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_SPACE, connectHttp, connectStdio, serverEnv, startHttpServer, tempRoot, text, writeSpace } from './helpers.js';

/**
 * Path confinement (including symlinks) and secrets: the server's HF token and bearer token, and secret
 * values passed to set_space_secret, must never appear in a response or in the server's stderr.
 */

const HF_CANARY = 'hf_CanaryTokenCanaryTokenCanaryToken42';
const BEARER_CANARY = 'mcp-bearer-canary-7f3a9c2e51d04b8a';
const SECRET_CANARY = 'secret-value-canary-93b1e07c';
/**
 * A hostile Hub on 127.0.0.1: it refuses every request (401, which no client retries) and echoes the
 * Authorization header it received in its error message. That echo must not reach a response or a log.
 */
async function startEchoingHub(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(401, { 'Content-Type': 'application/json', 'X-Request-Id': 'test' });
    res.end(JSON.stringify({ error: `Invalid credentials in Authorization header (got ${req.headers.authorization ?? 'none'})` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function spaceWithCanaries(dir: string): string {
  return writeSpace(dir, {
    ...BROKEN_SPACE,
    // The fixable line sits next to the canary, so the fix diff's context shows it unless redacted.
    'README.md': `---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\ncolorfrom: red\nshort_description: "${HF_CANARY}"\n---\n# Demo ${BEARER_CANARY}\n`,
    'app.py': `import gradio as gr\n\nTOKEN = "${HF_CANARY}"\nOTHER = "${BEARER_CANARY}"\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10).launch()\n`,
  });
}

/** Calls every tool (valid and invalid arguments) and returns every response as JSON. */
async function callEverything(client: Client): Promise<string[]> {
  const responses: string[] = [];
  const call = async (name: string, args: Record<string, unknown>) => {
    try {
      responses.push(JSON.stringify(await client.callTool({ name, arguments: args })));
    } catch (error) {
      responses.push(String((error as Error).message));
    }
  };
  const space = 'julien/demo';
  const files = { 'README.md': `---\nsdk: gradio\ntoken: ${HF_CANARY}\n---\n`, 'app.py': `x = "${BEARER_CANARY}"\n` };
  await call('lint_space', { path: 'space' });
  await call('lint_space', { files });
  await call('lint_space', { space, revision: 'main' });
  await call('lint_space', { path: HF_CANARY });
  await call('list_rules', {});
  await call('explain_rule', { rules: [BEARER_CANARY] });
  await call('validate_space_config', { readme: files['README.md'] });
  await call('scaffold_space', { sdk: 'gradio', title: 'T', secrets: [HF_CANARY] });
  await call('scaffold_space', { sdk: 'gradio', title: BEARER_CANARY });
  await call('fix_space', { path: 'space' });
  await call('space_status', { space });
  await call('space_logs', { space, kind: 'build', lines: 5 });
  await call('diagnose_space', { space });
  await call('create_space', { space, sdk: 'gradio' });
  await call('deploy_space', { path: 'space', space, force: true });
  await call('set_space_secret', { space, key: 'API_KEY', value: SECRET_CANARY });
  await call('set_space_secret', { space, key: 'bad key', value: SECRET_CANARY });
  await call('delete_space_secret', { space, key: 'API_KEY' });
  await call('set_space_variable', { space, key: 'MODE', value: 'fast' });
  await call('delete_space_variable', { space, key: 'MODE' });
  await call('set_space_hardware', { space, flavor: 't4-small' });
  await call('set_space_sleep_time', { space, seconds: 3600 });
  await call('restart_space', { space, factory: true });
  await call('pause_space', { space });
  for (const { uri } of (await client.listResources()).resources) responses.push(JSON.stringify(await client.readResource({ uri })));
  responses.push(JSON.stringify(await client.getPrompt({ name: 'troubleshoot_space', arguments: { space: HF_CANARY } })));
  return responses;
}

function expectNoCanary(where: string, texts: string[]): void {
  for (const canary of [HF_CANARY, BEARER_CANARY, SECRET_CANARY]) {
    const leak = texts.find((t) => t.includes(canary));
    expect(leak === undefined ? undefined : `${canary} in ${where}: ${leak.slice(0, 300)}`).toBeUndefined();
  }
}

describe('secrets never leave the server', () => {
  let hub: Awaited<ReturnType<typeof startEchoingHub>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    hub = await startEchoingHub();
    env = serverEnv({ HF_TOKEN: HF_CANARY, HF_ENDPOINT: hub.url, SPACELINT_MCP_TOKEN: BEARER_CANARY });
  });
  afterAll(async () => hub?.close());

  it('over stdio: no canary in any response or in stderr (debug logging)', async () => {
    const root = tempRoot();
    spaceWithCanaries(join(root, 'space'));
    const server = await connectStdio(['--root', root, '--log-level', 'debug'], env);
    let responses: string[];
    try {
      await server.client.setLoggingLevel('debug');
      responses = await callEverything(server.client);
    } finally {
      await server.close();
    }
    expect(responses.length).toBeGreaterThan(25);
    expectNoCanary('a stdio response', responses);
    expectNoCanary('stderr', [server.stderr()]);
    // The answers still say what happened.
    expect(responses.some((r) => r.includes('hf_Ca********'))).toBe(true);
  });

  it('over HTTP with the bearer token: no canary in any response or in stderr', async () => {
    const root = tempRoot();
    spaceWithCanaries(join(root, 'space'));
    const server = await startHttpServer(['--root', root, '--log-level', 'debug'], env);
    try {
      const client = await connectHttp(server.url, { Authorization: `Bearer ${BEARER_CANARY}` });
      const responses = await callEverything(client);
      await client.close();
      expectNoCanary('an HTTP response', responses);
      const refused = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' }, body: '{}' });
      expectNoCanary('a refusal', [await refused.text(), JSON.stringify([...refused.headers])]);
    } finally {
      await server.stop();
    }
    expectNoCanary('stderr', [server.stderr()]);
  });

  it('fix_space redacts secrets in its diff and leaves the file as it was in a dry run', async () => {
    const root = tempRoot();
    const dir = spaceWithCanaries(join(root, 'space'));
    const server = await connectStdio(['--root', root], env);
    try {
      const result = await server.client.callTool({ name: 'fix_space', arguments: { path: 'space' } });
      const diff = (result.structuredContent as { diff: string }).diff;
      expect(diff).toContain('+colorFrom: red');
      expect(diff).toContain('hf_Ca********');
      expect(diff).not.toContain(HF_CANARY);
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(HF_CANARY);
    } finally {
      await server.close();
    }
  });
});

describe('local paths stay inside the roots', () => {
  let root: string;
  let outside: string;
  let server: Awaited<ReturnType<typeof connectStdio>>;

  beforeAll(async () => {
    root = tempRoot();
    outside = tempRoot('spacelint-outside-');
    writeSpace(join(outside, 'secret-space'), BROKEN_SPACE);
    writeFileSync(join(outside, 'private.py'), 'PASSWORD = "outside-the-root"\n');
    writeSpace(join(root, 'space'), BROKEN_SPACE);
    // A link to a folder outside, and a file in the Space that links outside.
    symlinkSync(join(outside, 'secret-space'), join(root, 'linked-space'));
    symlinkSync(join(outside, 'private.py'), join(root, 'space', 'private.py'));
    mkdirSync(join(root, 'nested'));
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

  it('refuses .. and absolute paths outside the roots, for every tool that takes a path', async () => {
    for (const [name, extra] of [
      ['lint_space', {}],
      ['fix_space', { dry_run: false }],
      ['deploy_space', { space: 'julien/demo' }],
    ] as const) {
      for (const path of ['..', '../..', outside, join(outside, 'secret-space'), 'nested/../../', '/']) {
        const result = await server.client.callTool({ name, arguments: { path, ...extra } });
        expect(result.isError, `${name} ${path}`).toBe(true);
        expect(text(result), `${name} ${path}`).toMatch(/outside the allowed roots|HF_TOKEN|not available/);
      }
    }
  });

  it('refuses a symlinked folder that leads outside', async () => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'linked-space' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/through a symlink/);
  });

  it('does not read a file inside the Space that links outside', async () => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'space' } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result)).not.toContain('outside-the-root');
    const fix = await server.client.callTool({ name: 'fix_space', arguments: { path: 'space' } });
    expect((fix.structuredContent as { changed: string[] }).changed).not.toContain('private.py');
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_SPACE, connectHttp, serverEnv, startHttpServer, tempRoot, text, writeSpace, type HttpServerProcess } from './helpers.js';

/** The built server in --http mode on 127.0.0.1, with the official SDK client and raw requests for the guards. */

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };

async function post(url: string, headers: Record<string, string>, body: unknown = INITIALIZE): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('spacelint-mcp --http', () => {
  let server: HttpServerProcess;
  let root: string;

  beforeAll(async () => {
    root = tempRoot();
    writeSpace(join(root, 'broken'), BROKEN_SPACE);
    server = await startHttpServer(['--root', root], serverEnv());
  });
  afterAll(async () => server?.stop());

  it('prints its URL (--port 0 picked a free port) and binds 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(Number(new URL(server.url).port)).toBeGreaterThan(0);
  });

  it('serves tools to the SDK client, with a session per client', async () => {
    const a = await connectHttp(server.url);
    const b = await connectHttp(server.url);
    try {
      const { tools } = await a.listTools();
      expect(tools).toHaveLength(22);
      const result = await b.callTool({ name: 'lint_space', arguments: { path: 'broken' } });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId)).toContain('config-invalid-value');
      const error = await a.callTool({ name: 'lint_space', arguments: { path: '/' } });
      expect(error.isError).toBe(true);
      expect(text(error)).toMatch(/outside the allowed roots/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers every lint tool, a resource and a prompt over HTTP', async () => {
    const client = await connectHttp(server.url);
    try {
      const calls: [string, Record<string, unknown>][] = [
        ['lint_space', { files: { 'README.md': BROKEN_SPACE['README.md'] } }],
        ['list_rules', {}],
        ['explain_rule', { rules: ['config-invalid-value'] }],
        ['validate_space_config', { readme: BROKEN_SPACE['README.md'] }],
        ['scaffold_space', { sdk: 'docker', title: 'Over HTTP', inputs: 'an image' }],
        ['fix_space', { path: 'broken' }],
      ];
      for (const [name, args] of calls) {
        const result = await client.callTool({ name, arguments: args });
        expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
        expect(result.structuredContent, name).toBeTruthy();
      }
      const doc = await client.readResource({ uri: 'spacelint://rules/config-unknown-key' });
      expect(doc.contents).toHaveLength(1);
      const prompt = await client.getPrompt({ name: 'create_zerogpu_space', arguments: { idea: 'summarize PDFs' } });
      expect(JSON.stringify(prompt.messages)).toContain('scaffold_space');
    } finally {
      await client.close();
    }
  });

  it('refuses a foreign Origin and a foreign Host with 403 (DNS rebinding)', async () => {
    const origin = await post(server.url, { Origin: 'http://evil.example.com' });
    expect(origin.status).toBe(403);
    expect(await origin.text()).toMatch(/DNS rebinding/);
    // fetch cannot set Host; a raw request can.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(server.url, { method: 'POST', headers: { Host: 'evil.example.com', 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(JSON.stringify(INITIALIZE));
    });
    expect(status).toBe(403);
    const local = await post(server.url, { Origin: new URL(server.url).origin });
    expect(local.status).toBe(200);
  });

  it('answers unknown paths, methods, bad JSON and requests without a session clearly', async () => {
    expect((await fetch(server.url.replace('/mcp', '/other'))).status).toBe(404);
    expect((await fetch(server.url, { method: 'PUT' })).status).toBe(405);
    const bad = await post(server.url, {}, '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: -32700 } });
    const noSession = await post(server.url, {}, { jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(noSession.status).toBe(400);
    const unknownSession = await post(server.url, { 'Mcp-Session-Id': 'nope' }, { jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(unknownSession.status).toBe(404);
  });
});

describe('spacelint-mcp --http with a bearer token', () => {
  const token = 'bearer-token-for-tests-0123456789';
  let server: HttpServerProcess;

  beforeAll(async () => {
    server = await startHttpServer(['--root', tempRoot()], serverEnv({ SPACELINT_MCP_TOKEN: token }));
  });
  afterAll(async () => server?.stop());

  it('refuses requests without the token (401) and with a wrong one', async () => {
    const missing = await post(server.url, {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await post(server.url, { Authorization: 'Bearer wrong' })).status).toBe(401);
    await expect(connectHttp(server.url)).rejects.toThrow();
  });

  it('serves clients that send it', async () => {
    const client = await connectHttp(server.url, { Authorization: `Bearer ${token}` });
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBe(22);
    } finally {
      await client.close();
    }
  });
});

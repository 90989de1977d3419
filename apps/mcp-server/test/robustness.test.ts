import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { BROKEN_SPACE, CLEAN_README, connectStdio, serverEnv, startHttpServer, tempRoot, text, writeSpace, type StdioServer } from './helpers.js';

/** Hostile input and a hostile Hub (issue 14), each against the built server. */

const OUTSIDE_CANARY = 'outside-canary-5d1e';

describe('an oversized stdio message', () => {
  it('gets a JSON-RPC error and the session keeps going', async () => {
    const server = await connectStdio(['--root', tempRoot()], serverEnv());
    try {
      const huge = { 'README.md': CLEAN_README, 'app.py': `# ${'x'.repeat(11 * 1024 * 1024)}\n` };
      await expect(server.client.callTool({ name: 'lint_space', arguments: { files: huge } })).rejects.toThrow(/Message too large: over 10 MB/);
      const after = await server.client.callTool({ name: 'lint_space', arguments: { files: { 'README.md': CLEAN_README } } });
      expect(after.isError, text(after)).toBeFalsy();
      await expect(server.client.ping()).resolves.toBeDefined();
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe('--http without a bearer token', () => {
  it('warns on stderr when deploy tools are offered, and not when they are not', async () => {
    const open = await startHttpServer(['--root', tempRoot()], serverEnv());
    const readOnly = await startHttpServer(['--root', tempRoot(), '--read-only'], serverEnv());
    try {
      expect(open.stderr()).toMatch(/warning: --http without a bearer token lets any local process use the deploy tools/);
      expect(readOnly.stderr()).not.toMatch(/warning/);
    } finally {
      await open.stop();
      await readOnly.stop();
    }
  });
});

describe('root confinement while folders change', () => {
  let root: string;
  let outside: string;
  let server: StdioServer;

  beforeAll(async () => {
    root = tempRoot();
    outside = tempRoot('spacelint-outside-');
    writeFileSync(join(outside, '.env'), `API_KEY=${OUTSIDE_CANARY}\n`);
    writeFileSync(join(outside, 'app.py'), `import gradio as gr\nSECRET = "${OUTSIDE_CANARY}"\ngr.Interface(fn=print, inputs="text", outputs="text").launch(share=True)\n`);
    writeSpace(join(root, 'space'), { 'README.md': CLEAN_README, 'app.py': BROKEN_SPACE['app.py'], 'sub/helper.py': 'X = 1\n' });
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

  it('does not read through a folder swapped for a symlink between two calls', async () => {
    const first = await server.client.callTool({ name: 'lint_space', arguments: { path: 'space' } });
    expect(first.isError, text(first)).toBeFalsy();
    await swap(join(root, 'space', 'sub'), outside);
    const second = await server.client.callTool({ name: 'lint_space', arguments: { path: 'space' } });
    expect(JSON.stringify(second)).not.toContain(OUTSIDE_CANARY);
    expect(JSON.stringify(second)).not.toMatch(/sub\/app\.py|gradio-share-true/);
  });

  it('does not read outside while a folder is swapped back and forth during the calls', async () => {
    writeSpace(join(root, 'racing'), { 'README.md': CLEAN_README, 'app.py': BROKEN_SPACE['app.py'], 'sub/app.py': 'X = 1\n', 'sub/.env': 'A=1\n' });
    // A separate process swaps `racing/sub` with a symlink to the outside folder as fast as it can.
    const swapper = spawn(process.execPath, ['-e', SWAPPER, join(root, 'racing', 'sub'), outside], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 40; i++) {
        for (const name of ['lint_space', 'fix_space'] as const) {
          const result = await server.client.callTool({ name, arguments: { path: 'racing' } });
          // The outside app.py calls launch(share=True); nothing inside the root does.
          expect(JSON.stringify(result), `${name} call ${i}`).not.toMatch(new RegExp(`${OUTSIDE_CANARY}|gradio-share-true`));
        }
      }
    } finally {
      swapper.kill();
      await new Promise((resolve) => swapper.once('exit', resolve));
    }
  }, 60_000);
});

/** Replaces a folder by a symlink to `target` (the old folder moves aside). */
async function swap(folder: string, target: string): Promise<void> {
  const { renameSync, symlinkSync } = await import('node:fs');
  renameSync(folder, `${folder}.real`);
  symlinkSync(target, folder);
}

const SWAPPER = `
const fs = require('node:fs');
const [folder, target] = process.argv.slice(1);
const real = folder + '.real', link = folder + '.link';
fs.symlinkSync(target, link);
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const end = Date.now() + 30000;
while (Date.now() < end) {
  try { fs.renameSync(folder, real); fs.renameSync(link, folder); pause(Math.random() * 2); fs.renameSync(folder, link); fs.renameSync(real, folder); pause(Math.random() * 2); } catch {}
}
`;

describe('log reads against a Space that never stops logging', () => {
  const TOKEN = 'hf_fake_write_token_for_robustness';
  let fake: FakeHub;
  let proxy: Server;
  let server: StdioServer;

  beforeAll(async () => {
    fake = await createFakeHub({ tokens: { [TOKEN]: { user: 'user', role: 'write' } } });
    fake.seedSpace('user/chatty', { 'README.md': CLEAN_README, 'app.py': BROKEN_SPACE['app.py'] }, { sdk: 'gradio', runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'exit code 1' } });
    fake.seedSpace('user/quiet', { 'README.md': CLEAN_README, 'app.py': BROKEN_SPACE['app.py'] }, { sdk: 'gradio', runtime: { stage: 'RUNTIME_ERROR' }, buildLogs: [], runLogs: [] });
    // In front of the fake Hub: the run log of user/chatty streams a long line every 50 ms, forever.
    proxy = createServer((req, res) => {
      if (req.url?.startsWith('/api/spaces/user/chatty/logs/')) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        let n = 0;
        const timer = setInterval(() => res.write(`data: ${JSON.stringify({ data: `line ${n++} ${'y'.repeat(5000)}\n`, timestamp: new Date().toISOString() })}\n\n`), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      const target = new URL(fake.url);
      const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.flushHeaders();
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const root = tempRoot();
    mkdirSync(join(root, 'x'));
    server = await connectStdio(['--root', root], serverEnv({ HF_TOKEN: TOKEN, HF_ENDPOINT: endpoint }));
  });
  afterAll(async () => {
    await server?.close();
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await fake?.close();
  });

  it('space_logs ends at its deadline with a capped tail', async () => {
    const started = Date.now();
    const result = await server.client.callTool({ name: 'space_logs', arguments: { space: 'user/chatty', kind: 'run', lines: 500 } });
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { lines: string[]; capped: boolean };
    expect(out.capped).toBe(true);
    expect(out.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(out).length).toBeLessThan(80 * 1024);
  }, 20_000);

  it('diagnose_space ends at its deadline on a chatty Space, and within 2 s on empty logs', async () => {
    const started = Date.now();
    const chatty = await server.client.callTool({ name: 'diagnose_space', arguments: { space: 'user/chatty' } });
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(chatty.isError, text(chatty)).toBeFalsy();
    expect(text(chatty).length).toBeLessThan(64 * 1024);

    const quietStart = Date.now();
    const quiet = await server.client.callTool({ name: 'diagnose_space', arguments: { space: 'user/quiet' } });
    expect(Date.now() - quietStart).toBeLessThan(2_000);
    expect(quiet.isError, text(quiet)).toBeFalsy();
    // No "read the logs below" without logs, and no catch-all cause.
    expect(text(quiet)).toMatch(/logs are empty/);
    expect(text(quiet)).not.toMatch(/logs below/);
  }, 30_000);
});

describe('validate_space_config', () => {
  it('masks secret values in the parsed config it returns', async () => {
    const server = await connectStdio(['--root', tempRoot()], serverEnv());
    try {
      const token = 'hf_QpRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVw';
      const readme = `---\ntitle: Demo\nsdk: gradio\napi_key: "plain-secret-canary-81f2"\nshort_description: "key ${token}"\nvariables:\n  DB_PASSWORD: "another-canary-77e1"\n---\n`;
      const result = await server.client.callTool({ name: 'validate_space_config', arguments: { readme } });
      expect(result.isError, text(result)).toBeFalsy();
      const all = JSON.stringify(result);
      for (const secret of ['plain-secret-canary-81f2', token, 'another-canary-77e1']) expect(all).not.toContain(secret);
      expect((result.structuredContent as { config: { title: string } }).config.title).toBe('Demo');
    } finally {
      await server.close();
    }
  });
});

import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  HubAuthError,
  HubClient,
  HubConflictError,
  HubError,
  HubNetworkError,
  HubNotFoundError,
  HubPermissionError,
  HubRateLimitError,
  HubRequestError,
  HubServerError,
  HubTimeoutError,
} from '../src/index.js';
import type { FakeHub } from '../src/testing/index.js';
import { client, FAST_RETRY, GRADIO_APP, GRADIO_README, READ, spaceDir, startFakeHub } from './helpers.js';

let fake: FakeHub;
let hub: HubClient;
beforeAll(async () => {
  fake = await startFakeHub();
  hub = client(fake);
  fake.seedSpace('user/demo', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.inject({ reset: true });
});

const count = (path: string) => fake.requests.filter((r) => r.path === path).length;

async function caught(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error('expected the operation to fail');
}

describe('authentication', () => {
  it('a missing token fails before any request for operations that need one', async () => {
    const anonymous = client(fake, { token: undefined });
    const before = fake.requests.length;
    for (const op of [
      () => anonymous.whoami(),
      () => anonymous.createSpace('user/x', { sdk: 'gradio' }),
      () => anonymous.setSecret('user/demo', 'K', 'v'),
      () => anonymous.restart('user/demo'),
      () => anonymous.tailLogs('user/demo', 'run'),
    ]) {
      const error = await caught(op());
      expect(error).toBeInstanceOf(HubAuthError);
      expect(error.code).toBe('missing-token');
      expect(error.message).toContain('HF_TOKEN');
    }
    expect(fake.requests.length).toBe(before);
  });

  it('a token without the hf_ prefix fails before any request', async () => {
    const before = fake.requests.length;
    const error = await caught(client(fake, { token: 'abc123' }).whoami());
    expect(error).toMatchObject({ code: 'bad-token' });
    expect(fake.requests.length).toBe(before);
  });

  it('401: a token the Hub does not know', async () => {
    const error = await caught(client(fake, { token: 'hf_unknown_token_value' }).getRuntime('user/demo'));
    expect(error).toBeInstanceOf(HubAuthError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, hubMessage: 'Invalid credentials in Authorization header' });
    expect(error.message).toMatch(/^read runtime of user\/demo: the Hub rejected the credentials \(401\)/);
    expect(error.requestId).toMatch(/^fake-/);
  });

  it('403: a read token cannot write, nor can anyone write another namespace', async () => {
    const reader = client(fake, { token: READ });
    const secret = await caught(reader.setSecret('user/demo', 'K', 'v'));
    expect(secret).toBeInstanceOf(HubPermissionError);
    expect(secret).toMatchObject({ code: 'forbidden', status: 403 });
    const create = await caught(hub.createSpace('someone-else/demo', { sdk: 'gradio' }));
    expect(create).toBeInstanceOf(HubPermissionError);
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    try {
      expect(await caught(reader.uploadSpace('user/demo', dir))).toBeInstanceOf(HubPermissionError);
    } finally {
      await cleanup();
    }
  });
});

describe('404: no such Space', () => {
  it.each([
    ['spaceInfo', (h: HubClient) => h.spaceInfo('user/missing')],
    ['listFiles', (h: HubClient) => h.listFiles('user/missing')],
    ['downloadFile', (h: HubClient) => h.downloadFile('user/missing', 'app.py')],
    ['getRuntime', (h: HubClient) => h.getRuntime('user/missing')],
    ['setSecret', (h: HubClient) => h.setSecret('user/missing', 'K', 'v')],
    ['setVariable', (h: HubClient) => h.setVariable('user/missing', 'K', 'v')],
    ['requestHardware', (h: HubClient) => h.requestHardware('user/missing', 't4-small')],
    ['restart', (h: HubClient) => h.restart('user/missing')],
    ['pause', (h: HubClient) => h.pause('user/missing')],
    ['tailLogs', (h: HubClient) => h.tailLogs('user/missing', 'build')],
  ])('%s', async (_name, op) => {
    const error = await caught(op(hub));
    expect(error).toBeInstanceOf(HubNotFoundError);
    expect(error).toMatchObject({ code: 'not-found', status: 404 });
    expect(error.message).toContain('user/missing');
  });

  it('uploading to a missing Space stops at preupload (nothing else sent)', async () => {
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    try {
      const before = fake.requests.length;
      expect(await caught(hub.uploadSpace('user/missing', dir))).toBeInstanceOf(HubNotFoundError);
      expect(fake.requests.slice(before).map((r) => r.path)).toEqual(['/api/spaces/user/missing/preupload/main']);
    } finally {
      await cleanup();
    }
  });
});

describe('409 and 412: conflicts', () => {
  it('creating an existing Space', async () => {
    const error = await caught(hub.createSpace('user/demo', { sdk: 'gradio' }));
    expect(error).toBeInstanceOf(HubConflictError);
    expect(error).toMatchObject({ code: 'conflict', status: 409, hubMessage: 'You already created this space repo' });
  });

  it('committing on a stale parent', async () => {
    const stale = fake.space('user/demo')!.commits[0].oid;
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': 'print(1)\n' });
    try {
      await hub.uploadSpace('user/demo', dir); // moves the branch
      const error = await caught(hub.uploadSpace('user/demo', dir, { parentCommit: stale }));
      expect(error).toBeInstanceOf(HubConflictError);
      expect(error.status).toBe(412);
    } finally {
      await cleanup();
    }
  });
});

describe('429: rate limits', () => {
  it('an idempotent read waits for Retry-After, then succeeds', async () => {
    const fault = fake.inject({ method: 'GET', path: '/api/spaces/user/demo/revision/HEAD', status: 429, retryAfter: 1 });
    const started = Date.now();
    expect((await hub.getRuntime('user/demo')).stage).toMatch(/^[A-Z_]+$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fault.hits).toBe(1);
  });

  it('a non-idempotent call is retried after a 429 too (the Hub refused it before acting)', async () => {
    const fault = fake.inject({ method: 'POST', path: '/api/spaces/user/demo/restart', status: 429, retryAfter: 0 });
    const before = fake.space('user/demo')!.restarts;
    await hub.restart('user/demo');
    expect(fault.hits).toBe(1);
    expect(fake.space('user/demo')!.restarts).toBe(before + 1);
  });

  it('gives up at once when Retry-After is beyond the budget, saying when to come back', async () => {
    fake.inject({ path: '/api/spaces/user/demo/secrets', status: 429, retryAfter: 120 });
    const before = count('/api/spaces/user/demo/secrets');
    const started = Date.now();
    const error = await caught(hub.listSecrets('user/demo'));
    expect(error).toBeInstanceOf(HubRateLimitError);
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, retryAfterSeconds: 120 });
    expect(error.message).toMatch(/^list secrets of user\/demo: the Hub rate limit was reached \(429\)\. Retry after 120 s\./);
    expect(count('/api/spaces/user/demo/secrets') - before).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops after the attempt budget', async () => {
    const fault = fake.inject({ path: '/api/spaces/user/demo/variables', status: 429, retryAfter: 0, times: Infinity });
    const error = await caught(hub.listVariables('user/demo'));
    expect(error).toBeInstanceOf(HubRateLimitError);
    expect(fault.hits).toBe(4); // FAST_RETRY.maxAttempts
  });
});

describe('fault injection', () => {
  it('reset with a path replaces the earlier faults', async () => {
    const first = fake.inject({ path: '/api/spaces/user/demo/variables', status: 500, times: Infinity });
    const second = fake.inject({ reset: true, path: '/api/spaces/user/demo/variables', status: 503, times: 1 });
    await hub.listVariables('user/demo');
    expect([first.hits, second.hits]).toEqual([0, 1]);
  });
});

describe('5xx: server errors', () => {
  it('idempotent requests are retried with backoff', async () => {
    const fault = fake.inject({ method: 'GET', path: '/api/spaces/user/demo/tree/*', status: 503, times: 2 });
    expect((await hub.listFiles('user/demo')).length).toBeGreaterThan(0);
    expect(fault.hits).toBe(2);
  });

  it('a non-idempotent restart is not retried blindly', async () => {
    fake.inject({ method: 'POST', path: '/api/spaces/user/demo/restart', status: 500, body: 'upstream exploded' });
    const before = count('/api/spaces/user/demo/restart');
    const restarts = fake.space('user/demo')!.restarts;
    const error = await caught(hub.restart('user/demo'));
    expect(error).toBeInstanceOf(HubServerError);
    expect(error).toMatchObject({ code: 'server-error', status: 500, hubMessage: 'upstream exploded' });
    expect(count('/api/spaces/user/demo/restart') - before).toBe(1);
    expect(fake.space('user/demo')!.restarts).toBe(restarts);
  });

  it('a commit is not retried, but the upload steps before it are', async () => {
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'weights.bin': new Uint8Array(5000).fill(7) });
    try {
      const preupload = fake.inject({ path: '/api/spaces/user/demo/preupload/main', status: 502 });
      const lfsPut = fake.inject({ method: 'PUT', path: '/__lfs/upload/*', status: 500 });
      const commits = fake.space('user/demo')!.commits.length;
      await hub.uploadSpace('user/demo', dir);
      expect(preupload.hits).toBe(1);
      expect(lfsPut.hits).toBe(1);
      expect(fake.space('user/demo')!.commits.length).toBe(commits + 1);

      fake.inject({ method: 'POST', path: '/api/spaces/user/demo/commit/main', status: 500 });
      const before = count('/api/spaces/user/demo/commit/main');
      expect(await caught(hub.uploadSpace('user/demo', dir))).toBeInstanceOf(HubServerError);
      expect(count('/api/spaces/user/demo/commit/main') - before).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('persistent 5xx ends as a HubServerError after the attempt budget', async () => {
    const fault = fake.inject({ path: '/api/spaces/user/demo/revision/HEAD', status: 500, times: Infinity });
    expect(await caught(hub.spaceInfo('user/demo'))).toBeInstanceOf(HubServerError);
    expect(fault.hits).toBe(4);
  });
});

describe('timeouts and network failures', () => {
  it('an idempotent request that times out is retried', async () => {
    const quick = client(fake, { timeoutMs: 200 });
    const fault = fake.inject({ path: '/api/spaces/user/demo/revision/HEAD', delayMs: 600 });
    expect((await quick.getRuntime('user/demo')).stage).toBeDefined();
    expect(fault.hits).toBe(1);
  });

  it('a request that keeps timing out fails with HubTimeoutError', async () => {
    const quick = client(fake, { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 5 } });
    fake.inject({ path: '/api/spaces/user/demo/revision/HEAD', delayMs: 400, times: 2 });
    const error = await caught(quick.getRuntime('user/demo'));
    expect(error).toBeInstanceOf(HubTimeoutError);
    expect(error.message).toMatch(/^read runtime of user\/demo: the Hub did not answer within 150 ms/);
  });

  it('a non-idempotent request that times out is not repeated', async () => {
    const quick = client(fake, { timeoutMs: 150 });
    const fault = fake.inject({ method: 'POST', path: '/api/spaces/user/demo/restart', delayMs: 400, times: 3 });
    expect(await caught(quick.restart('user/demo'))).toBeInstanceOf(HubTimeoutError);
    expect(fault.hits).toBe(1);
  });

  it('a log stream that never answers times out', async () => {
    const quick = client(fake, { timeoutMs: 150, retry: { maxAttempts: 1 } });
    fake.inject({ path: '/api/spaces/user/demo/logs/run', delayMs: 400 });
    expect(await caught(quick.tailLogs('user/demo', 'run'))).toBeInstanceOf(HubTimeoutError);
  });

  it('an unreachable Hub is a HubNetworkError', async () => {
    const port = await freePort();
    const offline = new HubClient({ endpoint: `http://127.0.0.1:${port}`, token: 'hf_fake_write', env: {}, retry: { maxAttempts: 2, baseDelayMs: 5 } });
    const error = await caught(offline.getRuntime('user/demo'));
    expect(error).toBeInstanceOf(HubNetworkError);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('bad requests', () => {
  it('400 from the Hub is a HubRequestError with the Hub words', async () => {
    const error = await caught(hub.requestHardware('user/demo', 'quantum-x1'));
    expect(error).toBeInstanceOf(HubRequestError);
    expect(error).toMatchObject({ status: 400, hubMessage: 'Invalid hardware flavor: quantum-x1' });
  });

  it('a malformed answer is reported, not crashed on', async () => {
    const garbled: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/revision/')) return new Response('<html>oops', { status: 200, headers: { 'Content-Type': 'application/json' } });
      return fetch(input, init);
    };
    const error = await caught(client(fake, { fetch: garbled }).getRuntime('user/demo'));
    expect(error).toBeInstanceOf(HubRequestError);
    expect(error.code).toBe('invalid-response');
    expect(error.message).toMatch(/^read runtime of user\/demo: the Hub sent an answer spacelint cannot read/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('a hostile Hub', () => {
  const TOKEN = 'hf_' + 'Q7mZ2xKp9WvR4tLn8BcYd3FgHj6Sa1Ue5Xo';
  async function hostileHub(handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
    const { createServer: createHttpServer } = await import('node:http');
    const server = createHttpServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  }
  const leaked = (value: unknown) => JSON.stringify(value, (_k, v) => (v instanceof Error ? { ...v, message: v.message, json: (v as HubError).toJSON() } : v));
  const tokenHead = /hf_[A-Za-z0-9]{6,}/;

  it('an error body that puts a token across the 500-character cut is redacted before it is cut', async () => {
    const hub2 = await hostileHub((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json', 'X-Request-Id': `req-${TOKEN}` });
      res.end(JSON.stringify({ error: `${'x'.repeat(470)} ${TOKEN} and more` }));
    });
    try {
      const error = await caught(new HubClient({ endpoint: hub2.url, token: 'hf_fake_write', env: {}, retry: FAST_RETRY }).setVariable('user/demo', 'K', 'v'));
      for (const text of [error.message, error.hubMessage ?? '', error.requestId ?? '', JSON.stringify(error.toJSON()), leaked(error)]) {
        expect(text).not.toMatch(tokenHead);
      }
      expect(error.hubMessage!.length).toBeLessThanOrEqual(501);
    } finally {
      await hub2.close();
    }
  });

  it('runtime fields the Hub sends (hardware, sdk, storage, stage) are redacted', async () => {
    const hub2 = await hostileHub((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: 'user/demo', runtime: { stage: `RUNNING ${TOKEN}`, hardware: { current: TOKEN, requested: TOKEN }, storage: TOKEN, sdk: TOKEN, sdkVersion: TOKEN }, sdk: TOKEN }));
    });
    try {
      const hub3 = new HubClient({ endpoint: hub2.url, token: 'hf_fake_write', env: {}, retry: FAST_RETRY });
      expect(JSON.stringify(await hub3.getRuntime('user/demo'))).not.toMatch(tokenHead);
      expect(JSON.stringify(await hub3.spaceInfo('user/demo'))).not.toMatch(tokenHead);
    } finally {
      await hub2.close();
    }
  });

  it('a redirect on a write is an error, never a success (setSecret answered with 302)', async () => {
    const redirect = fake.inject({ method: 'POST', path: '/api/spaces/user/demo/secrets', status: 302, location: '/api/whoami-v2' });
    const error = await caught(hub.setSecret('user/demo', 'K', 'v'));
    expect(redirect.hits).toBe(1);
    expect(error).toMatchObject({ code: 'invalid-response', status: 302 });
    expect(error.message).toMatch(/redirect \(302\)/);
    expect(fake.space('user/demo')!.secrets.K).toBeUndefined();
  });
});

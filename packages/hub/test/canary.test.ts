import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deploySpace, diagnoseSpace, HubClient, HubSpaceSource } from '../src/index.js';
import { createFakeHub, type FakeHub } from '../src/testing/index.js';
import { FAST_RETRY, GRADIO_APP, GRADIO_README, SMALL_LFS, spaceDir } from './helpers.js';

/**
 * A token must never appear in a return value, an error, or a log line. Two canaries: one core's secret
 * patterns do not recognise (so the explicit masking of the configured token is what hides it), and one
 * they do. The fake echoes them back wherever a real Hub could: error bodies, log lines, the runtime's
 * error message, variable values.
 */
const CANARIES = ['hf_canary_Not-A-Pattern_7Q2x', `hf_${'Zq8'.repeat(12)}`];
const SECRET_VALUE = 'canary-secret-value-42';

/** Which canaries (and, for operations that sent it, the secret value) show up anywhere in `value`. */
const leaks = (value: unknown, sentSecret = true): string[] => {
  const texts = [JSON.stringify(value) ?? '', inspect(value, { depth: 20, showHidden: true, getters: true })];
  if (value instanceof Error) texts.push(value.message, value.stack ?? '');
  return [...CANARIES, ...(sentSecret ? [SECRET_VALUE] : [])].filter((c) => texts.some((t) => t.includes(c)));
};
// The operations that send SECRET_VALUE to the Hub, and so must mask it when the Hub echoes it back.
const SENDS_SECRET = new Set(['createSpace', 'setSecret']);

describe.each(CANARIES)('canary token %s', (canary) => {
  let fake: FakeHub;
  let hub: HubClient;
  let dir: string;
  let cleanup: () => Promise<void>;
  const printed: string[] = [];

  beforeAll(async () => {
    fake = await createFakeHub({ tokens: { [canary]: 'write' }, ...SMALL_LFS, buildPolls: 0 });
    hub = new HubClient({ endpoint: fake.url, token: canary, env: {}, retry: { ...FAST_RETRY, maxAttempts: 2 }, timeoutMs: 2000, logIdleTimeoutMs: 100 });
    ({ dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'weights.bin': new Uint8Array(3000).fill(1) }));
    fake.seedSpace(
      'user/demo',
      { 'README.md': GRADIO_README, 'app.py': GRADIO_APP },
      {
        runtime: { stage: 'RUNTIME_ERROR', errorMessage: `Exit code: 1. Reason: bad token ${canary}` },
        runLogs: ['===== Application Startup at 2025-01-01 00:00:00 =====', `HF_TOKEN is ${canary}`, `Authorization: Bearer ${canary}`],
        buildLogs: [`--> RUN echo ${canary}`],
        variables: { LEAKY: `token=${canary}` },
      },
    );
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await cleanup();
    await fake.close();
  });
  afterEach(() => {
    fake.inject({ reset: true });
  });

  const operations: [string, () => Promise<unknown>][] = [
    ['whoami', () => hub.whoami()],
    ['spaceInfo', () => hub.spaceInfo('user/demo')],
    ['spaceExists', () => hub.spaceExists('user/demo')],
    ['createSpace', () => hub.createSpace(`user/new-${Math.random().toString(36).slice(2, 8)}`, { sdk: 'gradio', secrets: { API_KEY: SECRET_VALUE } })],
    ['uploadSpace', () => hub.uploadSpace('user/demo', dir)],
    ['listFiles', () => hub.listFiles('user/demo')],
    ['downloadFile', () => hub.downloadFile('user/demo', 'app.py')],
    ['getRuntime', () => hub.getRuntime('user/demo')],
    ['listSecrets', () => hub.listSecrets('user/demo')],
    ['setSecret', () => hub.setSecret('user/demo', 'API_KEY', SECRET_VALUE)],
    ['deleteSecret', () => hub.deleteSecret('user/demo', 'API_KEY')],
    ['listVariables', () => hub.listVariables('user/demo')],
    ['setVariable', () => hub.setVariable('user/demo', 'MODE', 'fast')],
    ['deleteVariable', () => hub.deleteVariable('user/demo', 'MODE')],
    ['requestHardware', () => hub.requestHardware('user/demo', 't4-small')],
    ['setSleepTime', () => hub.setSleepTime('user/demo', 600)],
    ['restart', () => hub.restart('user/demo', { factory: true })],
    ['pause', () => hub.pause('user/demo')],
    ['tailLogs build', () => hub.tailLogs('user/demo', 'build')],
    ['tailLogs run', () => hub.tailLogs('user/demo', 'run')],
    ['HubSpaceSource', () => new HubSpaceSource(hub, 'hf://spaces/user/demo').snapshot()],
    ['deploySpace', () => deploySpace({ hub, dir, space: 'user/demo' })],
    ['diagnoseSpace', () => diagnoseSpace({ hub, space: 'user/demo' })],
  ];

  it('the client itself does not show it', () => {
    expect(leaks(hub)).toEqual([]);
    expect(Object.values(hub)).not.toContain(canary);
  });

  it.each(operations)('%s: success results never contain it', async (_name, run) => {
    const result = await run();
    expect(leaks(result)).toEqual([]);
  });

  it('log lines, the runtime error message and variable values it appears in are masked', async () => {
    fake.seedSpace(
      'user/echo',
      { 'README.md': GRADIO_README, 'app.py': GRADIO_APP },
      {
        runtime: { stage: 'RUNTIME_ERROR', errorMessage: `Exit code: 1. Reason: bad token ${canary}` },
        runLogs: [`HF_TOKEN is ${canary}`],
        variables: { LEAKY: `token=${canary}` },
      },
    );
    const run = await hub.tailLogs('user/echo', 'run');
    expect(run[0].text).toMatch(/^HF_TOKEN is hf_\w{2}\*{8}$/);
    expect((await hub.getRuntime('user/echo')).errorMessage).toContain('*'.repeat(8));
    expect((await hub.listVariables('user/echo')).LEAKY.value).toMatch(/^token=hf_\w{2}\*{8}$/);
  });

  it.each([400, 401, 403, 404, 409, 412, 422, 429, 500, 503])('every operation failing with %i keeps it out of the error', async (status) => {
    fake.inject({ path: '/*', status, times: Infinity, retryAfter: 0, body: `rejected Bearer ${canary} (value ${SECRET_VALUE})` });
    for (const [name, run] of operations) {
      let failure: unknown;
      let result: unknown;
      try {
        result = await run();
      } catch (error) {
        failure = error;
      }
      // spaceExists answers false on 404, diagnoseSpace reports unreadable logs: both must still be clean.
      expect(leaks(failure ?? result, SENDS_SECRET.has(name)), `${name} with ${status}`).toEqual([]);
    }
  });

  it('timeouts and network failures keep it out too', async () => {
    const slow = new HubClient({ endpoint: fake.url, token: canary, env: {}, retry: { maxAttempts: 1 }, timeoutMs: 50, logIdleTimeoutMs: 50 });
    fake.inject({ path: '/*', delayMs: 200, times: Infinity });
    for (const run of [() => slow.whoami(), () => slow.getRuntime('user/demo'), () => slow.restart('user/demo'), () => slow.tailLogs('user/demo', 'run')]) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(leaks(error)).toEqual([]);
    }
    fake.inject({ reset: true });
    const offline = new HubClient({ endpoint: 'http://127.0.0.1:9', token: canary, env: {}, retry: { maxAttempts: 1 } });
    expect(
      leaks(
        await offline.whoami().then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    ).toEqual([]);
  });

  it('invalid input that contains it (a token pasted in the wrong place) is masked in the error', async () => {
    const misuses = [
      () => hub.requestHardware('user/demo', canary),
      () => hub.setSecret('user/demo', `${canary}!`, 'v'),
      () => hub.setVariable('user/demo', `X ${canary}`, 'v'),
      () => hub.createSpace('user/x', { sdk: canary as never }),
      () => hub.createSpace('user/x', { sdk: 'gradio', variables: { [`${canary} `]: 'v' } }),
      () => hub.spaceInfo(canary),
      () => hub.downloadFile('user/demo', `${canary}#x`),
    ];
    for (const misuse of misuses) {
      const error = await misuse().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(leaks(error)).toEqual([]);
    }
  });

  it('nothing printed to the console contains it', () => {
    expect(printed.filter((line) => CANARIES.some((c) => line.includes(c)))).toEqual([]);
  });
});

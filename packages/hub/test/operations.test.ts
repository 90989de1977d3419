import { initParsers, lintSnapshot } from '@spacelint/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HubClient, HubSpaceSource, type UploadProgress } from '../src/index.js';
import type { FakeHub } from '../src/testing/index.js';
import { bytes, client, decode, GRADIO_APP, GRADIO_README, READ, readme, spaceDir, startFakeHub, WRITE } from './helpers.js';

let fake: FakeHub;
let hub: HubClient;
beforeAll(async () => {
  fake = await startFakeHub();
  hub = client(fake);
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.inject({ reset: true });
});

describe('configuration', () => {
  it('reads HF_TOKEN and HF_ENDPOINT (trailing slash removed) from the environment', async () => {
    const fromEnv = new HubClient({ env: { HF_TOKEN: ` ${WRITE}\n`, HF_ENDPOINT: `${fake.url}/` } });
    expect(fromEnv.endpoint).toBe(fake.url);
    expect(fromEnv.hasToken).toBe(true);
    expect((await fromEnv.whoami()).name).toBe('user');
    expect(fake.requests.at(-1)?.path).toBe('/api/whoami-v2'); // not //api/whoami-v2
  });

  it('defaults to huggingface.co and lets explicit options win over the environment', () => {
    expect(new HubClient({ env: {} }).endpoint).toBe('https://huggingface.co');
    const explicit = new HubClient({ env: { HF_TOKEN: 'hf_env', HF_ENDPOINT: 'https://env.example' }, endpoint: fake.url, token: WRITE });
    expect(explicit.endpoint).toBe(fake.url);
  });

  it('rejects an endpoint that is not a plain http(s) URL', () => {
    expect(() => new HubClient({ env: { HF_ENDPOINT: 'ftp://x' } })).toThrow(/http\(s\)/);
    expect(() => new HubClient({ env: { HF_ENDPOINT: 'not a url' } })).toThrow(/not a URL/);
  });
});

describe('whoami', () => {
  it('names the user, their orgs and the token role, never the token', async () => {
    expect(await hub.whoami()).toEqual({ name: 'user', type: 'user', orgs: ['acme'], tokenRole: 'write' });
    expect((await client(fake, { token: READ }).whoami()).tokenRole).toBe('read');
  });
});

describe('createSpace', () => {
  it('creates through hub.js createRepo when there is nothing else to set', async () => {
    const created = await hub.createSpace('user/plain', { sdk: 'docker', private: true });
    expect(created).toEqual({ id: 'user/plain', url: `${fake.url}/spaces/user/plain` });
    const state = fake.space('user/plain')!;
    expect(state).toMatchObject({ sdk: 'docker', private: true, hardware: 'cpu-basic' });
    expect([...state.files.keys()].sort()).toEqual(['.gitattributes', 'README.md']);
    expect(state.text('README.md')).toContain('sdk: docker');
  });

  it('sends hardware, sleep time, secrets and variables in the creation request itself', async () => {
    await hub.createSpace('acme/extras', {
      sdk: 'gradio',
      hardware: 't4-small',
      sleepTimeSeconds: 3600,
      secrets: { OPENAI_API_KEY: 'sk-not-a-real-key-000000000000' },
      variables: [{ key: 'MODEL_ID', value: 'user/model', description: 'which model' }],
    });
    const creates = fake.requests.filter((r) => r.path === '/api/repos/create');
    expect(creates.at(-1)?.status).toBe(200);
    expect(fake.requests.filter((r) => r.path.startsWith('/api/spaces/acme/extras/'))).toEqual([]); // no follow-up calls
    expect(fake.space('acme/extras')).toMatchObject({
      hardware: 't4-small',
      sleepTime: 3600,
      secrets: { OPENAI_API_KEY: 'sk-not-a-real-key-000000000000' },
      variables: { MODEL_ID: 'user/model' },
    });
  });

  it('checks the sdk and the names of secrets before sending anything', async () => {
    const before = fake.requests.length;
    await expect(hub.createSpace('user/x', { sdk: 'flask' as never })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(hub.createSpace('user/x', { sdk: 'gradio', secrets: { 'BAD KEY': 'v' } })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(hub.createSpace('not-an-id', { sdk: 'gradio' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(fake.requests.length).toBe(before);
  });
});

describe('uploadSpace', () => {
  it('uploads a folder as one commit: regular files inline, large and binary files through LFS', async () => {
    await hub.createSpace('user/upload', { sdk: 'gradio' });
    const big = bytes(2000, 1); // ≥ lfsThreshold (1 KiB): basic LFS upload
    const huge = bytes(10_000, 2); // ≥ multipartThreshold (8 KiB): 4 parts of 3000 bytes
    const icon = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]); // small, but binary: LFS by sniffing
    const { dir, cleanup } = await spaceDir({
      'README.md': GRADIO_README,
      'app.py': GRADIO_APP,
      'requirements.txt': 'torch\n',
      'weights/model.bin': big,
      'weights/huge.safetensors': huge,
      'icon.png': icon,
      '.env': 'HF_TOKEN=hf_should_never_leave_this_machine\n',
      'config/.env.production': 'SECRET=1\n',
      '.git/config': '[core]\n',
      '__pycache__/app.cpython-312.pyc': 'x',
      '.gitignore': 'data/\n*.log\n!keep.log\n',
      'data/cache.json': '{}',
      'debug.log': 'noise',
      'keep.log': 'kept',
      'sub/.gitignore': 'local-only.txt\n',
      'sub/local-only.txt': 'x',
      'sub/shared.txt': 'y',
      'outside-link': { symlink: '/etc/hostname' },
    });
    try {
      const events: UploadProgress[] = [];
      const result = await hub.uploadSpace('user/upload', dir, { message: 'First deploy', onProgress: (e) => events.push(e) });
      const state = fake.space('user/upload')!;
      expect(result.commit.oid).toBe(state.commits.at(-1)!.oid);
      expect(result.commit.url).toBe(`${fake.url}/spaces/user/upload/commit/${result.commit.oid}`);
      expect(state.commits.map((c) => c.title)).toEqual(['initial commit', 'First deploy']);
      expect([...state.files.keys()].sort()).toEqual(
        ['.gitattributes', '.gitignore', 'README.md', 'app.py', 'icon.png', 'keep.log', 'requirements.txt', 'sub/.gitignore', 'sub/shared.txt', 'weights/huge.safetensors', 'weights/model.bin'].sort(),
      );
      expect(state.files.get('weights/huge.safetensors')).toEqual(huge);
      expect(state.files.get('weights/model.bin')).toEqual(big);
      expect(state.files.get('icon.png')).toEqual(icon);
      expect([...state.lfsPaths].sort()).toEqual(['icon.png', 'weights/huge.safetensors', 'weights/model.bin']);
      const reasons = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
      expect(reasons).toMatchObject({
        '.env': 'env-file',
        'config/.env.production': 'env-file',
        '.git': 'git',
        __pycache__: 'ignored',
        data: 'ignored',
        'debug.log': 'ignored',
        'sub/local-only.txt': 'ignored',
        'outside-link': 'symlink-outside',
      });
      expect(result.skipped.find((s) => s.path === 'debug.log')?.detail).toBe('.gitignore: *.log');
      // The multipart path really ran: 4 parts and a completion call, then one commit.
      expect(fake.requests.filter((r) => r.path.startsWith('/__lfs/multipart/')).length).toBe(4);
      expect(fake.requests.filter((r) => r.path.startsWith('/__lfs/complete/')).length).toBe(1);
      expect(fake.requests.filter((r) => r.path === '/api/spaces/user/upload/commit/main').length).toBe(1);
      expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['preupload', 'hashing', 'uploading', 'commit']));

      // Same content again: the LFS objects are already stored, so nothing is PUT.
      const puts = fake.requests.filter((r) => r.method === 'PUT').length;
      await hub.uploadSpace('user/upload', dir, { message: 'Again' });
      expect(fake.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
      expect(fake.space('user/upload')!.commits.length).toBe(3);
    } finally {
      await cleanup();
    }
  });

  it('deletes files the folder no longer has only when asked, keeping .gitattributes and excluded paths', async () => {
    fake.seedSpace('user/prune', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'old.py': 'x = 1\n', 'data/big.csv': 'a,b\n', '.gitattributes': '*.bin filter=lfs\n' });
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, '.gitignore': 'data/\n' });
    try {
      const kept = await hub.uploadSpace('user/prune', dir);
      expect(kept.deleted).toEqual([]);
      expect(fake.space('user/prune')!.files.has('old.py')).toBe(true);
      const pruned = await hub.uploadSpace('user/prune', dir, { deleteRemoved: true });
      expect(pruned.deleted).toEqual(['old.py']);
      expect([...fake.space('user/prune')!.files.keys()].sort()).toEqual(['.gitattributes', '.gitignore', 'README.md', 'app.py', 'data/big.csv']);
    } finally {
      await cleanup();
    }
  });

  it('honours extra exclude patterns', async () => {
    await hub.createSpace('user/exclude', { sdk: 'gradio' });
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'notebooks/try.ipynb': '{}', 'tests/test_app.py': 'pass\n' });
    try {
      const result = await hub.uploadSpace('user/exclude', dir, { exclude: ['notebooks/', '/tests'] });
      expect(result.uploaded.sort()).toEqual(['README.md', 'app.py']);
      expect(result.skipped.map((s) => s.detail)).toEqual(expect.arrayContaining(['exclude: notebooks/', 'exclude: /tests']));
    } finally {
      await cleanup();
    }
  });
});

describe('files', () => {
  it('lists every file (paged) and downloads regular, LFS and missing files', async () => {
    const pagedFake = await startFakeHub({ pageSize: 2 });
    try {
      const paged = client(pagedFake);
      const model = bytes(3000, 7);
      pagedFake.seedSpace('user/files', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'src/a.py': 'a = 1\n', 'src/deep/b.py': 'b = 2\n', 'model.bin': model });
      const list = await paged.listFiles('user/files');
      expect(list.map((f) => f.path).sort()).toEqual(['README.md', 'app.py', 'model.bin', 'src/a.py', 'src/deep/b.py']);
      expect(list.find((f) => f.path === 'model.bin')).toMatchObject({ size: 3000, lfs: true });
      expect(pagedFake.requests.filter((r) => r.path.includes('/tree/')).length).toBeGreaterThan(2); // followed the Link pages
      expect(decode(await paged.downloadFile('user/files', 'src/deep/b.py'))).toBe('b = 2\n');
      expect(await paged.downloadFile('user/files', 'model.bin')).toEqual(model);
      const known = list.find((f) => f.path === 'app.py')!;
      const before = pagedFake.requests.length;
      expect(decode(await paged.downloadFile('user/files', 'app.py', { known }))).toBe(GRADIO_APP);
      expect(pagedFake.requests.length - before).toBe(1); // no size probe when the entry is known
      expect(await paged.downloadFile('user/files', 'nope.txt')).toBeNull();
    } finally {
      await pagedFake.close();
    }
  });

  it('reads an older revision', async () => {
    fake.seedSpace('user/revs', { 'README.md': GRADIO_README, 'app.py': 'print("v1")\n' });
    const first = fake.space('user/revs')!.commits[0].oid;
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': 'print("v2")\n' });
    try {
      await hub.uploadSpace('user/revs', dir);
    } finally {
      await cleanup();
    }
    expect(decode(await hub.downloadFile('user/revs', 'app.py'))).toBe('print("v2")\n');
    expect(decode(await hub.downloadFile('user/revs', 'app.py', { revision: first }))).toBe('print("v1")\n');
    expect((await hub.listFiles('user/revs', { revision: first })).length).toBe(2);
  });

  it('refuses paths that would break the URL', async () => {
    await expect(hub.downloadFile('user/revs', 'a#b')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(hub.downloadFile('user/revs', '../x')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('runtime', () => {
  it('reports BUILDING after a commit, then the build outcome', async () => {
    await hub.createSpace('user/rt', { sdk: 'gradio' });
    expect((await hub.getRuntime('user/rt')).stage).toBe('NO_APP_FILE');
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    try {
      await hub.uploadSpace('user/rt', dir);
    } finally {
      await cleanup();
    }
    expect((await hub.getRuntime('user/rt')).stage).toBe('BUILDING');
    const running = await hub.getRuntime('user/rt');
    expect(running).toMatchObject({ stage: 'RUNNING', hardware: { current: 'cpu-basic', requested: 'cpu-basic' }, sleepTimeSeconds: 172800 });
    const info = await hub.spaceInfo('user/rt');
    expect(info).toMatchObject({ id: 'user/rt', sdk: 'gradio', private: false, runtime: { stage: 'RUNNING' } });
    expect(info.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('says whether a Space exists', async () => {
    expect(await hub.spaceExists('user/rt')).toBe(true);
    expect(await hub.spaceExists('user/never-created')).toBe(false);
    // Anonymous: a private Space looks missing (the Hub answers 401).
    fake.seedSpace('user/hidden', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP }, { private: true });
    expect(await client(fake, { token: undefined }).spaceExists('user/hidden')).toBe(false);
    expect(await hub.spaceExists('user/hidden')).toBe(true);
  });
});

describe('Space management', () => {
  beforeAll(() => {
    fake.seedSpace('user/manage', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP }, { secrets: { EXISTING: 'old' }, variables: { THEME: 'dark' } });
  });

  it('sets, lists and deletes secrets; values never come back', async () => {
    await hub.setSecret('user/manage', 'OPENAI_API_KEY', 'sk-test-000000000000000000000000', { description: 'for the demo' });
    expect(fake.space('user/manage')!.secrets.OPENAI_API_KEY).toBe('sk-test-000000000000000000000000');
    const listed = await hub.listSecrets('user/manage');
    expect(Object.keys(listed).sort()).toEqual(['EXISTING', 'OPENAI_API_KEY']);
    expect(listed.OPENAI_API_KEY.description).toBe('for the demo');
    expect(JSON.stringify(listed)).not.toContain('sk-test');
    await hub.deleteSecret('user/manage', 'OPENAI_API_KEY');
    await hub.deleteSecret('user/manage', 'NEVER_SET'); // missing: still fine, as on the Hub
    expect(Object.keys(fake.space('user/manage')!.secrets)).toEqual(['EXISTING']);
    await expect(hub.setSecret('user/manage', '1BAD', 'v')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('sets and deletes variables, returning the whole map', async () => {
    const after = await hub.setVariable('user/manage', 'MODEL_ID', 'user/model');
    expect(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.value]))).toEqual({ THEME: 'dark', MODEL_ID: 'user/model' });
    expect((await hub.listVariables('user/manage')).MODEL_ID.value).toBe('user/model');
    expect(Object.keys(await hub.deleteVariable('user/manage', 'THEME'))).toEqual(['MODEL_ID']);
    expect(fake.space('user/manage')!.variables).toEqual({ MODEL_ID: 'user/model' });
  });

  it('requests hardware (with a sleep time) and restarts the build on it', async () => {
    const runtime = await hub.requestHardware('user/manage', 't4-small', { sleepTimeSeconds: 3600 });
    expect(runtime).toMatchObject({ stage: 'BUILDING', hardware: { requested: 't4-small' }, sleepTimeSeconds: 3600 });
    expect(fake.space('user/manage')).toMatchObject({ hardware: 't4-small', sleepTime: 3600 });
    await expect(hub.requestHardware('user/manage', 'gpu-please')).rejects.toMatchObject({ code: 'bad-request', status: 400 });
    await expect(hub.requestHardware('user/manage', 'T4 Small')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('sets the sleep time', async () => {
    expect((await hub.setSleepTime('user/manage', 600)).sleepTimeSeconds).toBe(600);
    expect((await hub.setSleepTime('user/manage', -1)).sleepTimeSeconds).toBe(-1);
    await expect(hub.setSleepTime('user/manage', 1.5)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('pauses, restarts, and factory-rebuilds', async () => {
    expect((await hub.pause('user/manage')).stage).toBe('PAUSED');
    expect(fake.space('user/manage')!.stage).toBe('PAUSED');
    expect((await hub.restart('user/manage')).stage).toBe('BUILDING');
    expect((await hub.restart('user/manage', { factory: true })).stage).toBe('BUILDING');
    expect(fake.space('user/manage')).toMatchObject({ restarts: 2, factoryRebuilds: 1 });
    expect(fake.requests.filter((r) => r.path === '/api/spaces/user/manage/restart').map((r) => r.query)).toEqual(['', '?factory=true']);
  });

  it('cannot pause a static Space (400)', async () => {
    fake.seedSpace('user/static', { 'README.md': readme('sdk: static'), 'index.html': '<h1>hi</h1>' });
    await expect(hub.pause('user/static')).rejects.toMatchObject({ code: 'bad-request', status: 400, hubMessage: 'Cannot pause a static Space' });
  });
});

describe('logs', () => {
  it('tails build and run logs from the SSE stream (which the Hub keeps open)', async () => {
    fake.seedSpace('user/logs', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    const build = await hub.tailLogs('user/logs', 'build');
    expect(build[0].text).toMatch(/^===== Build Queued at .+ \/ Commit SHA: [0-9a-f]{7} =====$/);
    expect(build.map((l) => l.text)).toContain('--> Pushing image');
    expect(build[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const run = await hub.tailLogs('user/logs', 'run', { lines: 2 });
    expect(run.map((l) => l.text)).toEqual(['', 'To create a public link, set `share=True` in `launch()`.']);
  });

  it('a snapshot ends about a second after the replayed lines, not after the full idle time', async () => {
    const patient = client(fake, { logIdleTimeoutMs: 4000 });
    const started = Date.now();
    const lines = await patient.tailLogs('user/logs', 'build');
    const elapsed = Date.now() - started;
    expect(lines.length).toBeGreaterThan(5);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });

  it('a Space that logs more than once a second still gives a snapshot: a total deadline ends it', async () => {
    fake.seedSpace('user/chatty', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP }, { runLogs: ['start'], runLogEveryMs: 100 });
    const started = Date.now();
    const lines = await client(fake, { logSnapshotMaxMs: 1500 }).tailLogs('user/chatty', 'run', { lines: 5 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3000);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)!.text).toMatch(/^tick \d+$/);
  });

  it('follows a stream until aborted', async () => {
    fake.seedSpace('user/follow', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP }, { runLogs: ['one', 'two', 'three'] });
    const controller = new AbortController();
    const seen: string[] = [];
    const started = Date.now();
    setTimeout(() => controller.abort(), 600);
    for await (const line of hub.streamLogs('user/follow', 'run', { follow: true, signal: controller.signal })) seen.push(line.text);
    expect(seen).toEqual(['one', 'two', 'three']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550); // it kept listening past the idle timeout
  });
});

describe('HubSpaceSource', () => {
  it('snapshots a Space for core: text candidates downloaded, others listed only, revision pinned', async () => {
    const weights = bytes(4000, 3);
    fake.seedSpace('user/lintme', {
      'README.md': readme('title: Demo\nsdk: gradio\napp_file: app.py\nhardware: a10g-small'),
      'app.py': GRADIO_APP,
      'packages.txt': 'ffmpeg\n',
      'model.safetensors': weights,
      'big.txt': 'x'.repeat(10),
    });
    const source = new HubSpaceSource(hub, 'hf://spaces/user/lintme');
    expect(source.root).toBe('hf://spaces/user/lintme');
    const before = fake.requests.length;
    const snapshot = await source.snapshot();
    expect(snapshot.root).toBe('hf://spaces/user/lintme');
    expect(snapshot.files.get('app.py')?.text).toBe(GRADIO_APP);
    expect(snapshot.files.get('model.safetensors')).toEqual({ path: 'model.safetensors', size: 4000 });
    const served = fake.requests.slice(before);
    expect(served.some((r) => r.path.includes('model.safetensors') || r.path.startsWith('/__lfs/objects/'))).toBe(false);
    expect(served.filter((r) => r.path.includes('/resolve/')).every((r) => r.path.includes(`/resolve/${source.commit}/`))).toBe(true);
    await initParsers();
    const { diagnostics } = lintSnapshot(snapshot);
    expect(diagnostics.map((d) => d.ruleId)).toContain('config-unknown-key');
  });

  it('lints an older revision with @revision', async () => {
    fake.seedSpace('user/lintrev', { 'README.md': GRADIO_README, 'app.py': 'v = 1\n' });
    const old = fake.space('user/lintrev')!.commits[0].oid;
    const { dir, cleanup } = await spaceDir({ 'README.md': GRADIO_README, 'app.py': 'v = 2\n' });
    try {
      await hub.uploadSpace('user/lintrev', dir);
    } finally {
      await cleanup();
    }
    const snapshot = await new HubSpaceSource(hub, `hf://spaces/user/lintrev@${old}`).snapshot();
    expect(snapshot.root).toBe(`hf://spaces/user/lintrev@${old}`);
    expect(snapshot.files.get('app.py')?.text).toBe('v = 1\n');
  });

  it('marks text files above the read limit instead of downloading them', async () => {
    const limitFake = await startFakeHub({ lfsThreshold: 64 * 1024 * 1024 });
    try {
      limitFake.seedSpace('user/large', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'data.json': `[${'1,'.repeat(1_100_000)}1]` });
      const snapshot = await new HubSpaceSource(client(limitFake), 'user/large').snapshot();
      expect(snapshot.files.get('data.json')).toMatchObject({ problem: 'too-large' });
      expect(limitFake.requests.some((r) => r.path.endsWith('/data.json'))).toBe(false);
    } finally {
      await limitFake.close();
    }
  });

  it('reads a public Space without a token', async () => {
    fake.seedSpace('user/public', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    const anonymous = client(fake, { token: undefined });
    const snapshot = await new HubSpaceSource(anonymous, 'user/public').snapshot();
    expect(snapshot.files.get('README.md')?.text).toBe(GRADIO_README);
  });
});

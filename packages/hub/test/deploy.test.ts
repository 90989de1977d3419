import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deploySpace, DeployRefusedError, type HubClient, HubError, hubErrorMessage, HubNotFoundError, parseSpaceId, SpaceRefError, type DeployProgress } from '../src/index.js';
import type { FakeHub } from '../src/testing/index.js';
import { client, GRADIO_APP, GRADIO_README, readme, spaceDir, startFakeHub } from './helpers.js';

let fake: FakeHub;
let hub: HubClient;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFakeHub();
  hub = client(fake);
});
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
  await fake.close();
});
afterEach(() => {
  fake.inject({ reset: true });
});

async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const { dir, cleanup } = await spaceDir(files);
  cleanups.push(cleanup);
  return dir;
}

// An error-level finding that exists in core today: the README names an app file that is not there.
const BROKEN = { 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py'), 'app.py': GRADIO_APP };

describe('deploySpace', () => {
  it('creates a missing Space from the README sdk, uploads one commit, reports progress and URLs', async () => {
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': 'numpy\n', '.env': 'HF_TOKEN=hf_local_only\n' });
    const events: DeployProgress[] = [];
    const result = await deploySpace({ hub, dir, space: 'user/fresh', create: { private: true }, onProgress: (e) => events.push(e) });
    expect(result).toMatchObject({ space: 'user/fresh', spaceUrl: `${fake.url}/spaces/user/fresh`, created: true, forced: false, counts: { error: 0 } });
    const state = fake.space('user/fresh')!;
    expect(state).toMatchObject({ sdk: 'gradio', private: true });
    expect(result.commit!.oid).toBe(state.commits.at(-1)!.oid);
    expect(result.commit!.url).toBe(`${fake.url}/spaces/user/fresh/commit/${result.commit!.oid}`);
    expect(state.commits.at(-1)!.title).toBe('Deploy with spacelint');
    expect(state.files.has('.env')).toBe(false);
    expect(result.skipped).toContainEqual(expect.objectContaining({ path: '.env', reason: 'env-file' }));
    expect(result.uploaded.sort()).toEqual(['README.md', 'app.py', 'requirements.txt']);
    const phases = events.map((e) => e.phase);
    expect(phases[0]).toBe('collect');
    expect(phases.indexOf('lint')).toBeLessThan(phases.indexOf('create'));
    expect(phases.indexOf('create')).toBeLessThan(phases.indexOf('commit'));
    expect(phases.at(-1)).toBe('done');
    expect(events.every((e) => e.message.length > 0)).toBe(true);
  });

  it('updates an existing Space without creating it', async () => {
    fake.seedSpace('user/existing', { 'README.md': GRADIO_README, 'app.py': 'print(0)\n' });
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    const before = fake.requests.length;
    const result = await deploySpace({ hub, dir, space: 'user/existing', message: 'Ship it' });
    expect(result.created).toBe(false);
    expect(fake.space('user/existing')!.text('app.py')).toBe(GRADIO_APP);
    expect(fake.requests.slice(before).some((r) => r.path === '/api/repos/create')).toBe(false);
  });

  it('refuses on error-level findings, before sending anything', async () => {
    const dir = await folder(BROKEN);
    const before = fake.requests.length;
    const error = await deploySpace({ hub, dir, space: 'user/refused' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeployRefusedError);
    const refused = error as DeployRefusedError;
    expect(refused.errorCount).toBe(1);
    expect(refused.diagnostics.map((d) => d.ruleId)).toContain('config-app-file-missing');
    expect(refused.message).toMatch(/^Refusing to deploy .+ to user\/refused: spacelint found 1 error-level problem \(first: README\.md:\d+ config-app-file-missing: /);
    expect(fake.requests.length).toBe(before);
    expect(fake.space('user/refused')).toBeUndefined();
  });

  it('deploys anyway when forced, and says so', async () => {
    const dir = await folder(BROKEN);
    const result = await deploySpace({ hub, dir, space: 'user/forced', force: true });
    expect(result).toMatchObject({ forced: true, created: true, counts: { error: 1 } });
    expect(fake.space('user/forced')!.files.has('app.py')).toBe(true);
    expect(fake.space('user/forced')!.stage).toBe('NO_APP_FILE'); // what the lint warned about
  });

  it('lints what it uploads: a gitignored file with a problem does not block', async () => {
    const dir = await folder({ ...BROKEN, 'README.md': GRADIO_README, '.gitignore': 'scratch/\n', 'scratch/README.md': readme('sdk: nonsense') });
    const result = await deploySpace({ hub, dir, space: 'user/ignored-problem' });
    expect(result.counts.error).toBe(0);
    expect(result.uploaded).not.toContain('scratch/README.md');
  });

  it('applies lint overrides (turning the rule off unblocks the deploy)', async () => {
    const dir = await folder(BROKEN);
    const result = await deploySpace({ hub, dir, space: 'user/overridden', lintConfig: { rules: { 'config-app-file-missing': 'off' } } });
    expect(result.counts.error).toBe(0);
  });

  it('with create: false, a missing Space is an error and nothing is uploaded', async () => {
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    const error = await deploySpace({ hub, dir, space: 'user/not-there', create: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HubNotFoundError);
    expect(fake.requests.some((r) => r.path.startsWith('/api/spaces/user/not-there/preupload'))).toBe(false);
  });

  it('a folder that does not exist is a clear error', async () => {
    await expect(deploySpace({ hub, dir: '/nonexistent/space', space: 'user/x' })).rejects.toThrow(/is not a folder/);
  });

  it('a deploy with nothing changed makes no commit and says the Space is up to date', async () => {
    const weights = new Uint8Array(5000).fill(9); // LFS at the test threshold: compared by sha256
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'weights.bin': weights });
    const first = await deploySpace({ hub, dir, space: 'user/same' });
    expect(first.upToDate).toBe(false);
    const commits = fake.space('user/same')!.commits.length;
    const again = await deploySpace({ hub, dir, space: 'user/same' });
    expect(again).toMatchObject({ upToDate: true, uploaded: [], commit: { oid: first.commit!.oid } });
    expect(fake.space('user/same')!.commits).toHaveLength(commits);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/app.py`, GRADIO_APP + '# changed\n');
    expect((await deploySpace({ hub, dir, space: 'user/same' })).upToDate).toBe(false);
    expect(fake.space('user/same')!.commits).toHaveLength(commits + 1);
  });

  it('dryRun lists what would be uploaded, left out and deleted, and changes nothing', async () => {
    fake.seedSpace('user/planned', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'old.py': 'x = 1\n', 'notes.log': 'x' });
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'new.py': 'y = 2\n', '.env': 'A=1\n', '.gitignore': '*.log\n', 'run.log': 'x' });
    const before = fake.space('user/planned')!.commits.length;
    const plan = await deploySpace({ hub, dir, space: 'user/planned', dryRun: true, deleteRemoved: true });
    expect(plan).toMatchObject({ dryRun: true, commit: null, upToDate: false, created: false });
    expect(plan.uploaded).toEqual(['.gitignore', 'README.md', 'app.py', 'new.py']);
    expect(plan.deleted).toEqual(['old.py']); // notes.log is covered by the folder's .gitignore: kept
    expect(plan.skipped.map((s) => [s.path, s.reason])).toEqual(
      expect.arrayContaining([
        ['.env', 'env-file'],
        ['run.log', 'ignored'],
      ]),
    );
    expect(fake.space('user/planned')!.commits).toHaveLength(before);
    const missing = await deploySpace({ hub, dir, space: 'user/not-yet', dryRun: true });
    expect(missing).toMatchObject({ created: true, dryRun: true });
    expect(fake.space('user/not-yet')).toBeUndefined();
  });

  it('deleteRemoved deletes what the folder no longer has, never excluded files or .gitattributes', async () => {
    fake.seedSpace('user/pruned', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'old.py': 'x = 1\n', 'notes.log': 'x' });
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, '.gitignore': '*.log\n' });
    const result = await deploySpace({ hub, dir, space: 'user/pruned', deleteRemoved: true });
    expect(result.deleted).toEqual(['old.py']);
    expect([...fake.space('user/pruned')!.files.keys()].sort()).toEqual(['.gitignore', 'README.md', 'app.py', 'notes.log']);
  });

  it('never uploads .env or .git content through a symlink, nor credential files', async () => {
    const { dir, cleanup } = await spaceDir({
      'README.md': GRADIO_README,
      'app.py': GRADIO_APP,
      '.env': 'HF_TOKEN=hf_local_only_value_123456\n',
      '.git/config': '[remote "origin"]\n',
      '.netrc': 'machine huggingface.co password x\n',
      '.envrc': 'export A=1\n',
      'settings.cfg.txt': { symlink: '.env' },
      gitconfig: { symlink: '.git/config' },
    });
    cleanups.push(cleanup);
    const result = await deploySpace({ hub, dir, space: 'user/linked' });
    expect([...fake.space('user/linked')!.files.keys()].sort()).toEqual(['.gitattributes', 'README.md', 'app.py']);
    expect(result.skipped.map((s) => [s.path, s.reason])).toEqual(
      expect.arrayContaining([
        ['settings.cfg.txt', 'symlink-to-excluded'],
        ['gitconfig', 'symlink-to-excluded'],
        ['.netrc', 'credentials'],
        ['.envrc', 'credentials'],
      ]),
    );
  });

  it('scans every uploaded text file for tokens, and for the HF_TOKEN value itself, before sending anything', async () => {
    const token = 'hf_fake_write'; // the client's own token (test tokens are short: only the literal check finds it)
    const dir = await folder({
      'README.md': GRADIO_README,
      'app.py': GRADIO_APP,
      'config/credentials': `token = ${'hf_' + 'Zq8Lm3Nx7Vb2Kc5Rt9Wy4Hd6Jf1Gs0PaE'}\n`,
      'deploy-notes': `use ${token} here\n`,
    });
    const before = fake.requests.length;
    const error = (await deploySpace({ hub, dir, space: 'user/leaky' }).then(
      () => undefined,
      (e: unknown) => e,
    )) as DeployRefusedError;
    expect(error).toBeInstanceOf(DeployRefusedError);
    expect(
      error.diagnostics
        .filter((d) => d.ruleId === 'security-hardcoded-secret')
        .map((d) => d.file)
        .sort(),
    ).toEqual(['config/credentials', 'deploy-notes']);
    expect(JSON.stringify(error.diagnostics)).not.toContain('Zq8Lm3Nx7Vb2');
    expect(JSON.stringify(error.diagnostics)).not.toContain(token);
    expect(fake.requests.length).toBe(before);
    const binary = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'blob.dat': new Uint8Array([0, 1, 2, 104, 102, 95]) });
    expect((await deploySpace({ hub, dir: binary, space: 'user/binary' })).counts.error).toBe(0);
  });
});

describe('deploySpace dry run: upload set, exclusions, nested Spaces, deletions', () => {
  it('lists the upload set, what is left out and why, and (deleteRemoved) the remote files to delete; commits nothing', async () => {
    const state = fake.seedSpace('user/plan', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'old.py': 'X = 1\n' }, { sdk: 'gradio' });
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, '.env': 'KEY=1\n' });
    const plan = await deploySpace({ hub, dir, space: 'user/plan', deleteRemoved: true, dryRun: true });
    expect(plan).toMatchObject({ space: 'user/plan', created: false, dryRun: true, uploaded: ['README.md', 'app.py'], deleted: ['old.py'], counts: { error: 0 } });
    expect(plan.skipped.map((s) => s.path)).toContain('.env');
    expect(state.commits).toHaveLength(1);
    const keep = await deploySpace({ hub, dir, space: 'user/plan', dryRun: true });
    expect(keep.deleted).toEqual([]);
  });

  it('leaves a Space nested in the folder out, as the lint does, and deletes none of its files on the Hub', async () => {
    fake.seedSpace('user/outer', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'demos/inner/app.py': GRADIO_APP }, { sdk: 'gradio' });
    const dir = await folder({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'demos/inner/README.md': GRADIO_README, 'demos/inner/app.py': GRADIO_APP, 'demos/notes.md': '# notes\n' });
    const plan = await deploySpace({ hub, dir, space: 'user/outer', deleteRemoved: true, dryRun: true });
    expect(plan.uploaded).toEqual(['README.md', 'app.py', 'demos/notes.md']);
    expect(plan.skipped).toContainEqual(expect.objectContaining({ path: 'demos/inner', reason: 'nested-space' }));
    expect(plan.deleted).toEqual([]);
  });

  it('reports lint errors instead of throwing, and a Space that does not exist yet', async () => {
    const dir = await folder({ 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py'), 'app.py': GRADIO_APP });
    const plan = await deploySpace({ hub, dir, space: 'user/not-yet', deleteRemoved: true, dryRun: true });
    expect(plan.created).toBe(true);
    expect(plan.deleted).toEqual([]);
    expect(plan.counts.error).toBeGreaterThan(0);
    expect(await hub.spaceExists(parseSpaceId('user/not-yet'))).toBe(false);
  });
});

describe('hubErrorMessage', () => {
  it('gives the message of a Hub failure and undefined for anything else (a bug)', () => {
    expect(hubErrorMessage(new HubError('not-found', 'Space user/x not found.', { operation: 'x' }))).toBe('Space user/x not found.');
    let refError: unknown;
    try {
      parseSpaceId('not a space');
    } catch (error) {
      refError = error;
    }
    expect(refError).toBeInstanceOf(SpaceRefError);
    expect(hubErrorMessage(refError)).toBe((refError as Error).message);
    expect(hubErrorMessage(new TypeError('x is undefined'))).toBeUndefined();
  });
});

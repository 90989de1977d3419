import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySpace, type HubClient, HubError, hubErrorMessage, parseSpaceId, SpaceRefError } from '../src/index.js';
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

async function folder(files: Record<string, string>): Promise<string> {
  const { dir, cleanup } = await spaceDir(files);
  cleanups.push(cleanup);
  return dir;
}

describe('deploySpace dry run', () => {
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

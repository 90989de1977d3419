import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_SPACE, CLEAN_README, text, writeSpace } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

const APP = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch()\n';

describe('deploy_space', () => {
  const hub = withFakeHub({ buildPolls: 1 });

  it('dry_run lists what would be uploaded, left out (with why) and deleted, and changes nothing', async () => {
    hub.fake.seedSpace('ada/demo', { 'README.md': CLEAN_README, 'app.py': APP, 'old.py': 'X = 1\n' }, { sdk: 'gradio' });
    writeSpace(join(hub.root, 'demo'), { 'README.md': CLEAN_README, 'app.py': APP, '.env': 'API_KEY=abc\n' });
    const before = hub.fake.space('ada/demo')!.commits.length;
    const plan = await hub.call('deploy_space', { path: 'demo', space: 'ada/demo', dry_run: true, delete_removed: true });
    expect(plan.isError, text(plan)).toBeFalsy();
    expect(plan.structuredContent).toMatchObject({ dry_run: true, uploaded: ['README.md', 'app.py'], deleted: ['old.py'] });
    const skipped = (plan.structuredContent as { skipped: { path: string; reason: string }[] }).skipped;
    expect(skipped).toContainEqual({ path: '.env', reason: expect.stringMatching(/^env-file: /) });
    expect(text(plan)).toMatch(/Dry run, nothing sent/);
    expect(hub.fake.space('ada/demo')!.commits.length).toBe(before);
  });

  it('delete_removed deletes the Hub files the folder no longer has', async () => {
    const result = await hub.call('deploy_space', { path: 'demo', space: 'ada/demo', delete_removed: true });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ deleted: ['old.py'] });
    expect([...hub.fake.space('ada/demo')!.files.keys()].sort()).toEqual(['README.md', 'app.py']);
  });

  it('a refusal gives its advice once, in MCP words', async () => {
    writeSpace(join(hub.root, 'broken'), BROKEN_SPACE);
    const refused = await hub.call('deploy_space', { path: 'broken', space: 'ada/demo' });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/^not deployed: spacelint found: 1 error/);
    expect(text(refused).match(/force/g)).toHaveLength(1);
    expect(text(refused)).not.toMatch(/--force|deploy with force/);
  });

  it('refuses a packages.txt that is certain to fail the build (libgl1-mesa-glx), and deploys once fixed', async () => {
    hub.fake.seedSpace('ada/edges', { 'README.md': CLEAN_README, 'app.py': APP }, { sdk: 'gradio' });
    writeSpace(join(hub.root, 'edges'), { 'README.md': CLEAN_README, 'app.py': APP, 'packages.txt': 'ffmpeg\nlibgl1-mesa-glx\n' });
    const before = hub.fake.space('ada/edges')!.commits.length;
    const refused = await hub.call('deploy_space', { path: 'edges', space: 'ada/edges' });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/deps-packages-txt/);
    expect(text(refused)).toMatch(/has no installation candidate/);
    expect(hub.fake.space('ada/edges')!.commits.length).toBe(before);
    const fixed = await hub.call('fix_space', { path: 'edges', dry_run: false });
    expect(fixed.isError, text(fixed)).toBeFalsy();
    const deployed = await hub.call('deploy_space', { path: 'edges', space: 'ada/edges' });
    expect(deployed.isError, text(deployed)).toBeFalsy();
    expect(new TextDecoder().decode(hub.fake.space('ada/edges')!.files.get('packages.txt'))).toBe('ffmpeg\nlibgl1\n');
  });
});

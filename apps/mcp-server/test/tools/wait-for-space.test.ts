import { describe, expect, it } from 'vitest';
import { CLEAN_README, text } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

const APP = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch()\n';

describe('wait_for_space', () => {
  const hub = withFakeHub({ buildPolls: 1 });

  it('returns the stage and the end of the build log when the build fails', async () => {
    hub.fake.seedSpace('ada/broken-build', { 'README.md': CLEAN_README, 'app.py': APP, 'packages.txt': 'libgl1-mesa-glx\n' }, { sdk: 'gradio' });
    const result = await hub.call('wait_for_space', { space: 'ada/broken-build', timeout_seconds: 30 });
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { done: boolean; runtime: { stage: string }; log?: { kind: string; lines: string[] } };
    expect(out).toMatchObject({ done: true, runtime: { stage: 'BUILD_ERROR' }, log: { kind: 'build' } });
    expect(out.log!.lines.join('\n')).toMatch(/libgl1-mesa-glx/);
    expect(text(result)).toMatch(/Next: diagnose_space/);
  });

  it('stops at its timeout with done false while the Space still builds, with progress on the way', async () => {
    hub.fake.seedSpace('ada/slow', { 'README.md': CLEAN_README, 'app.py': APP }, { sdk: 'gradio', runtime: { stage: 'BUILDING' } });
    const started = Date.now();
    const progress: { message?: string }[] = [];
    const result = await hub.server.client.callTool({ name: 'wait_for_space', arguments: { space: 'ada/slow', timeout_seconds: 5 } }, undefined, { onprogress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0].message).toMatch(/^BUILDING after/);
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(result.structuredContent).toMatchObject({ done: false, runtime: { stage: 'BUILDING' } });
    expect(text(result)).toMatch(/call wait_for_space again/);
  }, 15_000);
});

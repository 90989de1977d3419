import { describe, expect, it } from 'vitest';
import { CLEAN_README, text } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

describe('space_status', () => {
  const hub = withFakeHub();

  it('says in text exactly what the structured result says about hardware', async () => {
    hub.fake.seedSpace('ada/pending', { 'README.md': CLEAN_README }, { sdk: 'gradio', runtime: { stage: 'BUILDING' } });
    await hub.call('set_space_hardware', { space: 'ada/pending', flavor: 'zero-a10g' });
    const result = await hub.call('space_status', { space: 'ada/pending' });
    const runtime = (result.structuredContent as { runtime: { hardware: { current: string | null; requested: string | null } } }).runtime;
    if (runtime.hardware.current === null) expect(text(result)).toMatch(/no hardware assigned yet \(zero-a10g requested\)/);
    else expect(text(result)).toContain(`on ${runtime.hardware.current}`);
  });

  it('refuses a flavor that does not exist, with a did-you-mean', async () => {
    const result = await hub.call('set_space_hardware', { space: 'ada/pending', flavor: 'a10g_small' });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/did you mean `a10g-small`/);
  });
});

import { describe, expect, it } from 'vitest';
import { CLEAN_README, text } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

describe('whoami', () => {
  const hub = withFakeHub();

  it('names the account and the namespaces it can create Spaces in', async () => {
    const result = await hub.call('whoami', {});
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ name: 'ada', namespaces: ['ada', 'lab'] });
    expect(text(result)).toContain('ada/<name>, lab/<name>');
  });

  it('a 403 names the account and its namespaces, so an agent never guesses `me/…`', async () => {
    hub.fake.seedSpace('someone/else', { 'README.md': CLEAN_README }, { sdk: 'gradio' });
    const result = await hub.call('set_space_variable', { space: 'someone/else', key: 'A', value: '1' });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/token belongs to `ada`; it can write Spaces under: ada, lab/);
  });
});

describe('whoami with a token the Hub rejects', () => {
  const hub = withFakeHub({}, 'hf_not_a_token_the_fake_hub_knows_0001');

  it('a 401 asks the person to update the server token', async () => {
    const result = await hub.call('whoami', {});
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/ask the person to update HF_TOKEN in the MCP server configuration \(you cannot set it from here\)/);
    expect(text(result)).not.toContain('hf_not_a_token_the_fake_hub_knows_0001');
    // One advice, the one an agent can follow.
    expect(text(result).match(/HF_TOKEN/g)).toHaveLength(1);
    expect(text(result)).not.toMatch(/pass `token`/);
  });
});

import { afterAll, beforeAll } from 'vitest';
import { createFakeHub, type FakeHub, type FakeHubOptions } from '@spacelint/hub/testing';
import { connectStdio, serverEnv, tempRoot, type StdioServer } from './helpers.js';

export const WRITE_TOKEN = 'hf_fake_write_token_for_tool_tests';

/** The built server over stdio with the fake Hub as its Hub (user `ada`, org `lab`); set up per test file. */
export function withFakeHub(options: FakeHubOptions = {}, token: string | undefined = WRITE_TOKEN) {
  const fixture = {} as { fake: FakeHub; server: StdioServer; root: string; call(name: string, args: Record<string, unknown>): ReturnType<StdioServer['client']['callTool']> };
  beforeAll(async () => {
    fixture.fake = await createFakeHub({ tokens: { [WRITE_TOKEN]: { user: 'ada', role: 'write', orgs: ['lab'] } }, ...options });
    fixture.root = tempRoot();
    fixture.server = await connectStdio(['--root', fixture.root], serverEnv({ HF_TOKEN: token, HF_ENDPOINT: fixture.fake.url }));
    fixture.call = (name, args) => fixture.server.client.callTool({ name, arguments: args }, undefined, { onprogress: () => {}, timeout: 60_000 });
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.fake?.close();
  });
  return fixture;
}

import type { LintTarget } from './lint-command.js';
import { hubErrorAsUsage } from './hub-errors.js';

/** `hf://spaces/owner/name[@rev]`: linted through @spacelint/hub (loaded only when such a path is given). */
export async function hubTarget(url: string): Promise<LintTarget> {
  const { HubClient, HubSpaceSource } = await import('@spacelint/hub');
  try {
    const source = new HubSpaceSource(new HubClient(), url);
    const root = source.root;
    return {
      root,
      local: false,
      display: (path) => `${root}/${path}`,
      source: { root, snapshot: () => source.snapshot().catch((e: unknown) => Promise.reject(hubErrorAsUsage(e))) },
    };
  } catch (error) {
    throw hubErrorAsUsage(error);
  }
}

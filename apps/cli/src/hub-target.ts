import { UsageError } from './usage-error.js';
import type { LintTarget } from './lint-command.js';

/** `hf://spaces/owner/name[@rev]`: linted through @spacelint/hub (loaded only when such a path is given). */
export async function hubTarget(url: string): Promise<LintTarget> {
  throw new UsageError(`linting ${url} needs @spacelint/hub, which this build does not include yet`);
}

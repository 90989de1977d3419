import { UsageError } from './usage-error.js';

/** `init`, `deploy`, `doctor`: each loads only when used. */
export async function runOther(command: string, _argv: string[]): Promise<number> {
  throw new UsageError(`\`spacelint ${command}\` is not available in this build yet`);
}

import { UsageError } from './usage-error.js';

export async function runInit(_argv: string[]): Promise<number> {
  throw new UsageError('`spacelint init` is not available in this build yet');
}

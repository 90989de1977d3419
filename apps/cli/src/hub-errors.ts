import { hubErrorMessage } from '@spacelint/hub';
import { UsageError } from './usage-error.js';

/**
 * Hub failures (bad token, no such Space, rate limit...) are the user's to act on, not spacelint bugs:
 * they print as one line and exit 2, in the words @spacelint/hub gives every adapter (`hubErrorMessage`).
 */
export function hubErrorAsUsage(error: unknown): unknown {
  const message = hubErrorMessage(error);
  return message === undefined ? error : new UsageError(message);
}

import { UsageError } from './usage-error.js';

/**
 * Hub failures (bad token, no such Space, rate limit...) are the user's to act on, not spacelint bugs:
 * they print as one line and exit 2. Their messages are already redacted by @spacelint/hub.
 */
export function hubErrorAsUsage(error: unknown): unknown {
  const e = error as { name?: string; message?: string; code?: unknown };
  if (e && typeof e.message === 'string' && (/^Hub\w*Error$/.test(e.name ?? '') || e.name === 'SpaceRefError')) {
    return new UsageError(e.message);
  }
  return error;
}

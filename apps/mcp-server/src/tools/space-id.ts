import { z } from 'zod';

// Hub repo names: letters, digits, `-`, `_`, `.`, not starting or ending with `-` or `.`, up to 96 characters.
const PART = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?';

/** A Hub Space id, the same argument name (`space`) in every tool. */
export const spaceIdSchema = z
  .string()
  .regex(new RegExp(`^${PART}/${PART}$`), 'must be a Space id: owner/name (for example julien/my-demo)')
  .refine((s) => !s.includes('..') && !s.includes('--'), 'must be a Space id: owner/name without ".." or "--"')
  .describe('A Hugging Face Space id: owner/name.');

export const revisionSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s?#\\]+$/, 'must be a branch, tag or commit')
  .refine((s) => !s.includes('..'), 'must be a branch, tag or commit')
  .describe('A branch, tag or commit of the Space (default: the main branch).');

import { z } from 'zod';

// Hub repo names: letters, digits, `-`, `_`, `.`, not starting or ending with `-` or `.`, up to 96 characters.
// Checked by a refinement, not advertised as a `pattern`: the same regex in the schema of 17 tools would cost
// the tool list about 600 bytes, and "owner/name" tells an agent as much.
const PART = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?';
const SPACE_ID = new RegExp(`^${PART}/${PART}$`);

/** A Hub Space id, the same argument name (`space`) in every tool. */
export const spaceIdSchema = z
  .string()
  .refine((s) => SPACE_ID.test(s) && !s.includes('..') && !s.includes('--'), 'must be a Space id: owner/name (letters, digits, -, _, .; no ".." or "--"), for example julien/my-demo')
  .describe('owner/name');

export const revisionSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => /^[^\s?#\\]+$/.test(s) && !s.includes('..'), 'must be a branch, tag or commit')
  .describe('Branch, tag or commit (default main).');

/** Secret and variable names. */
export const keySchema = z
  .string()
  .max(256)
  .refine((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s), 'must be an environment variable name: letters, digits and underscores, not starting with a digit')
  .describe('Env variable name.');

/** A local folder argument. */
export const pathSchema = z.string().describe('Local Space folder (inside --root).');

import { z } from 'zod';

/**
 * Hardware flavors as an enum in the tool schemas, from core's reference data. The bundler defines the list
 * at build time (scripts/bundle.mjs), so the schemas carry it without loading the engine at start-up.
 */
declare const SPACELINT_HARDWARE: string[] | undefined;
const FLAVORS = typeof SPACELINT_HARDWARE === 'undefined' ? undefined : SPACELINT_HARDWARE;

export const hardwareSchema: z.ZodType<string> = FLAVORS ? z.enum(FLAVORS as [string, ...string[]], { error: (issue) => flavorError(issue.input, FLAVORS) }) : z.string();

/** The usual slips (`a10g_small`, `A10G-Small`) get a did-you-mean. */
function flavorError(input: unknown, flavors: readonly string[]): string {
  const guess = typeof input === 'string' ? flavors.find((f) => f === input.trim().toLowerCase().replace(/[_ ]/g, '-')) : undefined;
  return `not a Space hardware flavor${guess ? ` (did you mean \`${guess}\`?)` : ''}; flavors: ${flavors.join(', ')}`;
}

export const sdkSchema = z.enum(['gradio', 'docker', 'static']).describe('gradio (ZeroGPU needs it), docker or static.');

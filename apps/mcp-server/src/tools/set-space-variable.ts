import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool } from '../tool.js';
import { keySchema, spaceIdSchema } from './space-id.js';

export const setSpaceVariable = defineTool({
  name: 'set_space_variable',
  title: 'Set a Space variable',
  group: 'deploy',
  description: 'Sets a public Space variable (tokens go to set_space_secret). The Space restarts.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    key: keySchema,
    value: z.string().describe('Value (public).'),
    description: z.string().max(1000).optional().describe('Shown in settings.'),
  }),
  outputSchema: z.object({ space: z.string(), key: z.string(), value: z.string(), updated: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    await hubCall(context, client.setVariable(args.space, args.key, args.value, args.description ? { description: args.description } : {}));
    await context.log('info', `variable ${args.key} set on ${args.space}`);
    const value = context.services.redactor.redact(args.value);
    return { structured: { space: args.space, key: args.key, value, updated: true }, summary: `Variable ${args.key}=${value} set on ${args.space}.` };
  },
});

import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool } from '../tool.js';
import { keySchema, spaceIdSchema } from './space-id.js';

export const setSpaceSecret = defineTool({
  name: 'set_space_secret',
  title: 'Set a Space secret',
  group: 'deploy',
  description: 'Sets a Space secret; the value is never returned or logged. The Space restarts.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    key: keySchema,
    value: z.string().describe('Secret value.'),
    description: z.string().max(1000).optional().describe('Shown in settings.'),
  }),
  outputSchema: z.object({ space: z.string(), key: z.string(), updated: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    // Registered before the call, so even a Hub error quoting the value cannot carry it out.
    context.services.redactor.add(args.value);
    const { client } = await hubFor(context, true);
    await hubCall(context, client.setSecret(args.space, args.key, args.value, args.description ? { description: args.description } : {}));
    await context.log('info', `secret ${args.key} set on ${args.space}`);
    return { structured: { space: args.space, key: args.key, updated: true }, summary: `Secret ${args.key} set on ${args.space} (value not shown).` };
  },
});

import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool } from '../tool.js';
import { keySchema, spaceIdSchema } from './space-id.js';

export const deleteSpaceSecret = defineTool({
  name: 'delete_space_secret',
  title: 'Delete a Space secret',
  group: 'deploy',
  description: 'Deletes a Space secret (succeeds if absent).',
  inputSchema: z.strictObject({ space: spaceIdSchema, key: keySchema }),
  outputSchema: z.object({ space: z.string(), key: z.string(), deleted: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    await hubCall(context, client.deleteSecret(args.space, args.key));
    await context.log('info', `secret ${args.key} deleted from ${args.space}`);
    return { structured: { space: args.space, key: args.key, deleted: true }, summary: `Secret ${args.key} deleted from ${args.space}.` };
  },
});

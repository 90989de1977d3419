import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool } from '../tool.js';
import { keySchema, spaceIdSchema } from './space-id.js';

export const deleteSpaceVariable = defineTool({
  name: 'delete_space_variable',
  title: 'Delete a Space variable',
  group: 'deploy',
  description: 'Deletes a Space variable (succeeds if absent).',
  inputSchema: z.strictObject({ space: spaceIdSchema, key: keySchema }),
  outputSchema: z.object({ space: z.string(), key: z.string(), deleted: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    await hubCall(context, client.deleteVariable(args.space, args.key));
    await context.log('info', `variable ${args.key} deleted from ${args.space}`);
    return { structured: { space: args.space, key: args.key, deleted: true }, summary: `Variable ${args.key} deleted from ${args.space}.` };
  },
});

import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { hardwareSchema, sdkSchema } from '../reference-enums.js';
import { defineTool, ToolError } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const createSpace = defineTool({
  name: 'create_space',
  title: 'Create a Space',
  group: 'deploy',
  description: 'Creates an empty Space (owner: a whoami namespace); then deploy_space.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    sdk: sdkSchema,
    private: z.boolean().optional().describe('Private (default public).'),
    hardware: hardwareSchema.optional().describe('Flavor to request (zero-a10g: Gradio only).'),
  }),
  outputSchema: z.object({ space: z.string(), url: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    if (args.hardware === 'zero-a10g' && args.sdk !== 'gradio') throw new ToolError('ZeroGPU (zero-a10g) works with sdk gradio only');
    const { client } = await hubFor(context, true);
    const { url } = await hubCall(context, client.createSpace(args.space, { sdk: args.sdk, private: args.private, hardware: args.hardware }));
    await context.log('info', `created Space ${args.space}`);
    return { structured: { space: args.space, url }, summary: `Created ${args.private ? 'private ' : ''}${args.sdk} Space ${args.space}: ${url}` };
  },
});

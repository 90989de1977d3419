import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { hardwareSchema } from '../reference-enums.js';
import { runtimeResult, runtimeView, spaceRuntimeOutput } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const setSpaceHardware = defineTool({
  name: 'set_space_hardware',
  title: 'Set Space hardware',
  group: 'deploy',
  description: 'Requests a hardware flavor (paid ones are billed); the Space restarts.',
  inputSchema: z.strictObject({ space: spaceIdSchema, flavor: hardwareSchema.describe('Hardware flavor.') }),
  outputSchema: spaceRuntimeOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    const runtime = runtimeView(await hubCall(context, client.requestHardware(args.space, args.flavor)));
    await context.log('info', `requested ${args.flavor} for ${args.space}`);
    return runtimeResult(args.space, runtime, context, `Requested ${args.flavor}. `);
  },
});

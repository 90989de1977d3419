import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { runtimeResult, runtimeView, spaceRuntimeOutput } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const setSpaceSleepTime = defineTool({
  name: 'set_space_sleep_time',
  title: 'Set Space sleep time',
  group: 'deploy',
  description: 'Seconds idle before a Space sleeps; -1 never (paid hardware only).',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    seconds: z
      .number()
      .int()
      .min(-1)
      .refine((n) => n !== 0, 'must be -1 (never sleep) or a positive number of seconds')
      .describe('Seconds, or -1 for never.'),
  }),
  outputSchema: spaceRuntimeOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    return runtimeResult(args.space, runtimeView(await hubCall(context, client.setSleepTime(args.space, args.seconds))), context);
  },
});

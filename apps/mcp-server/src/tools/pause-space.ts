import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { runtimeResult, runtimeView, spaceRuntimeOutput } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const pauseSpace = defineTool({
  name: 'pause_space',
  title: 'Pause a Space',
  group: 'deploy',
  description: 'Pauses a Space (no running, no billing) until restart_space.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: spaceRuntimeOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    const runtime = runtimeView(await hubCall(context, client.pause(args.space)));
    await context.log('info', `paused ${args.space}`);
    return runtimeResult(args.space, runtime, context, 'Paused. ');
  },
});

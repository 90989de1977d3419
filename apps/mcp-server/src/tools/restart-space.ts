import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { runtimeResult, runtimeView, spaceRuntimeOutput } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const restartSpace = defineTool({
  name: 'restart_space',
  title: 'Restart a Space',
  group: 'deploy',
  description: 'Restarts a Space; factory rebuilds without cache.',
  inputSchema: z.strictObject({ space: spaceIdSchema, factory: z.boolean().default(false).describe('Rebuild from scratch.') }),
  outputSchema: spaceRuntimeOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, true);
    const runtime = runtimeView(await hubCall(context, client.restart(args.space, { factory: args.factory })));
    await context.log('info', `${args.factory ? 'factory rebuild of' : 'restarted'} ${args.space}`);
    return runtimeResult(args.space, runtime, context, args.factory ? 'Factory rebuild started. ' : 'Restarted. ');
  },
});

import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { runtimeResult, runtimeView, spaceRuntimeOutput } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const spaceStatus = defineTool({
  name: 'space_status',
  title: 'Space status',
  group: 'observe',
  description: 'Stage (BUILDING, RUNNING, RUNTIME_ERROR...), hardware, sleep time, error.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: spaceRuntimeOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, false);
    return runtimeResult(args.space, runtimeView(await hubCall(context, client.getRuntime(args.space))), context);
  },
});

import { z } from 'zod';
import { hubFor } from '../hub-access.js';
import { LOG_LIMITS, readLogTail } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

export const spaceLogs = defineTool({
  name: 'space_logs',
  title: 'Space logs',
  group: 'observe',
  description: `Last lines of a build or run log (read max ${LOG_LIMITS.deadlineMs / 1000} s, ${LOG_LIMITS.maxBytes / 1024} KB).`,
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    kind: z.enum(['build', 'run']).describe('build: image build; run: the app.'),
    lines: z.number().int().min(1).max(LOG_LIMITS.maxLines).default(100).describe('How many.'),
  }),
  outputSchema: z.object({ space: z.string(), kind: z.enum(['build', 'run']), lines: z.array(z.string()), capped: z.boolean().describe('Cut by a time or size cap.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, false);
    const { lines, capped } = await readLogTail(client, args.space, args.kind, args.lines, context);
    const head = lines.length ? `last ${lines.length} line${lines.length === 1 ? '' : 's'}${capped ? ' (capped)' : ''}:` : 'empty (nothing logged yet, or the log was not kept).';
    return { structured: { space: args.space, kind: args.kind, lines, capped }, summary: `${args.space} ${args.kind} log, ${head}${lines.length ? `\n${lines.join('\n')}` : ''}` };
  },
});

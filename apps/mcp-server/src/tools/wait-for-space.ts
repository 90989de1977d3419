import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { readLogTail, runtimeSchema, runtimeText, runtimeView } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

/** Stages a build or start passes through: waiting goes on while the Space is in one of these. */
const IN_PROGRESS = new Set(['BUILDING', 'RUNNING_BUILDING', 'APP_STARTING', 'RUNNING_APP_STARTING']);
/** Lines of the relevant log returned when the Space ends in an error stage. */
const LOG_LINES = 30;

export const waitForSpace = defineTool({
  name: 'wait_for_space',
  title: 'Wait for a Space',
  group: 'observe',
  description: 'Polls until the build/start ends (RUNNING or an error stage) or the timeout, with progress; on error, the end of the log.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    timeout_seconds: z.number().int().min(5).max(1800).default(600).describe('Give up after.'),
  }),
  outputSchema: z.object({
    space: z.string(),
    runtime: runtimeSchema,
    done: z.boolean().describe('false: still building at the timeout.'),
    waitedSeconds: z.number(),
    log: z.object({ kind: z.enum(['build', 'run']), lines: z.array(z.string()) }).optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, false);
    const started = Date.now();
    const deadline = started + args.timeout_seconds * 1000;
    let runtime = runtimeView(await hubCall(context, client.getRuntime(args.space)));
    for (let poll = 1; IN_PROGRESS.has(runtime.stage) && Date.now() < deadline; poll++) {
      await context.progress(poll, undefined, `${runtime.stage} after ${Math.round((Date.now() - started) / 1000)} s`);
      // Quick first polls (a small build ends in seconds), then every 5 s.
      await sleep(Math.min(poll * 1000, 5000, Math.max(0, deadline - Date.now())), undefined, { signal: context.signal });
      runtime = runtimeView(await hubCall(context, client.getRuntime(args.space)));
    }
    runtime = context.services.redactor.redactDeep(runtime);
    const done = !IN_PROGRESS.has(runtime.stage);
    const waitedSeconds = Math.round((Date.now() - started) / 100) / 10;
    let log: { kind: 'build' | 'run'; lines: string[] } | undefined;
    if (done && runtime.stage !== 'RUNNING') {
      const kind = runtime.stage === 'BUILD_ERROR' ? 'build' : 'run';
      const { lines } = await readLogTail(client, args.space, kind, LOG_LINES, context).catch(() => ({ lines: [] as string[] }));
      if (lines.length) log = { kind, lines };
    }
    const head = done ? runtimeText(args.space, runtime) : `${runtimeText(args.space, runtime)}\nStill in progress after ${waitedSeconds} s: call wait_for_space again.`;
    const next = runtime.stage === 'RUNNING' ? '' : done ? '\nNext: diagnose_space explains the failure.' : '';
    return {
      structured: { space: args.space, runtime, done, waitedSeconds, ...(log ? { log } : {}) },
      summary: `${head}${log ? `\nLast lines of the ${log.kind} log:\n${log.lines.join('\n')}` : ''}${next}`,
    };
  },
});

import { z } from 'zod';
import { loadEngine, type Core } from '../engine.js';
import { DeployRefused, type HubOperations, type LintedFinding, type SpaceRuntimeView } from '../hub-operations.js';
import { countsText, findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { defineTool, ToolError, type ToolContext } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

/**
 * The `observe` group (read a Space's state on the Hub) and the `deploy` group (change it). Every call uses
 * the server's own HF_TOKEN; no tool returns a secret's value.
 */

const runtimeSchema = z.object({
  stage: z.string().describe('BUILDING, APP_STARTING, RUNNING, RUNTIME_ERROR, BUILD_ERROR, CONFIG_ERROR, NO_APP_FILE, PAUSED, SLEEPING...'),
  hardware: z.object({ current: z.string().nullable(), requested: z.string().nullable() }),
  sleepTimeSeconds: z.number().nullable().describe('Seconds of inactivity before the Space sleeps; null when it never sleeps or is unknown.'),
  errorMessage: z.string().optional(),
  sdk: z.string().optional(),
});

const spaceRuntimeOutput = z.object({ space: z.string(), runtime: runtimeSchema });

const keySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name: letters, digits and underscores, not starting with a digit')
  .max(256)
  .describe('The environment variable name, e.g. OPENAI_API_KEY.');

async function hub(context: ToolContext, changes: boolean): Promise<HubOperations> {
  if (changes && !context.services.hub.hasToken) {
    throw new ToolError('this server has no Hugging Face token: set HF_TOKEN (a write token) in the environment the MCP server starts with. Tokens are never taken from the MCP client.');
  }
  return context.services.hub.operations();
}

function runtimeText(space: string, r: SpaceRuntimeView): string {
  const hw = r.hardware.current ?? r.hardware.requested ?? 'unknown hardware';
  const pending = r.hardware.requested && r.hardware.requested !== r.hardware.current ? ` (requested ${r.hardware.requested})` : '';
  const sleep = r.sleepTimeSeconds === null ? '' : r.sleepTimeSeconds < 0 ? ', never sleeps' : `, sleeps after ${r.sleepTimeSeconds} s`;
  return `${space}: ${r.stage} on ${hw}${pending}${sleep}${r.errorMessage ? `\nError: ${r.errorMessage}` : ''}`;
}

function runtimeResult(space: string, runtime: SpaceRuntimeView, context: ToolContext, prefix = '') {
  const safe = context.services.redactor.redactDeep(runtime);
  return { structured: { space, runtime: safe }, summary: prefix + runtimeText(space, safe) };
}

const observe = { readOnlyHint: true, openWorldHint: true } as const;

const spaceStatus = defineTool({
  name: 'space_status',
  title: 'Space status',
  group: 'observe',
  description: 'Returns a Hub Space\'s runtime: its stage (BUILDING, RUNNING, RUNTIME_ERROR, ...), current and requested hardware, sleep time and error message.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: spaceRuntimeOutput,
  annotations: observe,
  async handler(args, context) {
    const ops = await hub(context, false);
    return runtimeResult(args.space, await ops.runtime(args.space, context.signal), context);
  },
});

const spaceLogs = defineTool({
  name: 'space_logs',
  title: 'Space logs',
  group: 'observe',
  description: 'Returns the last lines of a Hub Space\'s build log or run (container) log.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    kind: z.enum(['build', 'run']).describe('build: the image build; run: the running app.'),
    lines: z.number().int().min(1).max(2000).default(100).describe('How many of the last lines to return (default 100).'),
  }),
  outputSchema: z.object({ space: z.string(), kind: z.enum(['build', 'run']), lines: z.array(z.string()) }),
  annotations: observe,
  async handler(args, context) {
    const ops = await hub(context, false);
    const lines = (await ops.logs(args.space, args.kind, args.lines, context.signal)).map((l) => context.services.redactor.redact(l));
    return {
      structured: { space: args.space, kind: args.kind, lines },
      summary: `${args.space} ${args.kind} log, last ${lines.length} line${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    };
  },
});

const causeSchema = z.object({
  id: z.string().describe('A known log signature (e.g. runtime-memory-limit-exceeded) or, for a finding no log explains, a rule id.'),
  source: z.enum(['log', 'lint']),
  title: z.string().describe('What happened.'),
  cause: z.string().describe('The usual cause in the Space repo.'),
  fix: z.string(),
  ruleIds: z.array(z.string()).describe('The lint rules that catch this before a push.'),
  evidence: z.object({ from: z.enum(['build', 'run', 'runtime', 'lint']), text: z.string() }).describe('The log line, runtime error or finding that shows it.'),
  umbrella: z.boolean().describe('A summary line (such as an exit code) whose real cause is elsewhere.'),
});

const diagnoseSpace = defineTool({
  name: 'diagnose_space',
  title: 'Diagnose a Space',
  group: 'observe',
  description:
    'Works out why a Hub Space fails or misbehaves: reads its runtime, build and run logs and lints its files, then returns the likely causes (known log signatures such as "Memory limit exceeded", a missing shared library, a port mismatch, ZeroGPU quota or duration errors, each tied to a rule when one exists) with the fix for each.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: z.object({
    space: z.string(),
    spaceUrl: z.string(),
    runtime: runtimeSchema,
    healthy: z.boolean().describe('RUNNING with no failure in its logs.'),
    causes: z.array(causeSchema).describe('Most likely first.'),
    diagnostics: z.array(findingSchema).describe('Lint findings on the Space\'s files.'),
    summary: summarySchema,
    notes: z.array(z.string()).describe('A log that could not be read, or a lint that could not run.'),
  }),
  annotations: observe,
  async handler(args, context) {
    const [{ core }, ops] = await Promise.all([loadEngine(context.services.redactor), hub(context, false)]);
    await context.progress(0, 1, 'reading runtime, logs and files');
    const diagnosis = await ops.diagnose(args.space, context.signal);
    const redactor = context.services.redactor;
    const findings = toFindings(diagnosis.diagnostics as unknown as Parameters<Core['compareDiagnostics']>[0][], core, redactor);
    const causes = redactor.redactDeep(diagnosis.causes);
    const runtime = redactor.redactDeep(diagnosis.runtime);
    const lines = [redactor.redact(diagnosis.summary || runtimeText(args.space, runtime))];
    if (causes.length) {
      lines.push('', 'Likely causes:');
      for (const c of causes) lines.push(`- ${c.title}${c.ruleIds.length ? ` [${c.ruleIds.join(', ')}]` : ''}: ${c.evidence.text}\n  Fix: ${c.fix}`);
    } else lines.push('', diagnosis.healthy ? 'The Space looks healthy.' : 'No known failure signature found.');
    lines.push('', findingsText('Lint', findings, 10));
    const notes = diagnosis.notes.map((n) => redactor.redact(n));
    return {
      structured: { space: args.space, spaceUrl: diagnosis.spaceUrl, runtime, healthy: diagnosis.healthy, causes, diagnostics: findings, summary: summarize(findings), notes },
      summary: lines.join('\n'),
    };
  },
});

/** Checks a flavor against core's reference before asking the Hub, for a did-you-mean. */
async function checkFlavor(flavor: string, context: ToolContext): Promise<void> {
  const { core } = await loadEngine(context.services.redactor);
  if (core.HARDWARE.current.includes(flavor)) return;
  const best = core.closestMatch(flavor, core.HARDWARE.current, '-');
  throw new ToolError(`\`${flavor}\` is not a Space hardware flavor${best ? ` (did you mean \`${best.match}\`?)` : ''}; flavors: ${core.HARDWARE.current.join(', ')}`);
}

const createSpace = defineTool({
  name: 'create_space',
  title: 'Create a Space',
  group: 'deploy',
  description: 'Creates a new, empty Space on the Hub (then write its files and use deploy_space). Fails if the Space exists.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    sdk: z.enum(['gradio', 'docker', 'static']),
    private: z.boolean().optional().describe('Create it private (default public).'),
    hardware: z.string().optional().describe('Hardware flavor to request, e.g. cpu-basic, t4-small or zero-a10g (ZeroGPU, Gradio only).'),
  }),
  outputSchema: z.object({ space: z.string(), url: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    if (args.hardware) await checkFlavor(args.hardware, context);
    if (args.hardware === 'zero-a10g' && args.sdk !== 'gradio') throw new ToolError('ZeroGPU (zero-a10g) works with sdk gradio only');
    const ops = await hub(context, true);
    const { url } = await ops.createSpace({ space: args.space, sdk: args.sdk, private: args.private, hardware: args.hardware }, context.signal);
    await context.log('info', `created Space ${args.space}`);
    return { structured: { space: args.space, url }, summary: `Created ${args.private ? 'private ' : ''}${args.sdk} Space ${args.space}: ${url}` };
  },
});

const deploySpace = defineTool({
  name: 'deploy_space',
  title: 'Deploy a local Space',
  group: 'deploy',
  description:
    'Lints a local Space folder and uploads it to an existing Hub Space as one commit (create it first with create_space). The lint runs on exactly the files uploaded; error-level findings stop the deploy unless `force` is true. Returns the commit URL. Show the person what will be uploaded first.',
  inputSchema: z.strictObject({
    path: z.string().describe('The local Space folder to upload, absolute or relative to the first --root.'),
    space: spaceIdSchema,
    message: z.string().max(1000).optional().describe('Commit message (default: "Deploy with spacelint").'),
    force: z.boolean().default(false).describe('Upload even when the lint finds errors.'),
  }),
  outputSchema: z.object({
    space: z.string(),
    spaceUrl: z.string(),
    commitUrl: z.string(),
    commitOid: z.string(),
    uploaded: z.array(z.string()).describe('Files in the commit.'),
    deleted: z.array(z.string()),
    forced: z.boolean().describe('True when errors were found and force was set.'),
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const dir = await context.services.paths.directory(args.path);
    const [{ core }, ops] = await Promise.all([loadEngine(context.services.redactor), hub(context, true)]);
    const redactor = context.services.redactor;
    const asFindings = (d: LintedFinding[]) => toFindings(d as unknown as Parameters<Core['compareDiagnostics']>[0][], core, redactor);
    let lastReport = 0;
    let step = 0;
    let result;
    try {
      result = await ops.deploy(
        {
          path: dir,
          space: args.space,
          message: args.message ?? 'Deploy with spacelint',
          force: args.force,
          onProgress: (message, fraction) => {
            // At most one notification per 100 ms: an upload of many small files must not flood the client.
            const now = Date.now();
            if (now - lastReport < 100 && fraction !== 1) return;
            lastReport = now;
            step++;
            void context.progress(step, undefined, fraction === undefined ? message : `${message} (${Math.round(fraction * 100)}%)`);
          },
        },
        context.signal,
      );
    } catch (error) {
      if (error instanceof DeployRefused) {
        const findings = asFindings(error.diagnostics);
        throw new ToolError(`not deployed: ${error.message} Fix the errors (fix_space fixes the safe ones) or pass force: true.\n${findingsText('spacelint', findings.filter((f) => f.severity === 'error'))}`);
      }
      throw error;
    }
    const findings = asFindings(result.diagnostics);
    const summary = summarize(findings);
    await context.log('info', `deployed ${dir} to ${args.space}: ${result.commitUrl}${result.forced ? ' (forced despite lint errors)' : ''}`);
    return {
      structured: {
        space: args.space,
        spaceUrl: result.spaceUrl,
        commitUrl: result.commitUrl,
        commitOid: result.commitOid,
        uploaded: result.uploaded,
        deleted: result.deleted,
        forced: result.forced,
        diagnostics: findings,
        summary,
      },
      summary: `Deployed ${dir} to ${args.space} (${result.uploaded.length} files${result.forced ? ', despite lint errors (force)' : ''}): ${result.commitUrl}\nLint: ${countsText(summary)}. Watch the build with space_status or space_logs kind build.`,
    };
  },
});

const change = { readOnlyHint: false, openWorldHint: true } as const;

const setSecret = defineTool({
  name: 'set_space_secret',
  title: 'Set a Space secret',
  group: 'deploy',
  description: 'Adds or replaces a secret of a Hub Space (an environment variable visitors cannot see). The value is sent to the Hub only and never returned or logged. The Space restarts to pick it up.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    key: keySchema,
    value: z.string().max(65536).describe('The secret value. It is never echoed back.'),
    description: z.string().max(1000).optional(),
  }),
  outputSchema: z.object({ space: z.string(), key: z.string(), updated: z.boolean() }),
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    // Registered before the call, so even a Hub error quoting the value cannot carry it out.
    context.services.redactor.add(args.value);
    const ops = await hub(context, true);
    await ops.setSecret(args.space, args.key, args.value, args.description, context.signal);
    await context.log('info', `secret ${args.key} set on ${args.space}`);
    return { structured: { space: args.space, key: args.key, updated: true }, summary: `Secret ${args.key} set on ${args.space} (value not shown).` };
  },
});

const deleteSecret = defineTool({
  name: 'delete_space_secret',
  title: 'Delete a Space secret',
  group: 'deploy',
  description: 'Deletes a secret of a Hub Space. Deleting a secret that does not exist succeeds.',
  inputSchema: z.strictObject({ space: spaceIdSchema, key: keySchema }),
  outputSchema: z.object({ space: z.string(), key: z.string(), deleted: z.boolean() }),
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    const ops = await hub(context, true);
    await ops.deleteSecret(args.space, args.key, context.signal);
    await context.log('info', `secret ${args.key} deleted from ${args.space}`);
    return { structured: { space: args.space, key: args.key, deleted: true }, summary: `Secret ${args.key} deleted from ${args.space}.` };
  },
});

const setVariable = defineTool({
  name: 'set_space_variable',
  title: 'Set a Space variable',
  group: 'deploy',
  description: 'Adds or replaces a public variable of a Hub Space (an environment variable anyone can see: use set_space_secret for tokens and keys). The Space restarts to pick it up.',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    key: keySchema,
    value: z.string().max(65536),
    description: z.string().max(1000).optional(),
  }),
  outputSchema: z.object({ space: z.string(), key: z.string(), value: z.string(), updated: z.boolean() }),
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    const ops = await hub(context, true);
    await ops.setVariable(args.space, args.key, args.value, args.description, context.signal);
    await context.log('info', `variable ${args.key} set on ${args.space}`);
    const value = context.services.redactor.redact(args.value);
    return { structured: { space: args.space, key: args.key, value, updated: true }, summary: `Variable ${args.key}=${value} set on ${args.space}.` };
  },
});

const deleteVariable = defineTool({
  name: 'delete_space_variable',
  title: 'Delete a Space variable',
  group: 'deploy',
  description: 'Deletes a variable of a Hub Space. Deleting a variable that does not exist succeeds.',
  inputSchema: z.strictObject({ space: spaceIdSchema, key: keySchema }),
  outputSchema: z.object({ space: z.string(), key: z.string(), deleted: z.boolean() }),
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    const ops = await hub(context, true);
    await ops.deleteVariable(args.space, args.key, context.signal);
    await context.log('info', `variable ${args.key} deleted from ${args.space}`);
    return { structured: { space: args.space, key: args.key, deleted: true }, summary: `Variable ${args.key} deleted from ${args.space}.` };
  },
});

const setHardware = defineTool({
  name: 'set_space_hardware',
  title: 'Set Space hardware',
  group: 'deploy',
  description: 'Requests a hardware flavor for a Hub Space (cpu-basic, cpu-upgrade, t4-small, l4x1, a10g-small, a100-large, zero-a10g for ZeroGPU, ...). Paid hardware is billed; the Space restarts on the new hardware.',
  inputSchema: z.strictObject({ space: spaceIdSchema, flavor: z.string().min(1).describe('The hardware flavor id.') }),
  outputSchema: spaceRuntimeOutput,
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    await checkFlavor(args.flavor, context);
    const ops = await hub(context, true);
    const runtime = await ops.setHardware(args.space, args.flavor, context.signal);
    await context.log('info', `requested ${args.flavor} for ${args.space}`);
    return runtimeResult(args.space, runtime, context, `Requested ${args.flavor}. `);
  },
});

const setSleepTime = defineTool({
  name: 'set_space_sleep_time',
  title: 'Set Space sleep time',
  group: 'deploy',
  description: 'Sets how many seconds of inactivity a Hub Space waits before it sleeps; -1 never sleeps. Only upgraded hardware can change it (free cpu-basic sleeps after 48 h).',
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    seconds: z.number().int().min(-1).refine((n) => n !== 0, 'must be -1 (never sleep) or a positive number of seconds').describe('Seconds before sleeping, or -1 for never.'),
  }),
  outputSchema: spaceRuntimeOutput,
  annotations: { ...change, destructiveHint: false, idempotentHint: true },
  async handler(args, context) {
    const ops = await hub(context, true);
    return runtimeResult(args.space, await ops.setSleepTime(args.space, args.seconds, context.signal), context);
  },
});

const restartSpace = defineTool({
  name: 'restart_space',
  title: 'Restart a Space',
  group: 'deploy',
  description: 'Restarts a Hub Space; `factory: true` rebuilds its image without cache (for a stuck build or infrastructure errors). Visitors are interrupted.',
  inputSchema: z.strictObject({ space: spaceIdSchema, factory: z.boolean().default(false).describe('Rebuild from scratch (factory reboot).') }),
  outputSchema: spaceRuntimeOutput,
  annotations: { ...change, destructiveHint: true, idempotentHint: false },
  async handler(args, context) {
    const ops = await hub(context, true);
    const runtime = await ops.restart(args.space, args.factory, context.signal);
    await context.log('info', `${args.factory ? 'factory rebuild of' : 'restarted'} ${args.space}`);
    return runtimeResult(args.space, runtime, context, args.factory ? 'Factory rebuild started. ' : 'Restarted. ');
  },
});

const pauseSpace = defineTool({
  name: 'pause_space',
  title: 'Pause a Space',
  group: 'deploy',
  description: 'Pauses a Hub Space: it stops running (and billing) until restart_space.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: spaceRuntimeOutput,
  annotations: { ...change, destructiveHint: true, idempotentHint: true },
  async handler(args, context) {
    const ops = await hub(context, true);
    const runtime = await ops.pause(args.space, context.signal);
    await context.log('info', `paused ${args.space}`);
    return runtimeResult(args.space, runtime, context, 'Paused. ');
  },
});

export const OBSERVE_TOOLS = [spaceStatus, spaceLogs, diagnoseSpace];
export const DEPLOY_TOOLS = [createSpace, deploySpace, setSecret, deleteSecret, setVariable, deleteVariable, setHardware, setSleepTime, restartSpace, pauseSpace];

import { z } from 'zod';
import { loadEngine } from '../engine.js';
import { hubCall, hubFor } from '../hub-access.js';
import { countsText, docsOf, docsSchema, findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { defineTool, ToolError } from '../tool.js';
import { pathSchema, spaceIdSchema } from './space-id.js';

export const deploySpace = defineTool({
  name: 'deploy_space',
  title: 'Deploy a local Space',
  group: 'deploy',
  description: 'Lints a folder and uploads exactly those files to an existing Space in one commit; lint errors stop it unless force. dry_run: what would be uploaded, left out, deleted.',
  inputSchema: z.strictObject({
    path: pathSchema,
    space: spaceIdSchema,
    message: z.string().max(1000).optional().describe('Commit message.'),
    force: z.boolean().default(false).describe('Upload despite lint errors.'),
    dry_run: z.boolean().default(false).describe('Only list the plan; change nothing.'),
    delete_removed: z.boolean().default(false).describe('Also delete Hub files the folder no longer has.'),
  }),
  outputSchema: z.object({
    space: z.string(),
    dry_run: z.boolean(),
    commitUrl: z.string().optional(),
    uploaded: z.array(z.string()),
    deleted: z.array(z.string()),
    skipped: z.array(z.object({ path: z.string(), reason: z.string() })).describe('Left out, with the rule that left it out.'),
    forced: z.boolean(),
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
    docs: docsSchema,
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const dir = await context.services.paths.directory(args.path);
    const [{ core }, { hub, client }] = await Promise.all([loadEngine(context.services.redactor), hubFor(context, true)]);
    const redactor = context.services.redactor;
    const skippedOf = (list: { path: string; reason: string; detail: string }[]) => list.map((s) => ({ path: s.path, reason: `${s.reason}: ${s.detail}` }));
    if (args.dry_run) {
      const plan = await hubCall(context, hub.deploySpace({ hub: client, dir, space: args.space, deleteRemoved: args.delete_removed, force: args.force, dryRun: true }));
      const findings = toFindings(plan.diagnostics, redactor);
      const docs = docsOf(findings, core);
      const skipped = skippedOf(plan.skipped);
      const stop = plan.counts.error > 0 && !args.force ? ' A deploy would be refused: fix the errors (fix_space) or pass force: true.' : '';
      const state = plan.created ? ' (the Space does not exist: create_space first)' : plan.upToDate ? ' (up to date: a deploy would make no commit)' : '';
      const lines = [
        `Dry run, nothing sent. ${dir} → ${args.space}${state}.${stop}`,
        `Upload (${plan.uploaded.length}): ${plan.uploaded.join(', ') || 'none'}`,
        `Left out (${skipped.length}): ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ') || 'none'}`,
        `Delete on the Hub (${plan.deleted.length}): ${plan.deleted.join(', ') || (args.delete_removed ? 'none' : 'none (delete_removed is off)')}`,
        findingsText('Lint', findings, docs),
      ];
      return {
        structured: { space: args.space, dry_run: true, uploaded: plan.uploaded, deleted: plan.deleted, skipped, forced: false, diagnostics: findings, summary: summarize(findings), docs },
        summary: lines.join('\n'),
      };
    }
    let lastReport = 0;
    let step = 0;
    let result;
    try {
      result = await hub.deploySpace({
        hub: client,
        dir,
        space: args.space,
        message: args.message ?? 'Deploy with spacelint',
        force: args.force,
        deleteRemoved: args.delete_removed,
        // A missing Space is an error: creating one is create_space's job, with its own confirmation.
        create: false,
        onProgress: (event) => {
          // At most one notification per 100 ms: an upload of many small files must not flood the client.
          const now = Date.now();
          if (now - lastReport < 100 && event.progress !== 1) return;
          lastReport = now;
          void context.progress(++step, undefined, event.message);
        },
        signal: context.signal,
      });
    } catch (error) {
      if (error instanceof hub.DeployRefusedError) {
        const findings = toFindings(error.diagnostics, redactor).filter((f) => f.level === 'error');
        // One piece of advice, ours: the Hub package's message carries the CLI's.
        // The findings text ends with what fix_space can do about them (when anything): the advice, once.
        throw new ToolError(`not deployed: ${findingsText('spacelint found', findings, docsOf(findings, core))}\nFix them, or call deploy_space with force: true.`);
      }
      await hubCall(context, Promise.reject(error));
      throw error;
    }
    const findings = toFindings(result.diagnostics, redactor);
    const summary = summarize(findings);
    // Not a dry run, so there is a commit: the new one, or the Space's head when nothing changed.
    const commitUrl = result.commit?.url ?? result.spaceUrl;
    await context.log('info', `deployed ${dir} to ${args.space}: ${commitUrl}${result.forced ? ' (forced despite lint errors)' : ''}`);
    return {
      structured: {
        space: args.space,
        dry_run: false,
        commitUrl,
        uploaded: result.uploaded,
        deleted: result.deleted,
        skipped: skippedOf(result.skipped),
        forced: result.forced,
        diagnostics: findings,
        summary,
        docs: docsOf(findings, core),
      },
      summary: result.upToDate
        ? `${args.space} is up to date with ${dir}: no commit made (${commitUrl}).\nLint: ${countsText(summary)}.`
        : `Deployed ${dir} to ${args.space}: ${result.uploaded.length} uploaded, ${result.deleted.length} deleted${result.forced ? ', despite lint errors (force)' : ''}: ${commitUrl}\nLint: ${countsText(summary)}. Next: wait_for_space.`,
    };
  },
});

import { z } from 'zod';
import { loadEngine } from '../engine.js';
import { hubCall, hubFor, withDeadline } from '../hub-access.js';
import { docsOf, docsSchema, findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { inMcpTerms } from '../mcp-terms.js';
import { capLogLines, LOG_LIMITS, runtimeSchema, runtimeText, runtimeView } from '../space-runtime.js';
import { defineTool } from '../tool.js';
import { spaceIdSchema } from './space-id.js';

const causeSchema = z.object({
  id: z.string(),
  source: z.enum(['log', 'lint']),
  title: z.string(),
  cause: z.string(),
  fix: z.string(),
  ruleIds: z.array(z.string()),
  evidence: z.object({ from: z.enum(['build', 'run', 'runtime', 'lint']), text: z.string() }),
});

/** Lines of log shown when no signature explains a failure. */
const TAIL_LINES = 25;

export const diagnoseSpace = defineTool({
  name: 'diagnose_space',
  title: 'Diagnose a Space',
  group: 'observe',
  description: 'Why a Space fails: runtime, logs and lint give likely causes with fixes, else the last traceback or log lines.',
  inputSchema: z.strictObject({ space: spaceIdSchema }),
  outputSchema: z.object({
    space: z.string(),
    runtime: runtimeSchema,
    healthy: z.boolean(),
    causes: z.array(causeSchema).describe('Most likely first.'),
    logTail: z
      .object({ from: z.enum(['build', 'run']), lines: z.array(z.string()) })
      .optional()
      .describe('When no cause matched.'),
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
    docs: docsSchema,
    notes: z.array(z.string()).describe('Logs or lint that could not be read.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const [{ core }, { hub, client }] = await Promise.all([loadEngine(context.services.redactor), hubFor(context, false)]);
    await context.progress(0, 1, 'reading runtime, logs and files');
    const redactor = context.services.redactor;
    const raw = await hubCall(context, hub.diagnoseSpace({ hub: client, space: args.space, logLines: LOG_LIMITS.maxLines, signal: withDeadline(context.signal, LOG_LIMITS.deadlineMs) }));
    const findings = toFindings(raw.diagnostics, redactor);
    const runtime = redactor.redactDeep(runtimeView(raw.runtime));
    // An umbrella line (an exit code) is a symptom: it is a cause only when nothing more precise was found.
    const precise = raw.causes.filter((c) => !c.umbrella);
    const causes = redactor.redactDeep(
      (precise.length ? precise : raw.causes).map((c) => ({
        id: c.id,
        source: c.source,
        title: c.title,
        cause: c.cause,
        fix: inMcpTerms(c.fix),
        ruleIds: c.ruleIds ?? [],
        evidence: { from: c.evidence.from, text: cut(c.evidence.text) },
      })),
    );
    const notes = [
      ...(raw.logs.unavailable.build ? [`build log not read: ${raw.logs.unavailable.build}`] : []),
      ...(raw.logs.unavailable.run ? [`run log not read: ${raw.logs.unavailable.run}`] : []),
      ...(raw.lintError ? [`lint did not run: ${raw.lintError}`] : []),
    ].map((n) => redactor.redact(n));
    let logTail: { from: 'build' | 'run'; lines: string[] } | undefined;
    if (!raw.healthy && precise.length === 0) {
      const from = runtime.stage === 'BUILD_ERROR' ? 'build' : 'run';
      const { lines } = capLogLines(lastTraceback(raw.logs[from].map((l) => redactor.redact(l.text))), 500, 16 * 1024);
      if (lines.length) logTail = { from, lines };
    }
    const docs = docsOf(findings, core);
    const text = [runtimeText(args.space, runtime)];
    if (causes.length) {
      text.push('', precise.length ? 'Likely causes:' : 'No known failure signature; what the logs end with:');
      for (const c of causes) text.push(`- ${c.title}${c.ruleIds.length ? ` [${c.ruleIds.join(', ')}]` : ''}: ${c.evidence.text}\n  Fix: ${c.fix}`);
    } else text.push('', raw.healthy ? 'The Space looks healthy.' : 'No known failure signature found.');
    if (logTail) text.push('', `Last lines of the ${logTail.from} log:`, ...logTail.lines);
    else if (!raw.healthy && !causes.length) text.push('The logs are empty: space_logs can be tried again once the Space has run.');
    for (const n of notes) text.push(`Note: ${n}`);
    text.push('', findingsText('Lint', findings, docs));
    return {
      structured: { space: args.space, runtime, healthy: raw.healthy, causes, ...(logTail ? { logTail } : {}), diagnostics: findings, summary: summarize(findings), docs, notes },
      summary: text.join('\n'),
    };
  },
});

/** A log line quoted as evidence, within reason. */
function cut(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The last Python traceback of a log, or else its last lines. */
function lastTraceback(lines: string[]): string[] {
  const start = lines.findLastIndex((l) => l.includes('Traceback (most recent call last)'));
  return start >= 0 ? lines.slice(start, start + 40) : lines.slice(-TAIL_LINES);
}

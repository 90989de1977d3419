import { z } from 'zod';
import type { RuleInfo } from '@spacelint/core';
import { loadEngine, type Core } from '../engine.js';
import { hubCall } from '../hub-operations.js';
import { findingSchema, findingsText, summarize, summarySchema, toFindings } from '../lint-results.js';
import { defineTool, ToolError, type ToolContext } from '../tool.js';
import { unifiedDiff } from '../unified-diff.js';
import { spaceIdSchema, revisionSchema } from './space-id.js';

/** The `lint` group: everything here works on local files or given text and never changes a Space. */

const LEVELS = ['off', 'error', 'warning', 'info'] as const;
const MAX_INLINE_FILES = 2000;

const rulesSchema = z
  .record(z.string(), z.enum(LEVELS))
  .optional()
  .describe('Severity overrides by rule id, e.g. {"gradio-unbounded-queue": "off", "config-unknown-key": "error"}. They win over the Space\'s .spacelint.yaml.');

const lintOutput = z.object({
  root: z.string().describe('What was linted: the local folder, hf://spaces/owner/name[@revision], or memory: for inline files.'),
  diagnostics: z.array(findingSchema),
  summary: summarySchema,
  truncated: z.string().optional().describe('Set when the Space has too many files and the listing stopped early.'),
});

type LintConfig = Parameters<Core['lintSnapshot']>[1];
type Snapshot = Parameters<Core['lintSnapshot']>[0];

/** `rules` as a config override, refusing unknown rule ids with a did-you-mean. */
function rulesOverride(rules: Record<string, string> | undefined, core: Core): LintConfig | undefined {
  if (!rules) return undefined;
  const ids = [...core.RULE_IDS];
  for (const id of Object.keys(rules)) {
    if (core.RULE_IDS.has(id)) continue;
    const best = core.closestMatch(id, ids, '-');
    throw new ToolError(`unknown rule \`${id}\` in \`rules\`${best ? ` (did you mean \`${best.match}\`?)` : ''}; list_rules gives every rule id`);
  }
  return { rules: rules as NonNullable<LintConfig>['rules'] };
}

/** Lints a snapshot; a broken .spacelint.yaml in the Space is the caller's problem to fix, so a tool error. */
function lintOrExplain(core: Core, snapshot: Snapshot, ...overrides: LintConfig[]) {
  try {
    return core.lintSnapshot(snapshot, ...overrides);
  } catch (error) {
    if (error instanceof core.ConfigError) throw new ToolError(`the Space's spacelint config is invalid: ${error.message}`);
    throw error;
  }
}

/** Inline `files`: repo-relative paths only, within limits, as a memory snapshot. */
function inlineSnapshot(files: Record<string, string>, core: Core): Snapshot {
  const entries = Object.entries(files);
  if (entries.length === 0) throw new ToolError('`files` is empty: give at least README.md');
  if (entries.length > MAX_INLINE_FILES) throw new ToolError(`\`files\` has ${entries.length} entries; at most ${MAX_INLINE_FILES} are linted inline (use \`path\` for a larger Space)`);
  for (const [path] of entries) {
    const p = core.normalizePath(path);
    if (!p || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) {
      throw new ToolError(`\`files\` key \`${path}\` must be a repo-relative path such as README.md or src/model.py`);
    }
  }
  return core.snapshotFromEntries(files, 'memory:');
}

async function readSnapshot(
  args: { path?: string; space?: string; revision?: string; files?: Record<string, string> },
  context: ToolContext,
  core: Core,
  node: Awaited<ReturnType<typeof loadEngine>>['node'],
): Promise<Snapshot> {
  const given = (['path', 'space', 'files'] as const).filter((k) => args[k] !== undefined);
  if (given.length !== 1) {
    throw new ToolError(
      `give exactly one of \`path\` (a local Space folder), \`space\` (owner/name on the Hub) or \`files\` (repo-relative path → text); got ${given.length ? given.map((g) => `\`${g}\``).join(' and ') : 'none'}`,
    );
  }
  if (args.revision !== undefined && args.space === undefined) throw new ToolError('`revision` goes with `space` (a Hub Space)');
  if (args.path !== undefined) {
    const dir = await context.services.paths.directory(args.path);
    return new node.DirectorySource(dir).snapshot();
  }
  if (args.space !== undefined) {
    const hub = await context.services.hub.operations();
    return hubCall(hub.spaceSource(args.space, args.revision).snapshot());
  }
  return inlineSnapshot(args.files!, core);
}

const lintSpace = defineTool({
  name: 'lint_space',
  title: 'Lint a Space',
  group: 'lint',
  description:
    'Checks a Hugging Face Space against the spacelint rules (README config, ZeroGPU, Gradio queue and concurrency, dependencies, Docker, storage, secrets) and returns every finding with its rule, severity, position and docs link. Give exactly one of `path` (a local Space folder), `space` (owner/name on the Hub, optional `revision`) or `files` (repo-relative path → text, e.g. files you are writing). Read-only.',
  inputSchema: z.strictObject({
    path: z.string().optional().describe('A local Space folder (the one with README.md), absolute or relative to the first --root.'),
    space: spaceIdSchema.optional(),
    revision: revisionSchema.optional(),
    files: z.record(z.string(), z.string()).optional().describe('The Space as repo-relative path → file text, e.g. {"README.md": "---\\nsdk: gradio\\n---\\n", "app.py": "..."}.'),
    rules: rulesSchema,
  }),
  outputSchema: lintOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { core, node } = await loadEngine(context.services.redactor);
    // No "done" notification: the result says it, and a notification right before it may be dropped.
    await context.progress(0, 2, 'reading the Space');
    const snapshot = await readSnapshot(args, context, core, node);
    if (snapshot.truncated) await context.log('warning', `${snapshot.root}: ${snapshot.truncated}`);
    const unread = [...snapshot.files.values()].filter((f) => f.problem && f.problem !== 'binary');
    if (unread.length) await context.log('debug', `${snapshot.root}: ${unread.length} file(s) not read: ${unread.slice(0, 5).map((f) => `${f.path} (${f.detail ?? f.problem})`).join(', ')}`);
    const overrides = rulesOverride(args.rules, core);
    await context.progress(1, 2, `linting ${snapshot.files.size} files`);
    const { diagnostics } = lintOrExplain(core, snapshot, overrides);
    const findings = toFindings(diagnostics, core, context.services.redactor);
    const root = snapshot.root;
    return {
      structured: { root, diagnostics: findings, summary: summarize(findings), ...(snapshot.truncated ? { truncated: snapshot.truncated } : {}) },
      summary: findingsText(`spacelint ${root}`, findings),
    };
  },
});

const ruleListItem = z.object({
  id: z.string(),
  category: z.string(),
  description: z.string(),
  severity: z.enum(['error', 'warning', 'info']).describe('The rule\'s default (highest) severity.'),
  fixable: z.boolean(),
  hasSuggestions: z.boolean(),
  docsUrl: z.string(),
});

const CATEGORIES = ['core', 'config', 'storage', 'zerogpu', 'concurrency', 'dependencies', 'docker', 'security', 'performance'] as const;

const listRules = defineTool({
  name: 'list_rules',
  title: 'List the lint rules',
  group: 'lint',
  description: 'Lists every spacelint rule with its category, default severity, whether it can be fixed automatically, and its docs link. Optional `category` filter.',
  inputSchema: z.strictObject({
    category: z.enum(CATEGORIES).optional().describe('Only the rules of this category.'),
  }),
  outputSchema: z.object({ rules: z.array(ruleListItem) }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    const rules = core
      .listRules()
      .filter((r) => !args.category || r.category === args.category)
      .map(ruleSummary);
    const lines = rules.map((r) => `${r.id} (${r.category}, ${r.severity}${r.fixable ? ', fixable' : ''}): ${r.description}`);
    return { structured: { rules }, summary: `${rules.length} rules${args.category ? ` in ${args.category}` : ''}:\n${lines.join('\n')}` };
  },
});

const example = z.object({ file: z.string(), code: z.string() });

const explainRule = defineTool({
  name: 'explain_rule',
  title: 'Explain a rule',
  group: 'lint',
  description: 'Returns a rule\'s documentation: why it exists (with its source), its messages, examples that are reported and examples that are not, and how to fix a finding.',
  inputSchema: z.strictObject({ rule: z.string().min(1).describe('A rule id, e.g. zerogpu-missing-duration (list_rules gives them all).') }),
  outputSchema: z.object({
    id: z.string(),
    category: z.string(),
    description: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    fixable: z.boolean(),
    hasSuggestions: z.boolean(),
    docsUrl: z.string(),
    rationale: z.string(),
    howToFix: z.string(),
    options: z.string().optional(),
    messages: z.array(z.object({ id: z.string(), severity: z.enum(['error', 'warning', 'info']), text: z.string() })),
    incorrect: z.array(example),
    correct: z.array(example),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    const rule = core.getRule(args.rule.trim());
    if (!rule) {
      const best = core.closestMatch(args.rule.trim(), [...core.RULE_IDS], '-');
      throw new ToolError(`no rule \`${args.rule}\`${best ? ` (did you mean \`${best.match}\`?)` : ''}; list_rules gives every rule id`);
    }
    const structured = {
      ...ruleSummary(rule),
      rationale: rule.docs.rationale,
      howToFix: rule.docs.howToFix,
      ...(rule.docs.options ? { options: rule.docs.options } : {}),
      messages: Object.entries(rule.messages).map(([id, m]) => ({ id, severity: m.level, text: m.text })),
      incorrect: rule.docs.incorrect,
      correct: rule.docs.correct,
    };
    return { structured, summary: ruleDocText(structured) };
  },
});

function ruleDocText(r: { id: string; description: string; rationale: string; howToFix: string; incorrect: { file: string; code: string }[]; correct: { file: string; code: string }[]; docsUrl: string; severity: string }): string {
  const block = (e: { file: string; code: string }) => `${e.file}:\n${e.code.trimEnd()}`;
  return [
    `# ${r.id} (${r.severity})`,
    r.description,
    '',
    `Why: ${r.rationale}`,
    '',
    `Fix: ${r.howToFix}`,
    ...(r.incorrect.length ? ['', 'Reported:', ...r.incorrect.map(block)] : []),
    ...(r.correct.length ? ['', 'Not reported:', ...r.correct.map(block)] : []),
    '',
    r.docsUrl,
  ].join('\n');
}

/** Config rules that need files besides README.md: silent when only the README is given. */
const NEEDS_OTHER_FILES = new Set(['config-app-file-missing']);

const validateSpaceConfig = defineTool({
  name: 'validate_space_config',
  title: 'Validate README front matter',
  group: 'lint',
  description:
    'Checks just the README.md front matter of a Space (the YAML block that configures it: sdk, sdk_version, python_version, hardware, colors, OAuth...) and returns the findings plus the parsed config. Use it while writing a README; use lint_space for the whole Space.',
  inputSchema: z.strictObject({ readme: z.string().describe('The full text of README.md, front matter included.') }),
  outputSchema: z.object({
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
    config: z.record(z.string(), z.unknown()).nullable().describe('The parsed front matter, or null when there is none or it does not parse.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    const only: NonNullable<LintConfig>['rules'] = {};
    for (const rule of core.listRules()) {
      if (rule.category !== 'config' || NEEDS_OTHER_FILES.has(rule.id)) only[rule.id] = 'off';
    }
    // The README parsed once: the rules and the returned config read the same Space.
    const { space, config: lintConfig } = core.prepareSpace(core.snapshotFromEntries({ 'README.md': args.readme }, 'memory:'), { rules: only });
    const findings = toFindings(core.lint(space, lintConfig), core, context.services.redactor);
    const parsed = space.readme;
    const config = parsed?.found && parsed.frontMatter.data ? (context.services.redactor.redactDeep(toJson(parsed.frontMatter.data)) as Record<string, unknown>) : null;
    return { structured: { diagnostics: findings, summary: summarize(findings), config }, summary: findingsText('README.md front matter', findings) };
  },
});

/** YAML values as JSON (dates and other non-JSON scalars become strings). */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

const scaffoldSpaceTool = defineTool({
  name: 'scaffold_space',
  title: 'Scaffold a new Space',
  group: 'lint',
  description:
    'Returns the files of a new Space (README.md, app.py, requirements.txt, packages.txt when needed, Dockerfile for docker, index.html for static) built from your answers, following the Spaces rules (ZeroGPU decorator and import order, quoted versions, bounded queue, user 1000 and port 7860 for Docker...). It writes nothing: write the files yourself, then lint_space and deploy_space. Ask the person for: the SDK, a title, the hardware (ZeroGPU?), what the app takes as input, the secrets it needs (names only) and whether data must persist.',
  inputSchema: z.strictObject({
    sdk: z.enum(['gradio', 'docker', 'static']).describe('gradio (most apps; required for ZeroGPU), docker (any server on port 7860), static (HTML only, no server code).'),
    title: z.string().min(1).max(80).describe('Display title of the Space.'),
    hardware: z.string().optional().describe('A Space hardware flavor such as cpu-basic, cpu-upgrade, t4-small, l4x1, a10g-small or zero-a10g (ZeroGPU).'),
    zerogpu: z.boolean().optional().describe('Run on ZeroGPU (Gradio only); same as hardware zero-a10g.'),
    inputs: z.string().max(500).optional().describe('What the app takes, in words, e.g. "PDF up to 50 pages", "an image and a text prompt", "audio up to 20 MB".'),
    secrets: z.array(z.string()).max(50).optional().describe('Names of the secrets the app reads, e.g. ["OPENAI_API_KEY"]. Names only: never send a secret value.'),
    persistent_data: z.boolean().optional().describe('Keep data and the Hugging Face cache on a /data volume (a Storage Bucket) across restarts.'),
  }),
  outputSchema: z.object({
    files: z.record(z.string(), z.string()).describe('Repo-relative path → file text.'),
    notes: z.array(z.string()).describe('What is left to do by hand (secrets, hardware, volume), in order.'),
    diagnostics: z.array(findingSchema).describe('Lint findings on the generated files (empty when they lint clean).'),
    summary: summarySchema,
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    let result;
    try {
      result = core.scaffoldSpace({
        sdk: args.sdk,
        title: args.title,
        hardware: args.hardware,
        zerogpu: args.zerogpu,
        inputs: args.inputs,
        secrets: args.secrets,
        persistentData: args.persistent_data,
      });
    } catch (error) {
      if (error instanceof core.ScaffoldError) throw new ToolError(error.message);
      throw error;
    }
    const { diagnostics } = core.lintSnapshot(core.snapshotFromEntries(result.files, 'memory:'));
    const findings = toFindings(diagnostics, core, context.services.redactor);
    const summary = [
      `New ${args.sdk} Space "${args.title}": ${Object.keys(result.files).join(', ')}${findings.length ? ` (${findings.length} lint findings)` : ' (lints clean)'}.`,
      ...result.notes.map((n) => `- ${n}`),
    ].join('\n');
    return { structured: { files: result.files, notes: result.notes, diagnostics: findings, summary: summarize(findings) }, summary };
  },
});

const fixSpace = defineTool({
  name: 'fix_space',
  title: 'Fix a local Space',
  group: 'lint',
  description:
    'Applies spacelint\'s safe fixes to a local Space folder and returns the unified diff and the findings that remain. `dry_run` defaults to true: nothing is written until you call it again with dry_run false (show the diff to the person first). Suggestions that may change behaviour are never applied.',
  inputSchema: z.strictObject({
    path: z.string().describe('A local Space folder, absolute or relative to the first --root.'),
    dry_run: z.boolean().default(true).describe('true (default): only return the diff. false: write the fixed files.'),
  }),
  outputSchema: z.object({
    path: z.string(),
    dry_run: z.boolean(),
    written: z.boolean().describe('True when the fixes were written to disk.'),
    fixCount: z.number().int(),
    files: z.array(z.object({ file: z.string(), diff: z.string() })),
    diff: z.string().describe('The unified diff of every changed file.'),
    diagnostics: z.array(findingSchema).describe('Findings that remain after the fixes.'),
    summary: summarySchema,
    failures: z.array(z.object({ file: z.string(), message: z.string() })).describe('Files that could not be written (left unchanged).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const { core, node } = await loadEngine(context.services.redactor);
    const dir = await context.services.paths.directory(args.path);
    await context.progress(0, 3, 'reading the Space');
    const snapshot = await new node.DirectorySource(dir).snapshot();
    await context.progress(1, 3, 'fixing');
    let result;
    try {
      result = core.fixSnapshot(snapshot);
    } catch (error) {
      if (error instanceof core.ConfigError) throw new ToolError(`the Space's spacelint config is invalid: ${error.message}`);
      throw error;
    }
    const redactor = context.services.redactor;
    const files = [...result.changes].map(([file, change]) => ({ file, diff: redactor.redact(unifiedDiff(file, change.before, change.text)) }));
    let failures: { file: string; message: string }[] = [];
    const write = !args.dry_run && result.changes.size > 0;
    if (write) {
      await context.progress(2, 3, `writing ${result.changes.size} files`);
      failures = (await node.writeFixes(dir, result.changes)).map((f) => ({ file: f.file, message: redactor.redact(f.message) }));
      await context.log('info', `wrote ${result.changes.size - failures.length} file(s) in ${dir}`);
      for (const f of failures) await context.log('warning', `could not write ${f.file}: ${f.message}`);
    }
    const findings = toFindings(result.diagnostics, core, redactor);
    const what = result.fixCount === 0 ? 'nothing to fix' : `${result.fixCount} fix${result.fixCount === 1 ? '' : 'es'} in ${files.length} file${files.length === 1 ? '' : 's'}`;
    const verb = args.dry_run ? ' (dry run: nothing written; call again with dry_run false to write)' : write ? (failures.length ? `, ${failures.length} file(s) could not be written` : ', written') : '';
    const diff = files.map((f) => f.diff).join('');
    return {
      structured: { path: dir, dry_run: args.dry_run, written: write && failures.length < files.length, fixCount: result.fixCount, files, diff, diagnostics: findings, summary: summarize(findings), failures },
      summary: `${dir}: ${what}${verb}.${diff ? `\n\n${diff}` : ''}\n${findingsText('Remaining', findings, 10)}`,
    };
  },
});

export const LINT_TOOLS = [lintSpace, listRules, explainRule, validateSpaceConfig, scaffoldSpaceTool, fixSpace];

/** The fields list_rules gives for each rule and explain_rule starts from. */
function ruleSummary(r: RuleInfo) {
  return {
    id: r.id,
    category: r.category,
    description: r.description,
    severity: r.defaultLevel,
    fixable: !!r.fixable,
    hasSuggestions: !!r.hasSuggestions,
    docsUrl: r.docsUrl,
  };
}

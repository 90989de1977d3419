import { parseArgs } from 'node:util';
import type { Diagnostic } from '@spacelint/core';
import { resolve } from 'node:path';
import { colorsFor } from './color.js';
import { formatStylish } from './formatters/stylish.js';
import { hubErrorAsUsage } from './hub-errors.js';
import type { FileReport } from './report.js';
import { UsageError } from './usage-error.js';

/** `init`, `deploy`, `doctor`: each loads only when used. */
export async function runOther(command: string, argv: string[]): Promise<number> {
  try {
    if (command === 'deploy') return await runDeploy(argv);
    if (command === 'doctor') return await runDoctor(argv);
    if (command === 'init') return await (await import('./init-command.js')).runInit(argv);
  } catch (error) {
    throw hubErrorAsUsage(error);
  }
  throw new UsageError(`unknown command \`${command}\``);
}

function parse(argv: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    throw new UsageError(String((error as Error).message).split('\n')[0]);
  }
}

const DEPLOY_HELP = `Usage: spacelint deploy <dir> --to owner/name [--message <m>] [--force] [--private]
                        [--dry-run] [--delete-removed] [--format json]

Lints the Space folder, refuses on error-level findings (unless --force), then uploads it as one commit.
The files are the ones \`spacelint <dir>\` lints: .gitignore'd files, .git, .env and credential files
(.netrc, .envrc, .huggingface/token...) are left out. Every uploaded text file is also scanned for tokens.
A deploy that changes nothing makes no commit ("up to date").
The Space is created (from the README's sdk) when it does not exist.
Token: HF_TOKEN, else the one \`hf auth login\` saved (HF_TOKEN_PATH, $HF_HOME/token). Hub: HF_ENDPOINT.

  --dry-run          lint and compare, then list what would be uploaded, left out (and why) and deleted
  --delete-removed   also delete files on the Space that the folder no longer has (never .gitattributes
                     or files the folder's exclusions cover)
  --force            upload despite error-level findings

Exit codes: 0 deployed (or up to date, or a dry run that would deploy), 1 refused because of
error-level findings, 2 usage or Hub error.
`;

async function runDeploy(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    to: { type: 'string' },
    message: { type: 'string', short: 'm' },
    force: { type: 'boolean', default: false },
    private: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'delete-removed': { type: 'boolean', default: false },
    format: { type: 'string', short: 'f', default: 'stylish' },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(DEPLOY_HELP);
    return 0;
  }
  if (positionals.length !== 1 || typeof values.to !== 'string') throw new UsageError('usage: spacelint deploy <dir> --to owner/name');
  if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError('deploy --format must be stylish or json');
  const dir = resolve(positionals[0]);
  const { HubClient, deploySpace, DeployRefusedError } = await import('@spacelint/hub');
  const hub = new HubClient();
  const json = values.format === 'json';
  const dryRun = Boolean(values['dry-run']);
  const colors = colorsFor(process.stdout, Boolean(values['no-color']));
  const progress = process.stderr.isTTY && !json;
  try {
    const result = await deploySpace({
      hub,
      dir,
      space: values.to,
      force: Boolean(values.force),
      dryRun,
      deleteRemoved: Boolean(values['delete-removed']),
      message: values.message as string | undefined,
      create: { private: Boolean(values.private) },
      onProgress: (p) => {
        if (progress) process.stderr.write(`\r\u001b[2K${p.message}`);
      },
    });
    if (progress) process.stderr.write('\r\u001b[2K');
    const refused = result.dryRun && result.counts.error > 0 && !values.force;
    if (json) {
      const { space, spaceUrl, commit, created, forced, upToDate, counts, uploaded, deleted, skipped, diagnostics } = result;
      process.stdout.write(JSON.stringify({ space, spaceUrl, commit, created, forced, upToDate, dryRun, ...(dryRun ? { refused } : {}), counts, uploaded, deleted, skipped, diagnostics }) + '\n');
      return refused ? 1 : 0;
    }
    process.stdout.write(formatStylish(reportsFor(dir, result.diagnostics), colors));
    if (dryRun) {
      const out: string[] = [`Dry run: nothing was created, uploaded or deleted on ${result.spaceUrl}.`];
      if (refused) out.push(`${colors.red('✖')} Would be refused: ${result.counts.error} error-level problem${result.counts.error === 1 ? '' : 's'} (fix them, or use --force).`);
      if (result.upToDate) out.push(`${colors.green('✔')} Up to date: the Space already has these files; a deploy would make no commit.`);
      else {
        if (result.created) out.push(`The Space does not exist: it would be created.`);
        out.push(`Would upload ${result.uploaded.length} file${result.uploaded.length === 1 ? '' : 's'}:`, ...result.uploaded.map((p) => `  ${p}`));
        if (result.deleted.length) out.push(`Would delete ${result.deleted.length} file${result.deleted.length === 1 ? '' : 's'} on the Space:`, ...result.deleted.map((p) => `  ${p}`));
      }
      if (result.skipped.length) out.push(`Left out (${result.skipped.length}):`, ...result.skipped.map((s) => `  ${s.path}  ${colors.dim(s.detail)}`));
      process.stdout.write(out.join('\n') + '\n');
      return refused ? 1 : 0;
    }
    if (result.upToDate) {
      process.stdout.write(`${colors.green('✔')} ${result.space} is up to date: nothing changed, no commit made (${result.spaceUrl})\n`);
    } else {
      const deleted = result.deleted.length ? `, deleted ${result.deleted.length}` : '';
      process.stdout.write(
        `${colors.green('✔')} ${result.created ? 'Created and deployed' : 'Deployed'} ${result.uploaded.length} files${deleted} to ${result.spaceUrl}\n  commit ${result.commit?.url}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (progress) process.stderr.write('\r\u001b[2K');
    if (error instanceof DeployRefusedError) {
      if (json) process.stdout.write(JSON.stringify({ refused: true, message: error.message, diagnostics: error.diagnostics }) + '\n');
      else {
        process.stdout.write(formatStylish(reportsFor(dir, error.diagnostics), colors));
        process.stderr.write(`spacelint: not deployed: ${error.message} Fix them, or use --force.\n`);
      }
      return 1;
    }
    throw error;
  }
}

const DOCTOR_HELP = `Usage: spacelint doctor owner/name [--lines N] [--format json]

Reads the Space's runtime, its recent build and run logs, and lints its files, then prints the likely
causes of failure with their fixes and the rules that catch them before a push.
Exit codes: 0 the Space is healthy, 1 causes were found, 2 usage or Hub error.
`;

async function runDoctor(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    lines: { type: 'string', default: '200' },
    format: { type: 'string', short: 'f', default: 'stylish' },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(DOCTOR_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('usage: spacelint doctor owner/name');
  const lines = Number(values.lines);
  if (!Number.isInteger(lines) || lines <= 0) throw new UsageError('--lines must be a positive whole number');
  const { HubClient, diagnoseSpace } = await import('@spacelint/hub');
  const space = positionals[0].replace(/^hf:\/\/spaces\//, '');
  const report = await diagnoseSpace({ hub: new HubClient(), space, logLines: lines });
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(report) + '\n');
    return report.healthy && report.causes.length === 0 ? 0 : 1;
  }
  const c = colorsFor(process.stdout, Boolean(values['no-color']));
  const out: string[] = [];
  const hw = report.runtime.hardware?.current ?? report.runtime.hardware?.requested ?? 'unknown hardware';
  out.push(`${c.bold(report.space)}  ${report.healthy ? c.green(report.runtime.stage) : c.red(report.runtime.stage)}  ${hw}  ${c.dim(report.spaceUrl)}`);
  const shown = new Set(report.causes.map((cause) => cause.evidence.text));
  // The Hub's error message is shown once: as a cause's evidence when one quotes it, else here.
  if (report.runtime.errorMessage && !shown.has(report.runtime.errorMessage)) out.push(`  ${c.red('runtime error:')} ${report.runtime.errorMessage}`);
  for (const kind of ['build', 'run'] as const) {
    const why = report.logs.unavailable[kind];
    if (why) out.push(`  ${c.yellow(`${kind} log not read:`)} ${why}`);
  }
  const logsRead = !report.logs.unavailable.build && !report.logs.unavailable.run;
  if (report.causes.length === 0) {
    out.push(
      '',
      report.healthy ? `${c.green('✔')} No problems found${logsRead ? '' : ' in what could be read'}.` : `No known cause found in ${logsRead ? 'the logs or the files' : 'what could be read'}.`,
    );
  }
  report.causes.forEach((cause, i) => {
    const symptom = cause.umbrella ? c.dim(report.causes.some((other) => !other.umbrella) ? ' (a symptom: the causes above say why)' : ' (a symptom: the run log says why)') : '';
    out.push('', `${c.bold(`${i + 1}. ${cause.title}`)}${symptom}`);
    out.push(`   ${c.dim(`${cause.evidence.from}:`)} ${cause.evidence.text}`);
    out.push(`   ${c.bold('cause:')} ${cause.cause}`);
    out.push(`   ${c.bold('fix:')}   ${cause.fix}`);
    if (cause.ruleIds.length) out.push(`   ${c.dim(`caught before a push by: ${cause.ruleIds.join(', ')}`)}`);
    for (const d of cause.diagnostics.slice(0, 5)) out.push(`   ${c.dim('→')} ${d.file}:${d.line}:${d.column} ${d.message} ${c.dim(d.ruleId)}`);
  });
  if (report.lintError) out.push('', c.dim(`(the files could not be linted: ${report.lintError})`));
  process.stdout.write(out.join('\n') + '\n');
  return report.healthy && report.causes.length === 0 ? 0 : 1;
}

function reportsFor(dir: string, diagnostics: Diagnostic[]): FileReport[] {
  const byFile = new Map<string, FileReport>();
  for (const d of diagnostics) {
    const r = byFile.get(d.file) ?? { filePath: resolve(dir, d.file), relativePath: d.file, spaceRoot: dir, diagnostics: [] };
    r.diagnostics.push(d);
    byFile.set(d.file, r);
  }
  return [...byFile.values()];
}

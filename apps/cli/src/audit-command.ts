import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, initParsers, lintSnapshot, redactSecrets, type LintConfig } from '@spacelint/core';
import { readAuditFile, rewriteAuditFile, shardOf, summarizeAudit, formatAuditSummary, type AuditRecord } from './audit-log.js';
import { parseOptions } from './args.js';
import { hubErrorAsUsage } from './hub-errors.js';
import { cliConfig } from './lint-command.js';
import { UsageError } from './usage-error.js';

export const AUDIT_HELP = `Usage: spacelint audit (--author <user|org> | --search <text> | --list <file> | owner/name ...) [options]

Lints many Spaces on the Hub without cloning them: lists them through the Hub API (every page), lints
each one remotely, and appends one JSON line per Space to the output file as soon as it is done.

Which Spaces:
      --author <name>     the Spaces of a user or organization (repeatable)
      --search <text>     Spaces whose name contains the text (with --author: within those authors)
      --list <file>       Space ids, one per line (owner/name, hf://spaces/owner/name or a Space URL; # comments)
      --shard <i>/<n>     audit only the i-th of n parts (by a hash of the id: every machine agrees)

Output and runs:
  -o, --out <file>        the JSONL file (default spacelint-audit.jsonl, or spacelint-audit.<i>-of-<n>.jsonl)
      --resume            continue the file: skip the Spaces it already holds (a killed run loses nothing written)
      --retry-failed      with --resume: audit again the Spaces that failed last time
      --concurrency <n>   Spaces linted at once (default 4); the Hub client retries 429 and 5xx answers
  -f, --format <name>     summary (default: a table per rule) or json
      --config, --rule, --select, --ignore   as for linting

Exit codes: 0 every Space audited (findings are the report), 1 some Spaces could not be read (their lines
say why; --resume --retry-failed tries them again), 2 usage or Hub error. Token: HF_TOKEN; Hub: HF_ENDPOINT.
Matrix workflows and merging shards: docs/audit.md.
`;

interface AuditOptions {
  authors: string[];
  search?: string;
  list?: string;
  ids: string[];
  shard?: { index: number; count: number };
  out: string;
  resume: boolean;
  retryFailed: boolean;
  concurrency: number;
  format: 'summary' | 'json';
  configs: LintConfig[];
}

function parseAuditArgs(argv: string[]): AuditOptions | 'help' {
  const { values, positionals } = parseOptions(argv, {
    author: { type: 'string', multiple: true, default: [] },
    search: { type: 'string' },
    list: { type: 'string' },
    shard: { type: 'string' },
    out: { type: 'string', short: 'o' },
    resume: { type: 'boolean', default: false },
    'retry-failed': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '4' },
    format: { type: 'string', short: 'f', default: 'summary' },
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true, default: [] },
    select: { type: 'string', multiple: true, default: [] },
    ignore: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const text = (name: string) => values[name] as string | undefined;
  const authors = values.author as string[];
  if (!authors.length && values.search === undefined && values.list === undefined && !positionals.length) {
    throw new UsageError('spacelint audit needs --author, --search, --list or Space ids (see spacelint audit --help)');
  }
  let shard: AuditOptions['shard'];
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(text('shard')!);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/8), got \`${text('shard')}\``);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got \`${values.concurrency}\``);
  if (values.format !== 'summary' && values.format !== 'json') throw new UsageError('audit --format must be summary or json');
  if (values['retry-failed'] && !values.resume) throw new UsageError('--retry-failed goes with --resume');
  const split = (v: string[]) =>
    v
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    authors,
    search: text('search'),
    list: text('list'),
    ids: positionals,
    shard,
    out: text('out') ?? (shard ? `spacelint-audit.${shard.index}-of-${shard.count}.jsonl` : 'spacelint-audit.jsonl'),
    resume: values.resume as boolean,
    retryFailed: values['retry-failed'] as boolean,
    concurrency,
    format: values.format as AuditOptions['format'],
    configs: cliConfig({ config: text('config'), rules: values.rule as string[], select: split(values.select as string[]), ignore: split(values.ignore as string[]), suppressRules: [] }),
  };
}

/** `owner/name`, `hf://spaces/owner/name` or `https://huggingface.co/spaces/owner/name` → `owner/name`. */
function spaceIdOf(value: string): string {
  return value
    .trim()
    .replace(/^hf:\/\/spaces\//, '')
    .replace(/^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/spaces\//, '')
    .replace(/\/+$/, '');
}

export async function runAudit(argv: string[]): Promise<number> {
  const options = parseAuditArgs(argv);
  if (options === 'help') {
    process.stdout.write(AUDIT_HELP);
    return 0;
  }
  if (existsSync(options.out) && !options.resume) throw new UsageError(`${options.out} already exists: --resume continues it; delete it to start over`);
  const { HubClient, HubSpaceSource, parseSpaceId } = await import('@spacelint/hub');
  const hub = new HubClient();

  // Which Spaces: the union of every source, sorted, so runs and shards see the same order.
  const ids = new Set<string>();
  const add = (raw: string, where: string) => {
    try {
      ids.add(parseSpaceId(spaceIdOf(raw)));
    } catch (error) {
      throw new UsageError(`${where}: ${(error as Error).message}`);
    }
  };
  for (const id of options.ids) add(id, 'argument');
  if (options.list !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.list === '-' ? 0 : options.list, 'utf8');
    } catch {
      throw new UsageError(`cannot read the list file ${options.list}`);
    }
    text.split(/\r?\n/).forEach((line, i) => {
      const value = line.replace(/#.*/, '').trim();
      if (value) add(value, `${options.list}:${i + 1}`);
    });
  }
  const status = new AuditProgress(process.stderr);
  try {
    for (const author of options.authors.length ? options.authors : options.search !== undefined ? [undefined] : []) {
      status.note(`listing the Spaces${author ? ` of ${author}` : ''}${options.search !== undefined ? ` matching "${options.search}"` : ''}…`);
      for (const id of await hub.listSpaces({ author, search: options.search })) ids.add(id);
    }
  } catch (error) {
    throw hubErrorAsUsage(error);
  }
  let spaces = [...ids].sort();
  if (options.shard) spaces = spaces.filter((id) => shardOf(id, options.shard!.count) === options.shard!.index);

  // What is done already: a torn last line (the run was killed while writing it) is dropped and redone.
  const existing = readAuditFile(options.out);
  let done = existing.records;
  if (existing.torn || options.retryFailed) {
    if (options.retryFailed) done = new Map([...done].filter(([, r]) => r.status === 'ok'));
    rewriteAuditFile(options.out, done.values());
  }
  const todo = spaces.filter((id) => !done.has(id));
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  status.start(spaces.length, spaces.length - todo.length);

  if (todo.length) await initParsers();
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const id = todo[next++];
      const record = await auditSpace(id, () => new HubSpaceSource(hub, id), options.configs);
      // One write per Space, appended: a kill keeps every line written before it.
      appendFileSync(options.out, JSON.stringify(record) + '\n');
      status.done(record.status === 'failed');
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, todo.length) }, worker));
  status.stop();

  const records = readAuditFile(options.out).records;
  const inScope = spaces.map((id) => records.get(id)).filter((r): r is AuditRecord => r !== undefined);
  const summary = summarizeAudit(inScope);
  if (options.format === 'json') process.stdout.write(JSON.stringify({ file: options.out, ...summary }, null, 2) + '\n');
  else process.stdout.write(formatAuditSummary(summary, options.out));
  return summary.failed > 0 ? 1 : 0;
}

async function auditSpace(id: string, source: () => { snapshot(): Promise<import('@spacelint/core').Snapshot>; commit?: string }, configs: LintConfig[]): Promise<AuditRecord> {
  try {
    const s = source();
    const snapshot = await s.snapshot();
    const diagnostics = lintSnapshot(snapshot, ...configs).diagnostics;
    const count = (level: string) => diagnostics.filter((d) => d.level === level).length;
    return {
      space: id,
      status: 'ok',
      ...(s.commit ? { commit: s.commit } : {}),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      diagnostics: diagnostics.map((d) => ({
        ruleId: d.ruleId,
        level: d.level,
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        message: redactSecrets(d.message),
      })),
    };
  } catch (error) {
    const message = error instanceof ConfigError ? `its spacelint config: ${error.message}` : (error as Error).message;
    return { space: id, status: 'failed', error: redactSecrets(String(message).split('\n')[0]) };
  }
}

/**
 * Progress on stderr: a line that rewrites itself on a terminal; in CI logs a line at every tenth of the
 * run (and at the end), so a long audit shows it is alive without flooding the log.
 */
class AuditProgress {
  private total = 0;
  private count = 0;
  private failed = 0;
  private step = 1;
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.tty = Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
  }

  note(text: string): void {
    if (this.tty) this.stream.write(`\r\u001b[2Kspacelint audit: ${text}`);
    else this.stream.write(`spacelint audit: ${text}\n`);
  }

  start(total: number, already: number): void {
    this.total = total;
    this.count = already;
    this.step = Math.max(1, Math.ceil(total / 10));
    this.note(`${total} Spaces${already ? `, ${already} already in the file` : ''}`);
  }

  done(failed: boolean): void {
    this.count++;
    if (failed) this.failed++;
    if (this.tty) this.stream.write(`\r\u001b[2Kspacelint audit: ${this.line()}`);
    else if (this.count % this.step === 0 || this.count === this.total) this.stream.write(`spacelint audit: ${this.line()}\n`);
  }

  stop(): void {
    if (this.tty) this.stream.write('\r\u001b[2K');
  }

  private line(): string {
    return `${this.count}/${this.total} Spaces${this.failed ? ` (${this.failed} failed)` : ''}`;
  }
}

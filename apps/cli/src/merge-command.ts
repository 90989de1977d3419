import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '@spacelint/core';
import { parseOptions } from './args.js';
import { formatAuditSummary, readAuditFile, summarizeAudit, type AuditRecord } from './audit-log.js';
import { formatSarif } from './formatters/sarif.js';
import type { FileReport } from './report.js';
import { UsageError } from './usage-error.js';

export const MERGE_HELP = `Usage: spacelint merge <file> ... [-o <file>] [--format jsonl|sarif|summary|json]

Joins the outputs of several runs, e.g. the shards of a matrix audit (docs/audit.md):
- audit JSONL files → one JSONL file with every Space once (sorted; a Space audited in two files keeps
  its successful result), or --format sarif for code scanning, or summary/json for the table per rule;
- SARIF files (spacelint --format sarif of several jobs) → one SARIF file with one run.
The merged file goes to -o (the summary then goes to stdout) or to stdout.
`;

export async function runMerge(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseOptions(argv, { out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h', default: false } });
  const out = values.out as string | undefined;
  if (values.help) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  if (!files.length) throw new UsageError('usage: spacelint merge <file> ... [-o <file>] (see spacelint merge --help)');
  const kinds = new Set(files.map(kindOf));
  if (kinds.size > 1) throw new UsageError('spacelint merge joins audit JSONL files or SARIF files, not both at once');
  const kind = [...kinds][0];
  const format = (values.format as string | undefined) ?? (kind === 'sarif' ? 'sarif' : 'jsonl');
  if (!['jsonl', 'sarif', 'summary', 'json'].includes(format)) throw new UsageError('merge --format must be jsonl, sarif, summary or json');
  if (kind === 'sarif' && format !== 'sarif') throw new UsageError('SARIF inputs merge into SARIF only');

  let text: string;
  let summary: string | undefined;
  if (kind === 'sarif') {
    text = mergeSarif(files);
  } else {
    const merged = mergeAuditFiles(files);
    const records = [...merged.values()];
    const s = summarizeAudit(records);
    summary = formatAuditSummary(s);
    if (format === 'jsonl') text = records.map((r) => JSON.stringify(r) + '\n').join('');
    else if (format === 'sarif') text = formatSarif(reportsOf(records), { cwd: process.cwd(), spaces: [] });
    else if (format === 'json') text = JSON.stringify(s, null, 2) + '\n';
    else text = summary;
    if (format === 'summary' || format === 'json') summary = undefined;
  }
  if (out) {
    await mkdir(dirname(resolve(out)), { recursive: true });
    await writeFile(out, text);
    if (summary) process.stdout.write(summary);
  } else {
    process.stdout.write(text);
    if (summary) process.stderr.write(summary);
  }
  return 0;
}

function kindOf(file: string): 'audit' | 'sarif' {
  let head: string;
  try {
    head = readFileSync(file, 'utf8').slice(0, 4096).trimStart();
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  if (/^\{\s*"\$schema"\s*:\s*"[^"]*sarif|^\{\s*"version"\s*:\s*"2\.1\.0"/.test(head) || /"runs"\s*:/.test(head.split('\n').slice(0, 5).join('\n'))) return 'sarif';
  if (head === '' || /^\{"space":/.test(head)) return 'audit';
  throw new UsageError(`${file} is neither a spacelint audit JSONL file nor a SARIF file`);
}

/** Every Space once, sorted; a successful result wins over a failure, and the first success over a later one. */
export function mergeAuditFiles(files: string[]): Map<string, AuditRecord> {
  const merged = new Map<string, AuditRecord>();
  for (const file of files) {
    let records;
    try {
      records = readAuditFile(file).records;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    for (const [space, record] of records) {
      const had = merged.get(space);
      if (!had || (had.status === 'failed' && record.status === 'ok')) merged.set(space, record);
    }
  }
  return new Map([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function reportsOf(records: AuditRecord[]): FileReport[] {
  const reports: FileReport[] = [];
  for (const r of records) {
    if (r.status !== 'ok') continue;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of r.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d as Diagnostic]);
    const root = `hf://spaces/${r.space}`;
    for (const [file, diagnostics] of byFile) reports.push({ filePath: `${root}/${file}`, relativePath: file, spaceRoot: root, diagnostics });
  }
  return reports;
}

interface SarifLog {
  runs: { tool: { driver: { name: string; rules?: { id: string }[] } }; results?: { ruleId?: string; ruleIndex?: number }[] }[];
}

/** One run per tool: results concatenated, rule descriptors joined by id and `ruleIndex` renumbered. */
function mergeSarif(files: string[]): string {
  let base: (SarifLog & Record<string, unknown>) | undefined;
  const runs = new Map<string, SarifLog['runs'][number]>();
  for (const file of files) {
    let log: SarifLog & Record<string, unknown>;
    try {
      log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog & Record<string, unknown>;
    } catch {
      throw new UsageError(`${file} is not valid SARIF (JSON)`);
    }
    if (!Array.isArray(log.runs)) throw new UsageError(`${file} is not a SARIF log (no runs)`);
    base ??= log;
    for (const run of log.runs) {
      const name = run.tool?.driver?.name ?? 'unknown';
      const into = runs.get(name);
      if (!into) {
        runs.set(name, { ...run, tool: { ...run.tool, driver: { ...run.tool.driver, rules: [...(run.tool.driver.rules ?? [])] } }, results: [...(run.results ?? [])] });
        continue;
      }
      const rules = into.tool.driver.rules!;
      const index = new Map(rules.map((r, i) => [r.id, i]));
      for (const result of run.results ?? []) {
        const descriptor = result.ruleIndex !== undefined ? run.tool.driver.rules?.[result.ruleIndex] : undefined;
        const id = result.ruleId ?? descriptor?.id;
        if (id !== undefined && !index.has(id)) {
          index.set(id, rules.length);
          rules.push(descriptor ?? { id });
        }
        into.results!.push(id !== undefined ? { ...result, ruleIndex: index.get(id) } : result);
      }
    }
  }
  return JSON.stringify({ ...base, runs: [...runs.values()] }, null, 2) + '\n';
}

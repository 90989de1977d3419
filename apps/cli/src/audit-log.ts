import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { getRule, type Diagnostic, type Level } from '@spacelint/core';

/**
 * The JSONL file of `spacelint audit`: one line per Space, appended as soon as that Space is done, so a
 * killed run loses only the Spaces in flight. `--resume` reads it back (a torn last line is dropped) and
 * skips what it holds; `spacelint merge` joins the files of several shards.
 */
export type AuditRecord =
  | {
      space: string;
      status: 'ok';
      /** The commit that was linted. */
      commit?: string;
      errors: number;
      warnings: number;
      infos: number;
      /** Findings without fixes (messages redacted, as in every report). */
      diagnostics: Pick<Diagnostic, 'ruleId' | 'level' | 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'>[];
    }
  | { space: string; status: 'failed'; error: string };

/** The records of an audit file, the last one per Space winning; `torn` when the last line was cut off. */
export function readAuditFile(file: string): { records: Map<string, AuditRecord>; torn: boolean; lines: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: new Map(), torn: false, lines: 0 };
    throw error;
  }
  const records = new Map<string, AuditRecord>();
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  let n = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const record = parseRecord(line);
    if (!record) throw new Error(`${file}:${i + 1} is not an audit record`);
    records.set(record.space, record);
    n++;
  }
  // A last line without its newline was being written when the run stopped: it is redone.
  return { records, torn: last.trim() !== '', lines: n };
}

function parseRecord(line: string): AuditRecord | undefined {
  try {
    const r = JSON.parse(line) as AuditRecord;
    return r && typeof r.space === 'string' && (r.status === 'ok' || r.status === 'failed') ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Rewrites the file with these records only (atomically: a kill leaves the old or the new file). */
export function rewriteAuditFile(file: string, records: Iterable<AuditRecord>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, [...records].map((r) => JSON.stringify(r) + '\n').join(''));
  renameSync(tmp, file);
}

/** Which shard (1-based) of `count` a Space belongs to: a hash of its id, so every machine agrees without coordination. */
export function shardOf(space: string, count: number): number {
  return (createHash('sha1').update(space).digest().readUInt32BE(0) % count) + 1;
}

export interface AuditSummary {
  spaces: number;
  audited: number;
  failed: number;
  withErrors: number;
  withWarnings: number;
  clean: number;
  rules: { ruleId: string; spaces: number; findings: number; errors: number; warnings: number; infos: number }[];
}

export function summarizeAudit(records: Iterable<AuditRecord>): AuditSummary {
  const summary: AuditSummary = { spaces: 0, audited: 0, failed: 0, withErrors: 0, withWarnings: 0, clean: 0, rules: [] };
  const rules = new Map<string, AuditSummary['rules'][number] & { seen: Set<string> }>();
  for (const r of records) {
    summary.spaces++;
    if (r.status === 'failed') {
      summary.failed++;
      continue;
    }
    summary.audited++;
    if (r.errors) summary.withErrors++;
    else if (r.warnings) summary.withWarnings++;
    else summary.clean++;
    for (const d of r.diagnostics) {
      let rule = rules.get(d.ruleId);
      if (!rule) rules.set(d.ruleId, (rule = { ruleId: d.ruleId, spaces: 0, findings: 0, errors: 0, warnings: 0, infos: 0, seen: new Set() }));
      rule.findings++;
      rule[LEVEL_KEY[d.level]]++;
      if (!rule.seen.has(r.space)) {
        rule.seen.add(r.space);
        rule.spaces++;
      }
    }
  }
  summary.rules = [...rules.values()].sort((a, b) => b.spaces - a.spaces || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : 1)).map(({ seen: _seen, ...rule }) => rule);
  return summary;
}

const LEVEL_KEY: Record<Level, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' };

/** The per-rule table printed at the end of an audit or a merge. */
export function formatAuditSummary(summary: AuditSummary, file?: string): string {
  const lines = [
    `${summary.spaces} Spaces: ${summary.audited} audited, ${summary.failed} failed${file ? ` (${file})` : ''}`,
    `${summary.withErrors} with errors, ${summary.withWarnings} with warnings only, ${summary.clean} without errors or warnings`,
  ];
  if (summary.rules.length) {
    const idWidth = Math.max(4, ...summary.rules.map((r) => r.ruleId.length));
    lines.push('', `${'SPACES'.padStart(6)}  ${'FINDINGS'.padStart(8)}  ${'RULE'.padEnd(idWidth)}  LEVELS`);
    for (const r of summary.rules) {
      const levels = [r.errors && `${r.errors} error`, r.warnings && `${r.warnings} warning`, r.infos && `${r.infos} info`].filter(Boolean).join(', ');
      lines.push(`${String(r.spaces).padStart(6)}  ${String(r.findings).padStart(8)}  ${r.ruleId.padEnd(idWidth)}  ${levels}${getRule(r.ruleId) ? '' : ' (unknown rule)'}`);
    }
  }
  return lines.join('\n') + '\n';
}

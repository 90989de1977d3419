import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '@spacelint/core';
import { readRegularFileSync, writeFileAtomic } from '@spacelint/core/node';
import { writeFile } from 'node:fs/promises';

/**
 * Bulk suppressions, shaped like ESLint 10's `eslint-suppressions.json`: for each file (relative to the
 * Space root) and rule, how many findings existed when they were suppressed. A later run hides a file's
 * findings of a rule while there are at most that many, and reports all of them once there are more
 * (the new one cannot be told apart from the old ones). One file per Space, at its root.
 */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export const SUPPRESSIONS_FILE = 'spacelint-suppressions.json';

export class SuppressionsError extends Error {}

const MAX_SUPPRESSIONS_BYTES = 16 * 1024 * 1024;

export async function loadSuppressions(root: string): Promise<Suppressions | undefined> {
  // A regular file only, bounded: the file comes with the Space and may be a link to /dev/zero or a FIFO.
  const read = readRegularFileSync(join(root, SUPPRESSIONS_FILE), MAX_SUPPRESSIONS_BYTES);
  if (!read.ok) {
    if (read.code === 'ENOENT') return undefined;
    const why = read.reason === 'not-regular' ? 'not a regular file' : read.reason === 'too-large' ? `larger than ${MAX_SUPPRESSIONS_BYTES / 1024 / 1024} MB` : read.code;
    throw new SuppressionsError(`cannot read ${join(root, SUPPRESSIONS_FILE)}: ${why}`);
  }
  const text = new TextDecoder().decode(read.bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SuppressionsError(`${join(root, SUPPRESSIONS_FILE)} is not valid JSON (${(error as Error).message}); fix it or delete it and run --suppress-all again`);
  }
  if (!isSuppressions(data)) {
    throw new SuppressionsError(`${join(root, SUPPRESSIONS_FILE)} must map files to rules to { "count": n }; fix it or delete it and run --suppress-all again`);
  }
  return data;
}

function isSuppressions(data: unknown): data is Suppressions {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  return Object.values(data).every(
    (rules) =>
      rules &&
      typeof rules === 'object' &&
      !Array.isArray(rules) &&
      Object.values(rules).every((v) => v && typeof v === 'object' && Number.isInteger((v as { count: unknown }).count) && (v as { count: number }).count > 0),
  );
}

/** Writes the file with sorted keys (stable diffs); an empty set removes a file that existed. */
export async function saveSuppressions(root: string, suppressions: Suppressions, existed: boolean): Promise<void> {
  const path = join(root, SUPPRESSIONS_FILE);
  const sorted: Suppressions = {};
  for (const file of Object.keys(suppressions).sort()) {
    const rules = suppressions[file];
    if (Object.keys(rules).length === 0) continue;
    sorted[file] = {};
    for (const rule of Object.keys(rules).sort()) sorted[file][rule] = { count: rules[rule].count };
  }
  if (Object.keys(sorted).length === 0) {
    if (existed) await rm(path, { force: true });
    return;
  }
  const text = JSON.stringify(sorted, null, 2) + '\n';
  if (existed) await writeFileAtomic(path, text);
  else await writeFile(path, text, { flag: 'wx' });
}

function countByFileAndRule(diagnostics: Diagnostic[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const d of diagnostics) {
    let rules = counts.get(d.file);
    if (!rules) counts.set(d.file, (rules = new Map()));
    rules.set(d.ruleId, (rules.get(d.ruleId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Records the current findings (of `rules`, or of every rule) of the files in scope, replacing their
 * earlier counts and keeping entries of other files and rules (as ESLint's `--suppress-all` does).
 */
export function suppress(existing: Suppressions, diagnostics: Diagnostic[], inScope: (file: string) => boolean, rules?: ReadonlySet<string>): Suppressions {
  const next = structuredClone(existing);
  for (const [file, byRule] of countByFileAndRule(diagnostics)) {
    if (!inScope(file)) continue;
    for (const [rule, count] of byRule) {
      if (rules && !rules.has(rule)) continue;
      (next[file] ??= {})[rule] = { count };
    }
  }
  return next;
}

export interface AppliedSuppressions {
  kept: Diagnostic[];
  suppressed: Diagnostic[];
  /** file → rule → how many suppressed findings no longer occur (files in scope only). */
  unused: Suppressions;
}

export function applySuppressions(diagnostics: Diagnostic[], suppressions: Suppressions, inScope: (file: string) => boolean): AppliedSuppressions {
  const counts = countByFileAndRule(diagnostics);
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const allowed = suppressions[d.file]?.[d.ruleId]?.count ?? 0;
    if (counts.get(d.file)!.get(d.ruleId)! <= allowed) suppressed.push(d);
    else kept.push(d);
  }
  const unused: Suppressions = {};
  for (const [file, rules] of Object.entries(suppressions)) {
    if (!inScope(file)) continue;
    for (const [rule, { count }] of Object.entries(rules)) {
      const found = counts.get(file)?.get(rule) ?? 0;
      if (found < count) (unused[file] ??= {})[rule] = { count: count - found };
    }
  }
  return { kept, suppressed, unused };
}

/** Lowers counts to what still occurs and drops entries of fixed findings and of files that are gone. */
export function prune(existing: Suppressions, diagnostics: Diagnostic[], inScope: (file: string) => boolean, fileExists: (file: string) => boolean): Suppressions {
  const { unused } = applySuppressions(diagnostics, existing, inScope);
  const next = structuredClone(existing);
  for (const [file, rules] of Object.entries(unused)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const left = next[file][rule].count - count;
      if (left > 0) next[file][rule] = { count: left };
      else delete next[file][rule];
    }
  }
  for (const file of Object.keys(next)) if (Object.keys(next[file]).length === 0 || (inScope(file) && !fileExists(file))) delete next[file];
  return next;
}

export function countEntries(s: Suppressions): number {
  return Object.values(s).reduce((n, rules) => n + Object.keys(rules).length, 0);
}

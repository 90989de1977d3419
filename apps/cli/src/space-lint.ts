import { join } from 'node:path';
import { parserAssets } from './parser-assets.js';
import { ConfigError, fixSnapshot, initParsers, compareDiagnostics, lintSnapshot, type Diagnostic, type FileSource, type LintConfig, type Snapshot } from '@spacelint/core';
import { DirectorySource, writeFixes } from '@spacelint/core/node';
import { cachedDiagnostics, cacheEntry, entryMatches, fileHashes, type CacheEntry } from './lint-cache.js';
import { totals, type FileReport, type SpaceSummary } from './report.js';
import { applySuppressions, countEntries, loadSuppressions, prune, saveSuppressions, suppress, SuppressionsError, SUPPRESSIONS_FILE, type Suppressions } from './suppressions.js';

/**
 * Everything needed to lint one Space, as plain data: the same job runs in this process or in a worker
 * thread (several Spaces), with the same result.
 */
export interface SpaceJob {
  /** Absolute directory of the Space. */
  root: string;
  /** Repo-relative files to report on; undefined = the whole Space. */
  only?: string[];
  /** CLI config layers (`--config`, `--rule`), applied over the Space's `.spacelint.yaml`. */
  configs: LintConfig[];
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  /** `--suppress-all` (rules undefined) or `--suppress-rule` (those rules). */
  suppress?: { rules?: string[] };
  pruneSuppressions: boolean;
  /** Repo-relative paths (inside this Space) that are spacelint's own files, never linted. */
  ownFiles: string[];
  /** `--cache`: the run's key and this Space's stored entry; the result carries the entry to store. */
  cache?: { key: string; entry?: CacheEntry };
  /** Return undefined instead of linting when the cache has no valid entry (the main thread's first pass). */
  cacheOnly?: boolean;
}

export interface SpaceResult {
  root: string;
  reports: FileReport[];
  summary: SpaceSummary;
  writeFailures: string[];
  /** (file, rule) suppressions whose findings no longer occur. */
  unusedSuppressions: number;
  /** A problem with the Space's configuration (a usage error, exit 2). */
  error?: string;
  /** Files the user named that the Space leaves out (.gitignore, default excludes): not linted. */
  notLinted?: string[];
  /** With `--cache`: the entry to store, and whether it was reused unchanged. */
  cacheEntry?: CacheEntry;
  cacheHit?: boolean;
}

/** How a target shows its paths; a directory Space shows absolute paths. */
export type Display = (path: string) => string;

/** A local Space as a FileSource that leaves spacelint's own files (suppressions, cache) out. */
export function spaceSource(job: Pick<SpaceJob, 'root' | 'ownFiles'>): FileSource {
  const own = new Set([SUPPRESSIONS_FILE, ...job.ownFiles]);
  return new DirectorySource(job.root, { ignore: (path) => own.has(path) });
}

/**
 * Lints one Space: snapshot, lint (or fix, or reuse the cached findings), bulk suppressions, then the
 * per-file reports. Parsers are initialised on first need (once per process or worker), so a run whose
 * Spaces all come from the cache never loads the WebAssembly.
 */
export async function lintSpace(job: SpaceJob & { cacheOnly: true }, source?: FileSource, display?: Display): Promise<SpaceResult | undefined>;
export async function lintSpace(job: SpaceJob, source?: FileSource, display?: Display): Promise<SpaceResult>;
export async function lintSpace(job: SpaceJob, source: FileSource = spaceSource(job), display: Display = (p) => join(job.root, p)): Promise<SpaceResult | undefined> {
  const snapshot = await source.snapshot();
  const writeFailures: string[] = [];
  let diagnostics: Diagnostic[];
  let changed = new Map<string, { text: string; bom: boolean }>();
  // After fixing, findings' lines refer to the fixed texts (written or not): code frames are drawn from them.
  let fixedTexts = new Map<string, { text: string }>();
  const useCache = job.cache !== undefined && !job.fix && !job.fixDryRun && !snapshot.root.startsWith('hf://');
  const hashes = useCache ? fileHashes(snapshot) : undefined;
  const hit = useCache && entryMatches(job.cache!.entry, job.cache!.key, hashes!) ? job.cache!.entry : undefined;
  if (!hit && job.cacheOnly) return undefined;
  try {
    if (hit) {
      diagnostics = cachedDiagnostics(hit);
    } else if (job.fix || job.fixDryRun) {
      await initParsers(parserAssets());
      const result = fixSnapshot(snapshot, ...job.configs);
      diagnostics = result.diagnostics;
      changed = result.changes;
      fixedTexts = new Map(result.changes);
      if (job.fix && changed.size) {
        for (const f of await writeFixes(job.root, changed)) {
          writeFailures.push(`${display(f.file)}: not fixed: ${f.message}`);
          changed.delete(f.file);
        }
      }
    } else {
      await initParsers(parserAssets());
      diagnostics = lintSnapshot(snapshot, ...job.configs).diagnostics;
    }
  } catch (error) {
    if (error instanceof ConfigError) return failed(job, error.message);
    throw error;
  }

  const stored = useCache ? (hit ?? cacheEntry(job.cache!.key, hashes!, diagnostics)) : undefined;
  const only = job.only ? new Set(job.only) : undefined;
  const inScope = (file: string) => !only || only.has(file);
  let suppressed: Diagnostic[] = [];
  let unusedSuppressions = 0;
  if (!snapshot.root.startsWith('hf://')) {
    try {
      const applied = await bulkSuppressions(job, snapshot, diagnostics, inScope);
      diagnostics = applied.kept;
      suppressed = applied.suppressed;
      unusedSuppressions = countEntries(applied.unused);
    } catch (error) {
      if (error instanceof SuppressionsError) return failed(job, error.message);
      throw error;
    }
  }
  if (job.quiet) diagnostics = diagnostics.filter((d) => d.level === 'error');
  const reports = toReports(job, snapshot, diagnostics, suppressed, display, fixedTexts, job.fixDryRun ? changed : undefined);
  const t = totals(reports);
  const notLinted = job.only?.filter((file) => !snapshot.files.has(file));
  return {
    root: job.root,
    reports,
    ...(notLinted?.length ? { notLinted } : {}),
    summary: { root: job.root, errors: t.errors, warnings: t.warnings, infos: t.infos, suppressed: suppressed.filter((d) => inScope(d.file)).length },
    writeFailures,
    unusedSuppressions,
    ...(stored ? { cacheEntry: stored, cacheHit: hit !== undefined } : {}),
  };
}

function failed(job: SpaceJob, error: string): SpaceResult {
  return { root: job.root, reports: [], summary: { root: job.root, errors: 0, warnings: 0, infos: 0, suppressed: 0 }, writeFailures: [], unusedSuppressions: 0, error };
}

async function bulkSuppressions(job: SpaceJob, snapshot: Snapshot, diagnostics: Diagnostic[], inScope: (file: string) => boolean) {
  const existing = await loadSuppressions(job.root);
  let current: Suppressions = existing ?? {};
  if (job.suppress) current = suppress(current, diagnostics, inScope, job.suppress.rules ? new Set(job.suppress.rules) : undefined);
  if (job.pruneSuppressions) current = prune(current, diagnostics, inScope, (file) => snapshot.files.has(file));
  if (job.suppress || job.pruneSuppressions) {
    if (JSON.stringify(current) !== JSON.stringify(existing ?? {})) await saveSuppressions(job.root, current, existing !== undefined);
  }
  return applySuppressions(diagnostics, current, inScope);
}

function toReports(
  job: SpaceJob,
  snapshot: Snapshot,
  diagnostics: Diagnostic[],
  suppressed: Diagnostic[],
  display: Display,
  fixedTexts: Map<string, { text: string }>,
  dryRun?: Map<string, { text: string }>,
): FileReport[] {
  const only = job.only ? new Set(job.only) : undefined;
  const byFile = new Map<string, { kept: Diagnostic[]; suppressed: Diagnostic[] }>();
  const entry = (file: string) => {
    let e = byFile.get(file);
    if (!e) byFile.set(file, (e = { kept: [], suppressed: [] }));
    return e;
  };
  for (const d of diagnostics) if (!only || only.has(d.file)) entry(d.file).kept.push(d);
  for (const d of suppressed) if (!only || only.has(d.file)) entry(d.file).suppressed.push(d);
  for (const path of dryRun?.keys() ?? []) if (!only || only.has(path)) entry(path);
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, e]) => ({
      filePath: display(file),
      relativePath: file,
      spaceRoot: job.root,
      diagnostics: e.kept.sort(compareDiagnostics),
      ...(e.suppressed.length ? { suppressed: e.suppressed.sort(compareDiagnostics) } : {}),
      source: fixedTexts.get(file)?.text ?? snapshot.files.get(file)?.text,
      output: dryRun?.get(file)?.text,
    }));
}

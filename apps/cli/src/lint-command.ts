import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseConfigText, parseSetting, RULE_IDS, type FileSource, type LintConfig } from '@spacelint/core';
import { DirectorySource, findSpaces, listSpaceFiles } from '@spacelint/core/node';
import type { LintOptions } from './args.js';
import { colorsFor } from './color.js';
import { formatGithub } from './formatters/github.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { totals, type FileReport, type RunInfo } from './report.js';
import { cacheFilePath, loadCache, runKey, saveCache, type LintCache } from './lint-cache.js';
import { ProgressLine } from './progress.js';
import { localPath } from './space-roots.js';
import { lintSpace, type SpaceJob, type SpaceResult } from './space-lint.js';
import { UsageError } from './usage-error.js';
import { ruleSelectionConfig } from './rule-selection.js';
import { formatStatistics, ruleStatistics } from './formatters/statistics.js';

/** One Space to lint and, when the user named files, the files to report on. */
export interface LintTarget {
  root: string;
  source: FileSource;
  /** Repo-relative files the user named; undefined = report the whole Space. */
  only?: Set<string>;
  /** How a repo-relative path is shown (absolute path, or hf:// URL). */
  display(path: string): string;
  /** A Space on disk, which a worker thread can re-open from its root (not a Hub Space). */
  local: boolean;
}

export type Formatter = (reports: FileReport[], options: LintOptions, run: RunInfo) => string;

const FORMATTERS: Record<string, Formatter> = {
  stylish: (reports, o, run) => formatStylish(reports, colorsFor(o.outputFile ? ({ isTTY: false } as NodeJS.WriteStream) : process.stdout, o.noColor), { run }),
  json: (reports) => formatJson(reports) + '\n',
  sarif: (reports, _o, run) => formatSarif(reports, run),
  github: (reports, _o, run) => formatGithub(reports, run),
};

export function cliConfig(options: Pick<LintOptions, 'config' | 'rules' | 'select' | 'ignore' | 'suppressRules'>): LintConfig[] {
  const configs: LintConfig[] = [];
  if (options.config) {
    const file = resolve(options.config);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${options.config}`);
    }
    try {
      configs.push(parseConfigText(text, options.config, RULE_IDS));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const selection = ruleSelectionConfig(options.select, options.ignore);
  if (selection) configs.push(selection);
  if (options.rules.length) {
    const rules: LintConfig['rules'] = {};
    for (const r of options.rules) {
      const eq = r.indexOf('=');
      const id = eq < 0 ? r : r.slice(0, eq);
      if (eq < 0) throw new UsageError(`--rule needs <id>=<level>, got \`${r}\``);
      if (!RULE_IDS.has(id)) throw new UsageError(`unknown rule \`${id}\` (see \`spacelint rules\`)`);
      try {
        rules[id] = parseSetting(r.slice(eq + 1), `--rule ${id}`);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    configs.push({ rules });
  }
  for (const id of options.suppressRules) if (!RULE_IDS.has(id)) throw new UsageError(`unknown rule \`${id}\` in --suppress-rule (see \`spacelint rules\`)`);
  return configs;
}

/**
 * Resolves CLI paths to Spaces: a directory is every Space it holds (core's `findSpaces`: itself when it is
 * one, and the Spaces below it); a file belongs to the nearest Space above it. With `skipOutside`, a file
 * or folder in no Space is left out silently (pre-commit hands over every matching staged file of a
 * repository that may hold Spaces in sub-folders, or none); without it, that is a usage error, as ESLint's
 * "No files matching the pattern" is.
 */
export async function resolveTargets(paths: string[], skipOutside = false): Promise<LintTarget[]> {
  const byRoot = new Map<string, LintTarget>();
  for (const p of paths) {
    if (p.startsWith('hf://')) {
      const { hubTarget } = await import('./hub-target.js');
      const target = await hubTarget(p);
      byRoot.set(target.root, target);
      continue;
    }
    const local = localPath(p);
    if (!local) throw new UsageError(`no such file or directory: ${p}`);
    const { abs, isDir, root } = local;
    if (isDir) {
      const found = findSpaces(abs);
      if (found.truncated) process.stderr.write(`spacelint: ${found.truncated}; Spaces beyond it were not looked for\n`);
      if (found.spaces.length === 0 && !skipOutside) {
        throw new UsageError(`no Space found in ${p} (a Space is a folder whose README.md front matter has \`sdk:\`)`);
      }
      for (const space of found.spaces) {
        const target = byRoot.get(space);
        if (target) target.only = undefined;
        else byRoot.set(space, directoryTarget(space));
      }
      continue;
    }
    if (!root && skipOutside) continue;
    if (!root) throw new UsageError(`${p} is not inside a Space (no README.md with \`sdk:\` front matter above it)`);
    let target = byRoot.get(root);
    if (!target) {
      target = { ...directoryTarget(root), only: new Set() };
      byRoot.set(root, target);
    }
    target.only?.add(relative(root, abs).split('\\').join('/'));
  }
  return [...byRoot.values()];
}

function directoryTarget(root: string): LintTarget {
  return { root, source: new DirectorySource(root), display: (path) => join(root, path), local: true };
}

export interface LintOutcome {
  reports: FileReport[];
  results: SpaceResult[];
  exitCode: number;
  /** Lines for stderr (files that could not be fixed, suppressions to prune). */
  messages: string[];
  /** Lines for stderr that change nothing else (files named but ignored). */
  warnings: string[];
}

interface CacheState {
  file: string;
  key: string;
  data: LintCache;
}

function jobFor(target: LintTarget, options: LintOptions, configs: LintConfig[], cache?: CacheState): SpaceJob {
  const suppressing = options.suppressAll || options.suppressRules.length > 0;
  // The cache file may live inside the Space (the default, when run from the Space root): never lint it.
  const cacheInside = cache && target.local ? relative(target.root, cache.file) : undefined;
  const ownFiles = cacheInside && !cacheInside.startsWith('..') ? [cacheInside.split('\\').join('/'), `${cacheInside.split('\\').join('/')}.${process.pid}.tmp`] : [];
  return {
    root: target.root,
    only: target.only ? [...target.only].sort() : undefined,
    configs,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    quiet: options.quiet,
    suppress: suppressing ? { rules: options.suppressAll ? undefined : options.suppressRules } : undefined,
    pruneSuppressions: options.pruneSuppressions,
    ownFiles,
    ...(cache ? { cache: { key: cache.key, entry: cache.data.spaces[target.root] } } : {}),
  };
}

/** How many threads (this one and workers) lint the local Spaces; 0 = this thread alone. */
export function workerThreads(localSpaces: number, concurrency: LintOptions['concurrency']): number {
  if (concurrency === 'off' || localSpaces < 2) return 0;
  const cores = (process.getBuiltinModule('node:os') as typeof import('node:os')).availableParallelism();
  const threads = Math.min(concurrency === 'auto' ? cores : concurrency, localSpaces);
  return threads >= 2 ? threads : 0;
}

export async function lintTargets(targets: LintTarget[], options: LintOptions): Promise<LintOutcome> {
  // hrtime, not performance.now: Node 20 loads perf_hooks on the first use of `performance` (~2 ms).
  const started = process.hrtime.bigint();
  const configs = cliConfig(options);
  let cache: CacheState | undefined;
  if (options.cache && !options.fix && !options.fixDryRun) {
    const file = cacheFilePath(options.cacheLocation);
    cache = { file, key: runKey(configs), data: await loadCache(file) };
  }
  const jobs = targets.map((t) => jobFor(t, options, configs, cache));
  const results: SpaceResult[] = new Array(targets.length);
  if (cache && targets.length > 1) {
    // Reuse what the cache has here, reading and hashing every Space concurrently; only the Spaces that
    // changed go to the worker threads (starting a worker costs more than checking a Space).
    const reused = await Promise.all(targets.map((t, i) => (t.local ? lintSpace({ ...jobs[i], cacheOnly: true }) : undefined)));
    reused.forEach((r, i) => r && (results[i] = r));
  }
  const local = targets.flatMap((t, i) => (t.local && !results[i] ? [i] : []));
  const threads = workerThreads(local.length, options.concurrency);
  const progress = targets.length > 1 ? new ProgressLine(process.stderr, targets.length) : undefined;
  let done = results.filter(Boolean).length;
  try {
    if (threads > 0) {
      const { lintInPool } = await import('./worker-pool.js');
      const fromPool = await lintInPool(
        local.map((i) => jobs[i]),
        threads,
        (job) => lintSpace(job),
        () => progress?.update(++done),
      );
      local.forEach((i, k) => (results[i] = fromPool[k]));
    }
    for (let i = 0; i < targets.length; i++) {
      if (results[i]) continue;
      const t = targets[i];
      results[i] = await lintSpace(jobs[i], t.local ? undefined : t.source, t.display);
      progress?.update(++done);
    }
  } finally {
    progress?.stop();
  }
  if (cache) {
    let changed = false;
    for (const r of results) {
      if (r.cacheEntry && !r.cacheHit) {
        cache.data.spaces[r.root] = r.cacheEntry;
        changed = true;
      }
    }
    if (changed) {
      try {
        await saveCache(cache.file, cache.data);
      } catch (error) {
        // A cache that cannot be written only costs speed next time; say so once.
        process.stderr.write(`spacelint: could not write the cache ${cache.file}: ${(error as Error).message}\n`);
      }
    }
  }
  if (process.env.SPACELINT_DEBUG) {
    const hits = results.filter((r) => r.cacheHit).length;
    process.stderr.write(
      `spacelint: ${targets.length} Space${targets.length === 1 ? '' : 's'} on ${threads ? `${threads} threads` : 'the main thread'} in ${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms` +
        (cache ? `; cache: ${hits} unchanged, ${results.length - hits} linted` : '') +
        '\n',
    );
  }
  const failed = results.find((r) => r.error);
  if (failed) throw new UsageError(failed.error!);
  const reports = results.flatMap((r) => r.reports);
  const messages = results.flatMap((r) => r.writeFailures);
  const ignored = results.flatMap((r, i) => (r.notLinted ?? []).map((file) => ignoredFileWarning(targets[i], file)));
  const unused = results.filter((r) => r.unusedSuppressions > 0);
  const t = totals(reports);
  const overWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && t.warnings > options.maxWarnings;
  let exitCode = messages.length ? 2 : t.errors > 0 || overWarnings ? 1 : 0;
  if (unused.length && !options.passOnUnprunedSuppressions) {
    // ESLint's behaviour: a recorded finding that was fixed must be pruned, so the record only shrinks.
    messages.push(
      `There are suppressions left that do not occur anymore (${unused.map((r) => join(r.root, 'spacelint-suppressions.json')).join(', ')}). ` +
        'Run spacelint with --prune-suppressions to remove them, or pass --pass-on-unpruned-suppressions to ignore them.',
    );
    exitCode = 2;
  }
  return { reports, results, exitCode, messages, warnings: ignored };
}

/**
 * ESLint's warning for a file named on the command line that its ignore patterns leave out: saying
 * nothing would read as "no problems" for a file that was never linted.
 */
function ignoredFileWarning(target: LintTarget, file: string): string {
  const skipped = target.local ? listSpaceFiles(target.root).skipped.find((s) => s.path === file || file.startsWith(`${s.path}/`)) : undefined;
  return `${target.display(file)}: File ignored because of a matching ignore pattern${skipped ? ` (${skipped.detail})` : ''}; it was not linted.`;
}

/** `--output-file`: as in ESLint, missing folders are created (`-o reports/spacelint.sarif`). */
async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, text);
}

export async function runLint(options: LintOptions): Promise<number> {
  if (options.printConfig !== undefined) return (await import('./print-config.js')).runPrintConfig(options.printConfig, options);
  let formatter = FORMATTERS[options.format];
  if (!formatter) throw new UsageError(`unknown format \`${options.format}\` (use ${Object.keys(FORMATTERS).join(', ')})`);
  if (options.statistics) {
    if (options.format === 'json') formatter = (reports) => JSON.stringify(ruleStatistics(reports), null, 2) + '\n';
    else if (options.format === 'stylish') formatter = (reports) => formatStatistics(ruleStatistics(reports));
    else throw new UsageError('--statistics prints stylish (a table) or json');
  }
  let stdinText: string | undefined;
  let targets: LintTarget[];
  if (options.stdin) {
    const { readStdin, stdinTarget } = await import('./stdin-target.js');
    const stdin = await stdinTarget(options.stdinFilename!, await readStdin());
    targets = [stdin.target];
    stdinText = stdin.text;
  } else {
    targets = await resolveTargets(options.paths, options.skipOutsideSpaces);
  }
  const outcome = await lintTargets(targets, options);
  const run: RunInfo = { cwd: process.cwd(), spaces: outcome.results.map((r) => r.summary) };
  if (stdinText !== undefined && options.fixDryRun && options.format === 'stylish' && !options.statistics) {
    // An editor's "fix" command (Ruff's and ESLint's stdin convention): the fixed buffer on stdout, what
    // is left to fix on stderr. Without fixes the buffer comes back unchanged.
    const fixed = outcome.reports.find((r) => r.output !== undefined)?.output ?? stdinText;
    if (options.outputFile) await writeReport(options.outputFile, fixed);
    else process.stdout.write(fixed);
    process.stderr.write(
      formatter(
        outcome.reports.map((r) => ({ ...r, output: undefined })),
        { ...options, noColor: true },
        run,
      ),
    );
    for (const m of [...outcome.warnings, ...outcome.messages]) process.stderr.write(`spacelint: ${m}\n`);
    return outcome.exitCode;
  }
  const text = formatter(outcome.reports, options, run);
  if (options.outputFile) await writeReport(options.outputFile, text);
  else if (text) process.stdout.write(text);
  for (const m of [...outcome.warnings, ...outcome.messages]) process.stderr.write(`spacelint: ${m}\n`);
  return outcome.exitCode;
}

import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  ConfigError,
  fixSnapshot,
  initParsers,
  LEVEL_RANK,
  lintSnapshot,
  parseConfigText,
  parseSetting,
  RULE_IDS,
  type Diagnostic,
  type FileSource,
  type LintConfig,
  type Snapshot,
} from '@spacelint/core';
import { DirectorySource, findSpaceRoot, writeFixes } from '@spacelint/core/node';
import { readFileSync } from 'node:fs';
import type { LintOptions } from './args.js';
import { colorsFor } from './color.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { totals, type FileReport } from './report.js';
import { UsageError } from './usage-error.js';

/** One Space to lint and, when the user named files, the files to report on. */
export interface LintTarget {
  root: string;
  source: FileSource;
  /** Repo-relative files the user named; undefined = report the whole Space. */
  only?: Set<string>;
  /** How a repo-relative path is shown (absolute path, or hf:// URL). */
  display(path: string): string;
}

export type Formatter = (reports: FileReport[], options: LintOptions) => string;

const FORMATTERS: Record<string, Formatter> = {
  stylish: (reports, o) => formatStylish(reports, colorsFor(o.outputFile ? ({ isTTY: false } as NodeJS.WriteStream) : process.stdout, o.noColor)),
  json: (reports) => formatJson(reports) + '\n',
};

/** Formats added by other modules (SARIF, GitHub annotations) register here. */
export function registerFormatter(name: string, formatter: Formatter): void {
  FORMATTERS[name] = formatter;
}

export function cliConfig(options: LintOptions): LintConfig[] {
  const configs: LintConfig[] = [];
  if (options.config) {
    const file = resolve(options.config);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${options.config}`);
    }
    configs.push(parseConfigText(text, options.config, RULE_IDS));
  }
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
  return configs;
}

/** Resolves CLI paths to Spaces: a directory is a Space; a file belongs to the nearest Space above it. */
export async function resolveTargets(paths: string[]): Promise<LintTarget[]> {
  const byRoot = new Map<string, LintTarget>();
  for (const p of paths) {
    if (p.startsWith('hf://')) {
      const { hubTarget } = await import('./hub-target.js');
      const target = await hubTarget(p);
      byRoot.set(target.root, target);
      continue;
    }
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UsageError(`no such file or directory: ${p}`);
    const isDir = statSync(abs).isDirectory();
    const root = isDir ? abs : findSpaceRoot(abs, { walk: true });
    if (!root) throw new UsageError(`${p} is not inside a Space (no README.md with \`sdk:\` front matter above it)`);
    let target = byRoot.get(root);
    if (!target) {
      target = { root, source: new DirectorySource(root), display: (path) => join(root, path), only: isDir ? undefined : new Set() };
      byRoot.set(root, target);
    }
    if (isDir) target.only = undefined;
    else target.only?.add(relative(root, abs).split('\\').join('/'));
  }
  return [...byRoot.values()];
}

export interface LintOutcome {
  reports: FileReport[];
  exitCode: number;
  writeFailures: string[];
}

export async function lintTargets(targets: LintTarget[], options: LintOptions): Promise<LintOutcome> {
  const configs = cliConfig(options);
  const snapshots = await Promise.all(targets.map((t) => t.source.snapshot()));
  await initParsers();
  const reports: FileReport[] = [];
  const writeFailures: string[] = [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    const snapshot = snapshots[i];
    let diagnostics: Diagnostic[];
    let changed = new Map<string, { text: string; bom: boolean }>();
    try {
      if (options.fix || options.fixDryRun) {
        const result = fixSnapshot(snapshot, ...configs);
        diagnostics = result.diagnostics;
        changed = result.changes;
        if (options.fix && changed.size) {
          for (const f of await writeFixes(target.root, changed)) {
            writeFailures.push(`${target.display(f.file)}: not fixed: ${f.message}`);
            changed.delete(f.file);
          }
        }
      } else {
        diagnostics = lintSnapshot(snapshot, ...configs).diagnostics;
      }
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.level === 'error');
    reports.push(...toReports(target, snapshot, diagnostics, options.fixDryRun ? changed : undefined));
  }
  const t = totals(reports);
  const overWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && t.warnings > options.maxWarnings;
  const exitCode = writeFailures.length ? 2 : t.errors > 0 || overWarnings ? 1 : 0;
  return { reports, exitCode, writeFailures };
}

function toReports(target: LintTarget, snapshot: Snapshot, diagnostics: Diagnostic[], dryRun?: Map<string, { text: string }>): FileReport[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (target.only && !target.only.has(d.file)) continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const path of dryRun?.keys() ?? []) if (!byFile.has(path) && (!target.only || target.only.has(path))) byFile.set(path, []);
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, list]) => ({
      filePath: target.display(file),
      relativePath: file,
      spaceRoot: target.root,
      diagnostics: list.sort((a, b) => a.line - b.line || a.column - b.column || LEVEL_RANK[b.level] - LEVEL_RANK[a.level]),
      source: snapshot.files.get(file)?.text,
      output: dryRun?.get(file)?.text,
    }));
}

export async function runLint(options: LintOptions): Promise<number> {
  const formatter = FORMATTERS[options.format];
  if (!formatter) throw new UsageError(`unknown format \`${options.format}\` (use ${Object.keys(FORMATTERS).join(', ')})`);
  const targets = await resolveTargets(options.paths);
  const outcome = await lintTargets(targets, options);
  const text = formatter(outcome.reports, options);
  if (options.outputFile) await writeFile(options.outputFile, text);
  else if (text) process.stdout.write(text);
  for (const f of outcome.writeFailures) process.stderr.write(`spacelint: ${f}\n`);
  return outcome.exitCode;
}

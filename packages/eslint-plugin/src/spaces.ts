/**
 * Which Space a linted file belongs to, and that Space linted once.
 *
 * ESLint hands the plugin one file at a time, synchronously. spacelint's rules are cross-file (the README
 * names the app file, requirements pin what the SDK installs, ...), so the adapter finds the Space root of
 * the file, reads the other files from disk once per run, puts ESLint's text of the file in place of the one
 * on disk (an editor's unsaved buffer is what must be linted), lints that Space once, and lets every
 * ESLint rule pick its own findings for the file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, decodeFile, lint, normalizePath, ParseCache, prepareSpace, snapshotFromEntries, type Diagnostic, type LintConfig, type Snapshot, type Space } from '@spacelint/core';
import { DirectorySource, findSpaceRoot, relativeInside } from '@spacelint/core/node';

/** `languageOptions` of every spacelint language. */
export interface SpaceLanguageOptions {
  /**
   * A Space held in memory instead of on disk (RuleTester, programmatic `Linter` use): the other files by
   * repo-relative path. The linted file's path inside it is its filename relative to `root` (default: the
   * working directory), or the filename itself when relative.
   */
  space?: { files: Record<string, string>; root?: string };
  [key: string]: unknown;
}

/** The linted file inside its Space. `space` is undefined for a file that belongs to no Space. */
export interface SpaceView {
  space?: Space;
  config?: LintConfig;
  /** Repo-relative path of the linted file. */
  path: string;
  /** Why the Space could not be linted (a broken `.spacelint.yaml`). */
  error?: string;
}

/**
 * How long a Space read from disk is reused. One ESLint run lints a Space's files within this window;
 * a long-lived process (an editor's ESLint server) reads the disk again after it, so saved changes to
 * the other files are seen.
 */
export const DISK_SNAPSHOT_TTL_MS = 1500;
const MTIME_SLACK_MS = 50;
/** Spaces kept per source: the on-disk state plus a few edited states (the editor's buffer, --fix passes). */
const SPACES_PER_SOURCE = 4;

const README = 'README.md';

interface SpaceEntry {
  space?: Space;
  config?: LintConfig;
  error?: string;
}

/**
 * One Space's files (on disk, or in memory) and the Spaces built from them with one file replaced.
 * Parse results of unchanged files carry over from one Space to the next (core's ParseCache), so an
 * edit re-parses only the edited file.
 */
class SpaceSource {
  private spaces = new Map<string, SpaceEntry>();
  private readonly parses = new ParseCache();

  constructor(
    public base: Snapshot,
    public readAt: number,
  ) {}

  /** Replaces the files read from disk; Spaces built on the old files are dropped, parses are kept. */
  refresh(base: Snapshot, readAt: number): void {
    this.base = base;
    this.readAt = readAt;
    this.spaces.clear();
  }

  has(path: string): boolean {
    return this.base.files.has(path);
  }

  /** The Space with `path` holding `text`; the same object while neither changes. */
  spaceWith(path: string, text: string, bom: boolean): SpaceEntry {
    const same = this.base.files.get(path)?.text === text;
    const key = same ? '' : `${path}\0${text}`;
    let entry = this.spaces.get(key);
    if (entry) {
      // Most recently used last, so the oldest is evicted first.
      this.spaces.delete(key);
      this.spaces.set(key, entry);
      return entry;
    }
    entry = this.build(same ? this.base : withFile(this.base, path, text, bom));
    this.spaces.set(key, entry);
    if (this.spaces.size > SPACES_PER_SOURCE) this.spaces.delete(this.spaces.keys().next().value!);
    return entry;
  }

  private build(snapshot: Snapshot): SpaceEntry {
    try {
      return prepareSpace({ ...snapshot, parses: this.parses });
    } catch (error) {
      if (error instanceof ConfigError) return { error: error.message };
      throw error;
    }
  }
}

const encoder = new TextEncoder();

function withFile(base: Snapshot, path: string, text: string, bom: boolean): Snapshot {
  const files = new Map(base.files);
  const isNew = !files.has(path);
  // Decoded like a file read from disk (DirectorySource's overrides do the same), so a NUL byte or an
  // oversized buffer is the same finding as in the CLI.
  files.set(path, { ...decodeFile(path, encoder.encode(text)), bom });
  // Rules see files in path order, like a snapshot read from disk.
  return { ...base, files: isNew ? new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : files };
}

const diskSources = new Map<string, SpaceSource>();
const memorySources = new WeakMap<object, SpaceSource>();
const roots = new Map<string, { root: string | undefined; at: number }>();

/** The Space root of an absolute file path (cached per folder for the same window as disk snapshots). */
function spaceRootOf(file: string, now: number): string | undefined {
  const dir = dirname(file);
  const cached = roots.get(dir);
  if (cached && now - cached.at < DISK_SNAPSHOT_TTL_MS) return cached.root;
  // A file not yet saved (an editor's new buffer, --stdin-filename) is found from its folder's README.
  let root: string | undefined;
  if (existsSync(file)) root = findSpaceRoot(file);
  else {
    for (let d = dir; ; d = dirname(d)) {
      const readme = join(d, README);
      if (existsSync(readme)) {
        root = findSpaceRoot(readme);
        break;
      }
      if (dirname(d) === d) break;
    }
  }
  roots.set(dir, { root, at: now });
  return root;
}

/** The linted file as part of its Space, with ESLint's text in place of the file's. */
export function openSpaceFile(file: { path: string; physicalPath?: string; text: string; bom: boolean }, options: SpaceLanguageOptions): SpaceView {
  if (options.space) return openInMemory(file, options.space);
  const abs = resolve(file.physicalPath || file.path);
  const now = Date.now();
  const root = spaceRootOf(abs, now);
  if (!root) return { path: normalizePath(file.path) };
  const path = relativeInside(root, abs);
  if (!path) return { path: normalizePath(file.path) };
  let source = diskSources.get(root);
  if (!source) {
    source = new SpaceSource(new DirectorySource(root).snapshotSync(), now);
    diskSources.set(root, source);
  } else if (now - source.readAt >= DISK_SNAPSHOT_TTL_MS) {
    source.refresh(new DirectorySource(root).snapshotSync(), now);
  }
  if (!source.has(path)) {
    // On disk but not in the snapshot: created since it was read, or not part of the Space at all
    // (a skipped folder such as .venv or node_modules, which spacelint never lints).
    // File times come from a coarse kernel clock that may lag Date.now() by a few milliseconds.
    const modified = statSync(abs, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified > source.readAt - MTIME_SLACK_MS) source.refresh(new DirectorySource(root).snapshotSync(), now);
    if (modified !== undefined && !source.has(path)) return { path };
  }
  return { ...source.spaceWith(path, file.text, file.bom), path };
}

function openInMemory(file: { path: string; text: string; bom: boolean }, virtual: NonNullable<SpaceLanguageOptions['space']>): SpaceView {
  const root = resolve(virtual.root ?? process.cwd());
  const path = (file.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file.path) ? relativeInside(root, file.path) : normalizePath(file.path)) ?? normalizePath(file.path);
  let source = memorySources.get(virtual.files);
  if (!source) {
    source = new SpaceSource(snapshotFromEntries(virtual.files, root), Date.now());
    memorySources.set(virtual.files, source);
  }
  return { ...source.spaceWith(path, file.text, file.bom), path };
}

/** Findings of one Space by file, then by rule id; computed on first use, once per Space. */
const findingsBySpace = new WeakMap<Space, Map<string, Map<string, Diagnostic[]>>>();
const INTERNAL_ERROR_RULE = /spacelint rule `([^`]+)` failed/;

export function findingsOf(view: SpaceView): Map<string, Diagnostic[]> | undefined {
  const { space } = view;
  if (!space) return undefined;
  let byFile = findingsBySpace.get(space);
  if (!byFile) {
    byFile = new Map();
    for (const d of lint(space, view.config)) {
      // A rule that crashed is reported by the engine as `internal-error`; show it under that rule.
      const ruleId = d.ruleId === 'internal-error' ? INTERNAL_ERROR_RULE.exec(d.message)?.[1] : d.ruleId;
      if (!ruleId) continue;
      let byRule = byFile.get(d.file);
      if (!byRule) byFile.set(d.file, (byRule = new Map()));
      byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), d]);
    }
    findingsBySpace.set(space, byFile);
  }
  return byFile.get(view.path);
}

/** Forgets every Space read so far (tests; a long-lived process after a config change). */
export function forgetSpaces(): void {
  diskSources.clear();
  roots.clear();
}

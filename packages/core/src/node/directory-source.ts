import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  MAX_FILES,
  MAX_TEXT_BYTES,
  SKIPPED_DIRS,
  decodeFile,
  formatBytes,
  isTextCandidate,
  normalizePath,
  type FileSource,
  type Snapshot,
  type SpaceFile,
} from '../space/files.js';

export interface DirectorySourceOptions {
  /** Texts that replace what is on disk (an editor's unsaved buffer), by repo-relative path. */
  overrides?: Record<string, string>;
  /** Extra predicate: return true to leave a repo-relative path out (config `ignore`). */
  ignore?: (path: string) => boolean;
}

/**
 * A Space on disk. Lists every file (but skipped folders), reads the text of the files rules can use,
 * and never follows a symlink out of the Space.
 */
export class DirectorySource implements FileSource {
  readonly root: string;
  constructor(root: string, private readonly options: DirectorySourceOptions = {}) {
    this.root = resolve(root);
  }

  async snapshot(): Promise<Snapshot> {
    const files = new Map<string, SpaceFile>();
    const realRoot = await realpath(this.root);
    let truncated: string | undefined;
    const pending: string[] = [''];
    const reads: Promise<void>[] = [];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries;
      try {
        entries = await readdir(join(this.root, dir), { withFileTypes: true });
      } catch {
        continue; // an unreadable folder: its files are simply not part of the lint
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (this.options.ignore?.(path)) continue;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) pending.push(path);
          continue;
        }
        if (files.size >= MAX_FILES) {
          truncated = `stopped listing after ${MAX_FILES} files at ${path}`;
          break;
        }
        if (entry.isSymbolicLink()) {
          reads.push(this.readSymlink(path, realRoot).then((f) => void (f && files.set(path, f))));
        } else if (entry.isFile()) {
          reads.push(this.readFile(path).then((f) => void files.set(path, f)));
        }
      }
      if (truncated) break;
    }
    await Promise.all(reads);
    return this.finish(files, truncated);
  }

  /**
   * The same snapshot, read synchronously: for callers that cannot await, such as the ESLint plugin
   * (ESLint's parsers and rules are synchronous). A Space is small, so blocking reads cost little.
   */
  snapshotSync(): Snapshot {
    const files = new Map<string, SpaceFile>();
    const realRoot = realpathSync(this.root);
    let truncated: string | undefined;
    const pending: string[] = [''];
    while (pending.length > 0 && !truncated) {
      const dir = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(join(this.root, dir), { withFileTypes: true });
      } catch {
        continue; // an unreadable folder: its files are simply not part of the lint
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (this.options.ignore?.(path)) continue;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) pending.push(path);
          continue;
        }
        if (files.size >= MAX_FILES) {
          truncated = `stopped listing after ${MAX_FILES} files at ${path}`;
          break;
        }
        if (entry.isSymbolicLink()) {
          const file = this.readSymlinkSync(path, realRoot);
          if (file) files.set(path, file);
        } else if (entry.isFile()) {
          files.set(path, this.readFileSync(path));
        }
      }
    }
    return this.finish(files, truncated);
  }

  private finish(files: Map<string, SpaceFile>, truncated: string | undefined): Snapshot {
    for (const [path, text] of Object.entries(this.options.overrides ?? {})) {
      const p = normalizePath(path);
      files.set(p, decodeFile(p, new TextEncoder().encode(text)));
    }
    // Stable order regardless of read completion order.
    const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { root: this.root, files: sorted, truncated };
  }

  private async readSymlink(path: string, realRoot: string): Promise<SpaceFile | undefined> {
    const abs = join(this.root, path);
    let target: string;
    try {
      target = await realpath(abs);
    } catch {
      return { path, size: 0, problem: 'unreadable', detail: 'broken symlink' };
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      return { path, size: 0, problem: 'outside-space', detail: 'symlink points outside the Space; not followed' };
    }
    const info = await stat(target).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return this.readFile(path);
  }

  private readSymlinkSync(path: string, realRoot: string): SpaceFile | undefined {
    let target: string;
    try {
      target = realpathSync(join(this.root, path));
    } catch {
      return { path, size: 0, problem: 'unreadable', detail: 'broken symlink' };
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      return { path, size: 0, problem: 'outside-space', detail: 'symlink points outside the Space; not followed' };
    }
    if (!statSync(target, { throwIfNoEntry: false })?.isFile()) return undefined;
    return this.readFileSync(path);
  }

  private async readFile(path: string): Promise<SpaceFile> {
    const abs = join(this.root, path);
    let size = 0;
    try {
      size = (await lstat(abs)).size;
      const unread = unreadFile(path, size);
      if (unread) return unread;
      const handle = await open(abs, 'r');
      try {
        const bytes = await handle.readFile();
        return decodeFile(path, bytes);
      } finally {
        await handle.close();
      }
    } catch (error) {
      return unreadable(path, size, error);
    }
  }

  private readFileSync(path: string): SpaceFile {
    const abs = join(this.root, path);
    let size = 0;
    try {
      size = lstatSync(abs).size;
      return unreadFile(path, size) ?? decodeFile(path, readFileSync(abs));
    } catch (error) {
      return unreadable(path, size, error);
    }
  }
}

/** The entry of a file whose text is not read (not a text file, or too large), else undefined. */
function unreadFile(path: string, size: number): SpaceFile | undefined {
  if (!isTextCandidate(path)) return { path, size };
  if (size > MAX_TEXT_BYTES) {
    return { path, size, problem: 'too-large', detail: `file is ${formatBytes(size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
  }
  return undefined;
}

function unreadable(path: string, size: number, error: unknown): SpaceFile {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { path, size, problem: 'unreadable', detail: `could not read file (${code})` };
}

/** Repo-relative form of an absolute path inside `root`, or undefined when it is outside. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== resolve(path)) return rel === '' ? '' : undefined;
  return normalizePath(rel);
}

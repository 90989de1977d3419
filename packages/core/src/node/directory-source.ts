import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
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
    const realRoot = await realpath(this.root);
    const { entries, truncated } = this.list();
    const read = await Promise.all(entries.map((e) => (e.symlink ? this.readSymlink(e.path, realRoot) : this.readFile(e.path))));
    return this.finish(read, truncated);
  }

  /**
   * The same snapshot, read synchronously: for callers that cannot await, such as the ESLint plugin
   * (ESLint's parsers and rules are synchronous). A Space is small, so blocking reads cost little.
   */
  snapshotSync(): Snapshot {
    const realRoot = realpathSync(this.root);
    const { entries, truncated } = this.list();
    return this.finish(entries.map((e) => (e.symlink ? this.readSymlinkSync(e.path, realRoot) : this.readFileSync(e.path))), truncated);
  }

  /**
   * Every file and symlink of the Space, skipped folders and `ignore` left out, up to MAX_FILES. Listing
   * is synchronous in both snapshots (a Space's folders are few); reading the files is what they differ in.
   */
  private list(): { entries: { path: string; symlink: boolean }[]; truncated?: string } {
    const entries: { path: string; symlink: boolean }[] = [];
    const pending: string[] = [''];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let dirents: Dirent[];
      try {
        dirents = readdirSync(join(this.root, dir), { withFileTypes: true });
      } catch {
        continue; // an unreadable folder: its files are simply not part of the lint
      }
      dirents.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of dirents) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (this.options.ignore?.(path)) continue;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) pending.push(path);
          continue;
        }
        if (!entry.isSymbolicLink() && !entry.isFile()) continue; // sockets, FIFOs: never read
        if (entries.length >= MAX_FILES) return { entries, truncated: `stopped listing after ${MAX_FILES} files at ${path}` };
        entries.push({ path, symlink: entry.isSymbolicLink() });
      }
    }
    return { entries };
  }

  private finish(read: (SpaceFile | undefined)[], truncated: string | undefined): Snapshot {
    const files = new Map<string, SpaceFile>();
    for (const f of read) if (f) files.set(f.path, f);
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
    if (outsideRoot(target, realRoot)) return outsideSpace(path);
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
    if (outsideRoot(target, realRoot)) return outsideSpace(path);
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

function outsideRoot(target: string, realRoot: string): boolean {
  return target !== realRoot && !target.startsWith(realRoot + sep);
}

function outsideSpace(path: string): SpaceFile {
  return { path, size: 0, problem: 'outside-space', detail: 'symlink points outside the Space; not followed' };
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

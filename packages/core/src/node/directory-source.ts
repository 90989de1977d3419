import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
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
 *
 * Reads are synchronous on purpose: a Space is a few small files, and each asynchronous file operation
 * is a round trip through libuv's thread pool. Reading the typical example Space asynchronously (lstat,
 * open, read, close per file) took longer than linting it; synchronous reads are about 10× faster, and
 * the lint that follows is synchronous anyway.
 */
export class DirectorySource implements FileSource {
  readonly root: string;
  constructor(root: string, private readonly options: DirectorySourceOptions = {}) {
    this.root = resolve(root);
  }

  async snapshot(): Promise<Snapshot> {
    return this.snapshotSync();
  }

  /** The same snapshot, for callers that cannot await (throws when the root is missing). */
  snapshotSync(): Snapshot {
    const files = new Map<string, SpaceFile>();
    const realRoot = realpathSync(this.root);
    let truncated: string | undefined;
    const pending: string[] = [''];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries;
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
          const f = this.readSymlink(path, realRoot);
          if (f) files.set(path, f);
        } else if (entry.isFile()) {
          files.set(path, this.readFile(path, realRoot));
        }
      }
      if (truncated) break;
    }
    for (const [path, text] of Object.entries(this.options.overrides ?? {})) {
      const p = normalizePath(path);
      files.set(p, decodeFile(p, new TextEncoder().encode(text)));
    }
    // Stable order regardless of listing order.
    const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { root: this.root, files: sorted, truncated };
  }

  private readSymlink(path: string, realRoot: string): SpaceFile | undefined {
    const abs = join(this.root, path);
    let target: string;
    try {
      target = realpathSync(abs);
    } catch {
      return { path, size: 0, problem: 'unreadable', detail: 'broken symlink' };
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      return { path, size: 0, problem: 'outside-space', detail: 'symlink points outside the Space; not followed' };
    }
    let isFile = false;
    try {
      isFile = statSync(target).isFile();
    } catch {
      // vanished meanwhile
    }
    return isFile ? this.readFile(path, realRoot) : undefined;
  }

  private readFile(path: string, realRoot: string): SpaceFile {
    const abs = join(this.root, path);
    let size = 0;
    try {
      if (!isTextCandidate(path)) return { path, size: statSync(abs).size };
      // Checked right before opening, not at listing time: a folder swapped for a symlink in between must
      // not lead out of the Space (MCP roots). After opening, the file must be the one checked.
      const real = realpathSync.native(abs);
      if (!isInsideRoot(realRoot, real)) return { path, size: 0, problem: 'outside-space', detail: 'resolves outside the Space; not read' };
      const checked = statSync(real);
      const fd = openSync(real, 'r');
      try {
        const opened = fstatSync(fd);
        if (opened.ino !== checked.ino || opened.dev !== checked.dev || !openedInside(fd, realRoot)) {
          return { path, size: 0, problem: 'outside-space', detail: 'changed while being read; not read' };
        }
        size = opened.size;
        if (size > MAX_TEXT_BYTES) {
          return { path, size, problem: 'too-large', detail: `file is ${formatBytes(size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
        }
        return decodeFile(path, readFileSync(fd));
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { path, size, problem: 'unreadable', detail: `could not read file (${code})` };
    }
  }
}

function isInsideRoot(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

const PROC_FD = process.platform === 'linux' && existsSync('/proc/self/fd');

/** Where an open file really is (Linux: /proc/self/fd), so a swap between check and open is seen. */
function openedInside(fd: number, realRoot: string): boolean {
  if (!PROC_FD) return true;
  try {
    return isInsideRoot(realRoot, readlinkSync(`/proc/self/fd/${fd}`));
  } catch {
    return true;
  }
}

/** Repo-relative form of an absolute path inside `root`, or undefined when it is outside. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== resolve(path)) return rel === '' ? '' : undefined;
  return normalizePath(rel);
}

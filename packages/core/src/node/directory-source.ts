import { relative, resolve } from 'node:path';
import { MAX_TEXT_BYTES, decodeFile, formatBytes, isTextCandidate, normalizePath, type FileSource, type Snapshot, type SpaceFile } from '../space/files.js';
import { readRegularFileSync } from './read-file.js';
import { listSpaceFiles } from './space-files.js';

export interface DirectorySourceOptions {
  /** Texts that replace what is on disk (an editor's unsaved buffer), by repo-relative path. */
  overrides?: Record<string, string>;
  /** Extra predicate: return true to leave a repo-relative path out (config `ignore`). */
  ignore?: (path: string) => boolean;
}

/**
 * A Space on disk: the files `listSpaceFiles` lists (the same set a deploy uploads: no `.git`, `.env`,
 * credentials, caches or .gitignored files), with the text of the files rules can use. Never follows a
 * symlink out of the Space, and reads only regular files.
 *
 * Reads are synchronous on purpose: a Space is a few small files, and each asynchronous file operation
 * is a round trip through libuv's thread pool. Reading the typical example Space asynchronously (lstat,
 * open, read, close per file) took longer than linting it; synchronous reads are about 10× faster, and
 * the lint that follows is synchronous anyway.
 */
export class DirectorySource implements FileSource {
  readonly root: string;
  constructor(
    root: string,
    private readonly options: DirectorySourceOptions = {},
  ) {
    this.root = resolve(root);
  }

  async snapshot(): Promise<Snapshot> {
    return this.snapshotSync();
  }

  /** The same snapshot, for callers that cannot await (throws when the root is missing). */
  snapshotSync(): Snapshot {
    const files = new Map<string, SpaceFile>();
    const listing = listSpaceFiles(this.root, { ignore: this.options.ignore });
    for (const file of listing.files) files.set(file.path, readSpaceFile(file.path, file.absPath, file.size, listing.realRoot));
    // A link that cannot be followed is still a file the Space names: rules report it when they would parse it.
    for (const skip of listing.skipped) {
      if (skip.reason === 'symlink-outside') files.set(skip.path, { path: skip.path, size: 0, problem: 'outside-space', detail: skip.detail });
      else if (skip.reason === 'symlink-broken') files.set(skip.path, { path: skip.path, size: 0, problem: 'unreadable', detail: skip.detail });
    }
    for (const [path, text] of Object.entries(this.options.overrides ?? {})) {
      const p = normalizePath(path);
      files.set(p, decodeFile(p, new TextEncoder().encode(text)));
    }
    // Stable order regardless of listing order.
    const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { root: this.root, files: sorted, truncated: listing.truncated };
  }
}

/** A listed file as the lint sees it: text for text candidates up to MAX_TEXT_BYTES, else size and why. */
export function readSpaceFile(path: string, absPath: string, size: number, realRoot?: string): SpaceFile {
  if (!isTextCandidate(path)) return { path, size };
  if (size > MAX_TEXT_BYTES) return tooLarge(path, size);
  const read = readRegularFileSync(absPath, MAX_TEXT_BYTES, { within: realRoot });
  if (read.ok) return decodeFile(path, read.bytes);
  if (read.reason === 'too-large') return tooLarge(path, read.size);
  if (read.reason === 'outside') return { path, size: 0, problem: 'outside-space', detail: 'the file now resolves outside the Space (a folder was swapped for a symlink); not read' };
  if (read.reason === 'not-regular') return { path, size: 0, problem: 'unreadable', detail: 'not a regular file' };
  return { path, size, problem: 'unreadable', detail: `could not read file (${read.code ?? 'error'})` };
}

function tooLarge(path: string, size: number): SpaceFile {
  return { path, size, problem: 'too-large', detail: `file is ${formatBytes(size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
}

/** Repo-relative form of an absolute path inside `root`, or undefined when it is outside. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== resolve(path)) return rel === '' ? '' : undefined;
  return normalizePath(rel);
}

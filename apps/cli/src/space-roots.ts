import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findSpaceRoot, isSpaceFolder } from '@spacelint/core/node';

export interface LocalPath {
  abs: string;
  isDir: boolean;
  /** The Space: the directory itself, or the nearest Space above a file; undefined when there is none. */
  root?: string;
}

const rootByFolder = new Map<string, string | undefined>();

/**
 * Where a local CLI path belongs; undefined when it does not exist. A file's Space depends only on its
 * folder, so it is looked up once per folder (pre-commit passes many files of the same folders).
 */
export function localPath(path: string): LocalPath | undefined {
  const abs = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    return undefined;
  }
  if (isDir) return { abs, isDir, root: abs };
  const folder = dirname(abs);
  if (!rootByFolder.has(folder)) rootByFolder.set(folder, findSpaceRoot(abs, { walk: true }));
  return { abs, isDir, root: rootByFolder.get(folder) };
}

/**
 * True when the paths are one Space (so the run is a single, start-up-bound one). A folder that is not a
 * Space itself may hold several (`spacelint spaces/`): counted as a batch.
 */
export function isOneSpace(paths: string[]): boolean {
  const roots = new Set(paths.map((p) => (p.startsWith('hf://') ? p : (localPath(p)?.root ?? `missing:${p}`))));
  if (roots.size !== 1) return false;
  const only = localPath(paths[0]);
  return !only?.isDir || isSpaceFolder(only.abs);
}

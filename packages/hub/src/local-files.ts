import type { Snapshot } from '@spacelint/core';
import { HubRequestError } from './errors.js';
import { DEFAULT_EXCLUDES, listSpaceFiles, readSpaceFile, type ListedFile, type SkippedFile, type SkipReason, type SpaceFileList } from '@spacelint/core/node';

/**
 * What a deploy uploads is core's file set of the folder (`listSpaceFiles`): the same files
 * `spacelint .` lints, so a deploy never sends a file the lint did not see.
 */
export type LocalFile = ListedFile;
export type LocalSpaceFiles = SpaceFileList;
export type { SkippedFile, SkipReason };

export interface CollectOptions {
  /** Extra gitignore-style patterns, applied after .gitignore files (so they win). */
  exclude?: readonly string[];
}

/** Caches and environments left out by default (a .gitignore `!pattern` can bring one back). */
export const DEFAULT_UPLOAD_EXCLUDES: readonly string[] = DEFAULT_EXCLUDES;

/** Lists what a deploy of `dir` uploads; throws when it is not a folder or holds too many files. */
export async function collectSpaceFiles(dir: string, options: CollectOptions = {}): Promise<LocalSpaceFiles> {
  let listing: SpaceFileList;
  try {
    listing = listSpaceFiles(dir, { exclude: options.exclude });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new HubRequestError('invalid-input', `${dir} is not a folder: a deploy uploads a Space folder.`, { operation: `deploy ${dir}` });
    }
    throw error;
  }
  if (listing.truncated) {
    throw new HubRequestError('invalid-input', `${dir} has too many files to upload (${listing.truncated}); exclude data or environment folders in .gitignore.`, {
      operation: `deploy ${dir}`,
    });
  }
  return listing;
}

/**
 * The lint snapshot of exactly what will be uploaded: the same text files core reads from a folder
 * (text candidates up to MAX_TEXT_BYTES, regular files only), so a deploy lints what the Hub will build.
 */
export async function snapshotOfLocalFiles(local: LocalSpaceFiles): Promise<Snapshot> {
  const files = new Map(local.files.map((file) => [file.path, readSpaceFile(file.path, file.absPath, file.size, local.realRoot)]));
  return { root: local.root, files };
}

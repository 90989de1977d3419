import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listSpaceFiles } from './space-files.js';
import { isSpaceFolder } from './space-root.js';

/** How many Spaces one search finds (each Space found is listed once more, for the Spaces nested in it). */
export const MAX_SPACES = 5000;

/** Files that show a folder is a Space being written, though its README does not (yet) say so. */
const SPACE_IN_PROGRESS_FILES = ['README.md', 'app.py', 'Dockerfile'];

export interface SpacesFound {
  /** Absolute Space folders, in path order (a Space before the Spaces nested in it). */
  spaces: string[];
  /** Set when the search stopped early (a huge tree); says where. */
  truncated?: string;
}

/**
 * The Spaces a folder given by a person holds, each to be linted with its own root, `.spacelint.yaml` and
 * `.gitignore`:
 * - the folder itself when it is a Space (`isSpaceFolder`), and every Space nested below it;
 * - else every Space below it (`spacelint spaces/`, a repository holding Spaces in sub-folders);
 * - else the folder itself when its top holds a README.md, app.py or Dockerfile: a Space being written,
 *   whose findings then say what is missing (no README, no `sdk`);
 * - else none: the caller says so.
 * The search is the file-set walk (`listSpaceFiles`): it honours .gitignore, skips .git, node_modules,
 * virtual environments and caches, follows no symlinked folder, and is bounded (MAX_FILES files or
 * folders per Space, MAX_SPACES Spaces).
 */
export function findSpaces(dir: string): SpacesFound {
  const top = resolve(dir);
  const spaces: string[] = [];
  let truncated: string | undefined;
  const pending = [top];
  if (isSpaceFolder(top)) spaces.push(top);
  while (pending.length > 0) {
    const folder = pending.shift()!;
    if (spaces.length >= MAX_SPACES) {
      truncated = `stopped looking for Spaces after ${MAX_SPACES} Spaces, at ${folder}`;
      break;
    }
    const listing = listSpaceFiles(folder);
    if (listing.truncated && !truncated) truncated = `${folder}: ${listing.truncated}`;
    for (const nested of listing.nestedSpaces) {
      const abs = join(folder, nested);
      spaces.push(abs);
      pending.push(abs);
    }
  }
  if (spaces.length === 0 && SPACE_IN_PROGRESS_FILES.some((name) => existsSync(join(top, name)))) spaces.push(top);
  spaces.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { spaces, ...(truncated ? { truncated } : {}) };
}

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readRegularFileSync } from './read-file.js';

/**
 * Files that make a folder with README front matter a Space even when the front matter lacks `sdk`: a
 * Dockerfile (a Docker Space) or an index.html (a static Space). Without `sdk` the Hub cannot build it,
 * which the lint then reports; a model or dataset card has neither file beside it.
 */
export const SPACE_MARKER_FILES: readonly string[] = ['Dockerfile', 'index.html'];

/**
 * Whether a folder is a Space: its README.md starts with front matter that has an `sdk` key, or starts with
 * front matter and the folder holds a Dockerfile or an index.html. The one rule every surface uses: the
 * CLI and MCP server finding the Spaces under a folder, the walk up from a file (ESLint, pre-commit), and
 * the file set, which leaves a nested Space out of the Space around it. `names` (the folder's entries,
 * when the caller has read them) saves looking the markers up on disk.
 */
export function isSpaceFolder(dir: string, names?: ReadonlySet<string>): boolean {
  const frontMatter = readmeFrontMatter(dir);
  if (frontMatter === undefined) return false;
  if (/^["']?sdk["']?[ \t]*:/m.test(frontMatter)) return true;
  return SPACE_MARKER_FILES.some((name) => (names ? names.has(name) : existsSync(join(dir, name))));
}

/**
 * The Space a path belongs to. A directory given explicitly is a Space. A file (or a directory inside a
 * Space, when `walk` is set) belongs to the nearest ancestor that is a Space (`isSpaceFolder`).
 */
export function findSpaceRoot(path: string, options: { walk?: boolean } = {}): string | undefined {
  const abs = resolve(path);
  let info;
  try {
    info = statSync(abs);
  } catch {
    return undefined;
  }
  if (info.isDirectory() && !options.walk) return abs;
  let dir = info.isDirectory() ? abs : dirname(abs);
  for (;;) {
    if (isSpaceFolder(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return info.isDirectory() ? abs : undefined;
    dir = parent;
  }
}

/**
 * The front matter block at the top of a folder's README.md (as much of it as the first 4 KiB hold), or
 * undefined when there is none. Reads only the head of a regular file: a README that links to /dev/zero,
 * /dev/stdin or a FIFO is no Space.
 */
function readmeFrontMatter(dir: string): string | undefined {
  const read = readRegularFileSync(join(dir, 'README.md'), 4096, { head: true });
  if (!read.ok) return undefined;
  const head = new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(head);
  if (!open) return undefined;
  const body = head.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(body);
  return close ? body.slice(0, close.index) : body;
}

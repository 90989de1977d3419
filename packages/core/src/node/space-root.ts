import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readRegularFileSync } from './read-file.js';

/**
 * Files that make a folder a Space when its README front matter lacks `sdk` but has a Space card key
 * (`SPACE_CARD_KEYS`): a Dockerfile (a Docker Space) or an index.html (a static Space). Without `sdk` the
 * Hub cannot build it, which the lint then reports.
 */
export const SPACE_MARKER_FILES: readonly string[] = ['Dockerfile', 'index.html'];

/**
 * Keys only a Space card has (the Hub's new-Space template writes the first four): with a marker file,
 * they tell a Space whose `sdk` is missing from a model or dataset card, or a site's front matter
 * (`layout:`, `title:` beside an index.html), which stay no Space.
 */
const SPACE_CARD_KEY = /^["']?(?:sdk|emoji|colorFrom|colorTo|pinned|app_port|app_file|sdk_version|short_description)["']?[ \t]*:/m;

/**
 * Whether a folder is a Space: its README.md starts with front matter that has an `sdk` key, or whose
 * front matter has a Space card key (emoji, colorFrom, colorTo, pinned, app_port, app_file, sdk_version,
 * short_description) and the folder holds a Dockerfile or an index.html. The one rule every surface uses: the
 * CLI and MCP server finding the Spaces under a folder, the walk up from a file (ESLint, pre-commit), and
 * the file set, which leaves a nested Space out of the Space around it. `names` (the folder's entries,
 * when the caller has read them) saves looking the markers up on disk.
 */
export function isSpaceFolder(dir: string, names?: ReadonlySet<string>): boolean {
  const read = readRegularFileSync(join(dir, 'README.md'), README_HEAD_BYTES, { head: true });
  if (!read.ok) return false;
  return isSpaceReadme(new TextDecoder().decode(read.bytes), () => SPACE_MARKER_FILES.some((name) => (names ? names.has(name) : existsSync(join(dir, name)))));
}

/**
 * `isSpaceFolder` for a README.md text that is not on disk yet (an editor's buffer): whether its front
 * matter has `sdk`, or a Space card key and `hasMarkerFile()` (the folder holds a Dockerfile or index.html).
 */
export function isSpaceReadme(text: string, hasMarkerFile: () => boolean): boolean {
  const frontMatter = frontMatterHead(text.slice(0, README_HEAD_BYTES));
  if (frontMatter === undefined) return false;
  if (/^["']?sdk["']?[ \t]*:/m.test(frontMatter)) return true;
  return SPACE_CARD_KEY.test(frontMatter) && hasMarkerFile();
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

/** Only the head of a README is read: one that links to /dev/zero, /dev/stdin or a FIFO is no Space. */
const README_HEAD_BYTES = 4096;

/** The front matter block at the top of a README's head (as much of it as the head holds), or undefined. */
function frontMatterHead(head: string): string | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(head);
  if (!open) return undefined;
  const body = head.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(body);
  return close ? body.slice(0, close.index) : body;
}

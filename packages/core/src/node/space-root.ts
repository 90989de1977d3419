import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readRegularFileSync } from './read-file.js';

/**
 * The Space a path belongs to. A directory given explicitly is a Space. A file (or a directory inside a
 * Space, when `walk` is set) belongs to the nearest ancestor whose README.md has front matter with `sdk`.
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
    if (hasSpaceReadme(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return info.isDirectory() ? abs : undefined;
    dir = parent;
  }
}

/** Reads only the head of a regular README.md: one that links to /dev/zero, /dev/stdin or a FIFO is no Space. */
function hasSpaceReadme(dir: string): boolean {
  const read = readRegularFileSync(join(dir, 'README.md'), 4096, { head: true });
  if (!read.ok) return false;
  const head = new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, '');
  return /^---\s*\r?\n[\s\S]*?^sdk\s*:/m.test(head);
}

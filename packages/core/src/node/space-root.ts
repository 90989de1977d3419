import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

function hasSpaceReadme(dir: string): boolean {
  try {
    const head = readFileSync(join(dir, 'README.md'), 'utf8').slice(0, 4096).replace(/^\uFEFF/, '');
    return /^---\s*\r?\n[\s\S]*?^sdk\s*:/m.test(head);
  } catch {
    return false;
  }
}

import type { Space } from './space.js';

/**
 * Every name the repository itself could make importable, from any folder: folder names and module file
 * names (`x.py`, compiled `x.cpython-310-x86_64-linux-gnu.so`, `x.pyd`). Deliberately wide: a module that
 * lives in a subfolder needs a `sys.path` change or a different import to load, but it is not a missing
 * requirement, so deps-missing-import stays silent on it. Memoised per Space.
 */
export function repoModuleNames(space: Space): ReadonlySet<string> {
  return space.memo('repo-module-names', () => {
    const names = new Set<string>();
    for (const path of space.files.keys()) {
      const parts = path.split('/');
      const base = parts.pop()!;
      for (const dir of parts) names.add(dir);
      const module = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.py|\.pyi|\.pyd|(?:\.[\w-]+)?\.so)$/.exec(base);
      if (module) names.add(module[1]);
    }
    return names;
  });
}

import type { PythonImport, PythonModule } from '../python/module.js';
import type { Space } from './space.js';

/**
 * Which local Python modules a file loads: the import graph inside the Space. `space.facts.appModules`
 * is the closure of the app's entry files; `space.appModules` the parsed modules.
 */

/** The app file plus every local module it imports, transitively (`import helpers`, `from pkg.mod import x`). */
export function localModuleClosure(space: Space, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path) || !space.has(path)) continue;
    seen.add(path);
    for (const imp of space.python(path)?.imports ?? []) {
      for (const c of localImportTargets(space, path, imp)) if (!seen.has(c)) queue.push(c);
    }
  }
  return [...seen];
}

/** The Space files an import in `fromPath` may load (`import helpers` → helpers.py; `from pkg.mod import x` → pkg/mod.py, pkg/mod/x.py). */
export function localImportTargets(space: Space, fromPath: string, imp: PythonImport): string[] {
  const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/') + 1) : '';
  const baseDir = imp.level > 0 ? parentDir(dir, imp.level - 1) : '';
  const mod = imp.module ? imp.module.replace(/\./g, '/') : '';
  const candidates: string[] = [];
  const prefix = baseDir + mod;
  if (mod) candidates.push(`${prefix}.py`, `${prefix}/__init__.py`);
  if (imp.name && imp.name !== '*') candidates.push(`${prefix ? prefix + '/' : baseDir}${imp.name}.py`);
  // Absolute imports may also resolve relative to the app's own folder (scripts run from there).
  if (imp.level === 0 && dir && mod) candidates.push(`${dir}${mod}.py`, `${dir}${mod}/__init__.py`);
  return candidates.filter((c) => c !== fromPath && space.has(c));
}

function parentDir(dir: string, levels: number): string {
  let d = dir;
  for (let i = 0; i < levels; i++) {
    const trimmed = d.replace(/\/$/, '');
    d = trimmed.includes('/') ? trimmed.slice(0, trimmed.lastIndexOf('/') + 1) : '';
  }
  return d;
}

/** The parsed modules of `space.facts.appModules` (files that could not be read are left out). */
export function parseAppModules(space: Space): PythonModule[] {
  return space.facts.appModules.map((p) => space.python(p)).filter((m): m is PythonModule => m !== undefined);
}

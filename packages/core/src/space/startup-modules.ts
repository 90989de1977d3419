import type { PythonModule } from '../python/module.js';
import { localImportTargets } from './app-modules.js';
import type { Space } from './space.js';

/**
 * The app's Python that certainly runs when the Space starts: the entry files (the app file, or what a
 * Docker start command runs) and the local modules they import at module level outside `try:` blocks,
 * transitively. Narrower than `space.appModules`, which also follows optional and function-level imports
 * (`try: from pkg.extra import X` — a module whose own imports may fail without stopping the app).
 * Memoised per Space.
 */
export function startupModules(space: Space): PythonModule[] {
  return space.memo('startup-modules', () => {
    const appFile = space.facts.appFile;
    const entries = appFile?.endsWith('.py') ? [appFile] : space.docker.runtime.pythonEntries;
    const seen = new Set<string>();
    const out: PythonModule[] = [];
    const queue = [...entries];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const module = space.python(path);
      if (!module) continue;
      out.push(module);
      for (const imp of module.imports) {
        if (imp.guarded || imp.nested) continue;
        for (const target of localImportTargets(space, path, imp)) if (!seen.has(target)) queue.push(target);
      }
    }
    return out;
  });
}

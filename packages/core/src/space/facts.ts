import type { PythonImport } from '../python/module.js';
import type { Space } from './space.js';

/** Spec §4.0 R0: what many rules need, derived once per Space. */
export interface SpaceFacts {
  /** Front-matter `sdk` lowercased, or undefined. */
  sdk?: string;
  gradioVersion: { version?: string; major?: number; source: 'sdk_version' | 'requirements' | 'dockerfile' | 'unknown' };
  /**
   * `confirmed`: `suggested_hardware: zero-a10g`; `likely`: Python code of the Space has a GPU reference
   * (`gpuFiles` is not empty; spec §4.0 R0); `no` otherwise.
   */
  zeroGpu: 'confirmed' | 'likely' | 'no';
  /** Where HF_HOME (or HF_HUB_CACHE) is set in the Dockerfile, if anywhere. Python writes: see src/python. */
  hfHome?: { value: string; source: 'dockerfile'; name: 'HF_HOME' | 'HF_HUB_CACHE' };
  /** The app entry file: `app_file` or the SDK default (app.py for gradio, index.html for static). */
  appFile?: string;
  /** The app file and the local Python modules it imports, transitively (repo-relative paths). */
  appModules: string[];
  /**
   * Python files (any in the Space, not only the app's) with a GPU reference: `spaces.GPU` through any
   * alias of an import of `spaces`, a name imported as `GPU` from it, or an unbound `spaces.GPU` / `GPU`
   * lookalike (a forgotten import still shows ZeroGPU intent). See `PythonModule.gpuReferences`.
   */
  gpuFiles: string[];
}

export function computeFacts(space: Space): SpaceFacts {
  const config = space.config;
  const sdk = typeof config.sdk === 'string' ? config.sdk.toLowerCase() : undefined;
  const appFile = typeof config.app_file === 'string' && config.app_file.trim()
    ? config.app_file.trim().replace(/^\.\//, '')
    : sdk === 'gradio' || sdk === 'streamlit' ? 'app.py' : sdk === 'static' ? 'index.html' : undefined;
  const appModules = appFile?.endsWith('.py') ? localModuleClosure(space, appFile) : dockerPythonEntry(space);
  const gpuFiles = space.pythonPaths.filter((p) => (space.python(p)?.gpuReferences.length ?? 0) > 0);
  const zeroGpu = config.suggested_hardware === space.reference.hardware.zeroGpu ? 'confirmed' : gpuFiles.length ? 'likely' : 'no';
  return {
    sdk,
    gradioVersion: gradioVersion(space, sdk, config),
    zeroGpu,
    hfHome: dockerHfHome(space),
    appFile,
    appModules,
    gpuFiles,
  };
}

function gradioVersion(space: Space, sdk: string | undefined, config: Record<string, unknown>): SpaceFacts['gradioVersion'] {
  const sdkVersion = config.sdk_version;
  if (sdk === 'gradio' && (typeof sdkVersion === 'string' || typeof sdkVersion === 'number')) {
    return withMajor(String(sdkVersion), 'sdk_version');
  }
  for (const line of space.requirements()?.lines ?? []) {
    if (line.normalizedName === 'gradio' && line.specifier?.startsWith('==')) return withMajor(line.specifier.slice(2), 'requirements');
  }
  const docker = space.dockerfile();
  for (const inst of docker?.instructions ?? []) {
    if (inst.keyword !== 'RUN') continue;
    const m = /\bgradio(?:\[[^\]]*\])?==([0-9][^\s"']*)/.exec(inst.args);
    if (m) return withMajor(m[1], 'dockerfile');
  }
  return { source: 'unknown' };
}

function withMajor(version: string, source: SpaceFacts['gradioVersion']['source']): SpaceFacts['gradioVersion'] {
  const major = Number.parseInt(version, 10);
  return { version, major: Number.isFinite(major) ? major : undefined, source };
}

function dockerHfHome(space: Space): SpaceFacts['hfHome'] {
  let found: SpaceFacts['hfHome'];
  for (const pair of space.dockerfile()?.env ?? []) {
    if (pair.name === 'HF_HOME' || pair.name === 'HF_HUB_CACHE') found = { value: pair.value, source: 'dockerfile', name: pair.name };
  }
  return found;
}

/**
 * A Docker Space's Python entry: the file named in CMD/ENTRYPOINT (`python app.py`, `uvicorn app:app`,
 * `sh -c "python /home/user/app/app.py"`), mapped back to the repo through WORKDIR and the usual app folders.
 */
function dockerPythonEntry(space: Space): string[] {
  const docker = space.dockerfile();
  if (!docker) return [];
  const prefixes = [
    ...docker.instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => `${i.args.trim().replace(/\/+$/, '')}/`),
    '/home/user/app/', '/app/', '/code/', '/workspace/',
  ];
  const inRepo = (path: string): string | undefined => {
    const clean = path.replace(/^\.\//, '');
    if (space.has(clean)) return clean;
    const prefix = prefixes.find((p) => clean.startsWith(p) && space.has(clean.slice(p.length)));
    return prefix ? clean.slice(prefix.length) : undefined;
  };
  for (const inst of [...docker.instructions].reverse()) {
    if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue;
    const words = (inst.exec ?? inst.tokens.map((t) => t.value)).flatMap((w) => w.split(/\s+/)).map((w) => w.replace(/^["']+|["';&|)]+$/g, ''));
    for (const w of words) {
      const file = w.endsWith('.py') ? w : /^([A-Za-z_][\w.]*):[A-Za-z_]\w*$/.test(w) ? `${w.split(':')[0].replace(/\./g, '/')}.py` : undefined;
      const found = file && inRepo(file);
      if (found) return localModuleClosure(space, found);
    }
  }
  return [];
}

/** The app file plus every local module it imports, transitively (`import helpers`, `from pkg.mod import x`). */
export function localModuleClosure(space: Space, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path) || !space.has(path)) continue;
    seen.add(path);
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
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

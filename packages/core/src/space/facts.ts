import { localModuleClosure } from './app-modules.js';
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
  /**
   * The Python the app runs, with the local modules it imports, transitively (repo-relative paths): the
   * app file, or for a Space without one (Docker) the Python files its start command runs
   * (`space.docker.runtime.pythonEntries`).
   */
  appModules: string[];
  /**
   * Python files (any in the Space, not only the app's) with a GPU reference: `spaces.GPU` through any
   * alias of an import of `spaces`, a name imported as `GPU` from it, or an unbound `spaces.GPU` / `GPU`
   * lookalike (a forgotten import still shows ZeroGPU intent). See `PythonModule.gpuReferences`.
   */
  gpuFiles: string[];
}

/** Spec §4.4 context: Z4–Z7 and Z9 run when the Space is (or very likely is) on ZeroGPU. */
export function zeroGpuInUse(space: Space): boolean {
  return space.facts.zeroGpu !== 'no';
}

export function computeFacts(space: Space): SpaceFacts {
  const config = space.config;
  const sdk = typeof config.sdk === 'string' ? config.sdk.toLowerCase() : undefined;
  const appFile =
    typeof config.app_file === 'string' && config.app_file.trim()
      ? config.app_file.trim().replace(/^\.\//, '')
      : sdk === 'gradio' || sdk === 'streamlit'
        ? 'app.py'
        : sdk === 'static'
          ? 'index.html'
          : undefined;
  // A Docker Space runs what its start command runs (`python app.py`, `python -m server`, `uvicorn app:app`).
  const entries = appFile?.endsWith('.py') ? [appFile] : space.docker.runtime.pythonEntries;
  const appModules = [...new Set(entries.flatMap((entry) => localModuleClosure(space, entry)))];
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

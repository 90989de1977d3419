import { dockerPythonEnvironment } from '../docker/python-environment.js';
import { spaceMarkerEnvironment } from '../parse/markers.js';
import { normalizePackageName } from '../parse/requirements.js';
import type { PythonImport } from '../python/module.js';
import { runtimePipInstalls } from '../python/pip-install.js';
import { dependencyClosure, importDistributions, NAMESPACE_PACKAGES } from '../reference/python-imports.js';
import { stdlibStatus } from '../reference/python-stdlib.js';
import { sdkPreinstalled } from '../reference/sdk-preinstalled.js';
import { listedDistributions } from '../requirements/listed.js';
import { zeroGpuInUse } from '../space/facts.js';
import { repoModuleNames } from '../space/repo-modules.js';
import { startupModules } from '../space/startup-modules.js';
import type { Space } from '../space/space.js';
import { defineRule } from './rule.js';

const SYS_PATH_CHANGES = new Set(['sys.path.append', 'sys.path.insert', 'sys.path.extend', 'site.addsitedir']);
/** Requirement files the Gradio/Streamlit builder installs (pre-requirements.txt first). */
const REQUIREMENT_FILES = ['pre-requirements.txt', 'requirements.txt'];
/** A bare Docker image has pip's own tools and nothing else. */
const DOCKER_BASE: ReadonlySet<string> = new Set(['pip', 'setuptools', 'wheel']);

interface Environment {
  /** Installed before the app starts: SDK, requirements, runtime pip installs, with known dependencies. */
  installed: { has(name: string): boolean };
  /** Listed requirements whose dependencies are unknown (anything may come with them). */
  unknownDependencies: string[];
  /** URLs and paths of requirements without a readable name. */
  unnamed: string[];
  /** A runtime `pip install` whose packages cannot all be read. */
  opaquePipInstall: boolean;
  /** What the SDK installs, for messages. */
  assumed: string;
  /** Python 3.minor of the Space, when known. */
  pythonMinor?: number;
  python: string;
}

export default defineRule({
  meta: {
    id: 'deps-missing-import',
    category: 'dependencies',
    description: 'Every third-party module the app imports at start-up is installed: listed in requirements.txt or brought by the SDK.',
    messages: {
      missing: {
        level: 'error',
        text: "`{{module}}` is not installed: requirements.txt does not list {{dists}} and {{assumed}} does not bring it, so the Space stops at start with `ModuleNotFoundError: No module named '{{module}}'`. Add `{{dist}}` to requirements.txt.",
      },
      possiblyMissing: {
        level: 'warning',
        text: "`{{module}}` looks not installed: requirements.txt does not list {{dists}} and {{assumed}} does not bring it, so the Space would stop with `ModuleNotFoundError: No module named '{{module}}'` unless {{doubt}}. Add `{{dist}}` to requirements.txt.",
      },
      unknownModule: {
        level: 'warning',
        text: "`{{module}}` is not in the standard library of Python {{python}}, not a module of this repository, not in requirements.txt and not brought by {{assumed}}: the Space will likely stop with `ModuleNotFoundError: No module named '{{module}}'`. Add the package that provides it to requirements.txt (its PyPI name may differ from `{{module}}`).",
      },
      notInThisPython: {
        level: 'warning',
        text: "`{{module}}` is not in the standard library of Python {{python}} ({{change}}): the Space stops with `ModuleNotFoundError: No module named '{{module}}'`. {{advice}}",
      },
    },
    docs: {
      rationale:
        'A `ModuleNotFoundError` at start is the most common way a new Space fails: the app runs `import x`, but nothing installed `x`. A Gradio Space gets exactly what requirements.txt lists plus what the SDK brings: the builder runs `pip install -r requirements.txt gradio[oauth,mcp]==<sdk_version> "uvicorn>=0.14.0" "websockets>=10.4" spaces` (build logs quoted in https://github.com/zlin0/wedefense/issues/93), so Gradio\'s own dependencies for that release are installed (https://github.com/gradio-app/gradio/blob/main/requirements.txt; Gradio 5 dropped matplotlib, for instance), and ZeroGPU hardware adds torch, but not torchvision or torchaudio (https://huggingface.co/docs/hub/spaces-zerogpu; Hugging Face\'s Spaces skill: "Do list torchvision, torchaudio (not preinstalled)"). Dependencies are documented at https://huggingface.co/docs/hub/spaces-dependencies.\n\n' +
        "What is checked: imports at module level (they run at start-up) of the app file and the local modules it imports at module level outside `try:` (a module reached only through an optional import may fail without stopping the app); imports inside functions run later and are not reported, imports inside `try:` or `except` blocks (optional imports) and `if TYPE_CHECKING:` are not reported, and imports inside other `if` blocks are warnings (the branch may not run). A module is fine when it is in the standard library of the Space's Python (`python_version`, default 3.10: `import tomllib` needs 3.11, and the modules PEP 594 removed are gone in 3.13), when a file or folder of the repository has its name (wherever it is: spacelint does not guess the import path), when a requirement provides it, or when the SDK does. Import names are mapped to the distributions that install them by a table of about 400 names kept with its sources in spacelint (PIL→pillow, cv2→opencv-python or its -headless/-contrib variants, sklearn→scikit-learn, yaml→pyyaml, fitz→pymupdf, bs4→beautifulsoup4; cross-checked with pipreqs' mapping, https://github.com/bndr/pipreqs), and a requirement also provides what it depends on (transformers brings numpy, tokenizers, safetensors, huggingface_hub, ...), from a table of the Requires-Dist of popular packages (their PyPI pages).\n\n" +
        "Levels (spacelint's judgement, precision first): an error when the table knows the module and nothing listed could bring it; a warning when a listed requirement has dependencies spacelint does not know, when the app changes `sys.path`, when it runs a `pip install` whose packages cannot be read, or when the import sits in an `if` branch; a warning for a module the table does not know (its PyPI name may differ), silent when anything casts a doubt on it (an unnamed URL requirement, a requirement with unknown dependencies or with extras, a `sys.path` change, an `if` branch). A requirement with extras (`transformers[sentencepiece]`) counts as providing the extras' namesakes, and its other additions are unknown (a warning). A requirements.txt that cannot be read turns the rule off for the Space. Docker Spaces install their own way: they are checked only when the Dockerfile starts from a bare image (python, debian, ubuntu, nvidia/cuda) and installs requirements.txt and nothing else. Namespace packages (`google.*`, `azure.*`) are checked only for the sub-packages the table knows.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'numpy\n' },
        { file: 'app.py', code: 'import cv2\nimport gradio as gr\n\ndef edges(img):\n    return cv2.Canny(img, 100, 200)\n\ngr.Interface(edges, "image", "image").launch()\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'opencv-python-headless\n' },
        {
          file: 'app.py',
          code: 'import cv2\nimport gradio as gr\nimport numpy as np  # opencv depends on numpy; gradio too\n\ntry:\n    import spaces_extra  # optional\nexcept ImportError:\n    spaces_extra = None\n\ndef edges(img):\n    return cv2.Canny(np.asarray(img), 100, 200)\n\ngr.Interface(edges, "image", "image").launch()\n',
        },
      ],
      howToFix:
        'Add the distribution that provides the module to requirements.txt (the message names it: `opencv-python-headless` for `cv2`, `pillow` for `PIL`). If the module is your own, check that its file is committed. If the import is optional, put it in `try: ... except ImportError:`.',
    },
  },
  check(space, report) {
    const environment = spaceEnvironment(space);
    if (!environment) return;
    const { imports: importTable } = importDistributions();
    const local = repoModuleNames(space);
    const sysPathChange = space.appModules.some(
      (m) => m.calls.some((c) => c.qualified && SYS_PATH_CHANGES.has(c.qualified)) || m.envWrites.some((w) => w.name === 'PYTHONPATH') || m.assignments.some((a) => a.targets.includes('sys.path')),
    );
    for (const module of startupModules(space)) {
      const text = space.text(module.path) ?? '';
      const reported = new Set<string>();
      for (const imp of module.imports) {
        if (imp.level > 0 || imp.nested || imp.guarded || !imp.module) continue;
        const top = imp.module.split('.')[0];
        if (top.startsWith('_') || reported.has(top)) continue;
        const block = enclosingBlock(text, imp);
        if (block === 'optional') continue;
        const std = environment.pythonMinor === undefined ? stdlibStatus(top, 10) : stdlibStatus(top, environment.pythonMinor);
        if (std.kind === 'stdlib' || (std.kind === 'not-in-this-python' && environment.pythonMinor === undefined)) continue;
        if (local.has(top)) continue;
        if (std.kind === 'not-in-this-python') {
          // `if sys.version_info >= (3, 11): import tomllib`: the branch is the version check.
          if (block === 'conditional' || (std.replacement && environment.installed.has(std.replacement))) continue;
          reported.add(top);
          const change = std.added ? `added in Python 3.${std.added}` : `removed in Python 3.${std.removed}`;
          const advice = std.added
            ? `Set \`python_version: "3.${std.added}"\` in README.md${std.replacement ? `, or use \`${std.replacement}\` (add it to requirements.txt)` : ''}.`
            : std.replacement
              ? `Add \`${std.replacement}\` to requirements.txt, or use an older \`python_version\`.`
              : 'Use another module, or an older `python_version`.';
          report({ messageId: 'notInThisPython', data: { module: top, python: environment.python, change, advice }, file: module.path, range: imp.range });
          continue;
        }
        const dotted = imp.module.split('.').slice(0, 2).join('.');
        const key = NAMESPACE_PACKAGES.has(top) ? dotted : top;
        const dists = importTable.get(key);
        if (!dists && NAMESPACE_PACKAGES.has(top)) continue;
        const candidates = dists ?? [normalizePackageName(top)];
        if (candidates.some((d) => environment.installed.has(d))) continue;
        const spellings = [top.toLowerCase(), ...candidates, ...candidates.map((d) => d.replace(/-/g, '_'))];
        if (environment.unnamed.some((url) => spellings.some((s) => url.includes(s)))) continue;
        const doubts: string[] = [];
        if (environment.unknownDependencies.length) doubts.push(`${quoteList(environment.unknownDependencies.slice(0, 3))}, whose dependencies spacelint does not know, brings it`);
        if (environment.unnamed.length) doubts.push(`a URL requirement provides it`);
        if (environment.opaquePipInstall) doubts.push('the `pip install` the app runs installs it');
        if (sysPathChange) doubts.push("the app's `sys.path` change makes it importable");
        if (block === 'conditional') doubts.push('the `if` branch around it never runs');
        reported.add(top);
        const data = { module: top, dists: quoteList(candidates, 'or'), dist: candidates[0], assumed: environment.assumed, python: environment.python };
        if (!dists) {
          // Only the name is known: any doubt (a requirement that may bring it, a sys.path change, a branch) silences it.
          if (doubts.length) continue;
          report({ messageId: 'unknownModule', data, file: module.path, range: imp.range });
        } else if (doubts.length) {
          report({ messageId: 'possiblyMissing', data: { ...data, doubt: doubts.join(', or ') }, file: module.path, range: imp.range });
        } else {
          report({ messageId: 'missing', data, file: module.path, range: imp.range });
        }
      }
    }
  },
});

function quoteList(items: readonly string[], last = 'and'): string {
  const quoted = items.map((i) => `\`${i}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}

/** What is installed when the app starts; undefined when spacelint cannot know (static, Docker that installs its own way). */
function spaceEnvironment(space: Space): Environment | undefined {
  return space.memo('deps-missing-import:environment', () => {
    const sdk = space.facts.sdk;
    let files = REQUIREMENT_FILES;
    let pythonMinor: number | undefined;
    let assumed: string;
    let sdkInstalls: ReadonlySet<string>;
    if (sdk === 'docker') {
      const docker = dockerPythonEnvironment(space);
      if (!docker.requirementsOnly) return undefined;
      files = ['requirements.txt'];
      pythonMinor = docker.pythonMinor;
      assumed = 'the Dockerfile (it installs only requirements.txt)';
      sdkInstalls = DOCKER_BASE;
    } else {
      const preinstalled = sdkPreinstalled(sdk, space.facts.gradioVersion.version, zeroGpuInUse(space));
      if (!preinstalled) return undefined;
      const version = space.config.python_version;
      const minor = /^3\.(\d+)/.exec(typeof version === 'string' || typeof version === 'number' ? String(version).trim() : '3.10')?.[1];
      pythonMinor = minor === undefined ? undefined : Number(minor);
      assumed = preinstalled.assumed;
      sdkInstalls = preinstalled.distributions;
    }
    const env = spaceMarkerEnvironment(pythonMinor === undefined ? undefined : `3.${pythonMinor}`);
    const listed = listedDistributions(space, files, env);
    if (listed.unreadable) return undefined;
    let opaquePipInstall = false;
    for (const module of space.appModules) {
      for (const install of runtimePipInstalls(module, space.text(module.path) ?? '')) {
        for (const p of install.packages) {
          if (p.includes('/') || p.includes(':')) listed.unnamed.push(p);
          else listed.names.add(p);
        }
        if (!install.complete) opaquePipInstall = true;
      }
    }
    const closure = dependencyClosure(listed.names);
    const installed = { has: (name: string) => sdkInstalls.has(name) || closure.installed.has(name) };
    // Only what the Space lists directly: the table's own entries name small packages whose dependencies
    // (if any) are not what apps import.
    const unknownDependencies = [...new Set([...closure.unknown.filter((name) => listed.names.has(name) && !sdkInstalls.has(name)), ...listed.withExtras])];
    return { installed, unknownDependencies, unnamed: listed.unnamed, opaquePipInstall, assumed, pythonMinor, python: pythonMinor === undefined ? '3' : `3.${pythonMinor}` };
  });
}

/**
 * The block a module-level import sits in, read from the indentation above it: `optional` inside `except`
 * or `if TYPE_CHECKING:` (and `try:`, which `guarded` already covers), `conditional` inside another `if`
 * or `else` (except `if __name__ == "__main__":`), `always` otherwise.
 */
function enclosingBlock(text: string, imp: PythonImport): 'always' | 'optional' | 'conditional' {
  const lineStart = text.lastIndexOf('\n', imp.statementRange[0] - 1) + 1;
  const indent = imp.statementRange[0] - lineStart;
  if (indent === 0 || text.slice(lineStart, imp.statementRange[0]).trim()) return 'always';
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (line.length - trimmed.length >= indent) continue;
    if (/^(?:try|except|finally)\b/.test(trimmed) || /^if\s+(?:typing\.)?TYPE_CHECKING\b/.test(trimmed)) return 'optional';
    if (/^if\s+__name__\s*==/.test(trimmed)) return 'always';
    if (/^(?:if|elif|else)\b/.test(trimmed)) return 'conditional';
    return 'always';
  }
  return 'always';
}

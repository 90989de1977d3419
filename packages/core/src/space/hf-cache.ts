/**
 * Where the Hugging Face cache lives and who fills it, for the storage and start-up rules (spec §4.3 S2,
 * S3, §4.9 P4): `HF_HOME` / `HF_HUB_CACHE` set by a Dockerfile `ENV` (both forms) or by the app's Python
 * (`os.environ[...] =`, `setdefault`, `update`, `putenv`, through any alias), whether a Python write comes
 * before the first Hugging Face import (huggingface_hub reads its variables at import time [HH-ENV]), the
 * repos the app downloads, and the `preload_from_hub` list.
 */
import { keywordArgument, positionalArguments } from '../python/arguments.js';
import { constantOf, type PythonCall, type PythonEnvWrite, type PythonImport, type PythonModule } from '../python/module.js';
import { DOCKERFILE } from '../docker/runtime.js';
import type { Space } from './space.js';
import { trimEndWhere } from '../text.js';

/** Libraries that cache Hub downloads under HF_HOME (spec S2). */
export const HF_LIBRARIES = new Set(['huggingface_hub', 'transformers', 'diffusers', 'datasets', 'sentence_transformers', 'timm', 'peft', 'accelerate']);
/** Libraries that read HF_HOME when imported: a write after their import is too late (spec S2 sub-check). */
export const HF_IMPORT_TIME = new Set(['huggingface_hub', 'transformers', 'diffusers', 'datasets', 'sentence_transformers']);
export const HF_DOWNLOAD_CALLS = new Set(['from_pretrained', 'hf_hub_download', 'snapshot_download', 'load_dataset']);
export const HF_CACHE_VARIABLES = new Set(['HF_HOME', 'HF_HUB_CACHE']);

/** Where the app first touches the Hugging Face cache: `what` is the import or call, as Markdown. */
export interface HfCacheUse {
  file: string;
  range: [number, number];
  what: string;
  module: PythonModule;
}

export interface HfCacheSetting {
  name: 'HF_HOME' | 'HF_HUB_CACHE';
  /** The value, when literal; undefined when it is computed. */
  value?: string;
  /** The value as written, when it could not be resolved (`$HOME/.cache/huggingface`). */
  raw?: string;
  source: 'dockerfile' | 'python';
  file: string;
  range: [number, number];
  /** Python: the write and its module. */
  write?: PythonEnvWrite;
  module?: PythonModule;
  /** Python: the Hugging Face import that runs before the write (so the write has no effect on it). */
  after?: PythonImport;
  /** Python: written inside a function (when it runs is unknown). */
  inFunction: boolean;
}

/** Every place the Space sets HF_HOME or HF_HUB_CACHE (Dockerfile ENV in Docker Spaces, the app's Python). */
function computeHfCacheSettings(space: Space): HfCacheSetting[] {
  const out: HfCacheSetting[] = [];
  if (space.facts.sdk === 'docker') {
    for (const [name, e] of space.docker.env) {
      if (HF_CACHE_VARIABLES.has(name)) out.push({ name: name as HfCacheSetting['name'], value: e.value, raw: e.raw, source: 'dockerfile', file: DOCKERFILE, range: e.range, inFunction: false });
    }
  }
  for (const module of space.appModules) {
    const first = firstHfImport(module);
    for (const write of module.envWrites) {
      if (!write.name || !HF_CACHE_VARIABLES.has(write.name)) continue;
      const v = constantOf(module, write.value);
      out.push({
        name: write.name as HfCacheSetting['name'],
        value: v?.kind === 'string' ? String(v.value) : undefined,
        source: 'python',
        file: module.path,
        range: write.range,
        write,
        module,
        after: first && write.function === undefined && first.statementIndex < write.statementIndex ? first : undefined,
        inFunction: write.function !== undefined,
      });
    }
  }
  return out;
}

/** The first import of a library that reads HF_HOME at import time (module level, not inside a function). */
export function firstHfImport(module: PythonModule): PythonImport | undefined {
  return module.imports.find((i) => !i.nested && i.level === 0 && HF_IMPORT_TIME.has(i.module.split('.')[0]));
}

/** The first sign that the app uses the Hugging Face cache: an import of an HF library or a download call. */
function computeHfCacheUse(space: Space): HfCacheUse | undefined {
  for (const module of space.appModules) {
    const imp = module.imports.find((i) => i.level === 0 && HF_LIBRARIES.has(i.module.split('.')[0]));
    if (imp) return { file: module.path, range: imp.statementRange, what: `\`${imp.module}\``, module };
    const call = module.calls.find((c) => c.name && HF_DOWNLOAD_CALLS.has(c.name));
    if (call) return { file: module.path, range: call.calleeRange, what: `\`${call.name}()\``, module };
  }
  return undefined;
}

/** `/data` or a path under it. */
export function underData(path: string | undefined): boolean {
  return path !== undefined && /^\/data(\/|$)/.test(path.trim());
}

/** The default cache locations (`~/.cache/huggingface`, `$HOME/...`, `/home/user/...`), which preloading fills. */
export function isDefaultCache(name: string, value: string): boolean {
  const v = trimEndWhere(value.trim(), /\//).replace(/^(?:~|\$HOME|\$\{HOME\}|\/home\/user|\/root)(?=\/)/, '~');
  return name === 'HF_HOME' ? v === '~/.cache/huggingface' : v === '~/.cache/huggingface/hub';
}

/** Repos listed in `preload_from_hub` (lowercased ids, the first part of each string item). */
export function preloadedRepos(space: Space): Set<string> {
  const list = space.config.preload_from_hub;
  const repos = new Set<string>();
  if (!Array.isArray(list)) return repos;
  for (const item of list) if (typeof item === 'string' && item.trim()) repos.add(item.trim().split(/\s+/)[0].toLowerCase());
  return repos;
}

/** Repo id: `owner/name` or a bare legacy name (`gpt2`). */
const REPO_ID = /^[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?$/;

export interface HubDownload {
  call: PythonCall;
  /** The repo id as written (literal or module constant). */
  repo: string;
  /** The argument holding the repo id. */
  range: [number, number];
  /** How it is fetched: `from_pretrained`, `hf_hub_download`, `pipeline(model=)`, ... */
  how: string;
}

/**
 * A call that downloads a model repo named by a literal: `X.from_pretrained("org/m")`, `snapshot_download("org/m")`,
 * `hf_hub_download("org/m", ...)`, `pipeline(model="org/m")`, `SentenceTransformer("org/m")`. Repos of another
 * type (`repo_type="dataset"`) and local folders of the Space are not model downloads.
 */
export function hubDownload(space: Space, module: PythonModule, call: PythonCall): HubDownload | undefined {
  let arg;
  let how: string;
  const q = call.qualified ?? '';
  if (call.name === 'from_pretrained') {
    arg = keywordArgument(call, 'pretrained_model_name_or_path') ?? keywordArgument(call, 'repo_id') ?? positionalArguments(call)[0];
    how = `\`${call.callee ?? 'from_pretrained'}()\``;
  } else if (call.name === 'snapshot_download' || call.name === 'hf_hub_download') {
    const type = constantOf(module, keywordArgument(call, 'repo_type')?.value);
    if (type && !(type.kind === 'string' && type.value === 'model') && type.kind !== 'none') return undefined;
    arg = keywordArgument(call, 'repo_id') ?? positionalArguments(call)[0];
    how = `\`${call.name}()\``;
  } else if (q === 'transformers.pipeline' || q === 'diffusers.pipeline') {
    arg = keywordArgument(call, 'model') ?? positionalArguments(call)[1];
    how = '`pipeline(model=...)`';
  } else if (q === 'sentence_transformers.SentenceTransformer') {
    arg = keywordArgument(call, 'model_name_or_path') ?? positionalArguments(call)[0];
    how = '`SentenceTransformer()`';
  } else return undefined;
  const value = constantOf(module, arg?.value);
  if (!arg || value?.kind !== 'string') return undefined;
  const repo = String(value.value);
  if (!REPO_ID.test(repo) || repo.includes('..')) return undefined;
  // A folder of the Space (`./model`, `checkpoints`) is loaded from disk, not downloaded.
  const folder = repo.replace(/\/$/, '') + '/';
  for (const path of space.files.keys()) if (path.startsWith(folder)) return undefined;
  return { call, repo, range: arg.value.range, how };
}

/** The Hugging Face cache facts, `space.hfCache`: computed on first use, once per Space. */
export class HfCacheFacts {
  private settingsValue?: HfCacheSetting[];
  private useValue?: { first?: HfCacheUse };

  constructor(private readonly space: Space) {}

  /** Every place the Space sets HF_HOME or HF_HUB_CACHE (Dockerfile ENV in Docker Spaces, the app's Python). */
  get settings(): HfCacheSetting[] {
    return (this.settingsValue ??= computeHfCacheSettings(this.space));
  }

  /** The first sign that the app uses the Hugging Face cache: an import of an HF library or a download call. */
  get firstUse(): HfCacheUse | undefined {
    return (this.useValue ??= { first: computeHfCacheUse(this.space) }).first;
  }
}

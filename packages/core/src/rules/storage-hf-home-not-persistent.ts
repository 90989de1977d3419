import type { Fix, Suggestion } from '../diagnostic.js';
import { keywordArgument } from '../python/arguments.js';
import { importInsertionOffset } from '../python/insert-import.js';
import { constantOf, type PythonModule, type PythonValue } from '../python/module.js';
import { findSecrets } from '../security/redact.js';
import type { Space } from '../space/space.js';
import { DOCKERFILE } from '../docker/runtime.js';
import { HF_CACHE_VARIABLES, preloadedRepos, underData, type HfCacheSetting } from '../space/hf-cache.js';
import { frontMatterOf } from '../readme/front-matter.js';
import { defineRule, type Report } from './rule.js';

const CACHE_PATH = '/data/.huggingface';

export default defineRule({
  meta: {
    id: 'storage-hf-home-not-persistent',
    category: 'storage',
    scope: 'space',
    description: 'A Space that keeps data under `/data` also puts the Hugging Face cache there (`HF_HOME`), set before any Hugging Face library is imported.',
    hasSuggestions: true,
    messages: {
      notPersistent: {
        level: 'warning',
        text: 'The Space keeps data under `/data` ({{trigger}}) but the Hugging Face cache is {{where}}, so models are downloaded again after every restart. {{advice}}',
      },
      tooLate: {
        level: 'warning',
        text: '`{{name}}` is set after `{{module}}` is imported (line {{line}}): huggingface_hub reads its environment variables at import time, so this has no effect. Set it before the first Hugging Face import.',
      },
      bucket: {
        level: 'warning',
        text: '{{what}} points into `/data`, which is a Storage Bucket here: bucket I/O is S3-paced and too slow for model weights. Keep the cache on the container disk and preload weights with `preload_from_hub`.',
      },
    },
    docs: {
      rationale:
        'The persistent-storage docs said (before 2026-04; see the page history): "you can make your Space restart faster by setting the environment variable `HF_HOME` to `/data/.huggingface`. Libraries like `transformers`, `diffusers`, `datasets` and others use that environment variable to cache any assets downloaded from the Hugging Face Hub." (https://github.com/huggingface/hub-docs/commits/main/docs/hub/spaces-storage.md). `HF_HOME` defaults to `~/.cache/huggingface` and `HF_HUB_CACHE` to `$HF_HOME/hub`; "All environment variables are read at import time of `huggingface_hub`. Any modification made afterwards will not be taken into account." (https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables). Today volumes mount where you choose, e.g. a Storage Bucket at `/data` (https://huggingface.co/docs/huggingface_hub/guides/manage-spaces); applying the same advice to a bucket mount is spacelint\'s judgement. Reported (warning) when the Space expects a persistent `/data` — `suggested_storage` is set, the app\'s Python (the app file and the local modules it imports; offline scripts the app never imports do not count) uses a string path `/data` or `/data/...` (relative `./data` does not count), or the Dockerfile has `/data` in `ENV`, `WORKDIR`, `CMD` or `ENTRYPOINT` — and the app uses the Hugging Face cache (imports huggingface_hub, transformers, diffusers, datasets, sentence_transformers, timm, peft or accelerate, or calls from_pretrained, hf_hub_download, snapshot_download, load_dataset), and neither `HF_HOME` nor `HF_HUB_CACHE` is set under `/data` (Dockerfile `ENV` in both forms; Python `os.environ[...] =`, `setdefault`, `update`, `putenv` before the first Hugging Face import). Sub-checks: a Python write of `HF_HOME`/`HF_HUB_CACHE` after `huggingface_hub`, `transformers`, `diffusers`, `datasets` or `sentence_transformers` is imported has no effect (warning, with a suggestion that moves it up); a `setdefault` under `/data` is the recommended idiom and stays silent (a Space variable that overrides it is the owner\'s choice). Silent when `preload_from_hub` is set: preloaded files live in the default cache, and moving `HF_HOME` would bypass them (storage-preload-cache-mismatch). Hugging Face\'s own Spaces skill warns that without a mounted Storage Bucket `/data` is wiped on restart, and that a bucket is slow storage it advises against as a weights cache (https://github.com/huggingface/skills/blob/main/skills/huggingface-spaces/SKILL.md and its references/buckets.md); so the option `data` says what `/data` is: `disk` (a persistent disk: the advice above), `bucket` (warn when `HF_HOME`, `HF_HUB_CACHE` or `snapshot_download(local_dir=...)` point into `/data`), `auto` (default: offline spacelint cannot see the mount, so it behaves as `disk` with a message that names both cases). A cache variable written inside a function, or set to a computed value, leaves the rule silent (when it runs is unknown).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\n---\n' },
        {
          file: 'app.py',
          code: 'from transformers import pipeline\nimport os\nos.environ["HF_HOME"] = "/data/.huggingface"  # too late: transformers is already imported\nDB = "/data/history.sqlite"\n',
        },
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\n---\n' },
        { file: 'app.py', code: 'import sqlite3\nfrom transformers import pipeline\n\ndb = sqlite3.connect("/data/history.sqlite")\nclassifier = pipeline("sentiment-analysis")\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\n---\n' },
        { file: 'app.py', code: 'import os\nos.environ.setdefault("HF_HOME", "/data/.huggingface")\nfrom transformers import pipeline\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nENV HF_HOME=/data/.huggingface\nCOPY . .\nCMD ["python", "app.py"]\n' },
        { file: 'app.py', code: 'import sqlite3\nfrom transformers import pipeline\n\ndb = sqlite3.connect("/data/history.sqlite")\n' },
      ],
      howToFix:
        'Set `HF_HOME=/data/.huggingface` before any Hugging Face import: `ENV HF_HOME=/data/.huggingface` in a Dockerfile, or `os.environ["HF_HOME"] = "/data/.huggingface"` at the very top of the app file. If `/data` is a Storage Bucket, keep the cache off it and use `preload_from_hub` for model weights.',
      options: '`data`: `auto` (default) | `disk` | `bucket` — what is mounted at `/data` (a persistent disk, or a Storage Bucket).',
    },
  },
  check(space, report, options) {
    const mode = options.data === 'disk' || options.data === 'bucket' ? options.data : 'auto';
    const use = space.hfCache.firstUse;
    const settings = space.hfCache.settings;
    // A write after the import has no effect, whatever the rest of the Space does.
    for (const s of settings) {
      if (!s.after || !s.module || !s.write) continue;
      report({
        messageId: 'tooLate',
        data: { name: s.name, module: s.after.module, line: space.lines(s.file)!.positionAt(s.after.range[0]).line },
        file: s.file,
        range: s.range,
        suggestions: moveUpSuggestion(space, s),
      });
    }
    if (!use) return;
    const effective = settings.filter((s) => !s.after);
    if (mode === 'bucket') {
      bucketChecks(space, effective, report);
      return;
    }
    if (preloadedRepos(space).size) return;
    const trigger = persistentDataTrigger(space);
    if (!trigger) return;
    const persistent = effective.find((s) => !s.inFunction && underData(s.value));
    if (persistent) {
      // The author did the right thing (setdefault included: a Space variable overriding it is deliberate).
      return;
    }
    // Computed or function-level settings: spacelint cannot tell where the cache goes.
    if (settings.some((s) => s.inFunction || s.value === undefined)) return;
    // A /data write that only comes too late is already reported; moving it up fixes both.
    if (settings.some((s) => s.after && underData(s.value))) return;
    const set = effective[effective.length - 1];
    const where = set ? `\`${set.name}=${set.value}\`` : 'at its default `~/.cache/huggingface`, inside the container';
    const bucketNote = mode === 'auto' ? ' If it is a Storage Bucket instead, keep the cache off it and preload models with `preload_from_hub`.' : '';
    if (space.facts.sdk === 'docker' && space.dockerfile()) {
      const from = [...space.docker.instructions].reverse().find((i) => i.keyword === 'FROM');
      const at = set?.source === 'dockerfile' ? set.range : (from?.range ?? [0, 0]);
      const suggestions: Suggestion[] =
        from && !set ? [{ desc: `Add \`ENV HF_HOME=${CACHE_PATH}\``, fix: { range: [from.range[1], from.range[1]], text: `${newline(space, DOCKERFILE)}ENV HF_HOME=${CACHE_PATH}` } }] : [];
      const advice = `If \`/data\` is a persistent volume, add \`ENV HF_HOME=${CACHE_PATH}\` to the Dockerfile.${bucketNote}`;
      report({ messageId: 'notPersistent', data: { trigger: trigger.what, where, advice }, file: DOCKERFILE, range: at, suggestions });
      return;
    }
    const module = use.module;
    const text = space.text(module.path)!;
    const suggestions: Suggestion[] = set ? [] : [{ desc: `Set HF_HOME=${CACHE_PATH} before the imports`, fix: insertAtImports(module, text, `import os\nos.environ["HF_HOME"] = "${CACHE_PATH}"`) }];
    const advice = `If \`/data\` is a persistent volume, set \`os.environ["HF_HOME"] = "${CACHE_PATH}"\` at the top of ${module.path}, before any Hugging Face import.${bucketNote}`;
    report({ messageId: 'notPersistent', data: { trigger: trigger.what, where, advice }, file: set?.file ?? use.file, range: set?.range ?? use.range, suggestions });
  },
});

/** What shows that the Space expects a persistent `/data`. */
function persistentDataTrigger(space: Space): { what: string } | undefined {
  if (space.config.suggested_storage !== undefined && frontMatterOf(space)?.byKey.has('suggested_storage')) return { what: '`suggested_storage` is set' };
  for (const module of space.appModules) {
    const literal = dataLiteral(module);
    if (literal) return { what: `\`"${literal.value}"\` in ${module.path}:${space.lines(module.path)!.positionAt(literal.at).line}` };
  }
  const docker = space.facts.sdk === 'docker' ? space.dockerfile() : undefined;
  for (const inst of docker ? space.docker.instructions : []) {
    if (!['ENV', 'WORKDIR', 'CMD', 'ENTRYPOINT'].includes(inst.keyword)) continue;
    if (inst.keyword === 'ENV' && docker!.env.some((p) => p.instruction === inst && HF_CACHE_VARIABLES.has(p.name))) continue;
    if (/(^|[\s='":,[])\/data(?=$|[/\s'":,\]])/.test(inst.args)) return { what: `\`${inst.keyword} ${inst.args.length > 40 ? `${inst.args.slice(0, 37)}...` : inst.args}\` in the Dockerfile` };
  }
  return undefined;
}

/** A string literal `/data` or `/data/...` in a call argument or an assigned value (not the HF cache variables themselves). */
function dataLiteral(module: PythonModule): { value: string; at: number } | undefined {
  const cacheWrites = module.envWrites.filter((w) => w.name && HF_CACHE_VARIABLES.has(w.name)).map((w) => w.range);
  const candidate = (v: PythonValue | undefined) =>
    v?.kind === 'string' && underData(String(v.value)) && !cacheWrites.some(([s, e]) => v.range[0] >= s && v.range[1] <= e) ? { value: String(v.value), at: v.range[0] } : undefined;
  for (const call of module.calls)
    for (const a of call.args) {
      const found = candidate(a.value);
      if (found) return found;
    }
  for (const a of module.assignments) {
    const found = candidate(a.value);
    if (found) return found;
  }
  return undefined;
}

function bucketChecks(space: Space, settings: HfCacheSetting[], report: Report): void {
  for (const s of settings) {
    if (underData(s.value)) report({ messageId: 'bucket', data: { what: `\`${s.name}=${s.value}\`` }, file: s.file, range: s.range });
  }
  for (const module of space.appModules) {
    for (const call of module.calls) {
      if (call.name !== 'snapshot_download' && call.name !== 'hf_hub_download') continue;
      const arg = keywordArgument(call, 'local_dir') ?? keywordArgument(call, 'cache_dir');
      const v = constantOf(module, arg?.value);
      if (arg && v?.kind === 'string' && underData(String(v.value))) report({ messageId: 'bucket', data: { what: `\`${call.name}(${arg.name}="${v.value}")\`` }, file: module.path, range: arg.range });
    }
  }
}

/**
 * Moves a too-late write above the first Hugging Face import (with `import os` when that import comes
 * later), as one edit from the import to the write. Only for a one-line module-level statement.
 */
function moveUpSuggestion(space: Space, s: HfCacheSetting): Suggestion[] {
  const module = s.module!;
  const text = space.text(module.path)!;
  const statement = module.statements[s.write!.statementIndex];
  if (!statement || (statement[0] !== s.range[0] && text.slice(statement[0], s.range[0]).trim() !== '')) return [];
  const lineStart = text.lastIndexOf('\n', statement[0] - 1) + 1;
  const nl = text.indexOf('\n', statement[1]);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const line = text.slice(lineStart, lineEnd);
  if (/^\s/.test(line) || text.slice(statement[0], statement[1]).includes('\n')) return [];
  const target = text.lastIndexOf('\n', s.after!.statementRange[0] - 1) + 1;
  const between = text.slice(target, lineStart);
  if (between.length > 4000 || findSecrets(between).length) return [];
  const osImport = module.imports.find((i) => i.module === 'os' && !i.nested);
  const needsOs = !osImport || osImport.statementIndex >= s.after!.statementIndex;
  const moved = `${needsOs ? 'import os\n' : ''}${line.endsWith('\n') ? line : `${line}\n`}`;
  return [{ desc: `Set ${s.name} before \`${s.after!.module}\` is imported`, fix: { range: [target, lineEnd], text: `${moved}${between}` } }];
}

function insertAtImports(module: PythonModule, text: string, lines: string): Fix {
  const at = importInsertionOffset(module, text);
  const needsBreak = at > 0 && text[at - 1] !== '\n';
  return { range: [at, at], text: `${needsBreak ? '\n' : ''}${lines}\n` };
}

function newline(space: Space, file: string): string {
  return space.text(file)!.includes('\r\n') ? '\r\n' : '\n';
}

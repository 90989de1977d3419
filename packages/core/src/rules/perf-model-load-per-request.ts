import type { Suggestion } from '../diagnostic.js';
import { cudaInitialization } from '../python/cuda.js';
import { constantOf, type PythonCall, type PythonFunction, type PythonModule, type PythonValue } from '../python/module.js';
import { handlerWorkload, type Workload } from '../python/workload.js';
import { findSecrets } from '../security/redact.js';
import { localImportTargets } from '../space/app-modules.js';
import type { Space } from '../space/space.js';
import { defineRule } from './rule.js';

/** Calls that load a model, and what they are (spec P3). */
const LOADERS_BY_NAME: Record<string, 'model' | 'download'> = { from_pretrained: 'model', load_model: 'model', hf_hub_download: 'download', snapshot_download: 'download' };
const LOADERS_BY_QUALIFIED: Record<string, 'model' | 'dataset'> = {
  'transformers.pipeline': 'model',
  'diffusers.pipeline': 'model',
  'sentence_transformers.SentenceTransformer': 'model',
  'sentence_transformers.CrossEncoder': 'model',
  'torch.load': 'model',
  'torch.jit.load': 'model',
  'timm.create_model': 'model',
  'open_clip.create_model_and_transforms': 'model',
  'ultralytics.YOLO': 'model',
  'whisper.load_model': 'model',
  'safetensors.torch.load_file': 'model',
  'joblib.load': 'model',
  'datasets.load_dataset': 'dataset',
};
const CACHE_DECORATORS = /^(?:functools\.)?(?:lru_cache|cache)$|^(?:streamlit|st)\.cache_resource$/;

interface Target {
  path: string;
  fn: number;
  /** The Gradio handler (or GPU function) whose requests run it. */
  handler: string;
  gpu: boolean;
  workload: () => Workload;
}

export default defineRule({
  meta: {
    id: 'perf-model-load-per-request',
    category: 'performance',
    description: 'Gradio event handlers and `@spaces.GPU` functions use models loaded once at start-up, not on every request.',
    hasSuggestions: true,
    messages: {
      perRequestZeroGpu: {
        level: 'warning',
        text: '{{what}} runs on every call of `{{handler}}`{{cuda}}: ZeroGPU wants models loaded and placed on CUDA once at module level, and reloading per request repeats the download or disk read and multiplies memory under load. Load it once at module level and reuse it in the handler.',
      },
      perRequest: {
        level: 'info',
        text: '{{what}} runs on every call of `{{handler}}`{{cuda}}: each request repeats the download or disk read and holds its own copy in memory. Load it once at module level and reuse it in the handler.',
      },
      cachedZeroGpu: {
        level: 'info',
        text: '{{what}} is loaded lazily inside `{{handler}}` (cached after the first call): on ZeroGPU, lazy loading or moving models to CUDA inside `@spaces.GPU` is discouraged because CUDA transfers are optimized for placements done at start-up. Load it at module level.',
      },
    },
    docs: {
      rationale:
        "ZeroGPU: \"models must be placed on `cuda` at the root module level … Lazy-loading or moving models to CUDA inside `@spaces.GPU` is discouraged, as it is significantly less efficient (CUDA transfers are optimized for placements done during startup).\" (https://huggingface.co/docs/hub/spaces-zerogpu). The HF docs' examples load the pipeline once at module level (https://huggingface.co/docs/hub/spaces-sdks-gradio, https://huggingface.co/docs/hub/spaces-sdks-docker-first-demo); loading per request repeats disk or network I/O and multiplies memory under concurrency (spacelint's judgement), which is how Spaces hit `Memory limit exceeded (16Gi)` (https://huggingface.co/spaces/ymlin105/book-rec-with-LLMs/blob/main/docs/performance/memory_optimization.md). Reported inside Gradio event handlers (Interface/ChatInterface functions, listeners, `gr.on`, listener decorators, also handlers imported from local modules) and `spaces.GPU` functions of the app's Python, and one level into functions of the same file they call: `X.from_pretrained(...)`, `pipeline(...)`, `SentenceTransformer(...)`, `torch.load`, `torch.jit.load`, `load_model(...)`, `timm.create_model`, `YOLO(...)`, `whisper.load_model`, `safetensors` `load_file`, `joblib.load`, `load_dataset`, `hf_hub_download`, `snapshot_download`; the message also says when the loaded model is moved to CUDA there. Severity: warning in ZeroGPU Spaces (`suggested_hardware: zero-a10g` or a `spaces.GPU` reference), info otherwise. Not reported: a load that is cached — in a function decorated with `functools.lru_cache`/`cache`, or under an `if` that checks it (`if model is None:`, `if key not in CACHE:`) — except in ZeroGPU Spaces inside a GPU function, where a cached lazy load is still an info as (https://huggingface.co/docs/hub/spaces-zerogpu) asks; and `hf_hub_download`/`snapshot_download` in handlers that only do network I/O (requests, httpx, an API client): fetching a file per request is their job, not a model load (spacelint's judgement). The suggestion moves a one-line `name = <load>(...)` whose arguments are literals or module-level names above the function, at module level; loads that depend on the request have none.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport gradio as gr\nfrom transformers import AutoModel\n\n@spaces.GPU(duration=30)\ndef caption(img):\n    model = AutoModel.from_pretrained("org/captioner").to("cuda")\n    return model(img)\n\ngr.Interface(caption, "image", "text").launch()\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport gradio as gr\nfrom transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("org/captioner").to("cuda")\n\n@spaces.GPU(duration=30)\ndef caption(img):\n    return model(img)\n\ngr.Interface(caption, "image", "text").launch()\n',
        },
      ],
      howToFix: 'Load the model once at module level (and, on ZeroGPU, move it to CUDA there too), then use it inside the handler.',
    },
  },
  check(space, report) {
    const zeroGpu = space.facts.zeroGpu !== 'no';
    const seen = new Set<string>();
    for (const target of targets(space)) {
      const module = space.python(target.path)!;
      const fn = module.functions[target.fn];
      const inspect = (f: number, depth: number) => {
        const scope = module.functions[f];
        const cachedScope = scope.decorators.some((d) => CACHE_DECORATORS.test(d.qualified ?? ''));
        for (let c = 0; c < module.calls.length; c++) {
          const call = module.calls[c];
          if (call.range[0] < scope.range[0] || call.range[1] > scope.range[1]) continue;
          if (depth === 0 && call.callee && !call.callee.includes('.')) {
            const helper = module.functions.findIndex((x) => x.name === call.callee && !x.lambda && x.parent === undefined && x.className === undefined);
            if (helper >= 0 && helper !== f) inspect(helper, 1);
          }
          const kind = loaderKind(call);
          if (!kind) continue;
          if (kind === 'download' && target.workload() === 'io') continue;
          const key = `${target.path}:${c}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const cached = cachedScope || cachedByBranch(module, call);
          const cuda = movesToCuda(module, c) ? ' and moves it to CUDA' : '';
          const data = { what: `\`${call.callee ?? call.name}()\``, handler: target.handler, cuda };
          if (cached) {
            if (zeroGpu && target.gpu) report({ messageId: 'cachedZeroGpu', data, file: target.path, range: call.calleeRange });
            continue;
          }
          const suggestions = depth === 0 ? moveToModuleLevel(space, module, fn, call) : [];
          report({ messageId: zeroGpu ? 'perRequestZeroGpu' : 'perRequest', data, file: target.path, range: call.calleeRange, suggestions });
        }
      };
      inspect(target.fn, 0);
    }
  },
});

/** Handler and GPU functions of the app's Python, with handlers imported from local modules resolved. */
function targets(space: Space): Target[] {
  const out: Target[] = [];
  const add = (t: Target) => {
    if (!out.some((x) => x.path === t.path && x.fn === t.fn)) out.push(t);
  };
  for (const module of space.appModules) {
    const path = module.path;
    for (const handler of module.handlers) {
      const workload = () => handlerWorkload(space, path, handler);
      if (handler.function !== undefined) {
        add({ path, fn: handler.function, handler: nameOf(module, handler.function), gpu: handler.gpu || isGpu(module, handler.function), workload });
        continue;
      }
      if (!handler.name || handler.name.includes('.')) continue;
      const imp = module.imports.find((i) => i.name && (i.alias ?? i.name) === handler.name);
      for (const file of imp ? localImportTargets(space, path, imp) : []) {
        const other = space.python(file);
        const fn = other?.functions.findIndex((f) => f.name === imp!.name && !f.lambda && f.parent === undefined) ?? -1;
        if (other && fn >= 0) add({ path: file, fn, handler: handler.name, gpu: handler.gpu || isGpu(other, fn), workload });
      }
    }
    for (const app of module.gpuApplications) {
      if (app.function !== undefined) add({ path, fn: app.function, handler: nameOf(module, app.function), gpu: true, workload: () => 'gpu' });
    }
  }
  return out;
}

function isGpu(module: PythonModule, fn: number): boolean {
  return module.gpuApplications.some((a) => a.function === fn);
}

function nameOf(module: PythonModule, fn: number): string {
  const f = module.functions[fn];
  return f.lambda ? 'the lambda handler' : f.name;
}

function loaderKind(call: PythonCall): 'model' | 'download' | 'dataset' | undefined {
  if (call.qualified && LOADERS_BY_QUALIFIED[call.qualified]) return LOADERS_BY_QUALIFIED[call.qualified];
  if (call.name && LOADERS_BY_NAME[call.name]) {
    // `json.load_model`-style methods on imported modules other than model libraries are rare; `X.from_pretrained` is always a load.
    return LOADERS_BY_NAME[call.name];
  }
  return undefined;
}

/** Under an `if` that checks a cache: `if model is None:`, `if not model:`, `if key not in CACHE:`. */
function cachedByBranch(module: PythonModule, call: PythonCall): boolean {
  return module.branches.some((b) => b.body[0] <= call.range[0] && b.body[1] >= call.range[1] && /\bis None\b|^\s*not\b|\bnot in\b|==\s*None\b/.test(b.condition));
}

/** The loaded model is moved to CUDA in the same chain (`from_pretrained(...).to("cuda")`). */
function movesToCuda(module: PythonModule, index: number): boolean {
  return module.calls.some((c) => c.receiverCall === index && cudaInitialization(module, c) !== undefined) || cudaInitialization(module, module.calls[index]) !== undefined;
}

/**
 * Moves `name = <load>(literal args)` from the top of a module-level handler to just above the function
 * (decorators included), dedented. Only when nothing it uses comes from the function (parameters, locals)
 * and `name` is not assigned elsewhere in the function or at module level.
 */
function moveToModuleLevel(space: Space, module: PythonModule, fn: PythonFunction, call: PythonCall): Suggestion[] {
  if (fn.parent !== undefined || fn.className !== undefined || fn.lambda) return [];
  const text = space.text(module.path)!;
  const fnIndex = module.functions.indexOf(fn);
  const assignment = module.assignments.find(
    (a) => a.function === fnIndex && a.kind === 'assign' && a.targets.length === 1 && a.value && a.value.range[0] <= call.range[0] && a.value.range[1] >= call.range[1],
  );
  if (!assignment || assignment.subscript) return [];
  const name = assignment.targets[0];
  if (name.includes('.')) return [];
  if (module.assignments.some((a) => a !== assignment && a.targets.includes(name) && (a.function === fnIndex || a.function === undefined))) return [];
  if (fn.params.some((p) => p.name === name) || module.bindings.filter((b) => b === name).length > 1) return [];
  const locals = new Set([...fn.params.map((p) => p.name), ...module.assignments.filter((a) => a.function === fnIndex).flatMap((a) => a.targets)]);
  // Every argument of every call in the assigned chain must be a literal, a constant or a module-level name.
  for (const c of module.calls) {
    if (c.range[0] < assignment.value!.range[0] || c.range[1] > assignment.value!.range[1]) continue;
    if (c.callee && locals.has(c.callee.split('.')[0])) return [];
    for (const a of c.args) if (!moduleLevelValue(module, a.value, locals)) return [];
  }
  const lineStart = text.lastIndexOf('\n', assignment.range[0] - 1) + 1;
  const indent = text.slice(lineStart, assignment.range[0]);
  if (indent.trim() !== '' || text.slice(assignment.range[0], assignment.range[1]).includes('\n')) return [];
  const nl = text.indexOf('\n', assignment.range[1]);
  if (nl < 0 || text.slice(assignment.range[1], nl).trim() !== '') return [];
  const defStart = Math.min(fn.range[0], ...fn.decorators.map((d) => d.range[0]));
  const defLine = text.lastIndexOf('\n', defStart - 1) + 1;
  if (text.slice(defLine, defStart).trim() !== '') return [];
  const between = text.slice(defLine, lineStart);
  if (between.length > 4000 || findSecrets(between).length) return [];
  const statement = text.slice(assignment.range[0], assignment.range[1]);
  return [{ desc: `Load \`${name}\` once at module level`, fix: { range: [defLine, nl + 1], text: `${statement}\n\n\n${between}` } }];
}

function moduleLevelValue(module: PythonModule, v: PythonValue, locals: Set<string>): boolean {
  if (constantOf(module, v)) return true;
  if (v.kind === 'name') return !locals.has(v.name!.split('.')[0]);
  if (v.kind === 'call') return true; // checked as a call of the chain
  return false;
}

import { localImportTargets } from '../space/app-modules.js';
import type { Space } from '../space/space.js';
import type { GradioHandler, PythonCall, PythonModule } from './module.js';

/**
 * What a handler spends its time on, for severity decisions (spec §4.5 Q1): `gpu` (decorated with or
 * calling a `spaces.GPU` function), `model` (runs a model: torch, a pipeline, `generate`, a module-level
 * object loaded with `from_pretrained`...), `io` (only network calls: requests, httpx, openai,
 * InferenceClient...), or `unknown`. Follows calls to functions of the same file and of local modules
 * imported by name, two levels deep.
 */
export type Workload = 'gpu' | 'model' | 'io' | 'unknown';

/** Packages whose calls run a model in-process (inferred list). */
// biome-ignore format: a packed word list reads better than one word per line
const MODEL_PACKAGES = new Set([
  'torch', 'torchvision', 'torchaudio', 'diffusers', 'transformers', 'sentence_transformers', 'timm', 'ultralytics', 'accelerate',
  'peft', 'vllm', 'llama_cpp', 'onnxruntime', 'whisper', 'faster_whisper', 'TTS', 'open_clip', 'keras', 'tensorflow', 'jax',
  'mlx', 'optimum', 'ctranslate2', 'insightface', 'controlnet_aux', 'kornia',
]);
/** Calls that load or run a model whatever the package (`X.from_pretrained`, `model.generate`). */
const MODEL_CALLS = new Set(['from_pretrained', 'pipeline', 'generate', 'SentenceTransformer', 'load_model', 'create_model', 'YOLO', 'cuda', 'forward', 'encode_prompt']);
/** Packages whose calls are network I/O (the guide's case for `concurrency_limit=None`). */
const IO_PACKAGES = new Set([
  'requests',
  'httpx',
  'aiohttp',
  'urllib',
  'urllib3',
  'openai',
  'anthropic',
  'gradio_client',
  'huggingface_hub',
  'groq',
  'mistralai',
  'cohere',
  'google',
  'boto3',
  'websockets',
]);

const RANK: Record<Workload, number> = { unknown: 0, io: 1, model: 2, gpu: 3 };

export function functionWorkload(space: Space, path: string, fnIndex: number, depth = 0): Workload {
  const key = `workload:${path}:${fnIndex}`;
  return space.memo(key, () => computeWorkload(space, path, fnIndex, depth));
}

function computeWorkload(space: Space, path: string, fnIndex: number, depth: number): Workload {
  const module = space.python(path);
  const fn = module?.functions[fnIndex];
  if (!module || !fn) return 'unknown';
  if (module.gpuApplications.some((a) => a.function === fnIndex)) return 'gpu';
  const names = boundObjects(space, module);
  let result: Workload = 'unknown';
  const raise = (w: Workload) => {
    if (RANK[w] > RANK[result]) result = w;
  };
  for (const call of module.calls) {
    if (call.range[0] < fn.range[0] || call.range[1] > fn.range[1]) continue;
    raise(callWorkload(module, call, names));
    if (depth < 2 && call.callee && !call.callee.includes('.')) raise(calleeWorkload(space, path, module, call.callee, depth));
    if ((result as Workload) === 'gpu') break;
  }
  return result;
}

function callWorkload(module: PythonModule, call: PythonCall, names: { model: Set<string>; io: Set<string> }): Workload {
  const q = call.qualified;
  const root = q?.split('.')[0];
  const rawRoot = call.callee?.split('.')[0];
  if (call.name && MODEL_CALLS.has(call.name)) return 'model';
  if (root && Object.hasOwn(module.aliases, rawRoot!) && MODEL_PACKAGES.has(root)) return 'model';
  if (rawRoot && names.model.has(rawRoot)) return 'model';
  if (root && Object.hasOwn(module.aliases, rawRoot!) && IO_PACKAGES.has(root)) return 'io';
  if (rawRoot && names.io.has(rawRoot)) return 'io';
  return 'unknown';
}

/** A call by name to a function of this file, or of a local module it was imported from. */
function calleeWorkload(space: Space, path: string, module: PythonModule, name: string, depth: number): Workload {
  const local = module.functions.findIndex((f) => f.name === name && !f.lambda && f.className === undefined);
  if (local >= 0) return functionWorkload(space, path, local, depth + 1);
  const imp = module.imports.find((i) => (i.alias ?? i.name) === name && i.name);
  if (!imp) return 'unknown';
  for (const target of localImportTargets(space, path, imp)) {
    const other = space.python(target);
    const f = other?.functions.findIndex((x) => x.name === imp.name && !x.lambda && x.parent === undefined) ?? -1;
    if (f >= 0) return functionWorkload(space, target, f, depth + 1);
  }
  return 'unknown';
}

/** Module-level names bound to a loaded model (`pipe = DiffusionPipeline.from_pretrained(...)`) or a network client. */
function boundObjects(space: Space, module: PythonModule): { model: Set<string>; io: Set<string> } {
  return space.memo(`bound-objects:${module.path}`, () => {
    const model = new Set<string>();
    const io = new Set<string>();
    for (const a of module.assignments) {
      if (a.function !== undefined || a.value?.kind !== 'call' || a.value.call === undefined) continue;
      let w: Workload = 'unknown';
      // `AutoModel.from_pretrained(...).to("cuda")`: any call of the chain decides.
      for (let c: number | undefined = a.value.call, guard = 0; c !== undefined && guard < 10; c = module.calls[c].receiverCall, guard++) {
        const cw = callWorkload(module, module.calls[c], { model, io });
        if (RANK[cw] > RANK[w]) w = cw;
      }
      for (const t of a.targets) {
        if (w === 'model') model.add(t);
        else if (w === 'io') io.add(t);
      }
    }
    return { model, io };
  });
}

/** A Gradio handler's workload: GPU-wrapped, a function of this file, or one imported by name from a local module. */
export function handlerWorkload(space: Space, path: string, handler: GradioHandler): Workload {
  if (handler.gpu) return 'gpu';
  if (handler.function !== undefined) return functionWorkload(space, path, handler.function);
  const module = space.python(path);
  if (!module || !handler.name) return 'unknown';
  // `fn=model.predict`, `fn=pipe`: a method of (or the call of) an object loaded at module level.
  const root = handler.name.split('.')[0];
  const objects = boundObjects(space, module);
  if (objects.model.has(root)) return 'model';
  if (objects.io.has(root)) return 'io';
  if (handler.name.includes('.')) return 'unknown';
  return calleeWorkload(space, path, module, handler.name, 0);
}

import { gpuReachableFunctions } from '../python/gpu-reach.js';
import { cudaInitialization } from '../python/cuda.js';
import { functionOf, type PythonModule, type PythonValue } from '../python/module.js';
import { zeroGpuInUse } from '../space/facts.js';
import { trimEndWhere } from '../text.js';
import { defineRule } from './rule.js';

/** Calls whose result is on the GPU when their receiver is a model on the GPU. */
const MODEL_OUTPUT = /^(?:generate|forward|__call__|encode|decode|sample)$/;
const NAME = /^[A-Za-z_]\w*$/;
/** Calls that can put a model on the GPU (checked by name first: cudaInitialization is the costly part). */
const PLACES_MODEL = new Set(['to', 'cuda', 'from_pretrained', 'pipeline']);

export default defineRule({
  meta: {
    id: 'zerogpu-cuda-tensor-return',
    category: 'zerogpu',
    description: 'A `@spaces.GPU` function returns CPU values, not CUDA tensors.',
    messages: {
      cudaReturn: {
        level: 'warning',
        text: '`{{gpu}}` returns `{{name}}`, a CUDA tensor ({{origin}}): the result crosses from the GPU worker back to the app process, where there is no GPU, so the call hangs or fails to pickle. Return `{{name}}.cpu()` (or `.item()`, `.tolist()`, `.numpy()` after `.cpu()`).',
      },
    },
    docs: {
      rationale:
        'A `@spaces.GPU` function runs in a worker process that holds the GPU; its return value is pickled back to the main process, which has no GPU. Hugging Face\'s ZeroGPU guidance (its Spaces skill, zerogpu.md and known-errors.md) says: "Never return CUDA tensors from @spaces.GPU; the call hangs"; see also https://huggingface.co/docs/hub/spaces-zerogpu. Reported (a warning: spacelint follows values within the file only) when a GPU function returns, directly or as part of a tuple, a name assigned in that function only from a call chain that ends on the GPU: `.cuda()`, `.to("cuda")`, or the output of a model that the file placed on the GPU (`model = X.from_pretrained(...).to("cuda")` at module level, then `out = model.generate(...)` or `out = model(...)`), or an expression like `return x.to("cuda")`; and the same through helpers of the same file that the GPU function calls (`out = postprocess(x)` or `return postprocess(x)` where `postprocess` returns such a value, two calls deep). Helpers in other modules are not followed. Any other assignment to the name (`out = out.cpu()`), a conversion at the end of the chain (`.cpu()`, `.item()`, `.tolist()`, `.numpy()`, `decode`), and values whose origin is not visible stay silent.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport torch\n\n@spaces.GPU\ndef embed(texts):\n    tokens = tokenizer(texts, return_tensors="pt").to("cuda")\n    vectors = encoder(**tokens).last_hidden_state.mean(1).to("cuda")\n    return vectors\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport torch\n\n@spaces.GPU\ndef embed(texts):\n    tokens = tokenizer(texts, return_tensors="pt").to("cuda")\n    vectors = encoder(**tokens).last_hidden_state.mean(1)\n    return vectors.cpu().tolist()\n',
        },
      ],
      howToFix: 'Move the result to the CPU before returning it: `return out.cpu()`, or convert it to plain Python values (`.item()`, `.tolist()`), images or strings.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const module of space.appModules) {
      const path = module.path;
      if (!module?.gpuApplications.length) continue;
      const text = space.text(path) ?? '';
      const gpuModels = modelsOnGpu(module);
      const reach = gpuReachableFunctions(module);
      const ctx: Context = { module, text, gpuModels };
      for (const app of module.gpuApplications) {
        const fnIndex = app.function;
        if (fnIndex === undefined || reach.get(fnIndex) !== fnIndex || module.functions[fnIndex].lambda) continue;
        for (const ret of returnsIn(ctx, fnIndex)) {
          const found = returnOrigin(ctx, fnIndex, ret, 0);
          if (found) report({ messageId: 'cudaReturn', data: { gpu: module.functions[fnIndex].name, name: found.name, origin: found.why }, file: path, range: ret.range });
        }
      }
    }
  },
});

/** Module-level names bound to a model on the GPU: `model = X.from_pretrained(...).to("cuda")`, `model.to("cuda")`. */
function modelsOnGpu(module: PythonModule): Set<string> {
  const names = new Set<string>();
  for (const a of module.assignments) {
    if (a.function !== undefined || a.targets.length !== 1 || a.value?.kind !== 'call') continue;
    for (let c: number | undefined = a.value.call, guard = 0; c !== undefined && guard < 10; c = module.calls[c].receiverCall, guard++) {
      if (PLACES_MODEL.has(module.calls[c].name ?? '') && cudaInitialization(module, module.calls[c])) names.add(a.targets[0]);
    }
  }
  for (const call of module.calls) {
    if ((call.name === 'cuda' || call.name === 'to') && call.function === undefined && call.receiver && NAME.test(call.receiver) && cudaInitialization(module, call)) names.add(call.receiver);
  }
  return names;
}

interface Context {
  module: PythonModule;
  text: string;
  gpuModels: Set<string>;
}

type Return = { expression: string; range: [number, number] };

function returnsIn(ctx: Context, fnIndex: number): Return[] {
  const nested = ctx.module.functions.filter((f) => f.parent === fnIndex).map((f) => f.range);
  return returnsOf(ctx.text, ctx.module.functions[fnIndex].range, nested);
}

/** What a `return` hands back from the GPU when it is a CUDA tensor: the returned name and why. */
function returnOrigin(ctx: Context, fnIndex: number, ret: Return, depth: number): { name: string; why: string } | undefined {
  const { module } = ctx;
  if (/\.(?:cuda\(\s*\)|to\(\s*(['"])cuda(?::\d+)?\1\s*\))\s*$/.test(ret.expression)) return { name: ret.expression, why: 'moved to the GPU right there' };
  // `return helper(x)`: the call that spans the whole expression.
  const direct = module.calls.findIndex((c) => c.function === fnIndex && c.range[0] >= ret.range[0] && c.range[1] <= ret.range[1] && ctx.text.slice(c.range[0], c.range[1]) === ret.expression);
  if (direct >= 0) {
    const why = cudaOrigin(ctx, fnIndex, { kind: 'call', call: direct, nodeType: 'call', range: module.calls[direct].range }, depth);
    return why ? { name: ret.expression, why } : undefined;
  }
  for (const name of ret.expression.split(',').map((x) => x.trim())) {
    if (!NAME.test(name)) continue;
    const assigned = module.assignments.filter((a) => a.function === fnIndex && a.targets.includes(name));
    if (!assigned.length) continue;
    const origins = assigned.map((a) => (a.targets.length === 1 ? cudaOrigin(ctx, fnIndex, a.value, depth) : undefined));
    if (origins.every((o) => o !== undefined)) return { name, why: origins[0]! };
  }
  return undefined;
}

/** Why the value is a CUDA tensor, when the outermost call of its chain leaves it on the GPU. */
function cudaOrigin(ctx: Context, fnIndex: number, value: PythonValue | undefined, depth: number): string | undefined {
  const { module, gpuModels } = ctx;
  if (value?.kind !== 'call' || value.call === undefined) return undefined;
  const call = module.calls[value.call];
  if ((call.name === 'cuda' || call.name === 'to') && cudaInitialization(module, call)) return `from \`${call.name === 'cuda' ? '.cuda()' : '.to(...)'}\` onto the GPU`;
  const root = call.receiver?.split('.')[0] ?? call.callee;
  if (root && gpuModels.has(root) && (call.callee === root || (call.name !== undefined && MODEL_OUTPUT.test(call.name) && call.receiver === root)))
    return `the output of \`${root}\`, which is on the GPU`;
  // A helper of the same file that returns a CUDA tensor (followed two calls deep).
  if (depth < 2 && call.callee && NAME.test(call.callee)) {
    const helper = functionOf(module, { kind: 'name', name: call.callee, nodeType: 'identifier', range: call.calleeRange });
    if (helper === undefined || helper === fnIndex || module.functions[helper].lambda) return undefined;
    if (returnsIn(ctx, helper).some((r) => returnOrigin(ctx, helper, r, depth + 1))) return `the result of \`${call.callee}()\`, which returns a CUDA tensor`;
  }
  return undefined;
}

/** `return <expression>` statements on one line, directly in the function (not in functions nested in it). */
function returnsOf(text: string, range: [number, number], nested: [number, number][]): { expression: string; range: [number, number] }[] {
  const out: { expression: string; range: [number, number] }[] = [];
  const body = text.slice(range[0], range[1]);
  // Greedy, then trimmed: a lazy `([^\n#]+?)[ \t]*` before `$` retried the blanks at every character of a
  // long run of them (40,000 took 3.5 s).
  const pattern = /^([ \t]*)return[ \t]+([^\n#]*)(?:#[^\n]*)?$/gm;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    const returned = trimEndWhere(m[2], /[ \t]/);
    if (!returned) continue;
    const start = range[0] + m.index + m[1].length;
    if (nested.some(([s, e]) => start >= s && start < e)) continue;
    const expression = /^\(.*\)$/.test(returned) && !/\)\s*\(/.test(returned) ? returned.slice(1, -1).trim() : returned;
    out.push({ expression, range: [start, start + m[0].length - m[1].length] });
  }
  return out;
}

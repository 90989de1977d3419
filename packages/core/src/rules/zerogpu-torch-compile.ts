import { keywordArgument } from '../python/arguments.js';
import { isModuleName, type PythonCall, type PythonModule } from '../python/module.js';
import { defineRule } from './rule.js';
import { zeroGpuInUse } from '../space/facts.js';

/** Where the rule points for ahead-of-time compilation on ZeroGPU. */
const AOT_RECIPE_URL = 'https://huggingface.co/blog/zerogpu-aoti';

const JIT = new Set(['torch.compile', 'torch._dynamo.optimize']);
/**
 * Receivers that are torch modules or pipeline parts (spec §4.4 Z4 heuristic), by the receiver's last
 * dotted part. Tested on that part alone: `/(^|\.)\w*(model|...)\w*$/` on the whole text is quadratic
 * on a long run of `net`s.
 */
const MODULE_LIKE = /transformer|unet|model|vae|pipe|encoder|decoder|net/i;
const isModuleLike = (receiver: string) => {
  const last = receiver.slice(receiver.lastIndexOf('.') + 1);
  return /^\w*$/.test(last) && MODULE_LIKE.test(last);
};
/** Keras' `model.compile(optimizer=..., loss=...)` configures training; it is not a JIT compiler. */
const KERAS_KEYWORDS = ['optimizer', 'loss', 'metrics'];
/** A condition that mentions ZeroGPU: the author handles that case explicitly. */
const ZEROGPU_GUARD = /SPACES_ZERO_GPU|zero_?gpu/i;

export default defineRule({
  meta: {
    id: 'zerogpu-torch-compile',
    category: 'zerogpu',
    description: '`torch.compile` (just-in-time compilation) is not used on ZeroGPU.',
    messages: {
      jit: {
        level: 'error',
        text: '{{what}} does not work on ZeroGPU: the process is fresh for almost every GPU task, so compilation is redone each time (seconds to minutes). Compile ahead of time instead: `spaces.aoti_capture` → `torch.export.export` → `spaces.aoti_compile` in a `@spaces.GPU(duration=1500)` function at start-up, then `spaces.aoti_apply` ({{url}}).',
      },
    },
    docs: {
      rationale:
        'The ZeroGPU docs (https://huggingface.co/docs/hub/spaces-zerogpu): "ZeroGPU does not support `torch.compile`, but you can use PyTorch ahead-of-time compilation (requires torch 2.8+)". The ZeroGPU AoT blog (https://huggingface.co/blog/zerogpu-aoti) explains why: "the process is freshly spun up for (almost) every GPU task", so `torch.compile` falls back to its cache, which "takes from a few dozen seconds to a couple of minutes", and it gives the recipe the message links. Detected, through any alias of torch: calls to `torch.compile(...)` and `torch._dynamo.optimize(...)`, `from torch import compile as jit` then `jit(...)`, the decorators `@torch.compile` and `@torch.compile(...)`, and `.compile()` methods on objects that look like torch modules (a receiver named like `transformer`, `unet`, `model`, `vae`, `pipe`, or a name assigned from `from_pretrained`/`pipeline`; a heuristic, spacelint\'s judgement). Not reported: Keras `model.compile(optimizer=...)`, `re.compile`, the AoT API (`torch.export.export`, `spaces.aoti_*`, `torch._inductor.aot_compile`), and code inside an `if` whose condition mentions ZeroGPU (`SPACES_ZERO_GPU`, `zero_gpu`), where the author handles the case (spacelint\'s judgement). Runs only when the Space is on ZeroGPU (`suggested_hardware: zero-a10g`, or the code uses `spaces.GPU`).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces, torch\n\npipe.transformer = torch.compile(pipe.transformer, mode="max-autotune")\n\n@spaces.GPU(duration=30)\ndef gen(prompt):\n    return pipe(prompt).images\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\n\n@spaces.GPU(duration=1500)\ndef build():\n    with spaces.aoti_capture(pipe.transformer) as call:\n        pipe("warmup")\n    exported = torch.export.export(pipe.transformer, args=call.args, kwargs=call.kwargs)\n    return spaces.aoti_compile(exported)\n\nspaces.aoti_apply(build(), pipe.transformer)\n',
        },
      ],
      howToFix: 'Replace `torch.compile` with the ahead-of-time recipe (https://huggingface.co/blog/zerogpu-aoti), or remove it.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      const guarded = (offset: number) => module.branches.some((b) => ZEROGPU_GUARD.test(b.condition) && offset >= b.body[0] && offset < (b.orelse?.[1] ?? b.body[1]));
      const flag = (what: string, range: [number, number]) => {
        if (!guarded(range[0])) report({ messageId: 'jit', data: { what, url: AOT_RECIPE_URL }, file: path, range });
      };
      for (const call of module.calls) {
        if (call.qualified && JIT.has(call.qualified)) flag(`\`${call.callee}\``, call.calleeRange);
        else if (isModuleCompile(module, call)) flag(`\`${call.callee ?? '.compile'}()\``, call.calleeRange);
      }
      for (const fn of module.functions) {
        for (const d of fn.decorators) {
          if (d.value.kind === 'name' && d.qualified && JIT.has(d.qualified)) flag(`\`@${d.value.name}\``, d.range);
        }
      }
    }
  },
});

/** `pipe.transformer.compile()`, `model.compile(mode=...)`: nn.Module.compile, which calls torch.compile. */
function isModuleCompile(module: PythonModule, call: PythonCall): boolean {
  if (call.name !== 'compile' || KERAS_KEYWORDS.some((k) => keywordArgument(call, k))) return false;
  if (call.receiverCall !== undefined) return loadsModel(module, call.receiverCall);
  if (!call.receiver) return false;
  const root = call.receiver.split('.')[0];
  if (isModuleName(module, root)) return false; // re.compile, regex.compile
  if (isModuleLike(call.receiver)) return true;
  return module.assignments.some((a) => a.targets.includes(root) && a.value?.kind === 'call' && loadsModel(module, a.value.call));
}

/** A call chain that loads a model: `X.from_pretrained(...)`, `pipeline(...)`, also followed by `.to("cuda")`. */
function loadsModel(module: PythonModule, call: number | undefined): boolean {
  for (let c = call, guard = 0; c !== undefined && guard < 10; c = module.calls[c].receiverCall, guard++) {
    if (/^(from_pretrained|pipeline)$/.test(module.calls[c].name ?? '')) return true;
  }
  return false;
}

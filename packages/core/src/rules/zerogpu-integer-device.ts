import { keywordArgument, positionalArguments } from '../python/arguments.js';
import { constantOf, isModuleName, type PythonCall, type PythonModule } from '../python/module.js';
import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

/** Calls whose `device=` keyword places a model or tensor (pipelines, loaders, torch factories). */
const DEVICE_MAP_CALLS = new Set(['from_pretrained', 'pipeline', 'from_single_file', 'load_checkpoint_and_dispatch', 'dispatch_model']);

export default defineRule({
  meta: {
    id: 'zerogpu-integer-device',
    category: 'zerogpu',
    description: 'On ZeroGPU, devices are named `"cuda"`: no integer GPU ids, `torch.cuda.set_device` or `device_map="cuda"`.',
    messages: {
      integer: {
        level: 'error',
        text: '{{what}} names the GPU by an integer id: ZeroGPU intercepts the string `"cuda"` to attach a GPU to each call, and an integer id bypasses that. Use {{instead}}.',
      },
      setDevice: {
        level: 'error',
        text: '`{{callee}}(...)` selects a CUDA device directly, which ZeroGPU does not support: its GPU is attached per `@spaces.GPU` call. Remove it and use `"cuda"` as the device.',
      },
      deviceMapCuda: {
        level: 'error',
        text: '`device_map="cuda"` loads the model through accelerate\'s dispatch, which bypasses ZeroGPU\'s hijack of `.to("cuda")`. Load it without `device_map` and call `.to("cuda")` at module level (a bitsandbytes `quantization_config` is the exception).',
      },
    },
    docs: {
      rationale:
        'ZeroGPU attaches a GPU to the process only for the duration of a `@spaces.GPU` call; at start-up it emulates CUDA and records where tensors go, which it recognises when code uses the device string `"cuda"` (https://huggingface.co/docs/hub/spaces-zerogpu). Hugging Face\'s ZeroGPU guidance (its Spaces skill, zerogpu.md) says: use the string `"cuda"`, never integer ids: `.to(0)`, `device_map={"": 0}` and `torch.cuda.set_device(0)` silently break; and use `.to("cuda")`, not `device_map="cuda"`, which bypasses the hijack, except with a bitsandbytes `quantization_config`. Reported on ZeroGPU Spaces (or Spaces using `spaces.GPU`): `.to(0)`, `.cuda(0)`, `device=0` in a call (pipelines), `device_map={"": 0}`, `device_map=0`, `torch.cuda.set_device(...)`, and `device_map="cuda"` in a loader call without `quantization_config`. Integers are followed through module constants (`DEVICE = 0`). `device_map="auto"` is reported by zerogpu-cuda-before-spaces-import where it matters, not here.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom transformers import pipeline\n\npipe = pipeline("text-generation", model="gpt2", device=0)\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt)[0]["generated_text"]\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom transformers import pipeline\n\npipe = pipeline("text-generation", model="gpt2", device="cuda")\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt)[0]["generated_text"]\n',
        },
      ],
      howToFix:
        'Write `"cuda"` where the code has a GPU index (`.to("cuda")`, `pipeline(..., device="cuda")`), remove `torch.cuda.set_device`, and load models without `device_map="cuda"`, then `.to("cuda")`.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const module of space.appModules) {
      const path = module.path;
      if (!module) continue;
      const text = space.text(path) ?? '';
      for (const call of module.calls) {
        const found = check(module, call, text);
        if (found) report({ ...found, file: path });
      }
    }
  },
});

function isIndex(module: PythonModule, value: Parameters<typeof constantOf>[1]): boolean {
  const c = constantOf(module, value);
  return c?.kind === 'number' && Number.isInteger(c.value) && (c.value as number) >= 0;
}

function check(module: PythonModule, call: PythonCall, text: string): { messageId: string; data: Record<string, string>; range: [number, number] } | undefined {
  // Most calls have nothing to do with devices: decide that with plain string checks first.
  if (call.name !== 'to' && call.name !== 'cuda' && call.name !== 'set_device' && !call.args.some((a) => a.name === 'device' || a.name === 'device_map')) return undefined;
  const method = call.receiverCall !== undefined || (call.receiver !== undefined && !isModuleName(module, call.receiver.split('.')[0]));
  if (call.qualified === 'torch.cuda.set_device') return { messageId: 'setDevice', data: { callee: call.callee ?? 'torch.cuda.set_device' }, range: call.calleeRange };
  if (method && (call.name === 'to' || call.name === 'cuda')) {
    const arg = keywordArgument(call, 'device') ?? positionalArguments(call)[0];
    if (arg && isIndex(module, arg.value)) {
      const instead = call.name === 'to' ? '`.to("cuda")`' : '`.cuda()`';
      return { messageId: 'integer', data: { what: `\`.${call.name}(${text.slice(arg.value.range[0], arg.value.range[1])})\``, instead }, range: arg.range };
    }
  }
  const device = keywordArgument(call, 'device');
  if (device && isIndex(module, device.value))
    return { messageId: 'integer', data: { what: `\`device=${text.slice(device.value.range[0], device.value.range[1])}\``, instead: '`device="cuda"`' }, range: device.range };
  const map = keywordArgument(call, 'device_map');
  if (map) {
    const source = text.slice(map.value.range[0], map.value.range[1]);
    if (isIndex(module, map.value) || /^\{\s*(["'])\1\s*:\s*\d+\s*,?\s*\}$/.test(source)) {
      return { messageId: 'integer', data: { what: `\`device_map=${source}\``, instead: '`.to("cuda")` after loading (no `device_map`)' }, range: map.range };
    }
    const c = constantOf(module, map.value);
    if (c?.kind === 'string' && c.value === 'cuda' && call.name && DEVICE_MAP_CALLS.has(call.name) && !keywordArgument(call, 'quantization_config') && !call.args.some((a) => a.splat === '**')) {
      return { messageId: 'deviceMapCuda', data: {}, range: map.range };
    }
  }
  return undefined;
}

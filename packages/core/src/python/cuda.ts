import { keywordArgument, positionalArguments } from './arguments.js';
import { constantOf, isModuleName, type PythonCall, type PythonModule, type PythonValue } from './module.js';

/** torch.cuda functions that create the CUDA context (each calls `torch.cuda._lazy_init`). */
// biome-ignore format: a packed word list reads better than one word per line
const TORCH_CUDA_INIT = new Set([
  'torch.cuda.init', 'torch.cuda.current_device', 'torch.cuda.set_device', 'torch.cuda.synchronize', 'torch.cuda.get_device_name',
  'torch.cuda.get_device_properties', 'torch.cuda.get_device_capability', 'torch.cuda.mem_get_info', 'torch.cuda.empty_cache',
]);

/**
 * If a call initializes CUDA when it runs, a short description of it (`.to("cuda")`, `torch.cuda.init()`);
 * spec §4.4 Z8's list: `.cuda()`, `.to("cuda" | 0 | torch.device("cuda"))`, torch.cuda functions that
 * initialise the context, torch factories with `device="cuda"`, `pipeline(device=0|"cuda")`,
 * `from_pretrained(device_map="cuda"|"auto")`. `torch.cuda.is_available()` does not initialise CUDA.
 */
export function cudaInitialization(module: PythonModule, call: PythonCall): string | undefined {
  const method = call.receiverCall !== undefined || (call.receiver !== undefined && !isModuleName(module, call.receiver.split('.')[0]));
  const q = call.qualified;
  if (call.name === 'cuda' && method) return '`.cuda()`';
  if (call.name === 'to' && method) {
    const device = keywordArgument(call, 'device')?.value ?? positionalArguments(call)[0]?.value;
    if (isCudaDevice(module, device, true)) return '`.to("cuda")`';
  }
  if (q && TORCH_CUDA_INIT.has(q)) return `\`${q}()\``;
  const device = keywordArgument(call, 'device')?.value;
  if (q?.startsWith('torch.') && isCudaDevice(module, device, false)) return `\`${call.callee}(device="cuda")\``;
  if (call.name === 'pipeline' && isCudaDevice(module, device, true)) return '`pipeline(device=...)` on the GPU';
  if (call.name === 'from_pretrained') {
    const map = constantOf(module, keywordArgument(call, 'device_map')?.value);
    if (map?.kind === 'string' && (map.value === 'auto' || String(map.value).startsWith('cuda'))) return `\`from_pretrained(device_map="${map.value}")\``;
    if (isCudaDevice(module, device, true)) return '`from_pretrained(device="cuda")`';
  }
  return undefined;
}

/** `"cuda"`, `"cuda:0"`, `torch.device("cuda")`, a constant holding one, or (for `.to`/`pipeline`) a GPU index. */
export function isCudaDevice(module: PythonModule, v: PythonValue | undefined, indexCounts: boolean): boolean {
  const c = constantOf(module, v);
  if (c?.kind === 'string') return /^cuda(:\d+)?$/.test(String(c.value));
  if (c?.kind === 'number') return indexCounts && Number.isInteger(c.value) && (c.value as number) >= 0;
  if (v?.kind === 'call' && v.call !== undefined) {
    const inner = module.calls[v.call];
    if (inner.qualified === 'torch.device') return isCudaDevice(module, positionalArguments(inner)[0]?.value, true);
  }
  return false;
}

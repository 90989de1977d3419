/** Gradio facts of a Python file (`gradioNames`, `handlers`), derived from the generic extraction and the GPU facts. */
import { functionOf, isModuleName, type GradioHandler, type PythonCall, type PythonModule, type PythonValue } from './module.js';

/** Gradio event listener methods (gradio/events.py). */
// biome-ignore format: a packed word list reads better than one word per line
const GRADIO_EVENTS = new Set([
  'click', 'submit', 'change', 'input', 'upload', 'select', 'load', 'unload', 'release', 'stream', 'clear', 'like',
  'retry', 'undo', 'edit', 'blur', 'focus', 'play', 'pause', 'stop', 'end', 'start_recording', 'stop_recording',
  'pause_recording', 'key_up', 'tick', 'apply', 'copy', 'delete', 'double_click', 'expand', 'collapse',
  'option_select', 'example_select', 'login', 'logout',
]);
/** Event names too common elsewhere (`json.load`, `df.select`) to count without other evidence. */
const AMBIGUOUS_EVENTS = new Set([
  'change',
  'input',
  'select',
  'load',
  'unload',
  'release',
  'stream',
  'clear',
  'edit',
  'play',
  'pause',
  'stop',
  'end',
  'apply',
  'copy',
  'delete',
  'expand',
  'collapse',
  'blur',
  'focus',
  'login',
  'logout',
]);
/** Keywords only Gradio event listeners take. */
const LISTENER_KEYWORDS = new Set([
  'fn',
  'inputs',
  'outputs',
  'concurrency_limit',
  'concurrency_id',
  'api_name',
  'show_progress',
  'trigger_mode',
  'queue',
  'batch',
  'max_batch_size',
  'preprocess',
  'postprocess',
  'cancels',
  'every',
  'js',
  'show_api',
  'api_visibility',
  'time_limit',
  'stream_every',
]);

/** Gradio objects, then the handlers registered on them (spec §4.0 "Gradio event-handler discovery"). */
export function buildGradioFacts(module: PythonModule): void {
  const importsGradio = Object.values(module.aliases).some((t) => t === 'gradio' || t.startsWith('gradio.'));
  if (!importsGradio) return;
  const names = new Set<string>();
  const isGradioCall = (i: number | undefined) => i !== undefined && (module.calls[i].qualified?.startsWith('gradio.') ?? false);
  for (const a of module.assignments) {
    if (a.value?.kind === 'call' && isGradioCall(a.value.call)) for (const t of a.targets) names.add(t);
  }
  module.gradioNames = [...names];
  const gpuFunctions = new Set(module.gpuApplications.filter((g) => g.form === 'decorator').map((g) => g.function));
  const gpuCalls = new Set(module.gpuApplications.filter((g) => g.form === 'wrapper').map((g) => g.call));
  const isGpuValue = (v: PythonValue | undefined): boolean => {
    if (v?.kind !== 'call' || v.call === undefined) return false;
    const c = module.calls[v.call];
    return gpuCalls.has(v.call) || (c.calleeCall !== undefined && gpuCalls.has(c.calleeCall));
  };
  const handler = (kind: GradioHandler['kind'], call: number, fn: PythonValue | undefined, event?: string) => {
    if (!fn || fn.kind === 'none') return;
    const f = functionOf(module, fn);
    module.handlers.push({
      kind,
      event,
      call,
      fn,
      function: f,
      name: fn.kind === 'name' ? fn.name : undefined,
      gpu: isGpuValue(fn) || (f !== undefined && gpuFunctions.has(f)),
    });
  };
  const decoratorCalls = new Map<number, number>();
  module.functions.forEach((fn, f) => {
    for (const d of fn.decorators) if (d.value.kind === 'call' && d.value.call !== undefined) decoratorCalls.set(d.value.call, f);
  });
  module.calls.forEach((call, i) => {
    const q = call.qualified;
    const positional = call.args.filter((a) => !a.name && !a.splat);
    const keyword = (name: string) => call.args.find((a) => a.name === name)?.value;
    let kind: GradioHandler['kind'] | undefined;
    let fn: PythonValue | undefined;
    if (q === 'gradio.Interface' || q === 'gradio.ChatInterface') {
      kind = q === 'gradio.Interface' ? 'interface' : 'chat-interface';
      fn = keyword('fn') ?? positional[0]?.value;
    } else if (q === 'gradio.on') {
      kind = 'on';
      fn = keyword('fn') ?? positional[1]?.value;
    } else if (call.name && GRADIO_EVENTS.has(call.name) && isListener(module, call, names)) {
      kind = 'listener';
      fn = keyword('fn') ?? positional[0]?.value;
    }
    if (!kind) return;
    const decorated = decoratorCalls.get(i);
    if (decorated !== undefined && (kind === 'on' || kind === 'listener') && !fn) {
      const f = module.functions[decorated];
      module.handlers.push({ kind: 'listener-decorator', event: kind === 'on' ? undefined : call.name, call: i, function: decorated, name: f.name, gpu: gpuFunctions.has(decorated) });
      return;
    }
    handler(kind, i, fn, kind === 'listener' ? call.name : undefined);
  });
}

/** `btn.click(...)`, `demo.load(...)`, `gr.Button().click(...)`: an event method on something Gradio made. */
function isListener(module: PythonModule, call: PythonCall, gradioNames: Set<string>): boolean {
  if (call.receiverCall !== undefined) return module.calls[call.receiverCall].qualified?.startsWith('gradio.') ?? false;
  if (!call.receiver) return false;
  const root = call.receiver.split('.')[0];
  if (isModuleName(module, root)) return false; // json.load, torch.load, gr.load
  if (gradioNames.has(call.receiver) || gradioNames.has(root)) return true;
  if (call.args.some((a) => a.name && LISTENER_KEYWORDS.has(a.name))) return true;
  return !AMBIGUOUS_EVENTS.has(call.name!) && call.args.some((a) => !a.name && !a.splat);
}

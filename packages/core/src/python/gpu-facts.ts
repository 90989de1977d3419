/** ZeroGPU facts of a Python file (`gpuReferences`, `gpuApplications`), derived from the generic extraction. */
import { constantOf, functionOf, qualify, SPACES_GPU, type GpuApplication, type GpuReference, type PythonModule, type PythonValue } from './module.js';

/** Finds GPU references among callees and decorators, then the decorators and wrappers that apply them. */
export function buildGpuFacts(module: PythonModule): void {
  const bound = new Set(module.bindings);
  const referenceOf = (text: string, range: [number, number], fn: number | undefined, statementIndex: number): number | undefined => {
    const dot = text.indexOf('.');
    const imported = Object.hasOwn(module.aliases, dot < 0 ? text : text.slice(0, dot));
    // An imported name is resolved whatever it is called (`from spaces import GPU as gpu`); a lookalike must end in GPU.
    if (!imported && !text.endsWith('GPU')) return undefined;
    const parts = text.split('.');
    if (!imported && parts[parts.length - 1] !== 'GPU') return undefined;
    let binding: GpuReference['binding'];
    if (imported && SPACES_GPU.test(qualify(module, text))) binding = 'spaces';
    else if (parts.length <= 2 && !imported && !bound.has(parts[0])) binding = 'unbound';
    else return undefined;
    return module.gpuReferences.push({ text, binding, name: parts[0], function: fn, statementIndex, range }) - 1;
  };
  const callReference = new Map<number, number>();
  module.calls.forEach((call, i) => {
    if (!call.callee) return;
    const ref = referenceOf(call.callee, call.calleeRange, call.function, call.statementIndex);
    if (ref !== undefined) callReference.set(i, ref);
  });
  const decoratorCalls = new Set<number>();
  module.functions.forEach((fn, f) => {
    for (const d of fn.decorators) {
      const v = d.value;
      let reference: number | undefined;
      let call: number | undefined;
      if (v.kind === 'name') reference = referenceOf(v.name!, v.range, fn.parent, fn.statementIndex);
      else if (v.kind === 'call' && v.call !== undefined) {
        decoratorCalls.add(v.call);
        reference = callReference.get(v.call);
        call = v.call;
      }
      if (reference === undefined) continue;
      module.gpuApplications.push({ form: 'decorator', reference, call, function: f, range: d.range, ...gpuArguments(module, call, false) });
    }
  });
  const wrappedBy = new Map<number, number>();
  module.calls.forEach((call, i) => {
    if (call.calleeCall !== undefined) wrappedBy.set(call.calleeCall, i);
  });
  for (const [i, reference] of callReference) {
    if (decoratorCalls.has(i)) continue;
    const call = module.calls[i];
    const outer = wrappedBy.get(i);
    if (outer !== undefined) {
      // spaces.GPU(duration=30)(fn): the arguments are on the inner call, the function on the outer one.
      const target = module.calls[outer].args.find((a) => !a.name && !a.splat)?.value;
      module.gpuApplications.push({ form: 'wrapper', reference, call: i, target, function: functionOf(module, target), range: module.calls[outer].range, ...gpuArguments(module, i, false) });
      continue;
    }
    const first = call.args.find((a) => !a.name && !a.splat);
    if (!first || !isCallable(module, first.value)) continue; // spaces.GPU(duration=60) kept for later use: not applied here
    module.gpuApplications.push({ form: 'wrapper', reference, call: i, target: first.value, function: functionOf(module, first.value), range: call.range, ...gpuArguments(module, i, true) });
  }
  module.gpuApplications.sort((a, b) => a.range[0] - b.range[0]);
}

/** `duration` and `size` as the decorator reads them: keywords, else the first positional non-str / str (spec §4.0). */
function gpuArguments(module: PythonModule, call: number | undefined, skipTask: boolean): Pick<GpuApplication, 'duration' | 'size'> {
  if (call === undefined) return {};
  const args = module.calls[call].args;
  let duration = args.find((a) => a.name === 'duration');
  let size = args.find((a) => a.name === 'size');
  const positional = args.filter((a) => !a.name && !a.splat).slice(skipTask ? 1 : 0);
  for (const a of positional) {
    const isString = a.value.kind === 'string' || constantOf(module, a.value)?.kind === 'string';
    if (isString) size ??= a;
    else duration ??= a;
  }
  return { duration, size };
}

/** Whether a positional argument of `spaces.GPU(...)` is the task (a function) rather than a duration. */
function isCallable(module: PythonModule, v: PythonValue): boolean {
  if (v.kind === 'lambda') return true;
  if (v.kind === 'call') return true; // functools.partial(...), another decorator's result
  if (v.kind !== 'name') return false;
  if (constantOf(module, v)) return false;
  if (functionOf(module, v) !== undefined) return true;
  // A name bound by a plain assignment (`DURATION = int(...)`) is a value; an imported name may be a function.
  return !module.assignments.some((a) => a.function === undefined && a.targets.includes(v.name!));
}

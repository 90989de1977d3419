import type { PythonModule } from './module.js';
import { functionOf } from './module.js';

/**
 * The functions of a module that run inside a ZeroGPU task: each `@spaces.GPU` function (or one wrapped
 * with `spaces.GPU(fn)`), the functions defined inside it, and the functions of the same module it calls,
 * transitively (`helper(x)`, `self.helper(x)` for methods of the same class). Calls into other modules are
 * not followed. Maps each function index to the GPU function it is reached from.
 */
export function gpuReachableFunctions(module: PythonModule): Map<number, number> {
  let reached = computed.get(module);
  if (!reached) computed.set(module, (reached = compute(module)));
  return reached;
}

/** Per parsed module (modules are memoised per Space, so two rules share one computation). */
const computed = new WeakMap<PythonModule, Map<number, number>>();

function compute(module: PythonModule): Map<number, number> {
  const reached = new Map<number, number>();
  if (!module.gpuApplications.length) return reached;
  const callsBy = new Map<number, number[]>();
  module.calls.forEach((call, i) => {
    if (call.function === undefined) return;
    const list = callsBy.get(call.function);
    if (list) list.push(i);
    else callsBy.set(call.function, [i]);
  });
  const children = new Map<number, number[]>();
  module.functions.forEach((f, i) => {
    if (f.parent === undefined) return;
    const list = children.get(f.parent);
    if (list) list.push(i);
    else children.set(f.parent, [i]);
  });
  const byName = new Map<string, number | undefined>();
  const named = (name: string, range: [number, number]) => {
    if (!byName.has(name)) byName.set(name, functionOf(module, { kind: 'name', name, nodeType: 'identifier', range }));
    return byName.get(name);
  };
  const queue: [number, number][] = [];
  for (const app of module.gpuApplications) if (app.function !== undefined) queue.push([app.function, app.function]);
  while (queue.length) {
    const [fn, root] = queue.shift()!;
    if (reached.has(fn)) continue;
    reached.set(fn, root);
    for (const child of children.get(fn) ?? []) if (!reached.has(child)) queue.push([child, root]);
    for (const c of callsBy.get(fn) ?? []) {
      const call = module.calls[c];
      if (!call.callee) continue;
      let target: number | undefined;
      if (!call.callee.includes('.')) target = named(call.callee, call.calleeRange);
      else if (call.receiver === 'self' || call.receiver === 'cls') {
        const cls = module.functions[fn].className;
        target = cls === undefined ? undefined : module.functions.findIndex((f) => f.className === cls && f.name === call.name);
        if (target === -1) target = undefined;
      }
      if (target !== undefined && !reached.has(target)) queue.push([target, root]);
    }
  }
  return reached;
}

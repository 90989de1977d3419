import { functionOf, type PythonCall, type PythonModule } from '../python/module.js';
import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

/** `if` conditions that are false when the app runs as a script or module (`python app.py`). */
const NEVER_AT_STARTUP = /^\s*(?:__name__\s*!=\s*(['"])__main__\1|False|0|None)\s*$/;

interface Finding {
  kind: 'inner' | 'branch' | 'method';
  name: string;
  outer: string;
  range: [number, number];
}

export default defineRule({
  meta: {
    id: 'zerogpu-gpu-function-not-at-startup',
    category: 'zerogpu',
    description: '`@spaces.GPU` decorates functions that exist when the app starts: module-level functions, not inner functions or code start-up does not run.',
    messages: {
      inner: {
        level: 'error',
        text: '`@spaces.GPU` is applied to `{{name}}`, which is created inside `{{outer}}`: the decorator runs only when `{{outer}}` is called, so when the Space starts ZeroGPU finds no GPU function ("No @spaces.GPU function detected during startup"). Decorate the module-level function that Gradio calls instead.',
      },
      innerWithOthers: {
        level: 'warning',
        text: '`@spaces.GPU` is applied to `{{name}}`, which is created inside `{{outer}}` on every call: ZeroGPU registers GPU functions when the Space starts, so this one is not among them. Decorate the module-level function that Gradio calls instead.',
      },
      branch: {
        level: 'error',
        text: '`{{name}}` is decorated with `@spaces.GPU` under `if {{outer}}:`, which does not run when the Space starts the app, so ZeroGPU finds no GPU function ("No @spaces.GPU function detected during startup"). Define it at module level.',
      },
      method: {
        level: 'warning',
        text: '`@spaces.GPU` decorates the method `{{outer}}.{{name}}`: each call pickles the bound instance into the GPU worker, and locks, open files or clients held by `self` fail to pickle. Decorate a module-level function that calls the method.',
      },
    },
    docs: {
      rationale:
        'ZeroGPU finds the functions decorated with `@spaces.GPU` when the Space starts; if none exists then, the Space stops with "No @spaces.GPU function detected during startup". Hugging Face\'s ZeroGPU guidance (its Spaces skill, zerogpu.md and known-errors.md) says to decorate the function Gradio binds: decorating an inner helper gives that error. See https://huggingface.co/docs/hub/spaces-zerogpu for the decorator. Reported in the app file and the local modules it imports: a decorator (or `spaces.GPU(fn)`) applied inside another function that does not itself run at start-up (an error when no other GPU function exists at start-up, a warning otherwise: the inner function is still not registered); a decorated function under an `if` that is false when the app runs (`if __name__ != "__main__":`, `if False:`) → error. A function that builds the UI and is called at module level (`if __name__ == "__main__": main()`) runs its decorators at start-up, so GPU functions defined in it are fine. Decorated methods are a warning, spacelint\'s judgement from the same guidance ("never decorate bound methods that hold locks"): the instance is pickled into the GPU worker on each call.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport gradio as gr\n\ndef generate(prompt):\n    @spaces.GPU\n    def run():\n        return pipe(prompt).images[0]\n    return run()\n\ngr.Interface(generate, "text", "image").launch()\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\nimport gradio as gr\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\ngr.Interface(generate, "text", "image").launch()\n' },
      ],
      howToFix: 'Move the decorated function to module level and decorate the function Gradio calls (`@spaces.GPU` right above its `def`).',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    const modules = space.appModules;
    const findings = new Map<string, Finding[]>();
    let startup = 0;
    for (const module of modules) {
      const list = findingsOf(module);
      findings.set(module.path, list);
      startup += module.gpuApplications.length - list.filter((f) => f.kind !== 'method').length;
    }
    for (const [path, list] of findings) {
      for (const f of list) {
        const messageId = f.kind === 'inner' && startup > 0 ? 'innerWithOthers' : f.kind;
        report({ messageId, data: { name: f.name, outer: f.outer }, file: path, range: f.range });
      }
    }
  },
});

/** Functions that run while the module is imported: called at module level (`main()` under `if __name__ == "__main__":` too), transitively. */
function runAtStartup(module: PythonModule): Set<number> {
  const reached = new Set<number>();
  const queue: number[] = [];
  const resolve = (c: PythonCall) => (c.callee && !c.callee.includes('.') ? functionOf(module, { kind: 'name', name: c.callee, nodeType: 'identifier', range: c.calleeRange }) : undefined);
  for (const c of module.calls) {
    const f = c.function === undefined ? resolve(c) : undefined;
    if (f !== undefined) queue.push(f);
  }
  while (queue.length) {
    const f = queue.pop()!;
    if (reached.has(f)) continue;
    reached.add(f);
    for (const c of module.calls) {
      if (c.function !== f) continue;
      const g = resolve(c);
      if (g !== undefined && !reached.has(g)) queue.push(g);
    }
  }
  return reached;
}

function findingsOf(module: PythonModule): Finding[] {
  const out: Finding[] = [];
  let startup: Set<number> | undefined;
  for (const app of module.gpuApplications) {
    const applied = module.gpuReferences[app.reference]?.function;
    const fn = app.function === undefined ? undefined : module.functions[app.function];
    const name = fn?.name ?? app.target?.name ?? 'the function';
    if (applied !== undefined) {
      // `@spaces.GPU` on a nested def: the reference sits in the enclosing function's body. When that
      // function itself runs at start-up (`main()` building the UI and launching), the decorator does too.
      startup ??= runAtStartup(module);
      if (startup.has(applied)) continue;
      const outerFn = module.functions[applied];
      out.push({ kind: 'inner', name, outer: outerFn.name, range: app.range });
      continue;
    }
    const branch = module.branches.find((b) => NEVER_AT_STARTUP.test(b.condition) && app.range[0] >= b.body[0] && app.range[0] < b.body[1]);
    if (branch) {
      out.push({ kind: 'branch', name, outer: branch.condition.trim(), range: app.range });
      continue;
    }
    if (fn?.className !== undefined && app.form === 'decorator') out.push({ kind: 'method', name, outer: fn.className, range: app.range });
  }
  return out;
}

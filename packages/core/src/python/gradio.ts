import { isModuleName, type PythonCall, type PythonModule } from './module.js';

/** Calls that build a Gradio UI (spec §4.9 P2). */
export const UI_BUILDERS = new Set(['gradio.Blocks', 'gradio.Interface', 'gradio.ChatInterface', 'gradio.TabbedInterface']);

/** The file imports gradio in some form (`import gradio as gr`, `from gradio import Blocks`). */
export function importsGradio(module: PythonModule): boolean {
  return Object.values(module.aliases).some((t) => t === 'gradio' || t.startsWith('gradio.'));
}

/**
 * Calls of a Blocks/Interface method (`launch`, `queue`), including chained calls
 * (`demo.queue(max_size=5).launch()`, `gr.Interface(...).launch()`), in a file that imports gradio or on
 * an object imported from another module (`from ui import demo`). Calls on an imported module
 * (`multiprocessing.queue`) are left out.
 */
export function gradioMethodCalls(module: PythonModule, method: string): PythonCall[] {
  const gradio = importsGradio(module);
  return module.calls.filter((c) => {
    if (c.name !== method) return false;
    let root = c.receiver?.split('.')[0];
    for (let r = c.receiverCall, guard = 0; r !== undefined && guard < 20; r = module.calls[r].receiverCall, guard++) {
      root = module.calls[r].callee?.split('.')[0];
    }
    if (root === undefined) return gradio && c.receiverCall !== undefined;
    if (isModuleName(module, root)) return module.aliases[root].startsWith('gradio');
    return gradio || module.imports.some((i) => i.name !== undefined && (i.alias ?? i.name) === root);
  });
}

/** The name a UI is bound to: `demo` for `with gr.Blocks() as demo:` or `demo = gr.Interface(...)`. */
export function uiVariable(module: PythonModule, callIndex: number): string | undefined {
  // `demo = gr.Interface(...).queue()`: the builder is the root of the assigned chain.
  const a = module.assignments.find((x) => x.value?.kind === 'call' && x.targets.length === 1 && chainContains(module, x.value.call, callIndex));
  return a?.targets[0];
}

function chainContains(module: PythonModule, call: number | undefined, target: number): boolean {
  let current = call;
  for (let guard = 0; current !== undefined && guard < 20; guard++) {
    if (current === target) return true;
    current = module.calls[current].receiverCall;
  }
  return false;
}

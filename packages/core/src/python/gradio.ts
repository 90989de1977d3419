import type { PythonCall, PythonModule } from './module.js';

/** Calls that build a Gradio UI (spec §4.9 P2). */
export const UI_BUILDERS = new Set(['gradio.Blocks', 'gradio.Interface', 'gradio.ChatInterface', 'gradio.TabbedInterface']);

/** The file imports gradio in some form (`import gradio as gr`, `from gradio import Blocks`). */
export function importsGradio(module: PythonModule): boolean {
  return Object.values(module.aliases).some((t) => t === 'gradio' || t.startsWith('gradio.'));
}

/**
 * Calls of a Blocks/Interface method (`launch`, `queue`) in a file that imports gradio, including chained
 * calls (`demo.queue(max_size=5).launch()`, `gr.Interface(...).launch()`). Calls on an imported module
 * (`multiprocessing.queue`) are left out.
 */
export function gradioMethodCalls(module: PythonModule, method: string): PythonCall[] {
  if (!importsGradio(module)) return [];
  return module.calls.filter((c) => {
    if (c.name !== method) return false;
    if (c.receiverCall !== undefined) return true;
    if (!c.receiver) return false;
    const root = c.receiver.split('.')[0];
    return !Object.hasOwn(module.aliases, root) || module.aliases[root].startsWith('gradio');
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

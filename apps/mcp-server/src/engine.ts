import type { Redactor } from './redaction.js';

/** The lint engine, loaded on first use so that start-up and `tools/list` never pay for it. */
export type Core = typeof import('@spacelint/core');
export type CoreNode = typeof import('@spacelint/core/node');

let loading: Promise<{ core: Core; node: CoreNode }> | undefined;
/** Set when a tool asked for the engine: the warm-up then leaves the CPU to that call. */
let usedByTool = false;

/** Loads @spacelint/core and its Python parser once per process; later calls return the same modules. */
export function loadEngine(redactor?: Redactor, options: { warmUp?: boolean } = {}): Promise<{ core: Core; node: CoreNode }> {
  if (!options.warmUp) usedByTool = true;
  loading ??= (async () => {
    const [core, node] = await Promise.all([import('@spacelint/core'), import('@spacelint/core/node')]);
    await core.initParsers();
    return { core, node };
  })();
  return loading.then((engine) => {
    redactor?.usePatterns(engine.core.redactSecrets);
    return engine;
  });
}

/**
 * Loads the engine and lints two small template Spaces (Gradio with ZeroGPU, and Docker), so that the first
 * real call finds the YAML, Python and Dockerfile parsers compiled and their queries built.
 */
export async function warmEngine(redactor?: Redactor): Promise<void> {
  const { core } = await loadEngine(redactor, { warmUp: true });
  if (usedByTool) return; // a real call came first: it warms everything it needs itself
  const spaces: Parameters<Core['scaffoldSpace']>[0][] = [
    { sdk: 'gradio', title: 'warm-up', zerogpu: true, inputs: 'PDF up to 5 pages', secrets: ['API_KEY'] },
    { sdk: 'docker', title: 'warm-up', inputs: 'audio', persistentData: true },
  ];
  for (const answers of spaces) core.lintSnapshot(core.snapshotFromEntries(core.scaffoldSpace(answers).files));
}

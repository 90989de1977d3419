import type { Redactor } from './redaction.js';

/** The lint engine, loaded on first use so that start-up and `tools/list` never pay for it. */
export type Core = typeof import('@spacelint/core');
export type CoreNode = typeof import('@spacelint/core/node');

let loading: Promise<{ core: Core; node: CoreNode }> | undefined;

/** Loads @spacelint/core and its Python parser once per process; later calls return the same modules. */
export function loadEngine(redactor?: Redactor): Promise<{ core: Core; node: CoreNode }> {
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

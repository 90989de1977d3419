import type { PythonArgument, PythonCall } from './module.js';

/** The keyword argument `name=` of a call. */
export function keywordArgument(call: PythonCall, name: string): PythonArgument | undefined {
  return call.args.find((a) => a.name === name);
}

/** Positional arguments in order (no keywords, no `*args` / `**kwargs`). */
export function positionalArguments(call: PythonCall): PythonArgument[] {
  return call.args.filter((a) => !a.name && !a.splat);
}

/**
 * The range to delete so that an argument disappears with its comma: up to the next argument when one
 * follows, else from the end of the previous one (`f(a, share=True)` → `f(a)`; `f(share=True, a=1)` → `f(a=1)`).
 * The only argument takes everything between the parentheses with it, so a trailing comma goes too
 * (black's `launch(\n    share=True,\n)` → `launch()`, not `launch(\n    ,\n)`).
 */
export function argumentRemovalRange(call: PythonCall, arg: PythonArgument): [number, number] {
  const i = call.args.indexOf(arg);
  const next = call.args[i + 1];
  if (next) return [arg.range[0], next.range[0]];
  const previous = call.args[i - 1];
  if (previous) return [previous.range[1], arg.range[1]];
  const [open, close] = call.argsRange;
  return open < arg.range[0] && arg.range[1] < close ? [open + 1, close - 1] : arg.range;
}

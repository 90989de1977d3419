import type { Fix } from '../diagnostic.js';
import { argumentRemovalRange } from '../python/arguments.js';
import { constantOf, functionOf, type GpuApplication, type PythonFunction, type PythonModule, type PythonValue } from '../python/module.js';
import type { ReportDescriptor } from './rule.js';
import { defineRule } from './rule.js';
import { zeroGpuInUse } from '../space/facts.js';

/**
 * The per-call duration from which a warning is given (option `maxDuration`): 300 s is the smallest duration
 * public reports show ZeroGPU refusing for visitors; nothing documents a lower cap.
 */
const DEFAULT_MAX_DURATION = 300;
const KNOWN_KEYWORDS = new Set(['duration', 'size']);
/** `datetime.timedelta` positional parameters, in seconds. */
const TIMEDELTA_SECONDS: [string, number][] = [
  ['days', 86400],
  ['seconds', 1],
  ['microseconds', 1e-6],
  ['milliseconds', 1e-3],
  ['minutes', 60],
  ['hours', 3600],
  ['weeks', 604800],
];

type Duration = { kind: 'seconds'; seconds: number } | { kind: 'string' } | { kind: 'callable'; function?: number } | { kind: 'unknown' };

export default defineRule({
  meta: {
    id: 'zerogpu-invalid-decorator-args',
    category: 'zerogpu',
    description: "`spaces.GPU` arguments are ones ZeroGPU accepts: a positive duration within limits, a known size, a duration function that takes the handler's arguments.",
    hasSuggestions: true,
    messages: {
      nonPositive: { level: 'error', text: '`duration={{value}}` is not a positive number of seconds, so the GPU task cannot be scheduled. Use the expected run time in seconds (the default is 60).' },
      overStartupMax: {
        level: 'error',
        text: '`duration={{value}}` is over 1500 s, the largest duration ZeroGPU allows (and only for calls at start-up); longer requests are refused. Split the work or lower the duration.',
      },
      overMax: {
        level: 'warning',
        text: '`duration={{value}}` is {{max}} s or more: ZeroGPU caps the duration per visitor tier, and public reports show requests of 300 s refused ("The requested GPU duration (300s) is larger than the maximum allowed", https://github.com/wileewang/TransPixeler/issues/11). Lower it, or use a duration function so short inputs ask for less.',
      },
      stringDuration: { level: 'error', text: '`duration` is a string ({{value}}); the decorator takes seconds as a number, a `timedelta`, or a function. Write `duration={{number}}`.' },
      badSize: { level: 'error', text: '`size={{value}}` is not a ZeroGPU size; use one of {{sizes}}.' },
      xlarge: { level: 'info', text: '`size="xlarge"` takes a full GPU and costs twice the quota of `large` (and usually queues longer); keep it only if the model needs more than the `large` VRAM.' },
      unknownKeyword: { level: 'warning', text: '`{{name}}=` is not a `spaces.GPU` parameter: the decorator ignores it silently. Only `duration` and `size` have an effect.' },
      enableQueue: { level: 'info', text: '`enable_queue=` is ignored by `spaces.GPU` (it warns "`enable_queue` parameter is now ignored and always set to `True`"); remove it.' },
      dynamicSignature: {
        level: 'warning',
        text: "The duration function `{{callable}}` {{problem}}, but ZeroGPU calls it with `{{fn}}`'s own arguments (Gradio may also pass `progress`), so it raises TypeError. Give it `{{fn}}`'s parameters, or `*args, **kwargs`.",
      },
    },
    docs: {
      rationale:
        'The declared duration is what the ZeroGPU scheduler checks against the tier cap and the visitor\'s remaining quota (error strings in `spaces/zero/client.py` of the `spaces` package, https://pypi.org/project/spaces/). Checks: a duration that is not positive (error); above 1500 s, which the AoT blog calls the "maximum duration allowed during startup" and nothing higher is documented (https://huggingface.co/blog/zerogpu-aoti; error); from `maxDuration` on (warning; default 300 s, spacelint\'s judgement: no source documents a per-call cap, the docs\' 120 s is an example, and public reports show 300 s refused for visitors: https://github.com/wileewang/TransPixeler/issues/11, https://github.com/facebookresearch/vggsfm/issues/100), unless the decorated function is only called at module level (start-up compile or warm-up, allowed up to 1500 s); a string duration, since the type is `int | timedelta | callable` (`spaces/zero/types.py` of the `spaces` package; error); a `size` outside `large`/`xlarge` (`spaces/zero/decorator.py`; error), and `xlarge`, which "consumes 2× more daily quota" (info, https://huggingface.co/docs/hub/spaces-zerogpu); unknown keywords, which the decorator swallows through `**kwargs` (warning; spacelint\'s reading of the code), and `enable_queue`, which it ignores with a warning (info). Values are read through module constants (`DURATION = 90`) and `timedelta(...)` with literal arguments. Dynamic durations: the docs ask for "a callable that takes the same inputs as your decorated function" and the package calls `duration(*args, **kwargs)` with the handler\'s arguments (`spaces/zero/wrappers.py`); Gradio also passes extra arguments such as `progress` (Hugging Face\'s Spaces skill, https://github.com/huggingface/skills/tree/main/skills/huggingface-spaces, references/zerogpu.md). The rule warns when the function (a `def` or lambda of the same file) takes fewer positional parameters than the decorated function without `*args`, or has a required parameter the decorated function does not have without `**kwargs`. Return types are not checked.',
      options:
        '`maxDuration` (number, default 300): the per-call duration from which a warning is given, e.g. `rules: { zerogpu-invalid-decorator-args: [warning, { maxDuration: 120 }] }` to keep calls short for visitors with little quota.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU(duration=3600)\ndef train(data):\n    ...\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU(size="large-x")\ndef infer(x):\n    ...\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\ndef est(prompt):\n    return 30\n\n@spaces.GPU(duration=est)\ndef gen(prompt, steps):\n    ...\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU(duration=60, size="xlarge")  # reported as info: xlarge costs 2x quota\ndef infer(x):\n    ...\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\ndef est(prompt, steps, *args, **kwargs):\n    return 10 + steps\n\n@spaces.GPU(duration=est)\ndef gen(prompt, steps):\n    ...\n' },
      ],
      howToFix: 'Use a positive number of seconds close to the real run time (a duration function for variable work), `size="large"` or `"xlarge"`, and no other keywords.',
    },
  },
  check(space, report, options) {
    if (!zeroGpuInUse(space)) return;
    const max = typeof options.maxDuration === 'number' && options.maxDuration > 0 ? options.maxDuration : DEFAULT_MAX_DURATION;
    const sizes = space.reference.zeroGpu.sizes;
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      const at = (arg: { range: [number, number] }, d: Omit<ReportDescriptor, 'file' | 'range'>) => report({ ...d, file: path, range: arg.range });
      for (const app of module.gpuApplications) {
        if (app.call === undefined) continue;
        const call = module.calls[app.call];
        for (const arg of call.args) {
          if (!arg.name || KNOWN_KEYWORDS.has(arg.name)) continue;
          const remove = { desc: `Remove \`${arg.name}=\``, fix: { range: argumentRemovalRange(call, arg), text: '' } };
          at(arg, { messageId: arg.name === 'enable_queue' ? 'enableQueue' : 'unknownKeyword', data: { name: arg.name }, suggestions: [remove] });
        }
        if (app.size) {
          const size = constantOf(module, app.size.value);
          if (size?.kind === 'string' && !sizes.includes(size.value as string)) {
            at(app.size, {
              messageId: 'badSize',
              data: { value: JSON.stringify(size.value), sizes: sizes.map((s) => `"${s}"`).join(', ') },
              suggestions: app.size.value.kind === 'string' ? sizes.map((s) => ({ desc: `Use size="${s}"`, fix: { range: app.size!.value.range, text: `"${s}"` } })) : undefined,
            });
          } else if (size?.kind === 'string' && size.value === 'xlarge') {
            at(app.size, { messageId: 'xlarge' });
          }
        }
        if (!app.duration) continue;
        const duration = durationOf(module, app.duration.value);
        const shown = textOf(space.text(path)!, app.duration.value.range);
        if (duration.kind === 'string') {
          const n = Number.parseFloat(String(constantOf(module, app.duration.value)?.value ?? ''));
          const number = Number.isFinite(n) && n > 0 ? String(n) : '60';
          const literal = app.duration.value.kind === 'string';
          at(app.duration, {
            messageId: 'stringDuration',
            data: { value: shown, number },
            suggestions: literal ? [{ desc: `Use duration=${number}`, fix: { range: app.duration.value.range, text: number } }] : undefined,
          });
        } else if (duration.kind === 'seconds') {
          const value = formatSeconds(duration.seconds);
          if (duration.seconds <= 0) at(app.duration, { messageId: 'nonPositive', data: { value: shown } });
          else if (duration.seconds > space.reference.zeroGpu.startupMaxDurationSeconds) at(app.duration, { messageId: 'overStartupMax', data: { value } });
          else if (duration.seconds >= max && !startupOnly(module, app)) {
            const literal = app.duration.value.kind === 'number';
            at(app.duration, {
              messageId: 'overMax',
              data: { value, max },
              // A minute under the threshold: still long, and below what has been seen refused.
              suggestions: literal ? [{ desc: `Use duration=${Math.max(1, max - 60)}`, fix: { range: app.duration.value.range, text: String(Math.max(1, max - 60)) } }] : undefined,
            });
          }
        } else if (duration.kind === 'callable' && duration.function !== undefined && app.function !== undefined) {
          const callable = module.functions[duration.function];
          const handler = module.functions[app.function];
          const problem = signatureProblem(callable, handler);
          if (!problem) continue;
          const fix = acceptAnything(callable, space.text(path)!);
          at(app.duration, {
            messageId: 'dynamicSignature',
            data: { callable: callable.name, fn: handler.name, problem },
            suggestions: fix ? [{ desc: `Add \`*args, **kwargs\` to \`${callable.name}\``, fix }] : undefined,
          });
        }
      }
    }
  },
});

function textOf(text: string, range: [number, number]): string {
  const t = text.slice(range[0], range[1]).replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

/** What a `duration=` value is: seconds (literal, constant, `timedelta(...)`), a string, a function, or unknown. */
function durationOf(module: PythonModule, v: PythonValue): Duration {
  const c = constantOf(module, v);
  if (c?.kind === 'number') return { kind: 'seconds', seconds: c.value as number };
  if (c?.kind === 'string') return { kind: 'string' };
  if (c) return { kind: 'unknown' };
  if (v.kind === 'call' && v.call !== undefined) {
    const call = module.calls[v.call];
    if (call.qualified !== 'datetime.timedelta') return { kind: 'unknown' };
    let seconds = 0;
    for (const [i, arg] of call.args.entries()) {
      const n = constantOf(module, arg.value);
      const unit = arg.name ? TIMEDELTA_SECONDS.find(([name]) => name === arg.name) : TIMEDELTA_SECONDS[i];
      if (n?.kind !== 'number' || !unit || arg.splat) return { kind: 'unknown' };
      seconds += (n.value as number) * unit[1];
    }
    return { kind: 'seconds', seconds };
  }
  if (v.kind === 'lambda' || v.kind === 'name') {
    const f = functionOf(module, v);
    return f !== undefined || v.kind === 'lambda' ? { kind: 'callable', function: f } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** A decorated function called only at module level (start-up work such as AoT compilation or warm-up). */
function startupOnly(module: PythonModule, app: GpuApplication): boolean {
  if (app.form !== 'decorator' || app.function === undefined) return false;
  const fn = module.functions[app.function];
  if (module.handlers.some((h) => h.function === app.function || h.name === fn.name)) return false;
  const calls = module.calls.filter((c) => c.callee === fn.name);
  return calls.length > 0 && calls.every((c) => c.function === undefined);
}

/** Why `callable` cannot take `handler`'s arguments, or undefined (spec §4.4 Z6.6). */
function signatureProblem(callable: PythonFunction, handler: PythonFunction): string | undefined {
  const positional = (f: PythonFunction) => f.params.filter((p) => p.kind === 'positional' || p.kind === 'positional-only');
  const has = (f: PythonFunction, kind: string) => f.params.some((p) => p.kind === kind);
  const handlerPositional = positional(handler).length;
  const accepts = positional(callable).length;
  if (!has(callable, 'var-positional') && !has(handler, 'var-positional') && accepts < handlerPositional) {
    return `takes ${accepts} positional argument${accepts === 1 ? '' : 's'} and \`${handler.name}\` takes ${handlerPositional}`;
  }
  if (!has(callable, 'var-keyword')) {
    const names = new Set(handler.params.map((p) => p.name));
    const missing = callable.params.find((p) => !p.default && (p.kind === 'positional' || p.kind === 'positional-only' || p.kind === 'keyword-only') && !names.has(p.name));
    if (missing) return `requires \`${missing.name}\`, which is not a parameter of \`${handler.name}\``;
  }
  return undefined;
}

/** Adds `*args, **kwargs` (or the missing half) to the callable's parameters, when that is valid syntax. */
function acceptAnything(callable: PythonFunction, text: string): Fix | undefined {
  const hasArgs = callable.params.some((p) => p.kind === 'var-positional');
  const kwargs = callable.params.find((p) => p.kind === 'var-keyword');
  // After a bare `*`, another `*args` is a syntax error: leave that signature to a person.
  if (!hasArgs && callable.params.some((p) => p.kind === 'keyword-only')) return undefined;
  if (kwargs) return hasArgs ? undefined : { range: [kwargs.range[0], kwargs.range[0]], text: '*args, ' };
  const add = hasArgs ? '**kwargs' : '*args, **kwargs';
  if (!callable.paramsRange) {
    if (!callable.lambda) return undefined;
    const at = callable.range[0] + 'lambda'.length;
    return { range: [at, at], text: ` ${add}` };
  }
  // A def's range is `(...)`: insert before `)`; a lambda's ends at its last parameter.
  const end = callable.lambda ? callable.paramsRange[1] : callable.paramsRange[1] - 1;
  const before = text.slice(callable.paramsRange[0], end).trimEnd();
  const separator = before.endsWith(',') || before.endsWith('(') ? '' : ', ';
  return { range: [end, end], text: `${separator}${add}` };
}

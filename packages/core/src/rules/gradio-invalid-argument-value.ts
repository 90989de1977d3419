import type { Fix } from '../diagnostic.js';
import { positionalArguments } from '../python/arguments.js';
import { callableAt, gradioUsesWithRelease } from '../python/gradio-calls.js';
import type { PythonArgument, PythonValue } from '../python/module.js';
import { GRADIO_DATA_AS_OF, gradioTables, inReleases, type Releases } from '../reference/gradio-api.js';
import { defineRule } from './rule.js';

/**
 * Values a class hands unchanged to another callable that checks them, where the tables do not follow the
 * hand-off (it goes through an attribute): `Interface` and `ChatInterface` pass `cache_examples` to
 * `gr.Examples(...)` when they have examples (gradio/interface.py and gradio/chat_interface.py,
 * `Examples(..., cache_examples=self.cache_examples, ...)`, 6.0.0–6.25.0).
 */
const HANDED_TO: Record<string, Record<string, string>> = {
  Interface: { cache_examples: 'Examples' },
  ChatInterface: { cache_examples: 'Examples' },
};

export default defineRule({
  meta: {
    id: 'gradio-invalid-argument-value',
    category: 'core',
    description: 'Literal argument values are ones the Gradio release of the Space accepts (`cache_examples="lazy"` is gone in Gradio 6).',
    fixable: true,
    messages: {
      notAllowed: {
        level: 'error',
        text: '`{{call}}({{name}}={{value}})`: Gradio {{version}} accepts only {{allowed}} here and raises ValueError at start-up{{history}}.{{advice}}',
      },
      rejected: {
        level: 'error',
        text: '`{{call}}({{name}}={{value}})`: Gradio {{version}} rejects this value and raises at start-up.',
      },
      uncertain: {
        level: 'warning',
        text: '`{{call}}({{name}}={{value}})`: Gradio {{version}} accepts only {{allowed}} here and raises ValueError at start-up{{history}}.{{advice}}',
      },
    },
    docs: {
      rationale:
        'Some Gradio parameters check their value in the source and raise at start-up when it is not one of a fixed set: `cache_examples` accepts `True`, `False`, `None` and, until 5.x, `"lazy"` (Gradio 6 raises; write `cache_examples=True, cache_mode="lazy"`), `Textbox(type=)` accepts "text", "password", "email", `Interface(flagging_mode=)` accepts "never", "auto", "manual". `gr.Interface` and `gr.ChatInterface` hand `cache_examples` to `gr.Examples` when they have examples, so the same check applies to them then. ' +
        `The sets come from spacelint's vendored copy of Gradio's API per release (checks of the form \`if p not in [...]: raise\` or an if/elif chain on the parameter ending in \`raise\`, read from every release tag; as of ${GRADIO_DATA_AS_OF}). \`Literal[...]\` annotations are not used: Python does not check them at run time. Only literal values written in the call are compared (strings, numbers, booleans, None); a variable, constant or expression is never guessed. ` +
        'The autofix for `cache_examples="lazy"` on Gradio 6+ writes `cache_examples=True, cache_mode="lazy"`, which is what the old value meant (only when the call has no `cache_mode=` yet). When the Gradio version is unknown, the newest release is assumed and the finding is a warning without a fix.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "6.0.0"\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    box = gr.Textbox()\n    gr.Examples([["hi"]], inputs=[box], fn=str.upper, outputs=[box], cache_examples="lazy")\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "6.0.0"\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    box = gr.Textbox()\n    gr.Examples([["hi"]], inputs=[box], fn=str.upper, outputs=[box], cache_examples=True, cache_mode="lazy")\n',
        },
      ],
      howToFix: 'Use one of the values the message lists (`--fix` rewrites `cache_examples="lazy"` for Gradio 6), or change `sdk_version`.',
    },
  },
  check(space, report) {
    for (const { path, module, uses, release } of gradioUsesWithRelease(space, (u) => u.calls.length > 0)) {
      for (const use of uses.calls) {
        const c = callableAt(use, release.index);
        if (!c) continue;
        const call = module.calls[use.call];
        const positionalNames = c.positional.find(([, set]) => inReleases(set, release.index))?.[0] ?? [];
        const named: [string, PythonArgument][] = call.args.filter((a) => a.name && !a.splat).map((a) => [a.name!, a]);
        positionalArguments(call).forEach((a, i) => positionalNames[i] && named.push([positionalNames[i], a]));
        const handed = HANDED_TO[use.key];
        const withExamples = named.some(([n, a]) => n === 'examples' && a.value.kind !== 'none');
        if (!c.allowed && !c.rejected && !(handed && withExamples)) continue;
        for (const [name, arg] of named) {
          const value = pythonRepr(arg.value);
          if (value === undefined) continue;
          const data = { call: use.display, name, value, version: release.label };
          const rejected = c.rejected?.[name]?.[value];
          if (rejected && inReleases(rejected, release.index)) {
            report({ messageId: release.uncertain ? 'uncertain' : 'rejected', data: { ...data, allowed: 'other values', history: '', advice: '' }, file: path, range: arg.range });
            continue;
          }
          const target = handed?.[name] && withExamples ? gradioTables().callables[handed[name]] : undefined;
          const checkedAt = (sets: Record<string, Releases> | undefined) => Object.keys(sets ?? {}).filter((v) => inReleases(sets![v], release.index));
          const own = checkedAt(c.allowed?.[name]);
          const allowed = own.length ? c.allowed![name] : target?.allowed?.[name];
          const now = own.length ? own : checkedAt(allowed);
          if (!allowed || !now.length || now.includes(value)) continue;
          const last = lastRelease(allowed[value], release.index);
          const cacheModeFix = name === 'cache_examples' && value === "'lazy'" && arg.name && inReleases(c.params.cache_mode, release.index) && !call.args.some((a) => a.name === 'cache_mode');
          const fix: Fix | undefined = cacheModeFix && !release.uncertain ? { range: arg.range, text: 'cache_examples=True, cache_mode="lazy"' } : undefined;
          report({
            messageId: release.uncertain ? 'uncertain' : 'notAllowed',
            data: {
              ...data,
              allowed: now.join(', '),
              history: last ? ` (${value} was accepted through ${last})` : '',
              advice: cacheModeFix ? ' Write `cache_examples=True, cache_mode="lazy"`.' : '',
            },
            file: path,
            range: arg.range,
            fix,
          });
        }
      }
    }
  },
});

/** The literal as Python's repr writes it (the tables' spelling), for simple literals only. */
function pythonRepr(v: PythonValue): string | undefined {
  switch (v.kind) {
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'number':
      return Number.isInteger(v.value) ? String(v.value) : undefined;
    case 'string':
      return typeof v.value === 'string' && !/['\\\n\r\t]/.test(v.value) && /^[\x20-\x7e]*$/.test(v.value) ? `'${v.value}'` : undefined;
    default:
      return undefined;
  }
}

/** The newest release before `index` in `set`. */
function lastRelease(set: Releases | undefined, index: number): string | undefined {
  if (!set) return undefined;
  let last = -1;
  for (let i = 0; i < set.length; i += 2) if (set[i + 1] < index) last = Math.max(last, set[i + 1]);
  return last >= 0 ? gradioTables().versions[last] : undefined;
}

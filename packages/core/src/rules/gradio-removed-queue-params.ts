import type { Suggestion } from '../diagnostic.js';
import { argumentRemovalRange, keywordArgument } from '../python/arguments.js';
import { gradioMethodCalls, importsGradio } from '../python/gradio.js';
import { constantOf, type PythonArgument, type PythonCall } from '../python/module.js';
import { defineRule } from './rule.js';

/** `queue()` keywords Gradio 4.0 removed. */
const REMOVED_QUEUE = ['concurrency_count', 'default_enabled', 'client_position_to_load_data'];

export default defineRule({
  meta: {
    id: 'gradio-removed-queue-params',
    category: 'concurrency',
    description: 'No Gradio 3 queue parameters (`concurrency_count`, `enable_queue`, ...) in a Gradio 4+ app.',
    hasSuggestions: true,
    messages: {
      removed: {
        level: 'error',
        text: '`{{call}}({{name}}=...)` no longer works in Gradio {{version}} (removed in 4.0): the app crashes at start-up ({{failure}}). {{advice}}',
      },
      removedUnknown: {
        level: 'warning',
        text: '`{{call}}({{name}}=...)` was removed in Gradio 4.0 and crashes the app there ({{failure}}); the Gradio version of this Space is unknown (no `sdk_version` or `gradio==` pin), so this may still work on 3.x. {{advice}}',
      },
      tooNew: {
        level: 'error',
        text: '`queue(default_concurrency_limit=...)` was added in Gradio 4.4, and this Space runs {{version}}, where it crashes the app (ValueError: Invalid arguments). Set `concurrency_limit=` on each event, or use Gradio 4.4+.',
      },
    },
    docs: {
      rationale:
        'Gradio 4.0 moved concurrency from the queue to events (`queue()` in https://github.com/gradio-app/gradio/blob/main/gradio/blocks.py, read at the 4.0.0, 4.4.0 and 5.0.0 tags): in 4.0–4.3, `queue(concurrency_count=...)` raises `DeprecationWarning("concurrency_count has been deprecated. Set the concurrency_limit directly on event listeners ...")` as an exception and other removed keywords (`default_enabled`, `client_position_to_load_data`) raise `ValueError("Invalid arguments")`; from 4.4 unknown keywords are a `TypeError`, a truthy `concurrency_count` still raises, and 5.0 removed the parameter altogether ("In Gradio 5, this parameter has been removed altogether", https://github.com/gradio-app/gradio/issues/9977). `launch(enable_queue=...)` has no parameter since 4.0. Real crash reports exist (https://github.com/RVC-Boss/GPT-SoVITS/issues/527, https://github.com/gradio-app/gradio/issues/6564). `queue(default_concurrency_limit=...)` only exists from 4.4. The version comes from `sdk_version`, else a `gradio==` pin in requirements.txt; Gradio 3 Spaces are not reported; when the version is unknown the finding is a warning and says so (spacelint\'s rule: an unknown version lowers the level by one). The suggestion to rename `concurrency_count` to `default_concurrency_limit` is not an autofix because the meaning differs: the old value was a global worker count, the new one is a per-event limit (https://www.gradio.app/guides/queuing).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.queue(concurrency_count=4).launch(enable_queue=True)\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' }, { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.queue(default_concurrency_limit=4).launch()\n' }],
      howToFix: 'Replace `queue(concurrency_count=N)` with `queue(default_concurrency_limit=N)` or per-event `concurrency_limit=N`, and drop `enable_queue` (the queue is always on since 4.0).',
    },
  },
  check(space, report) {
    const gradio = space.facts.gradioVersion;
    const [major, minor] = (gradio.version ?? '').split('.').map((n) => Number.parseInt(n, 10));
    if (major !== undefined && Number.isFinite(major) && major < 4) return;
    const known = Number.isFinite(major);
    const atLeast = (ma: number, mi: number) => known && (major > ma || (major === ma && (minor ?? 0) >= mi));
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module || !importsGradio(module)) continue;
      const flag = (call: PythonCall, arg: PythonArgument, callName: string, failure: string, advice: string, suggestions: Suggestion[]) =>
        report({
          messageId: known ? 'removed' : 'removedUnknown',
          data: { call: callName, name: arg.name!, version: gradio.version ?? '', failure, advice },
          file: path,
          range: arg.range,
          suggestions,
        });
      const remove = (call: PythonCall, arg: PythonArgument): Suggestion => ({ desc: `Remove \`${arg.name}=\``, fix: { range: argumentRemovalRange(call, arg), text: '' } });
      for (const call of gradioMethodCalls(module, 'queue')) {
        for (const name of REMOVED_QUEUE) {
          const arg = keywordArgument(call, name);
          if (!arg) continue;
          if (name === 'concurrency_count') {
            // 4.4–4.x still accept a falsy concurrency_count (`if concurrency_count: raise ...`).
            const value = constantOf(module, arg.value);
            if (atLeast(4, 4) && !atLeast(5, 0) && value && !value.value) continue;
            flag(call, arg, 'queue', atLeast(5, 0) ? 'TypeError: unexpected keyword argument' : 'DeprecationWarning raised as an error', 'Use `queue(default_concurrency_limit=N)` (Gradio 4.4+) or `concurrency_limit=N` on each event.', renameCount(space.text(path)!, call, arg, known && !atLeast(4, 4)));
          } else {
            flag(call, arg, 'queue', atLeast(4, 4) ? 'TypeError: unexpected keyword argument' : 'ValueError: Invalid arguments', 'Remove it.', [remove(call, arg)]);
          }
        }
        const limit = keywordArgument(call, 'default_concurrency_limit');
        if (limit && known && major === 4 && !atLeast(4, 4)) {
          report({ messageId: 'tooNew', data: { version: gradio.version! }, file: path, range: limit.range, suggestions: [remove(call, limit)] });
        }
      }
      for (const call of gradioMethodCalls(module, 'launch')) {
        const arg = keywordArgument(call, 'enable_queue');
        if (arg) flag(call, arg, 'launch', 'TypeError: unexpected keyword argument', 'Remove it: the queue is always on since Gradio 4.0.', [remove(call, arg)]);
      }
    }
  },
});

/** Suggestions for `concurrency_count=N`: rename to `default_concurrency_limit=N` (4.4+), or remove. */
function renameCount(text: string, call: PythonCall, arg: PythonArgument, before44: boolean): Suggestion[] {
  const remove: Suggestion = { desc: 'Remove `concurrency_count=`', fix: { range: argumentRemovalRange(call, arg), text: '' } };
  if (before44) return [remove];
  const value = text.slice(arg.value.range[0], arg.value.range[1]);
  return [{ desc: `Use \`default_concurrency_limit=${value}\` (a per-event limit, not a worker count)`, fix: { range: arg.range, text: `default_concurrency_limit=${value}` } }, remove];
}

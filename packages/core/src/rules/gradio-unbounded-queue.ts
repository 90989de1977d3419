import type { Suggestion } from '../diagnostic.js';
import { keywordArgument, positionalArguments } from '../python/arguments.js';
import { gradioMethodCalls } from '../python/gradio.js';
import { constantOf, type PythonArgument, type PythonCall, type PythonModule } from '../python/module.js';
import { defineRule } from './rule.js';

/** A size to start from in suggestions (inferred: a few minutes of waiting for typical handlers). */
const SUGGESTED_MAX_SIZE = 20;

export default defineRule({
  meta: {
    id: 'gradio-unbounded-queue',
    category: 'concurrency',
    scope: 'space',
    description: 'A Gradio app bounds its queue with `queue(max_size=N)`.',
    hasSuggestions: true,
    messages: {
      never: {
        level: 'info',
        text: 'The app never sets `queue(max_size=...)`, so any number of visitors can join the queue and wait for a result that may take minutes. Set a `max_size` that matches how long people will wait; extra visitors then see "Queue is full".',
      },
      explicitNone: {
        level: 'info',
        text: '`max_size=None` leaves the queue unbounded, so any number of visitors can join and wait. Set a `max_size` that matches how long people will wait.',
      },
    },
    docs: {
      rationale:
        'Gradio performance guide (https://www.gradio.app/guides/setting-up-a-demo-for-maximum-performance): "By default, `max_size=None`, meaning that there is no limit to the number of users that can join the queue", with the "Recommendation: For a better user experience, set a `max_size` that is reasonable given your expectations of how long users might be willing to wait for a prediction." A full queue answers "Queue is full. Max size is N" at once instead of a long wait. The rule looks at the app file and the local modules it imports: it reports once when no `.queue(max_size=...)` (keyword or third positional argument, chained calls included) sets a size, and on each `max_size=None` (also through a constant). It stays silent on ZeroGPU Spaces, where Gradio already sets `max_size = 1 if max_size is None` when `SPACES_ZERO_GPU` is true (https://github.com/gradio-app/gradio/blob/main/gradio/blocks.py). The suggested size, 20, is a starting point (spacelint\'s judgement: a few minutes of waiting for typical handlers). Info level: an unbounded queue works, it only serves visitors worse under load.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.launch()\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.queue(max_size=None).launch()\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda text: text, "text", "text")\ndemo.queue(max_size=20).launch()\n' },
      ],
      howToFix: 'Call `demo.queue(max_size=N)` before `launch()`, with N the number of requests you are willing to keep waiting.',
    },
  },
  check(space, report) {
    if (space.facts.zeroGpu !== 'no') return;
    const modules = space.appModules;
    let bounded = false;
    let explicitNone = false;
    let firstLaunch: { module: PythonModule; call: PythonCall } | undefined;
    let bareQueue: { module: PythonModule; call: PythonCall } | undefined;
    for (const module of modules) {
      for (const call of gradioMethodCalls(module, 'queue')) {
        const arg = maxSizeArgument(call);
        if (!arg) {
          bareQueue ??= { module, call };
          continue;
        }
        if (constantOf(module, arg.value)?.kind === 'none') {
          explicitNone = true;
          report({
            messageId: 'explicitNone',
            file: module.path,
            range: arg.range,
            suggestions: [{ desc: `Use max_size=${SUGGESTED_MAX_SIZE}`, fix: { range: arg.value.range, text: String(SUGGESTED_MAX_SIZE) } }],
          });
        } else {
          bounded = true;
        }
      }
      firstLaunch ??= gradioMethodCalls(module, 'launch').map((call) => ({ module, call }))[0];
    }
    if (bounded || explicitNone) return;
    const target = bareQueue ?? firstLaunch;
    if (!target) return; // nothing launched here: gradio-missing-launch reports
    report({ messageId: 'never', file: target.module.path, range: target.call.calleeRange, suggestions: addMaxSize(target.call, target === bareQueue) });
  },
});

function maxSizeArgument(call: PythonCall): PythonArgument | undefined {
  return keywordArgument(call, 'max_size') ?? positionalArguments(call)[2];
}

function addMaxSize(call: PythonCall, isQueue: boolean): Suggestion[] {
  const text = `max_size=${SUGGESTED_MAX_SIZE}`;
  if (isQueue) {
    const last = call.args[call.args.length - 1];
    const fix = last ? { range: [last.range[1], last.range[1]] as [number, number], text: `, ${text}` } : { range: [call.argsRange[0] + 1, call.argsRange[0] + 1] as [number, number], text };
    return [{ desc: `Add \`${text}\` to \`queue()\``, fix }];
  }
  // demo.launch() → demo.queue(max_size=20).launch()
  const at = call.calleeRange[1] - 'launch'.length;
  return [{ desc: `Call \`queue(${text})\` before \`launch()\``, fix: { range: [at, at], text: `queue(${text}).` } }];
}

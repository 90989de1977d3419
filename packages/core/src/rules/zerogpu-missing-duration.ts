import type { Fix } from '../diagnostic.js';
import { positionalArguments } from '../python/arguments.js';
import type { GpuApplication, PythonModule } from '../python/module.js';
import { defineRule } from './rule.js';
import { zeroGpuInUse } from '../space/facts.js';

export default defineRule({
  meta: {
    id: 'zerogpu-missing-duration',
    category: 'zerogpu',
    description: 'Each `spaces.GPU` application states its `duration`.',
    hasSuggestions: true,
    messages: {
      missing: {
        level: 'info',
        text: "`{{what}}` has no `duration`, so every call reserves the default {{seconds}} s of GPU time. A duration close to the real run time improves queue priority and uses less of the visitor's quota; set `duration=` (seconds, or a function of the inputs).",
      },
    },
    docs: {
      rationale:
        'The ZeroGPU docs (https://huggingface.co/docs/hub/spaces-zerogpu): the default is "60-second of GPU runtime" (`DEFAULT_SCHEDULE_DURATION = 60` in `spaces/zero/client.py` of the `spaces` package, https://pypi.org/project/spaces/) and "Specifying shorter durations for quicker functions will improve queue priority for Space visitors". The quota check compares the requested seconds, not the seconds used, with what the visitor has left ("({requested}s requested vs. {left}s left)"), so an oversized default costs visitors. Forms reported: `@spaces.GPU`, `@spaces.GPU()`, `@spaces.GPU(size="xlarge")`, `spaces.GPU(fn)`; a positional number (`@spaces.GPU(30)`) and a duration function (`duration=get_duration`) count as durations. The suggestion adds `duration=60`, the current default, as a starting point to lower: the right number depends on the function (spacelint\'s judgement). Info level: the default works, it is only less efficient.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU\ndef caption(img):\n    ...\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU(duration=15)\ndef caption(img):\n    ...\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\n\ndef estimate(prompt, steps, *args, **kwargs):\n    return 5 + steps // 2\n\n@spaces.GPU(duration=estimate)\ndef generate(prompt, steps):\n    ...\n',
        },
      ],
      howToFix: 'Measure how long the function runs on ZeroGPU and pass a little more as `duration=` (seconds), or a function that estimates it from the inputs.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    const seconds = space.reference.zeroGpu.defaultDurationSeconds;
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      for (const app of module.gpuApplications) {
        // `spaces.GPU(**options)` may carry a duration the rule cannot see.
        if (app.duration || (app.call !== undefined && module.calls[app.call].args.some((a) => a.splat))) continue;
        const ref = module.gpuReferences[app.reference];
        const fix = addDuration(module, app, seconds);
        report({
          messageId: 'missing',
          data: { what: app.form === 'decorator' ? `@${ref.text}` : ref.text, seconds },
          file: path,
          range: app.form === 'decorator' ? app.range : ref.range,
          suggestions: fix ? [{ desc: `Add \`duration=${seconds}\` (the default; lower it to the real run time)`, fix }] : undefined,
        });
      }
    }
  },
});

/** Inserts `duration=N` in the right place for each application form. */
function addDuration(module: PythonModule, app: GpuApplication, seconds: number): Fix | undefined {
  const ref = module.gpuReferences[app.reference];
  if (app.call === undefined) return { range: [ref.range[1], ref.range[1]], text: `(duration=${seconds})` };
  const call = module.calls[app.call];
  const open = call.argsRange[0] + 1;
  if (call.args.length === 0) return { range: [open, open], text: `duration=${seconds}` };
  if (app.form === 'wrapper' && app.target && call.args.includes(positionalArguments(call)[0])) {
    // spaces.GPU(fn) → spaces.GPU(fn, duration=60): keywords go after the task.
    const last = call.args[call.args.length - 1];
    return { range: [last.range[1], last.range[1]], text: `, duration=${seconds}` };
  }
  // Keywords only (size=...): a keyword may go first.
  if (call.args.every((a) => a.name)) return { range: [open, open], text: `duration=${seconds}, ` };
  const last = call.args[call.args.length - 1];
  return { range: [last.range[1], last.range[1]], text: `, duration=${seconds}` };
}

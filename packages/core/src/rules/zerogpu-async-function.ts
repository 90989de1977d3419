import { defineRule } from './rule.js';
import { zeroGpuInUse } from '../space/facts.js';

export default defineRule({
  meta: {
    id: 'zerogpu-async-function',
    category: 'zerogpu',
    description: '`spaces.GPU` is not applied to an `async def` function.',
    messages: {
      coroutine: {
        level: 'error',
        text: '`{{name}}` is an `async def` function: `spaces.GPU` raises NotImplementedError for coroutine functions, so the Space fails when this runs. Make `{{name}}` a plain `def` (Gradio runs sync handlers in threads).',
      },
      asyncGenerator: {
        level: 'error',
        text: '`{{name}}` is an async generator: `spaces.GPU` supports plain functions and generators only, and would not iterate it. Make `{{name}}` a plain generator (`def` with `yield`).',
      },
    },
    docs: {
      rationale:
        "The spaces package's decorator does `if inspect.iscoroutinefunction(task): raise NotImplementedError` (`spaces/zero/decorator.py` of the `spaces` package, https://pypi.org/project/spaces/), so an `async def` handler fails. Async generators are not coroutine functions, so they pass that test but go to the regular wrapper, which calls the function and returns the async generator object without iterating it on the GPU worker (spacelint's reading of the same code). Plain generators are supported (`generator_function_wrapper`). Every application form is checked: `@spaces.GPU` with or without arguments, and `spaces.GPU(fn)` / `spaces.GPU(duration=...)(fn)` when `fn` is defined in the same file. Runs only when the Space is on ZeroGPU.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU\nasync def chat(message, history):\n    ...\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\n\n@spaces.GPU\ndef chat(message, history):\n    for token in stream(message):\n        yield token\n' },
      ],
      howToFix: 'Turn the function into a plain `def` (or a plain generator) and call async code from it with `asyncio.run` if needed; Gradio runs sync handlers in worker threads.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      const seen = new Set<number>();
      for (const app of module.gpuApplications) {
        if (app.function === undefined || seen.has(app.function)) continue;
        const fn = module.functions[app.function];
        if (!fn.async) continue;
        seen.add(app.function);
        report({ messageId: fn.generator ? 'asyncGenerator' : 'coroutine', data: { name: fn.name }, file: path, range: [fn.range[0], fn.nameRange[1]] });
      }
    }
  },
});

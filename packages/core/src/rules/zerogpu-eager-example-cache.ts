import { keywordArgument } from '../python/arguments.js';
import { constantOf } from '../python/module.js';
import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

const CACHING_CALLS = new Set(['gradio.Examples', 'gradio.Interface', 'gradio.ChatInterface']);

export default defineRule({
  meta: {
    id: 'zerogpu-eager-example-cache',
    category: 'zerogpu',
    description: 'On ZeroGPU, cached examples are cached lazily (`cache_mode="lazy"`), not at start-up.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      implicitEager: {
        level: 'warning',
        text: '`cache_examples=True` caches every example when the Space starts (Gradio {{version}} defaults to `cache_mode="eager"`), but ZeroGPU has no GPU at start-up and each example burns GPU quota. Add `cache_mode="lazy"`: each example is cached the first time someone runs it.',
      },
      explicitEager: {
        level: 'warning',
        text: '`cache_mode="eager"` runs every example when the Space starts, but ZeroGPU has no GPU at start-up and each example burns GPU quota. Use `cache_mode="lazy"`.',
      },
    },
    docs: {
      rationale:
        'With `cache_examples=True`, Gradio 5 runs every example when the app starts unless `cache_mode="lazy"` (the default `cache_mode=None` means eager: https://www.gradio.app/docs/gradio/examples). On ZeroGPU no GPU is attached at start-up, so eager caching fails or runs each example as a GPU task that burns quota; Hugging Face\'s Gradio and ZeroGPU guidance (its Spaces skill, gradio.md and zerogpu.md) says to use `cache_examples=True, cache_mode="lazy"` on ZeroGPU (https://huggingface.co/docs/hub/spaces-zerogpu). Reported on ZeroGPU Spaces for `gr.Examples`, `gr.Interface` and `gr.ChatInterface`: `cache_examples=True` without `cache_mode` on Gradio 5 (autofix: add `cache_mode="lazy"`, which every Gradio 5 and 6 release accepts), and `cache_mode="eager"` in any version (a suggestion to use `"lazy"`: the author chose eager on purpose). Gradio 6 is not reported without an explicit `cache_mode` (its default is decided at run time), nor Gradio 4 (it has no `cache_mode`; gradio-invalid-argument-value covers `cache_examples="lazy"`).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport gradio as gr\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\ngr.Interface(generate, "text", "image", examples=["a cat"], cache_examples=True).launch()\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nimport gradio as gr\n\n@spaces.GPU\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\ngr.Interface(generate, "text", "image", examples=["a cat"], cache_examples=True, cache_mode="lazy").launch()\n',
        },
      ],
      howToFix: 'Add `cache_mode="lazy"` next to `cache_examples=True` (`--fix` does), or stop caching examples.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    const major = space.facts.gradioVersion.major;
    const version = space.facts.gradioVersion.version ?? '5';
    for (const module of space.appModules) {
      const path = module.path;
      if (!module) continue;
      for (const call of module.calls) {
        if (!call.qualified || !CACHING_CALLS.has(call.qualified)) continue;
        const cache = keywordArgument(call, 'cache_examples');
        const mode = keywordArgument(call, 'cache_mode');
        const modeValue = constantOf(module, mode?.value);
        if (mode && modeValue?.kind === 'string' && modeValue.value === 'eager') {
          report({ messageId: 'explicitEager', file: path, range: mode.range, suggestions: [{ desc: 'Use `cache_mode="lazy"`', fix: { range: mode.value.range, text: '"lazy"' } }] });
          continue;
        }
        const cacheValue = constantOf(module, cache?.value);
        if (!cache || mode || cacheValue?.kind !== 'bool' || cacheValue.value !== true || major !== 5) continue;
        if (call.args.some((a) => a.splat === '**')) continue; // `**kwargs` may carry cache_mode
        report({ messageId: 'implicitEager', data: { version }, file: path, range: cache.range, fix: { range: [cache.range[1], cache.range[1]], text: ', cache_mode="lazy"' } });
      }
    }
  },
});

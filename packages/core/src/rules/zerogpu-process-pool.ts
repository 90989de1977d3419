import { gpuReachableFunctions } from '../python/gpu-reach.js';
import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

/** Process pools and processes, through any alias (`import multiprocessing as mp`, `from concurrent.futures import ...`). */
const PROCESS_STARTERS = new Set([
  'concurrent.futures.ProcessPoolExecutor',
  'multiprocessing.Pool',
  'multiprocessing.Process',
  'multiprocessing.pool.Pool',
  'torch.multiprocessing.spawn',
  'torch.multiprocessing.start_processes',
  'torch.multiprocessing.Pool',
  'torch.multiprocessing.Process',
]);

export default defineRule({
  meta: {
    id: 'zerogpu-process-pool',
    category: 'zerogpu',
    description: 'A `@spaces.GPU` function (or a function of the same file it calls) does not start processes.',
    messages: {
      pool: {
        level: 'error',
        text: '`{{what}}` runs inside the ZeroGPU task of `{{gpu}}`{{via}}: that task is a daemonic process, and "daemonic processes are not allowed to have children", so the call fails. Use threads (`concurrent.futures.ThreadPoolExecutor`) or batch the work in one process.',
      },
    },
    docs: {
      rationale:
        'On ZeroGPU each `@spaces.GPU` call runs in a worker process that Python marks as daemonic, and a daemonic process cannot start child processes: `ProcessPoolExecutor`, `multiprocessing.Pool`/`Process` and `torch.multiprocessing.spawn` fail with `AssertionError: daemonic processes are not allowed to have children` (Python\'s multiprocessing documentation, https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process.daemon; Hugging Face\'s ZeroGPU guidance in its Spaces skill: "No ProcessPoolExecutor / multiprocessing.Pool inside @spaces.GPU … Use threads"; ZeroGPU docs: https://huggingface.co/docs/hub/spaces-zerogpu). Reported inside a `@spaces.GPU` function, in functions defined inside it, and in functions of the same file that it calls (transitively, including `self.method()` of the same class). Calls into other modules are not followed: spacelint does not guess across files. Process pools at module level or in functions the GPU function never calls are fine. Runs when the Space is on ZeroGPU (or uses `spaces.GPU`).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom concurrent.futures import ProcessPoolExecutor\n\ndef render_all(frames):\n    with ProcessPoolExecutor() as pool:\n        return list(pool.map(render, frames))\n\n@spaces.GPU\ndef generate(prompt):\n    frames = pipe(prompt).frames\n    return render_all(frames)\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom concurrent.futures import ThreadPoolExecutor\n\n@spaces.GPU\ndef generate(prompt):\n    frames = pipe(prompt).frames\n    with ThreadPoolExecutor() as pool:\n        return list(pool.map(render, frames))\n',
        },
      ],
      howToFix: 'Use `concurrent.futures.ThreadPoolExecutor` (or plain loops) inside the GPU function, or move the process pool outside it (before or after the GPU call).',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const module of space.appModules) {
      const path = module.path;
      if (!module?.gpuApplications.length) continue;
      const reach = gpuReachableFunctions(module);
      for (const call of module.calls) {
        if (call.function === undefined || !call.qualified || !PROCESS_STARTERS.has(call.qualified)) continue;
        const root = reach.get(call.function);
        if (root === undefined) continue;
        const gpu = module.functions[root].name;
        const inner = module.functions[call.function].name;
        report({ messageId: 'pool', data: { what: call.callee!, gpu, via: call.function === root ? '' : ` (through \`${inner}\`)` }, file: path, range: call.calleeRange });
      }
    }
  },
});

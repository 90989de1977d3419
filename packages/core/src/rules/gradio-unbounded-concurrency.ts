import { argumentRemovalRange, keywordArgument } from '../python/arguments.js';
import { gradioMethodCalls, importsGradio } from '../python/gradio.js';
import { constantOf, type PythonArgument, type PythonCall, type PythonModule } from '../python/module.js';
import { handlerWorkload, type Workload } from '../python/workload.js';
import type { Space } from '../space/space.js';
import { defineRule, type ReportDescriptor } from './rule.js';

const ENV_NAME = 'GRADIO_DEFAULT_CONCURRENCY_LIMIT';
/** Gradio 3's `launch(max_threads=40)` default. */
const DEFAULT_MAX_THREADS = 40;

export default defineRule({
  meta: {
    id: 'gradio-unbounded-concurrency',
    category: 'concurrency',
    description: 'Gradio event handlers that run models keep a concurrency limit.',
    hasSuggestions: true,
    messages: {
      unbounded: {
        level: 'warning',
        text: '{{what}} lets {{subject}} run without limit{{reason}}; parallel runs multiply memory and GPU use and can crash the Space with out-of-memory errors. Remove it (Gradio then runs one request at a time per event) or set a small number.',
      },
      unboundedIo: {
        level: 'info',
        text: "{{what}} lets {{subject}} run without limit; that is the Gradio guide's use case for handlers that only call a remote API that rate-limits itself, as this one seems to. Set a number if the API should not get unlimited parallel requests.",
      },
      legacy: {
        level: 'info',
        text: '{{what}} on Gradio {{version}} runs up to {{count}} requests at once, each with its own memory; make sure the hardware holds that many, or lower it.',
      },
    },
    docs: {
      rationale:
        'Gradio runs one request at a time per event by default; `concurrency_limit=None` means "an unlimited number of concurrent executions" (Gradio queuing guide, https://www.gradio.app/guides/queuing), and the performance guide (https://www.gradio.app/guides/setting-up-a-demo-for-maximum-performance) warns of "out-of-memory errors" when concurrency is raised too high. CPU Basic Spaces have 16 GB of RAM (https://huggingface.co/docs/hub/spaces-gpus) and overruns stop the Space with `Memory limit exceeded (16Gi)` (https://huggingface.co/spaces/ymlin105/book-rec-with-LLMs/blob/main/docs/performance/memory_optimization.md). Reported (Gradio 4+ or an unknown version): `concurrency_limit=None` on event listeners (`.click`, `.submit`, `gr.on`, `demo.load`, listener decorators), `gr.Interface` and `gr.ChatInterface`, also through a module constant (`LIMIT = None`); `queue(default_concurrency_limit=None)`, also chained (`demo.queue(...).launch()`); and `GRADIO_DEFAULT_CONCURRENCY_LIMIT=None` set in Python (`os.environ`) or a Dockerfile `ENV`. The absence of the keyword is the default (1), not a finding. Severity: a warning when the handler is GPU-bound (a `spaces.GPU` function) or runs a model (torch, a pipeline, `generate`, an object loaded with `from_pretrained`, followed into functions it calls in the same file or a local module), or when nothing is known about it; info when it only makes network calls (requests, httpx, openai, `InferenceClient`...), which is the guide\'s intended use of `None` ("useful if your function is calling e.g. an external API which handles the rate limiting of requests itself"). For the queue default and the environment variable, the most demanding handler of the Space decides. On Gradio 3, where these parameters did not exist, `launch(enable_queue=False)` (up to `max_threads`, 40, requests in parallel) and `queue(concurrency_count=N)` with N ≥ `max_threads` are reported as info. The classification of handlers is spacelint\'s judgement.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\nfrom diffusers import DiffusionPipeline\n\npipe = DiffusionPipeline.from_pretrained("org/model").to("cuda")\n\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\nwith gr.Blocks() as demo:\n    prompt = gr.Textbox()\n    image = gr.Image()\n    btn = gr.Button()\n    btn.click(generate, prompt, image, concurrency_limit=None)\n\ndemo.launch()\n',
        },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\nfrom diffusers import DiffusionPipeline\n\npipe = DiffusionPipeline.from_pretrained("org/model").to("cuda")\n\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\nwith gr.Blocks() as demo:\n    prompt = gr.Textbox()\n    image = gr.Image()\n    btn = gr.Button()\n    btn.click(generate, prompt, image)\n\ndemo.queue(default_concurrency_limit=None).launch()\n',
        },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'app.py',
          code: '# reported as info: the handler only calls a remote API\nimport gradio as gr\nfrom huggingface_hub import InferenceClient\n\nclient = InferenceClient()\n\ndef chat(message, history):\n    return client.chat_completion([{"role": "user", "content": message}]).choices[0].message.content\n\ngr.ChatInterface(chat, concurrency_limit=None).launch()\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'app.py',
          code: 'import gradio as gr\nfrom diffusers import DiffusionPipeline\n\npipe = DiffusionPipeline.from_pretrained("org/model").to("cuda")\n\ndef generate(prompt):\n    return pipe(prompt).images[0]\n\nwith gr.Blocks() as demo:\n    prompt = gr.Textbox()\n    image = gr.Image()\n    btn = gr.Button()\n    btn.click(generate, prompt, image, concurrency_limit=2, concurrency_id="gpu")\n\ndemo.launch()\n',
        },
      ],
      howToFix: 'Remove `concurrency_limit=None` (back to one at a time), or set a number the hardware can hold; share a limit between events with `concurrency_id`.',
    },
  },
  check(space, report) {
    const gradio = space.facts.gradioVersion;
    const legacy = gradio.major !== undefined && gradio.major < 4;
    const modules = space.pythonPaths.map((p) => space.python(p)).filter((m): m is PythonModule => m !== undefined && importsGradio(m));
    if (legacy) {
      for (const module of modules) legacyChecks(space, module.path, gradio.version!, report);
      return;
    }
    const spaceWide = () => spaceWorkload(space);
    for (const module of modules) {
      const path = module.path;
      for (const handler of module.handlers) {
        const call = module.calls[handler.call];
        const arg = keywordArgument(call, 'concurrency_limit');
        if (!arg || constantOf(module, arg.value)?.kind !== 'none') continue;
        const name = handler.name ?? (handler.function !== undefined ? module.functions[handler.function].name : undefined);
        const subject = name && name !== '<lambda>' ? `\`${name}\`` : 'this handler';
        finding(space, report, handlerWorkload(space, path, handler), { what: '`concurrency_limit=None`', subject }, path, arg, call);
      }
      for (const call of gradioMethodCalls(module, 'queue')) {
        const arg = keywordArgument(call, 'default_concurrency_limit');
        if (!arg || constantOf(module, arg.value)?.kind !== 'none') continue;
        finding(space, report, spaceWide(), { what: '`queue(default_concurrency_limit=None)`', subject: 'every event' }, path, arg, call);
      }
      for (const write of module.envWrites) {
        const value = constantOf(module, write.value);
        if (write.name !== ENV_NAME || value?.kind !== 'string' || String(value.value).toLowerCase() !== 'none') continue;
        finding(space, report, spaceWide(), { what: `\`${ENV_NAME}=None\``, subject: 'every event' }, path, { range: write.range });
      }
    }
    for (const pair of space.dockerfile()?.env ?? []) {
      if (pair.name === ENV_NAME && pair.value.toLowerCase() === 'none' && modules.length) {
        finding(space, report, spaceWide(), { what: `\`ENV ${ENV_NAME}=None\``, subject: 'every event' }, 'Dockerfile', { range: pair.range });
      }
    }
  },
});

function finding(
  space: Space,
  report: (d: ReportDescriptor) => void,
  workload: Workload,
  data: { what: string; subject: string },
  file: string,
  at: { range: [number, number] } | PythonArgument,
  call?: PythonCall,
): void {
  const zeroGpu = space.facts.zeroGpu !== 'no';
  const suggestions =
    call && 'value' in at
      ? [{ desc: `Remove \`${(at as PythonArgument).name}=None\` (one request at a time)`, fix: { range: argumentRemovalRange(call, at as PythonArgument), text: '' } }]
      : undefined;
  if (workload === 'io') {
    report({ messageId: 'unboundedIo', data, file, range: at.range, suggestions });
    return;
  }
  const reason = workload === 'gpu' ? ' and it uses the GPU' : workload === 'model' ? ' and it runs a model' : zeroGpu ? ' on ZeroGPU' : '';
  report({ messageId: 'unbounded', data: { ...data, reason }, file, range: at.range, suggestions });
}

/** The most demanding handler of the Space decides for Space-wide settings; `io` only when every handler is I/O. */
function spaceWorkload(space: Space): Workload {
  return space.memo('gradio-space-workload', () => {
    let result: Workload | undefined;
    const rank: Record<Workload, number> = { io: 0, unknown: 1, model: 2, gpu: 3 };
    for (const path of space.pythonPaths) {
      for (const handler of space.python(path)?.handlers ?? []) {
        const w = handlerWorkload(space, path, handler);
        if (result === undefined || rank[w] > rank[result]) result = w;
      }
    }
    return result ?? 'unknown';
  });
}

/** Gradio 3: no per-event limits yet; `enable_queue=False` and a large `concurrency_count` run many requests at once. */
function legacyChecks(space: Space, path: string, version: string, report: (d: ReportDescriptor) => void): void {
  const module = space.python(path)!;
  const launches = gradioMethodCalls(module, 'launch');
  const maxThreads = launches.map((c) => constantOf(module, keywordArgument(c, 'max_threads')?.value)).find((v) => v?.kind === 'number')?.value as number | undefined;
  const threads = maxThreads ?? DEFAULT_MAX_THREADS;
  for (const call of launches) {
    const arg = keywordArgument(call, 'enable_queue');
    const value = constantOf(module, arg?.value);
    if (arg && value?.kind === 'bool' && value.value === false) {
      report({ messageId: 'legacy', data: { what: '`launch(enable_queue=False)`', version, count: threads }, file: path, range: arg.range });
    }
  }
  for (const call of gradioMethodCalls(module, 'queue')) {
    const arg = keywordArgument(call, 'concurrency_count');
    const value = constantOf(module, arg?.value);
    if (arg && value?.kind === 'number' && (value.value as number) >= threads) {
      report({ messageId: 'legacy', data: { what: `\`queue(concurrency_count=${value.value})\``, version, count: value.value as number }, file: path, range: arg.range });
    }
  }
}

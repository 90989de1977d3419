import type { PythonCall, PythonModule } from '../python/module.js';
import { hubDownload, preloadedRepos } from '../space/hf-cache.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'perf-startup-download-no-preload',
    category: 'performance',
    description: 'Models the app downloads when it starts are listed in `preload_from_hub`, so the build puts them in the image.',
    messages: {
      download: {
        level: 'info',
        text: '`{{repo}}` is downloaded when the app starts ({{how}}): that counts against the start-up timeout (30 minutes by default) and repeats after every restart. Add `- {{repo}}` to `preload_from_hub` in README.md so the build puts it in the image.',
      },
    },
    docs: {
      rationale:
        '`preload_from_hub` "optimizes the startup time by having the files ready when your application starts … particularly useful for Spaces that rely on large models" (https://huggingface.co/docs/hub/spaces-config-reference); start-up is cut off by `startup_duration_timeout` (default 30 minutes) (https://huggingface.co/docs/hub/spaces-config-reference). Reported (info): in the app\'s Python (the app file and the local modules it imports), a call that runs at import time — at module level, or in a function of the same file that module level calls — and downloads a model repo named by a literal or a module constant: `X.from_pretrained("org/model")`, `snapshot_download("org/model")`, `hf_hub_download("org/model", ...)`, `pipeline(model="org/model")`, `SentenceTransformer("org/model")`, when that repo is not in `preload_from_hub`. Not reported: repos of another type (`repo_type="dataset"`; preloading them is not documented), folders of the Space itself, calls inside event handlers (perf-model-load-per-request covers those). Caveats from the docs: private repos cannot be preloaded, and a custom `HF_HOME` bypasses the preloaded files (storage-preload-cache-mismatch). The edit is in README.md, another file than the finding, so the message gives the line to add instead of a suggestion. With the Hub (MCP), the repo size could raise large downloads to a warning (not done offline).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\n---\n' },
        { file: 'app.py', code: 'from diffusers import DiffusionPipeline\n\npipe = DiffusionPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\npreload_from_hub:\n  - black-forest-labs/FLUX.1-dev\n---\n' },
        { file: 'app.py', code: 'from diffusers import DiffusionPipeline\n\npipe = DiffusionPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")\n' },
      ],
      howToFix: 'List the repo under `preload_from_hub` in README.md (optionally with the files you need and a commit), and keep the default Hugging Face cache so the app finds the preloaded files.',
    },
  },
  check(space, report) {
    const preloaded = preloadedRepos(space);
    for (const module of space.appModules) {
      for (const call of startupCalls(module)) {
        const download = hubDownload(space, module, call);
        if (!download || preloaded.has(download.repo.toLowerCase())) continue;
        report({ messageId: 'download', data: { repo: download.repo, how: download.how }, file: module.path, range: download.range });
      }
    }
  },
});

/** Calls that run when the module is imported: module level, and one level into functions of the file it calls. */
function startupCalls(module: PythonModule): PythonCall[] {
  const out: PythonCall[] = [];
  const called = new Set<number>();
  for (const call of module.calls) {
    if (call.function !== undefined) continue;
    out.push(call);
    if (call.callee && !call.callee.includes('.')) {
      const fn = module.functions.findIndex((f) => f.name === call.callee && !f.lambda && f.parent === undefined && f.className === undefined);
      if (fn >= 0) called.add(fn);
    }
  }
  // Handlers are called per request, not at start-up.
  const handlers = new Set(module.handlers.map((h) => h.function));
  for (const fn of called) {
    if (handlers.has(fn)) continue;
    for (const call of module.calls) if (call.function === fn) out.push(call);
  }
  return out;
}

import type { Suggestion } from '../diagnostic.js';
import type { DockerInstruction } from '../parse/dockerfile.js';
import { execWords, mappedTokens, programName, shellCommands, subRange, type ShellWord } from '../parse/shell.js';
import { constantOf, type PythonModule } from '../python/module.js';
import type { Space } from '../space/space.js';
import { DOCKERFILE } from '../docker/runtime.js';
import { defineRule, type Report } from './rule.js';

/** `/data` as a path of its own inside a word (not `./data`, `/database`, `/home/user/data`). */
const DATA_PATH = /(^|[\s='"(:,])\/data(?=$|[/\s'")\],;:])/;
/** Commands the docs' own Permissions example runs on /data at build (spec §1.8 #3). */
const DATA_SETUP = new Set(['mkdir', 'chmod', 'chown', 'chgrp', 'ln']);
const DOWNLOAD_CALLS = /\b(?:from_pretrained|snapshot_download|hf_hub_download|load_dataset)\s*\(/;
const HF_CACHE_VARS = new Set(['HF_HOME', 'HF_HUB_CACHE']);

export default defineRule({
  meta: {
    id: 'docker-build-time-runtime-only',
    category: 'docker',
    description: 'Dockerfile `RUN` steps use neither `/data` nor the GPU, which exist only when the Space runs.',
    hasSuggestions: true,
    messages: {
      data: {
        level: 'warning',
        text: '`{{command}}` uses `/data` while the image builds, but volumes are mounted only when the Space runs: what the build writes there is hidden or missing at run time. Write these files elsewhere in the image, or create them when the app starts.',
      },
      copyData: {
        level: 'warning',
        text: '`{{keyword}}` puts files into `/data` at build time; a volume mounted at `/data` hides them when the Space runs. Copy them elsewhere (for example under /home/user/app).',
      },
      gpu: {
        level: 'warning',
        text: '{{what}} runs while the image builds, but Docker builds have no GPU: it fails or finds no CUDA. Run GPU checks and CUDA work when the app starts.',
      },
      cacheInImage: {
        level: 'warning',
        text: 'This step downloads from the Hub while `{{variable}}` points into `/data` (line {{line}}): the files land in an image layer that the runtime volume hides, so the app downloads them again. Download when the app starts, or list the repo in `preload_from_hub`.',
      },
    },
    docs: {
      rationale:
        '"At the moment, `/data` volume is only available at runtime, i.e. you cannot use `/data` during the build step of your Dockerfile." and "During Docker buildtime, you don\'t have access to a GPU hardware. Therefore, you should not try to run any GPU-related command during the build step of your Dockerfile. For example, you can\'t run `nvidia-smi` or `torch.cuda.is_available()` building an image." (https://huggingface.co/docs/hub/spaces-sdks-docker). Reported in `RUN` steps (shell and exec form, every command of `a && b`, the code of `python -c "..."`, and module-level calls of repo scripts run with `python script.py`): (1) `/data` as a path (written, downloaded to, `cd`), except `mkdir`, `chmod`, `chown`, `chgrp` and `ln` on it, which the docs\' own Permissions example runs; relative `./data` and other folders are fine; (2) GPU use: `nvidia-smi`, `torch.cuda.*` (also `is_available()`), `--gpus`; (3) a Hub download (`from_pretrained`, `snapshot_download`, `hf_hub_download`, `load_dataset`, `huggingface-cli download`, `hf download`) after `ENV HF_HOME` or `ENV HF_HUB_CACHE` points into `/data`: the files go into an image layer, not onto the runtime mount (spacelint\'s reading of point 1). Also `COPY`/`ADD` into `/data`, hidden by a volume mounted there (spacelint\'s judgement). A `RUN` that only checks the GPU gets a suggestion to remove it; the other cases need a decision about where the files should live, so they have none.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nRUN python -c "import torch; assert torch.cuda.is_available()"\nRUN wget -O /data/model.bin https://example.com/model.bin\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nRUN mkdir -p /data && chmod 777 /data\nRUN wget -O /home/user/app/models/model.bin https://example.com/model.bin\n' },
      ],
      howToFix: 'Keep build-time files in the image (e.g. /home/user/app), move `/data` work and GPU checks to the app start-up, and use `preload_from_hub` for model weights.',
    },
  },
  check(space, report) {
    if (space.facts.sdk !== 'docker') return;
    const docker = space.dockerfile();
    const text = space.text(DOCKERFILE);
    if (!docker || text === undefined) return;
    let hfCache: { variable: string; line: number } | undefined;
    for (const inst of docker.instructions) {
      if (inst.keyword === 'FROM') hfCache = undefined;
      if (inst.keyword === 'ENV') {
        for (const pair of docker.env) {
          if (pair.instruction !== inst || !HF_CACHE_VARS.has(pair.name)) continue;
          hfCache = DATA_PATH.test(pair.value) ? { variable: pair.name, line: inst.line } : undefined;
        }
      } else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        const parts = inst.exec ?? inst.tokens.map((t) => t.value);
        const dest = parts[parts.length - 1];
        if (parts.length >= 2 && dest !== undefined && /^\/data(\/|$)/.test(dest)) report({ messageId: 'copyData', data: { keyword: inst.keyword }, file: DOCKERFILE, range: inst.range });
      } else if (inst.keyword === 'RUN') {
        checkRun(space, text, inst, hfCache, report);
      }
    }
  },
});

function checkRun(space: Space, text: string, inst: DockerInstruction, hfCache: { variable: string; line: number } | undefined, report: Report): void {
  const m = mappedTokens(inst.tokens);
  const commands = inst.exec ? [{ words: execWords(m) ?? [] }] : shellCommands(m);
  let gpu: { what: string; range: [number, number] } | undefined;
  let data: { command: string; range: [number, number] } | undefined;
  let download: [number, number] | undefined;
  for (const { words } of commands) {
    if (!words.length) continue;
    const program = programName(words[0].value);
    // The program and its first argument: enough to find the step, never a whole command that may hold a secret.
    const shown = words.length > 1 && /^-/.test(words[1].value) ? `${program} ${words[1].value} …` : words.length > 1 ? `${program} …` : program;
    if (program === 'nvidia-smi') gpu ??= { what: '`nvidia-smi`', range: words[0].range };
    for (const w of words) {
      const cuda = w.value.indexOf('torch.cuda.');
      if (cuda >= 0) gpu ??= { what: `\`${/torch\.cuda\.[\w.]*(\(\))?/.exec(w.value.slice(cuda))![0]}\``, range: subRange(w, cuda, cuda + 'torch.cuda'.length) };
      if (w.value === '--gpus' || w.value.startsWith('--gpus=')) gpu ??= { what: '`--gpus`', range: w.range };
      if (!DATA_SETUP.has(program)) {
        const d = DATA_PATH.exec(w.value);
        if (d) {
          const at = d.index + d[1].length;
          data ??= { command: shown, range: subRange(w, at, at + 5) };
        }
      }
      if (DOWNLOAD_CALLS.test(w.value)) download ??= w.range;
    }
    if ((program === 'huggingface-cli' || program === 'hf') && words[1]?.value === 'download') download ??= words[0].range;
    const script = pythonScript(space, words);
    if (script) {
      const facts = scriptFacts(script);
      if (facts.gpu) gpu ??= { what: `\`${facts.gpu}\` in ${script.path}`, range: words[0].range };
      if (facts.data && !data) data = { command: shown, range: words[0].range };
      if (facts.download) download ??= words[0].range;
    }
  }
  if (gpu) {
    const onlyCheck = commands.length === 1;
    const suggestions: Suggestion[] = onlyCheck ? [{ desc: 'Remove this RUN step', fix: { range: lineRange(text, inst.range), text: '' } }] : [];
    report({ messageId: 'gpu', data: { what: gpu.what }, file: DOCKERFILE, range: gpu.range, suggestions });
  }
  if (data) report({ messageId: 'data', data: { command: data.command }, file: DOCKERFILE, range: data.range });
  else if (download && hfCache) report({ messageId: 'cacheInImage', data: hfCache, file: DOCKERFILE, range: download });
}

/** `python script.py` with a script of the repo. */
function pythonScript(space: Space, words: ShellWord[]): PythonModule | undefined {
  if (!/^python(\d+(\.\d+)?)?$/.test(programName(words[0].value))) return undefined;
  const file = words.slice(1).find((w) => !w.value.startsWith('-'));
  if (!file?.value.endsWith('.py')) return undefined;
  const path = space.docker.repoPath(file.value);
  return path ? space.python(path) : undefined;
}

/** What a build-time script does at module level: GPU calls, `/data` paths, Hub downloads. */
function scriptFacts(module: PythonModule): { gpu?: string; data: boolean; download: boolean } {
  let gpu: string | undefined;
  let data = false;
  let download = false;
  for (const call of module.calls) {
    if (call.function !== undefined) continue;
    if (call.qualified?.startsWith('torch.cuda.')) gpu ??= `${call.qualified}()`;
    if (call.name && ['from_pretrained', 'snapshot_download', 'hf_hub_download', 'load_dataset'].includes(call.name)) download = true;
    if (
      call.args.some((a) => {
        const v = constantOf(module, a.value);
        return v?.kind === 'string' && /^\/data(\/|$)/.test(String(v.value));
      })
    )
      data = true;
  }
  return { gpu, data, download };
}

/** The instruction's lines, line break included (removing them leaves no blank line). */
function lineRange(text: string, range: [number, number]): [number, number] {
  const start = text.lastIndexOf('\n', range[0] - 1) + 1;
  const nl = text.indexOf('\n', range[1]);
  return [start, nl < 0 ? text.length : nl + 1];
}

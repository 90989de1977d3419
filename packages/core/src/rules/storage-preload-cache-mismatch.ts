import type { Suggestion } from '../diagnostic.js';
import { argumentRemovalRange, keywordArgument } from '../python/arguments.js';
import type { Space } from '../space/space.js';
import { hubDownload, isDefaultCache, preloadedRepos, type HfCacheSetting } from '../space/hf-cache.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'storage-preload-cache-mismatch',
    category: 'storage',
    description: 'Files preloaded with `preload_from_hub` are read from the default cache: no `HF_HOME`/`HF_HUB_CACHE` override and no `cache_dir=` for preloaded repos.',
    hasSuggestions: true,
    messages: {
      cacheMoved: {
        level: 'warning',
        text: '`{{name}}={{value}}` moves the Hugging Face cache, but `preload_from_hub` puts files in the default cache (`~/.cache/huggingface/hub`) and does not follow `{{name}}`: the app downloads the preloaded repos again at start-up. Remove the override, or drop `preload_from_hub`.',
      },
      cacheDir: {
        level: 'warning',
        text: '`{{argument}}` makes {{how}} look for `{{repo}}` outside the default cache, where `preload_from_hub` put it: the app downloads it again at start-up. Remove `{{keyword}}=`.',
      },
    },
    docs: {
      rationale:
        "\"Files are saved in the default `huggingface_hub` disk cache `~/.cache/huggingface/hub`. If your application expects them elsewhere or you changed your `HF_HOME` variable, this preloading does not follow that at this time.\" (https://huggingface.co/docs/hub/spaces-config-reference). With `preload_from_hub` set, reported: `HF_HOME` or `HF_HUB_CACHE` set to anything but the default (`~/.cache/huggingface`, `$HOME/...`, `/home/user/...`) in a Docker Space's `ENV` or in the app's Python; and `cache_dir=` or `local_dir=` on `from_pretrained`, `hf_hub_download` or `snapshot_download` of a repo listed in `preload_from_hub` (the repo given as a literal or a module constant; that `local_dir=` also bypasses the cache is spacelint's reading of huggingface_hub: it writes the files there, https://huggingface.co/docs/huggingface_hub/guides/download). The suggestions remove the override (one-line Python statements, single-variable ENV instructions) or the keyword argument; both change where files go, so they are suggestions, not fixes.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\npreload_from_hub:\n  - coqui/XTTS-v1\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nENV HF_HOME=/data/.huggingface\nCOPY . .\nCMD ["python", "app.py"]\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\napp_file: app.py\npreload_from_hub:\n  - stabilityai/sdxl-turbo\n---\n' },
        { file: 'app.py', code: 'from diffusers import AutoPipelineForText2Image\n\npipe = AutoPipelineForText2Image.from_pretrained("stabilityai/sdxl-turbo")\n' },
      ],
      howToFix: 'Keep the default cache when you preload: remove `HF_HOME`/`HF_HUB_CACHE` overrides and `cache_dir=`/`local_dir=` for preloaded repos, or stop preloading those repos.',
    },
  },
  check(space, report) {
    const preloaded = preloadedRepos(space);
    if (!preloaded.size) return;
    for (const s of space.hfCache.settings) {
      const value = s.value ?? s.raw;
      if (value !== undefined && isDefaultCache(s.name, value)) continue;
      report({ messageId: 'cacheMoved', data: { name: s.name, value: value ?? '…' }, file: s.file, range: s.range, suggestions: removal(space, s) });
    }
    for (const module of space.appModules) {
      for (const call of module.calls) {
        const download = hubDownload(space, module, call);
        if (!download || !preloaded.has(download.repo.toLowerCase())) continue;
        for (const keyword of ['cache_dir', 'local_dir']) {
          const arg = keywordArgument(call, keyword);
          if (!arg) continue;
          const argument = space.text(module.path)!.slice(arg.range[0], arg.range[1]);
          report({
            messageId: 'cacheDir',
            data: { argument: argument.length > 50 ? `${keyword}=…` : argument, how: download.how, repo: download.repo, keyword },
            file: module.path,
            range: arg.range,
            suggestions: [{ desc: `Remove \`${keyword}=\``, fix: { range: argumentRemovalRange(call, arg), text: '' } }],
          });
        }
      }
    }
  },
});

/** Deletes the line(s) of a one-line Python write or of an ENV instruction that sets only this variable. */
function removal(space: Space, s: HfCacheSetting): Suggestion[] {
  const text = space.text(s.file)!;
  let range: [number, number] | undefined;
  if (s.source === 'dockerfile') {
    const inst = space.dockerfile()?.instructions.find((i) => i.keyword === 'ENV' && i.range[0] <= s.range[0] && i.range[1] >= s.range[1]);
    if (inst && space.dockerfile()!.env.filter((p) => p.instruction === inst).length === 1) range = inst.range;
  } else if (s.write && s.module) {
    const statement = s.module.statements[s.write.statementIndex];
    if (statement && statement[0] <= s.range[0] && statement[1] >= s.range[1] && !text.slice(statement[0], statement[1]).includes('\n')) range = statement;
  }
  if (!range) return [];
  const start = text.lastIndexOf('\n', range[0] - 1) + 1;
  if (text.slice(start, range[0]).trim() !== '') return [];
  const nl = text.indexOf('\n', range[1]);
  const end = nl < 0 ? text.length : nl + 1;
  if (
    text.slice(range[1], nl < 0 ? text.length : nl).trim() !== '' &&
    !text
      .slice(range[1], nl < 0 ? text.length : nl)
      .trim()
      .startsWith('#')
  )
    return [];
  return [{ desc: `Remove the ${s.name} override`, fix: { range: [start, end], text: '' } }];
}

import type { AST } from 'yaml-eslint-parser';
import type { Suggestion } from '../diagnostic.js';
import { unwrap } from '../parse/frontmatter.js';
import { quoteYaml, removeSequenceItemFix, replaceScalarFix, sourceOf } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule, type ReportDescriptor } from './rule.js';

/** Repo id: `owner/name` or a legacy bare name (inferred, spec C10). */
const REPO_ID = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/;
const REVISION = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export default defineRule({
  meta: {
    id: 'config-preload-from-hub',
    category: 'config',
    description: '`preload_from_hub` is a list of `"repo"`, `"repo file1,file2"` or `"repo file1,file2 commit_sha"` strings.',
    hasSuggestions: true,
    messages: {
      notList: { level: 'error', text: '`preload_from_hub` must be a list of strings (one repo per item), not {{actual}}.' },
      mapping: {
        level: 'error',
        text: 'A `preload_from_hub` item must be a string like `"owner/name file1,file2"`, not a mapping{{hint}}.',
      },
      notString: { level: 'error', text: 'A `preload_from_hub` item must be a string like `"owner/name"`, not {{actual}}.' },
      spacedFiles: {
        level: 'error',
        text: '`{{value}}`: the file list must be comma-separated without spaces (`repo file1,file2 [commit]`); as written the builder reads the wrong parts.',
      },
      tooManyParts: { level: 'error', text: '`{{value}}` has {{count}} parts: an item is `repo`, `repo files` or `repo files commit_sha`.' },
      repoId: { level: 'error', text: '`{{repo}}` is not a Hub repo id (`owner/name`){{hint}}.' },
      repoType: {
        level: 'warning',
        text: '`{{repo}}`: preloading {{type}} repos is not documented (the docs show model repos only); check that the build really downloads it.',
      },
      files: { level: 'error', text: 'File list `{{files}}` of `{{repo}}`: {{problem}}.' },
      revision: { level: 'error', text: '`{{revision}}` is not a commit SHA: the third part must be a full 40-character commit hash (branch and tag names are not accepted).' },
      duplicate: { level: 'info', text: '`{{repo}}` is preloaded more than once; merge the items into one.' },
    },
    docs: {
      rationale:
        'Format quoted from the config reference (https://huggingface.co/docs/hub/spaces-config-reference): "The format for each item is `"repository_name"` to download all files from a repository, or `"repository_name file1,file2"` for downloading specific files within that repository. You can also specify a specific commit to download using the format `"repository_name file1,file2 commit_sha256"`." So each item is a string of 1–3 space-separated parts, files comma-separated without spaces. The docs say "commit_sha256" but their example is a 40-hex git SHA-1, so both 40- and 64-hex are accepted. The repo id pattern (`owner/name` or a legacy bare name such as `gpt2`) is spacelint\'s judgement from the ids the Hub shows. A mapping item (`- repo_id: owner/name`) is a shape seen in the wild that does not match the format. Whether dataset or Space repos can be preloaded is not documented (the docs speak of "models or other large files" and show only model repos), so `datasets/…`/`spaces/…` ids are a warning, not an error. Duplicate repos are only an info. Checks that need the Hub (the repo exists, is not private: "Preloading of private repos is not supported yet") belong to the MCP/Hub side.',
      incorrect: [{ file: 'README.md', code: '---\nsdk: gradio\npreload_from_hub:\n  - repo_id: openai-community/gpt2\n  - coqui/XTTS-v1 config.json, model.pth\n---\n' }],
      correct: [
        {
          file: 'README.md',
          code: '---\nsdk: gradio\npreload_from_hub:\n  - coqui/XTTS-v1\n  - openai-community/gpt2 config.json 11c5a3d5811f50298f278a704980280950aedb10\n---\n',
        },
      ],
      howToFix: 'Write each item as one string: the repo id, then optionally the comma-separated files, then optionally a full commit SHA.',
    },
  },
  check(space, report) {
    const e = frontMatterOf(space)?.byKey.get('preload_from_hub');
    if (!e?.valueNode || e.value === null) return;
    const node = e.valueNode;
    if (node.type !== 'YAMLSequence') {
      const suggestions: Suggestion[] = typeof e.value === 'string' ? [{ desc: 'Make it a one-item list', fix: { range: node.range, text: `[${quoteYaml(e.value)}]` } }] : [];
      report({
        messageId: 'notList',
        data: { actual: typeof e.value === 'string' ? 'a string' : typeof e.value === 'object' ? 'a mapping' : String(e.value) },
        file: README,
        range: node.range,
        suggestions,
      });
      return;
    }
    const seen = new Map<string, number>();
    node.entries.forEach((entry, index) => {
      const item = unwrap(entry);
      if (!item) return;
      const at = (messageId: string, data: Record<string, string | number>, suggestions: Suggestion[] = []): ReportDescriptor => ({
        messageId,
        data,
        file: README,
        range: item.range,
        suggestions,
      });
      if (item.type === 'YAMLMapping') {
        const repo = mappingRepo(item);
        report(at('mapping', { hint: repo ? ` (write \`- ${repo}\`)` : '' }, repo ? [{ desc: `Use \`${repo}\``, fix: { range: item.range, text: repo } }] : []));
        return;
      }
      if (item.type !== 'YAMLScalar' || typeof item.value !== 'string') {
        const actual = item.type === 'YAMLSequence' ? 'a list' : item.type === 'YAMLScalar' ? `\`${sourceOf(space, item)}\`` : 'an alias';
        report(at('notString', { actual }));
        return;
      }
      const value = item.value.trim();
      // Blanks around a comma, found part by part: `/\s+,/` and `/\s*,\s*/g` retried a long run of blanks
      // at each of its characters.
      const commaParts = value.split(',');
      if (commaParts.some((p, i) => (i > 0 && /^\s+\S/.test(p)) || (i < commaParts.length - 1 && p !== p.trimEnd()))) {
        const joined = commaParts.map((p) => p.trim()).join(',');
        report(at('spacedFiles', { value }, joined.split(/\s+/).length <= 3 ? [{ desc: `Use \`${joined}\``, fix: replaceScalarFix(space, item, joined) }] : []));
        return;
      }
      const parts = value.split(/\s+/).filter(Boolean);
      if (parts.length === 0) return;
      if (parts.length > 3) {
        report(at('tooManyParts', { value, count: parts.length }));
        return;
      }
      const [repo, files, revision] = parts;
      const typed = /^(datasets|spaces)\/([^/]+\/[^/]+)$/.exec(repo);
      if (typed) {
        report(at('repoType', { repo, type: typed[1] === 'datasets' ? 'dataset' : 'Space' }));
      } else if (!REPO_ID.test(repo)) {
        const id = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/([\w.-]+\/[\w.-]+)\/?$/.exec(repo)?.[1];
        const fixed = id ? [id, ...parts.slice(1)].join(' ') : undefined;
        report(at('repoId', { repo, hint: id ? ` (did you mean \`${id}\`?)` : '' }, fixed ? [{ desc: `Use \`${fixed}\``, fix: replaceScalarFix(space, item, fixed) }] : []));
        return;
      }
      if (files !== undefined) {
        const list = files.split(',');
        const problem = list.some((f) => f === '') ? 'an empty entry (a stray comma)' : list.some((f) => f.startsWith('/')) ? 'paths are relative to the repo root, without a leading `/`' : undefined;
        if (problem) report(at('files', { files, repo, problem }));
      }
      if (revision !== undefined && !REVISION.test(revision)) report(at('revision', { revision }));
      const before = seen.get(repo);
      if (before !== undefined) {
        const removal = removeSequenceItemFix(space, node, index);
        report(at('duplicate', { repo }, removal ? [{ desc: 'Remove this item', fix: removal }] : []));
      } else seen.set(repo, index);
    });
  },
});

/** `{repo_id: owner/name}` / `{repo: ...}` / `{name: ...}` → the repo id, when it is a string. */
function mappingRepo(item: AST.YAMLMapping): string | undefined {
  for (const pair of item.pairs) {
    const key = unwrap(pair.key);
    const value = unwrap(pair.value);
    if (key?.type === 'YAMLScalar' && ['repo_id', 'repo', 'id', 'name', 'model'].includes(String(key.value)) && value?.type === 'YAMLScalar' && typeof value.value === 'string') {
      return REPO_ID.test(value.value) ? value.value : undefined;
    }
  }
  return undefined;
}

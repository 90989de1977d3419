import type { AST } from 'yaml-eslint-parser';
import type { Suggestion } from '../diagnostic.js';
import type { FrontMatterEntry } from '../parse/frontmatter.js';
import { unwrap } from '../parse/frontmatter.js';
import { isPep440Version } from '../parse/pep440.js';
import { CONFIG_KEYS, CONFIG_LIMITS, type KeyType } from '../reference/spaces.js';
import type { Space } from '../space/space.js';
import { hasExplicitTag, isPlainScalar, quoteScalarFix, sourceOf } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule, type Report } from './rule.js';

/** Keys whose type and format a dedicated rule checks, so each problem is reported once. */
const CHECKED_ELSEWHERE: Record<string, string> = {
  python_version: 'config-python-version',
  startup_duration_timeout: 'config-startup-duration-timeout',
  preload_from_hub: 'config-preload-from-hub',
  custom_headers: 'config-custom-headers',
};

const TYPE_NAMES: Record<KeyType, string> = {
  string: 'a string',
  boolean: 'a boolean (`true` or `false`)',
  integer: 'an integer',
  'string-list': 'a list of strings',
  'string-or-list': 'a string or a list of strings',
  mapping: 'a mapping',
};

const TRUE_WORDS = ['true', 'yes', 'on', '1', 'y'];
const FALSE_WORDS = ['false', 'no', 'off', '0', 'n'];
/** `owner/name` or a bare legacy name (`gpt2`) (inferred repo-id shape, spec C4). */
const REPO_ID = /^[\w.-]+(\/[\w.-]+)?$/;

export default defineRule({
  meta: {
    id: 'config-value-type',
    category: 'config',
    description: 'README keys have the documented YAML type (string, boolean, integer, list) and simple format.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      numberForString: {
        level: 'error',
        text: '`{{key}}: {{raw}}` is read by YAML as the number {{parsed}}, not the string "{{raw}}". Quote it: `{{key}}: "{{raw}}"`.',
      },
      sdkVersionFloat: {
        level: 'error',
        text: '`sdk_version: {{raw}}` is read by YAML as the number {{parsed}}, so the builder would install `gradio=={{parsed}}`. Quote it: `sdk_version: "{{raw}}"`.',
      },
      sdkVersionFormat: {
        level: 'error',
        text: '`sdk_version: {{value}}` is not a version: the builder runs `pip install gradio=={{value}}`, which fails. Use a release such as "5.49.1".',
      },
      wrongType: { level: 'error', text: '`{{key}}` must be {{expected}}, not {{actual}}: a wrong type can stop the Space with a configuration error.' },
      wrongItemType: { level: 'error', text: 'Each entry of `{{key}}` must be a string, not {{actual}}.' },
      numericString: {
        level: 'warning',
        text: '`{{key}}: {{raw}}` is a string; the config reference types it as an integer. Write it without quotes: `{{key}}: {{value}}`.',
      },
      portRange: { level: 'error', text: '`app_port: {{value}}` is not a TCP port: use a number from 1 to 65535 (default 7860).' },
      shortDescription: {
        level: 'warning',
        text: '`short_description` is {{length}} characters; the Hub rejects more than {{max}}. Shorten it (it is shown on the Space card).',
      },
      emoji: { level: 'warning', text: '`emoji: {{value}}` should be emoji only ("emoji-only character allowed"); remove the other characters.' },
      thumbnail: { level: 'warning', text: '`thumbnail: {{value}}` is not an http(s) URL: the Hub uses it as the social-sharing image URL.' },
      repoId: {
        level: 'warning',
        text: '`{{value}}` in `{{key}}` is not a Hub repo id (`owner/name`){{hint}}: the Space page cannot link it.',
      },
    },
    docs: {
      rationale:
        'Types follow the config reference (https://huggingface.co/docs/hub/spaces-config-reference): booleans `pinned`, `fullWidth`, `hf_oauth`, `disable_embedding`; integers `app_port`, `hf_oauth_expiration_minutes`; lists of strings `models`, `datasets`, `tags`, `hf_oauth_scopes`; string or list `license`, `hf_oauth_authorized_org`; strings for the rest. A wrong type shows up as a "Configuration error" on the Hub (e.g. https://github.com/huggingface/huggingface_hub/issues/3244), so it is an error.\n\n' +
        'The YAML float trap: an unquoted `sdk_version: 5.0` is the number 5 and `5.10` is 5.1 (YAML 1.2 core schema: https://yaml.org/spec/1.2.2/#1032-tag-resolution), while the builder installs `gradio[oauth]==<sdk_version>`. The autofix quotes the source token, `5.0` → `"5.0"`: that is safe because it keeps exactly what the author typed. The same quoting fix applies to any string key written as a bare number or boolean (`title: 2048`). `python_version` has the same trap but is reported by `config-python-version` only; `startup_duration_timeout`, `preload_from_hub` and `custom_headers` are checked by their own rules.\n\n' +
        'Format limits: `short_description` longer than 60 characters is rejected by the Hub although the docs give no limit (public fixes after 64- and 88-character values were rejected (https://github.com/nekuda-ai/WindTunnel/pull/20, https://github.com/QUD-Technologies/quranic-universal-audio/pull/112)); counted in Unicode code points (spacelint\'s judgement). `emoji` must be emoji only ("emoji-only character allowed"). `thumbnail` is a URL for social sharing, so it must be http(s). These three are warnings because the Hub\'s exact checks are not documented. `app_port` must be 1–65535; a quoted number is only a warning because huggingface_hub types it as `str` in a docstring while its constructor takes an int (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/repocard_data.py). `models`/`datasets` entries should look like `owner/name` (shape `^[\\w.-]+(/[\\w.-]+)?$`, spacelint\'s judgement from the ids the Hub shows); a pasted Hub URL gets a suggestion that keeps only the id. Turning a quoted `"false"` into `false` or `"8080"` into `8080` changes the parsed value, so those are suggestions, not autofixes.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: 5.0\npinned: "no"\napp_port: "8080"\nshort_description: Explore the canonical benchmark of browser agents, with charts\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.0"\npinned: false\nshort_description: Text-to-image demo\nmodels:\n  - openai-community/gpt2\n---\n' }],
      howToFix: 'Quote versions (`--fix` does it), write booleans as `true`/`false` and ports as bare numbers, keep `short_description` to 60 characters.',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    for (const e of fm.entries) {
      const info = Object.hasOwn(CONFIG_KEYS, e.key) ? CONFIG_KEYS[e.key] : undefined;
      if (!info || Object.hasOwn(CHECKED_ELSEWHERE, e.key) || e.value === null || !e.valueNode || hasExplicitTag(e.valueNode)) continue;
      if (e.key === 'sdk_version') {
        // Docker and static Spaces install no Gradio from it; config-key-sdk-mismatch says the key does nothing.
        if (space.facts.sdk !== 'docker' && space.facts.sdk !== 'static') checkSdkVersion(space, e, report);
        continue;
      }
      switch (info.type) {
        case 'string':
          if (expectString(space, e, e.valueNode, report) && typeof e.value === 'string') checkStringFormat(e, e.value, report);
          break;
        case 'boolean':
          checkBoolean(e, report);
          break;
        case 'integer':
          checkInteger(space, e, report);
          break;
        case 'string-list':
        case 'string-or-list':
          checkList(space, e, info.type, report);
          break;
        case 'mapping':
          break;
      }
    }
  },
});

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the string ${JSON.stringify(value)}`;
}

/** A string is expected: report anything else; a bare number/boolean gets the quoting autofix. */
function expectString(space: Space, e: FrontMatterEntry, node: AST.YAMLContent, report: Report, asItem = false): boolean {
  const value = node.type === 'YAMLScalar' ? node.value : e.value;
  if (typeof value === 'string') return true;
  if (value === null && asItem) return true;
  const fix = typeof value === 'number' || typeof value === 'boolean' ? quoteScalarFix(space, node) : undefined;
  if (fix) {
    const raw = sourceOf(space, node);
    report({ messageId: 'numberForString', data: { key: e.key, raw, parsed: String(value) }, file: README, range: node.range, fix });
    return false;
  }
  if (asItem) report({ messageId: 'wrongItemType', data: { key: e.key, actual: describeValue(value) }, file: README, range: node.range });
  else report({ messageId: 'wrongType', data: { key: e.key, expected: TYPE_NAMES.string, actual: describeValue(value) }, file: README, range: node.range });
  return false;
}

function checkSdkVersion(space: Space, e: FrontMatterEntry, report: Report): void {
  const node = e.valueNode!;
  if (typeof e.value === 'number' && isPlainScalar(node)) {
    const raw = sourceOf(space, node);
    report({ messageId: 'sdkVersionFloat', data: { raw, parsed: String(e.value) }, file: README, range: node.range, fix: quoteScalarFix(space, node) });
    return;
  }
  if (typeof e.value !== 'string') {
    report({ messageId: 'wrongType', data: { key: e.key, expected: TYPE_NAMES.string, actual: describeValue(e.value) }, file: README, range: node.range });
    return;
  }
  const version = e.value.trim();
  if (version && !isPep440Version(version)) report({ messageId: 'sdkVersionFormat', data: { value: version }, file: README, range: node.range });
}

function checkStringFormat(e: FrontMatterEntry, value: string, report: Report): void {
  const range = e.valueNode!.range;
  if (e.key === 'short_description') {
    const length = [...value].length;
    if (length > CONFIG_LIMITS.shortDescriptionMax) {
      report({ messageId: 'shortDescription', data: { length, max: CONFIG_LIMITS.shortDescriptionMax }, file: README, range });
    }
  } else if (e.key === 'emoji') {
    if (!isEmojiOnly(value)) report({ messageId: 'emoji', data: { value }, file: README, range });
  } else if (e.key === 'thumbnail') {
    if (!isHttpUrl(value.trim())) report({ messageId: 'thumbnail', data: { value }, file: README, range });
  }
}

/** Only emoji: pictographs, flags, keycaps, joined by ZWJ, with variation selectors, skin tones and tags. */
export function isEmojiOnly(value: string): boolean {
  const rest = value
    .trim()
    .replace(/[#*0-9]\uFE0F?\u20E3/gu, '\u{1F600}')
    .replace(/[\u200D\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/gu, '');
  return rest.length > 0 && /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})+$/u.test(rest);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkBoolean(e: FrontMatterEntry, report: Report): void {
  if (typeof e.value === 'boolean') return;
  const node = e.valueNode!;
  const word = typeof e.value === 'string' || typeof e.value === 'number' ? String(e.value).trim().toLowerCase() : undefined;
  const meant = word === undefined ? undefined : TRUE_WORDS.includes(word) ? 'true' : FALSE_WORDS.includes(word) ? 'false' : undefined;
  const suggestions: Suggestion[] = meant ? [{ desc: `Use \`${e.key}: ${meant}\``, fix: { range: node.range, text: meant } }] : [];
  report({
    messageId: 'wrongType',
    data: { key: e.key, expected: TYPE_NAMES.boolean, actual: describeValue(e.value) },
    file: README,
    range: node.range,
    suggestions,
  });
}

function checkInteger(space: Space, e: FrontMatterEntry, report: Report): void {
  const node = e.valueNode!;
  const value = e.value;
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (e.key === 'app_port') {
      const [min, max] = CONFIG_LIMITS.portRange;
      if (value < min || value > max) report({ messageId: 'portRange', data: { value }, file: README, range: node.range });
    }
    return;
  }
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    const digits = value.trim();
    if (e.key === 'app_port' && (Number(digits) < CONFIG_LIMITS.portRange[0] || Number(digits) > CONFIG_LIMITS.portRange[1])) {
      report({ messageId: 'portRange', data: { value: digits }, file: README, range: node.range });
      return;
    }
    report({
      messageId: 'numericString',
      data: { key: e.key, raw: sourceOf(space, node), value: digits },
      file: README,
      range: node.range,
      suggestions: [{ desc: `Use \`${e.key}: ${digits}\``, fix: { range: node.range, text: digits } }],
    });
    return;
  }
  report({ messageId: 'wrongType', data: { key: e.key, expected: TYPE_NAMES.integer, actual: describeValue(value) }, file: README, range: node.range });
}

function checkList(space: Space, e: FrontMatterEntry, type: 'string-list' | 'string-or-list', report: Report): void {
  const node = e.valueNode!;
  if (node.type === 'YAMLSequence') {
    node.entries.forEach((item) => {
      const inner = unwrap(item);
      if (!inner) return;
      if (inner.type !== 'YAMLScalar') {
        report({
          messageId: 'wrongItemType',
          data: { key: e.key, actual: inner.type === 'YAMLMapping' ? 'a mapping' : inner.type === 'YAMLSequence' ? 'a list' : 'an alias' },
          file: README,
          range: inner.range,
        });
        return;
      }
      if (!expectString(space, e, inner, report, true) || typeof inner.value !== 'string') return;
      if (e.key === 'models' || e.key === 'datasets') checkRepoId(e, inner, inner.value, report);
    });
    return;
  }
  if (type === 'string-or-list' && node.type === 'YAMLScalar') {
    expectString(space, e, node, report);
    return;
  }
  const suggestions: Suggestion[] = [];
  if (node.type === 'YAMLScalar' && typeof node.value === 'string') {
    suggestions.push({ desc: `Make it a one-item list`, fix: { range: node.range, text: `[${sourceOf(space, node)}]` } });
  }
  report({ messageId: 'wrongType', data: { key: e.key, expected: TYPE_NAMES[type], actual: describeValue(e.value) }, file: README, range: node.range, suggestions });
}

function checkRepoId(e: FrontMatterEntry, node: AST.YAMLScalar, value: string, report: Report): void {
  if (REPO_ID.test(value)) return;
  const kind = e.key === 'datasets' ? 'datasets/' : '';
  const fromUrl = new RegExp(`^https?://(?:www\\.)?(?:huggingface\\.co|hf\\.co)/${kind}([\\w.-]+/[\\w.-]+)/?$`).exec(value.trim());
  const id = fromUrl?.[1];
  report({
    messageId: 'repoId',
    data: { key: e.key, value, hint: id ? ` (did you mean \`${id}\`?)` : '' },
    file: README,
    range: node.range,
    suggestions: id ? [{ desc: `Use \`${id}\``, fix: { range: node.range, text: id } }] : [],
  });
}

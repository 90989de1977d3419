import type { Fix } from '../diagnostic.js';
import type { FrontMatter } from '../parse/frontmatter.js';
import { unwrap } from '../parse/frontmatter.js';
import type { Space } from '../space/space.js';
import { closestMatch } from '../reference/closest-match.js';
import { insertKeyFix, removeSequenceItemFix, replaceScalarFix } from '../readme/edit.js';
import { configAnchor, frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

const OAUTH_KEYS = ['hf_oauth_scopes', 'hf_oauth_expiration_minutes', 'hf_oauth_authorized_org'];
/** What in Python code needs `hf_oauth: true` on a Space (hub-docs spaces-oauth.md; Gradio's LoginButton/OAuthProfile). */
const OAUTH_CODE = /\b(OAUTH_CLIENT_ID|OAUTH_CLIENT_SECRET|OAUTH_SCOPES|OPENID_PROVIDER_URL|LoginButton|OAuthProfile|OAuthToken|attach_huggingface_oauth)\b/;

export default defineRule({
  meta: {
    id: 'config-oauth',
    category: 'config',
    description: 'Sign-in with Hugging Face settings: known scopes, an expiration within 30 days, and `hf_oauth: true` when they are used.',
    hasSuggestions: true,
    messages: {
      unknownScope: { level: 'error', text: '`{{scope}}` is not an OAuth scope{{hint}}. See the scopes listed in the Spaces OAuth docs.' },
      defaultScope: { level: 'info', text: '`{{scope}}` is always granted: listing it in `hf_oauth_scopes` is not needed.' },
      expiration: {
        level: 'error',
        text: '`hf_oauth_expiration_minutes: {{value}}` is out of range: the maximum is {{max}} minutes (30 days) and the default 480 (8 hours).',
      },
      oauthOff: {
        level: 'warning',
        text: '{{keys}} {{verb}} no effect because `hf_oauth` is not `true`: they configure the OAuth app that `hf_oauth: true` creates. Set `hf_oauth: true` or remove them.',
      },
      codeNeedsOauth: {
        level: 'info',
        text: '`{{file}}` line {{line}} uses `{{name}}`, which needs Sign-in with Hugging Face, but `hf_oauth` is not `true` in README.md. Add `hf_oauth: true`.',
      },
    },
    docs: {
      rationale:
        'OAuth settings per the OAuth guide (https://huggingface.co/docs/hub/spaces-oauth) and the config reference (https://huggingface.co/docs/hub/spaces-config-reference): the scopes are `openid` and `profile` (always included: "do not need this parameter") plus `email`, `read-billing`, `read-memberships`, `read-repos`, `gated-repos`, `contribute-repos`, `write-repos`, `manage-repos`, `read-collections`, `write-collections`, `inference-api`, `read-endpoints`, `write-endpoints`, `jobs`, `webhooks`, `write-discussions` (the shorter list in huggingface.js, https://github.com/huggingface/huggingface.js/blob/main/packages/hub/src/types/api/api-space.ts, is stale). An unknown scope is an error with a did-you-mean (`read_repos` → `read-repos`); listing `openid`/`profile` is an info. `hf_oauth_expiration_minutes`: "Maximum duration is 43200 minutes (30 days)", default 480. Types are checked by `config-value-type`. spacelint\'s judgement: the other `hf_oauth_*` keys configure the OAuth app that `hf_oauth: true` creates, so without it they do nothing (warning); and code that reads `OAUTH_CLIENT_ID`/`OAUTH_CLIENT_SECRET` (the variables OAuth adds) or uses Gradio\'s `gr.LoginButton`/`gr.OAuthProfile` needs `hf_oauth: true` on a Space (info, since code may handle its absence). New scopes can be added with `reference: { oauth_scopes: [...] }`.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nhf_oauth: true\nhf_oauth_scopes:\n  - read_repos\nhf_oauth_expiration_minutes: 100000\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nhf_oauth_scopes:\n  - inference-api\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\nhf_oauth: true\nhf_oauth_scopes:\n  - inference-api\n  - gated-repos\nhf_oauth_expiration_minutes: 480\n---\n' }],
      howToFix: 'Use scope names from the OAuth docs, keep the expiration at most 43200 minutes, and set `hf_oauth: true` when using OAuth.',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const ref = space.reference.oauthScopes;
    const scopes = fm.byKey.get('hf_oauth_scopes');
    const scopeList = scopes?.valueNode;
    if (scopeList?.type === 'YAMLSequence') {
      const known = [...ref.always, ...ref.optional];
      scopeList.entries.forEach((entry, index) => {
        const item = unwrap(entry);
        if (item?.type !== 'YAMLScalar' || typeof item.value !== 'string') return;
        const scope = item.value;
        if (ref.always.includes(scope)) {
          const removal = removeSequenceItemFix(space, scopeList, index);
          report({ messageId: 'defaultScope', data: { scope }, file: README, range: item.range, suggestions: removal ? [{ desc: `Remove \`${scope}\``, fix: removal }] : [] });
          return;
        }
        if (known.includes(scope)) return;
        const best = closestMatch(scope, known, '-');
        report({
          messageId: 'unknownScope',
          data: { scope, hint: best ? ` (did you mean \`${best.match}\`?)` : '' },
          file: README,
          range: item.range,
          suggestions: best ? [{ desc: `Use \`${best.match}\``, fix: replaceScalarFix(space, item, best.match) }] : [],
        });
      });
    }
    const expiration = fm.byKey.get('hf_oauth_expiration_minutes');
    if (expiration?.valueNode && typeof expiration.value === 'number' && Number.isInteger(expiration.value)) {
      const value = expiration.value;
      if (value < 1 || value > ref.maxExpirationMinutes) {
        report({
          messageId: 'expiration',
          data: { value, max: ref.maxExpirationMinutes },
          file: README,
          range: expiration.valueNode.range,
          suggestions:
            value > ref.maxExpirationMinutes ? [{ desc: `Use the maximum, ${ref.maxExpirationMinutes}`, fix: { range: expiration.valueNode.range, text: String(ref.maxExpirationMinutes) } }] : [],
        });
      }
    }
    if (space.config.hf_oauth === true) return;
    const enable = enableOauthFix(space, fm);
    const suggestions = enable ? [{ desc: 'Set `hf_oauth: true`', fix: enable }] : [];
    const used = fm.entries.filter((e) => OAUTH_KEYS.includes(e.key));
    if (used.length) {
      report({
        messageId: 'oauthOff',
        data: { keys: used.map((e) => `\`${e.key}\``).join(', '), verb: used.length > 1 ? 'have' : 'has' },
        file: README,
        range: used[0].keyNode.range,
        suggestions,
      });
      return;
    }
    const inCode = space.facts.sdk === 'static' ? undefined : oauthInCode(space);
    if (inCode) {
      const hf = fm.byKey.get('hf_oauth');
      report({ messageId: 'codeNeedsOauth', data: inCode, file: README, range: hf ? hf.pair.range : configAnchor(space), suggestions });
    }
  },
});

/** `hf_oauth: false` → `true`, or a new `hf_oauth: true` line. */
function enableOauthFix(space: Space, fm: FrontMatter): Fix | undefined {
  const hf = fm.byKey.get('hf_oauth');
  if (hf?.valueNode) return { range: hf.valueNode.range, text: 'true' };
  if (hf) return { range: hf.pair.range, text: 'hf_oauth: true' };
  return insertKeyFix(space, fm, 'hf_oauth', 'true');
}

/** The first use of OAuth in the Space's Python files, outside comments. */
function oauthInCode(space: Space): { file: string; line: number; name: string } | undefined {
  for (const path of space.pythonPaths) {
    const text = space.text(path);
    if (!text || !OAUTH_CODE.test(text)) continue;
    const lines = space.lines(path)!;
    for (let line = 1; line <= lines.lineCount; line++) {
      const content = lines.lineText(line);
      const m = OAUTH_CODE.exec(content);
      if (!m) continue;
      const hash = content.indexOf('#');
      if (hash >= 0 && hash < m.index) continue;
      return { file: path, line, name: m[1] };
    }
  }
  return undefined;
}

import type { Fix, Suggestion } from '../diagnostic.js';
import { globMatcher } from '../config/glob.js';
import { importInsertionOffset } from '../python/insert-import.js';
import type { PythonModule, PythonValue } from '../python/module.js';
import { findSecrets, type SecretMatch } from '../security/redact.js';
import type { Space } from '../space/space.js';
import { DOCKERFILE } from '../docker/runtime.js';
import { defineRule } from './rule.js';

/** The environment variable a provider's client reads by convention, for the suggestion. */
const ENV_NAMES: Record<string, string> = {
  'Hugging Face token': 'HF_TOKEN',
  'Hugging Face organization token': 'HF_TOKEN',
  'OpenAI key': 'OPENAI_API_KEY',
  'Anthropic key': 'ANTHROPIC_API_KEY',
  'GitHub token': 'GITHUB_TOKEN',
  'AWS access key id': 'AWS_ACCESS_KEY_ID',
  'Google API key': 'GOOGLE_API_KEY',
  'Slack token': 'SLACK_TOKEN',
  'Replicate token': 'REPLICATE_API_TOKEN',
  'Groq key': 'GROQ_API_KEY',
  'Stripe live key': 'STRIPE_API_KEY',
};
const HF_TOKENS = new Set(['Hugging Face token', 'Hugging Face organization token']);
/** Instructions security-docker-build-secret reports (build-time secrets): not reported twice. */
const BUILD_INSTRUCTIONS = new Set(['ENV', 'ARG', 'RUN']);

export default defineRule({
  meta: {
    id: 'security-hardcoded-secret',
    category: 'security',
    description: 'No token, API key, password or URL credential is written into the files of the Space.',
    hasSuggestions: true,
    messages: {
      hfToken: {
        level: 'error',
        text: 'Hard-coded {{what}} `{{masked}}`: anyone who can read the repository can use it, and git history keeps it. Revoke it at https://huggingface.co/settings/tokens, delete it, and read it from a Space secret {{how}}.',
      },
      providerToken: {
        level: 'error',
        text: 'Hard-coded {{what}} `{{masked}}`: anyone who can read the repository can use it, and git history keeps it. Revoke it with the provider, delete it, and read it from a Space secret {{how}}.',
      },
      assignment: {
        level: 'warning',
        text: '`{{name}}` is set to a literal that looks like a secret (`{{masked}}`): anyone who can read the repository can use it. Store it as a Space secret and read it {{how}}.',
      },
      url: {
        level: 'warning',
        text: 'This URL carries a password (`{{masked}}`): anyone who can read the repository can use it. Store the credential as a Space secret and build the URL from it at run time.',
      },
    },
    docs: {
      rationale:
        '"If your app requires environment variables (for instance, secret keys or tokens), do not hard-code them inside your app! … use … secrets for storing access tokens, API keys, or any sensitive value"; secrets reach the app as environment variables (https://huggingface.co/docs/hub/spaces-overview). Hugging Face runs TruffleHog "on each push you make" (https://huggingface.co/docs/hub/security-secrets), but by then the secret is public and in git history. Every text file of the Space is scanned (Python, notebooks, Markdown including README, requirements, shell scripts, JSON/YAML/TOML, .env, JS/TS). Found: Hugging Face user tokens (`hf_` + 30 or more letters and digits; gitleaks uses exactly 34 letters [GITLEAKS], this also covers tokens with digits) and legacy organization tokens (`api_org_…`) → error; keys of other providers with a fixed shape (OpenAI `sk-…`, Anthropic, GitHub, AWS, Google, Slack, Replicate, Groq, Stripe live keys) → also error: their shape is as certain as the HF one (spacelint\'s judgement); a string literal of 16 or more characters without spaces assigned to a secret-looking name, dict key or keyword (`token`, `secret`, `api_key`, `password`, `passwd`, `access_key`, `auth`, `Authorization: Bearer …`, `NAME=value` in .env/shell/YAML), and passwords in URLs (`git+https://user:TOKEN@host`) → warning (spacelint\'s judgement: the name says secret, the value cannot prove it). Placeholders stay silent: values with `xxxx`, `your`, `example`, `changeme`, `dummy`, `fake`, `test`, `<…>`, `${…}`, `...`, repeated or sequential characters, entropy below 2 bits per character for token shapes (gitleaks) and below 3 for generic values, environment variable names, lowercase words, paths, URLs, repo ids (`org/model`); `os.environ[...]` reads are not literals. Tokenizer vocabulary names (`pad_token`, `eos_token`) are not secret names. Files the root .gitignore ignores are not pushed, so they are not reported. Dockerfile `ENV`/`ARG`/`RUN` secrets are reported by security-docker-build-secret instead. Work per file is bounded (token shapes run only when their prefix occurs, the generic scan only when a secret word occurs, 2 MB at most), and the secret itself never appears in a message, a code frame or a fix: messages show a masked form (`hf_Ab********`), and every output redacts with the same detector.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'from huggingface_hub import login\n\nlogin(token="hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh")\n' },
        { file: 'requirements.txt', code: 'git+https://alice:Xk29fLq8Wm3pZt7Rv4Nb@github.com/org/private-lib.git\n' },
      ],
      correct: [
        { file: 'app.py', code: 'import os\nfrom huggingface_hub import login\n\nlogin(token=os.environ["HF_TOKEN"])\n' },
        { file: 'README.md', code: '---\nsdk: gradio\n---\nSet `HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` as a Space secret.\n' },
      ],
      howToFix:
        'Revoke the secret (it is already exposed), delete it from the file, add it as a Space secret in the Space settings, and read it with `os.environ["NAME"]`. In Docker Spaces, secrets are environment variables at run time and `RUN --mount=type=secret,id=NAME` at build time.',
    },
  },
  check(space, report) {
    const ignored = gitIgnored(space);
    const buildRanges = dockerBuildRanges(space);
    for (const [path, file] of space.files) {
      if (file.text === undefined || ignored(path)) continue;
      for (const secret of space.secrets(path)) {
        if (secret.placeholder) continue;
        if (path === DOCKERFILE && buildRanges.some(([s, e]) => secret.start >= s && secret.end <= e)) continue;
        const python = path.endsWith('.py') ? space.python(path) : undefined;
        const envName = envNameFor(secret);
        const how = python ? `with \`os.environ["${envName}"]\`` : `(it is exposed to the app as the environment variable ${envName})`;
        const suggestions = python ? environmentSuggestion(python, file.text, secret, envName) : [];
        const range: [number, number] = [secret.start, secret.end];
        const data = { what: secret.name, masked: secret.masked, how, name: secret.assignedTo ?? '' };
        const messageId = secret.kind === 'token' ? (HF_TOKENS.has(secret.name) ? 'hfToken' : 'providerToken') : secret.kind === 'url' ? 'url' : 'assignment';
        report({ messageId, data, file: path, range, suggestions });
      }
    }
  },
});

/** Root .gitignore patterns (negations ignored): files git does not push are not reported. */
function gitIgnored(space: Space): (path: string) => boolean {
  const text = space.text('.gitignore');
  if (!text) return () => false;
  return globMatcher(text.split(/\r?\n/).filter((l) => !l.startsWith('!')));
}

function dockerBuildRanges(space: Space): [number, number][] {
  return (space.dockerfile()?.instructions ?? []).filter((i) => BUILD_INSTRUCTIONS.has(i.keyword)).map((i) => i.range);
}

function envNameFor(secret: SecretMatch): string {
  const assigned = secret.assignedTo
    ?.split(/[.[\]"']/)
    .filter(Boolean)
    .pop();
  if (assigned && /^[A-Z][A-Z0-9_]*$/.test(assigned)) return assigned;
  if (ENV_NAMES[secret.name]) return ENV_NAMES[secret.name];
  return assigned
    ? assigned
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/\W+/g, '_')
        .toUpperCase()
    : 'SECRET';
}

/**
 * Replaces the string literal holding the secret with `os.environ["NAME"]` (through the file's own name
 * for `os` or `environ`). Without an `os` import the fix also adds one, as one edit from the import
 * position to the literal; that edit is offered only when the text it carries holds no other secret.
 */
function environmentSuggestion(module: PythonModule, text: string, secret: SecretMatch, envName: string): Suggestion[] {
  const literal = literalHolding(module, secret);
  if (!literal) return [];
  const osName = Object.keys(module.aliases).find((k) => module.aliases[k] === 'os');
  const environName = Object.keys(module.aliases).find((k) => module.aliases[k] === 'os.environ');
  const read = environName ? `${environName}[${JSON.stringify(envName)}]` : `${osName ?? 'os'}.environ[${JSON.stringify(envName)}]`;
  const desc = `Read it from the environment variable ${envName} (add a Space secret named ${envName})`;
  if (osName || environName) return [{ desc, fix: { range: literal, text: read } }];
  const at = importInsertionOffset(module, text);
  const between = text.slice(at, literal[0]);
  if (at > literal[0] || between.length > 4000 || findSecrets(between).length) return [];
  const fix: Fix = { range: [at, literal[1]], text: `import os\n${between}${read}` };
  return [{ desc: `${desc}; adds \`import os\``, fix }];
}

/** The string literal (a call argument or an assigned value) whose value is exactly the secret. */
function literalHolding(module: PythonModule, secret: SecretMatch): [number, number] | undefined {
  const holds = (v: PythonValue | undefined) => v?.kind === 'string' && v.value === secret.value && v.range[0] <= secret.start && v.range[1] >= secret.end;
  for (const call of module.calls) for (const a of call.args) if (holds(a.value)) return a.value.range;
  for (const a of module.assignments) if (holds(a.value)) return a.value!.range;
  return undefined;
}

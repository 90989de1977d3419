/**
 * Secrets: one detector for the security rules (security-hardcoded-secret, security-docker-build-secret)
 * and for redaction wherever a finding's text can appear (messages, code frames, SARIF snippets, fix
 * diffs, MCP results, Hub errors and logs), so what a rule finds is what every surface hides.
 *
 * Three kinds (spec §4.8 X1): token shapes of known providers (`hf_…`, `api_org_…`, `sk-…`, …); a string
 * literal assigned to a secret-looking name (`api_key = "…"`, `"Authorization": "Bearer …"`,
 * `PASSWORD=…` in a .env file); and credentials in URLs (`https://user:pass@host`). Rules skip
 * placeholders (`hf_xxx…`, `<your-token>`, `changeme`, low entropy) and redaction leaves them as they are:
 * what is masked is what is reported. Placeholder detection is kept to true placeholders (a random token
 * that contains "test" or "1234" is a secret), so a real secret is never treated as one.
 *
 * Work per text is bounded: each token shape runs only when its literal prefix occurs (`includes`), the
 * generic scan only when a secret word occurs, and only the first MAX_SCAN_CHARS are read.
 */

export interface SecretPattern {
  name: string;
  pattern: RegExp;
  /** A literal every match contains: the regex runs only when the text includes it. */
  prefix: string;
  /** Known prefix kept visible when masking (`hf_`), without which the value is anonymous. */
  visible: RegExp;
}

/** Token shapes (gitleaks rules where they exist [GITLEAKS]); the HF shape also accepts digits. */
export const SECRET_PATTERNS: SecretPattern[] = [
  { name: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g, prefix: 'hf_', visible: /^hf_/ },
  { name: 'Hugging Face organization token', pattern: /\bapi_org_[A-Za-z0-9]{30,}\b/g, prefix: 'api_org_', visible: /^api_org_/ },
  { name: 'Anthropic key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g, prefix: 'sk-ant-', visible: /^sk-ant-(?:api\d\d-)?/ },
  { name: 'OpenAI key', pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, prefix: 'sk-', visible: /^sk-(?:proj-|svcacct-|admin-)?/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, prefix: 'gh', visible: /^gh[pousr]_/ },
  { name: 'GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g, prefix: 'github_pat_', visible: /^github_pat_/ },
  { name: 'AWS access key id', pattern: /\bAKIA[0-9A-Z]{16}\b/g, prefix: 'AKIA', visible: /^AKIA/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, prefix: 'AIza', visible: /^AIza/ },
  { name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, prefix: 'xox', visible: /^xox[abprs]-/ },
  { name: 'Replicate token', pattern: /\br8_[A-Za-z0-9]{37}\b/g, prefix: 'r8_', visible: /^r8_/ },
  { name: 'Groq key', pattern: /\bgsk_[A-Za-z0-9]{48,}\b/g, prefix: 'gsk_', visible: /^gsk_/ },
  { name: 'Stripe live key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/g, prefix: 'k_live_', visible: /^[rs]k_live_/ },
];

/** One pass that tells whether any token prefix occurs at all (most files: none), before the per-shape scans. */
const ANY_TOKEN_PREFIX = new RegExp(SECRET_PATTERNS.map((p) => p.prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'));

export type SecretKind = 'token' | 'assignment' | 'url';

export interface SecretMatch {
  kind: SecretKind;
  /** What it is: `Hugging Face token`, `OpenAI key`, `password in a URL`, or the name a value is assigned to. */
  name: string;
  /** For `assignment`: the secret-looking name (`api_key`, `Authorization`). */
  assignedTo?: string;
  /** The secret value's offsets in the text. */
  start: number;
  end: number;
  value: string;
  /** The mask shown instead of the value (`hf_Ab********`). */
  masked: string;
  /** For quoted assignments: the whole string literal, quotes included (what a fix replaces). */
  literal?: [number, number];
  /** A placeholder or low-entropy value: not reported by rules, still masked by redaction. */
  placeholder: boolean;
}

/** Texts longer than this are only scanned in their first part (spacelint reads files up to 2 MB). */
export const MAX_SCAN_CHARS = 2 * 1024 * 1024;
/** No text yields more than this many matches (a generated file full of keys is one problem, not thousands). */
const MAX_MATCHES = 200;

/** Words that make a name secret-looking (spec X1: token|secret|api[_-]?key|password|passwd|access[_-]?key|auth). */
const SECRET_HINT = /token|secret|passw|pwd|api.?key|apikey|access.?key|auth|credential|private.?key|_pass\b|_key\b|cookie/i;
const SECRET_LAST_WORDS = new Set(['token', 'secret', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'apikey', 'credential', 'credentials', 'authorization', 'auth', 'cookie']);
/** `<word>_key` / `<word>Key` names that hold secrets. */
// biome-ignore format: a packed word list reads better than one word per line
const KEY_OWNERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'app', 'service', 'signing', 'encryption', 'master', 'license', 'subscription', 'auth',
  'session', 'openai', 'anthropic', 'groq', 'cohere', 'replicate', 'mistral', 'gemini', 'google', 'aws', 'stripe', 'pinecone', 'serpapi',
  'serper', 'tavily', 'elevenlabs', 'deepseek', 'together', 'fireworks', 'azure', 'langchain', 'langsmith', 'wandb', 'comet', 'neptune',
  'weaviate', 'qdrant', 'supabase', 'firebase', 'mapbox', 'youtube', 'spotify', 'twilio', 'sendgrid', 'mailgun', 'nvidia', 'fal', 'hf',
  'huggingface', 'hub', 'xai', 'perplexity', 'voyage', 'jina', 'assemblyai', 'deepgram', 'runway', 'stability', 'cerebras', 'sambanova',
]);
/** `<word>_token` names of tokenizer vocabulary, not credentials (`pad_token`, `eos_token`). */
// biome-ignore format: a packed word list reads better than one word per line
const VOCABULARY_TOKENS = new Set([
  'pad', 'eos', 'bos', 'unk', 'sep', 'cls', 'mask', 'special', 'start', 'end', 'stop', 'image', 'audio', 'video', 'vision', 'think',
  'eot', 'eom', 'system', 'user', 'assistant', 'default', 'placeholder', 'chat', 'new', 'max', 'min', 'num', 'total', 'input', 'output',
  'prompt', 'first', 'last', 'next', 'prev', 'split', 'boundary', 'separator', 'tool', 'begin', 'fim', 'context', 'reserved', 'turn',
  'answer', 'question', 'response', 'query', 'doc', 'document', 'label', 'class', 'word', 'sentence', 'cot', 'sot', 'no', 'eoi', 'boi',
  'im', 'media', 'speech', 'padding', 'decoder', 'encoder', 'forced', 'suppress', 'timestamp', 'lang', 'task', 'mel',
]);
/** Words of placeholder values, taken out before judging what random text is left. */
const PLACEHOLDER_WORDS_GLOBAL = /x{4,}|your|example|placeholder|change.?me|dummy|fake|sample|redacted|insert|replace|todo|here|test|demo|token|secret|key|password|null|none|undefined/gi;
/** Template and elision markers: the value is not written out. */
const TEMPLATE_MARKERS = /\.\.\.|\*\*\*|<|>|\$\{|\{\{|\$\(|%\(/;
const SEQUENCES = ['0123456789', '123456789', '12345', 'abcdefghij', 'ABCDEFGHIJ', 'qwerty'];

/** True for names that hold secrets: `HF_TOKEN`, `api_key`, `apiKey`, `client_secret`, `Authorization`, `db_password`. */
export function isSecretName(name: string): boolean {
  const last =
    name
      .split(/[.[\]"'/]/)
      .filter(Boolean)
      .pop() ?? '';
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-\s]+/)
    .filter(Boolean);
  if (!words.length) return false;
  const w = words[words.length - 1];
  const previous = words[words.length - 2];
  if (w === 'key') return previous !== undefined && KEY_OWNERS.has(previous);
  if (!SECRET_LAST_WORDS.has(w)) return false;
  if (w === 'token' && previous !== undefined && VOCABULARY_TOKENS.has(previous)) return false;
  if (w === 'pass' && words.length === 1) return false; // `pass` alone is rarely a credential
  return true;
}

/**
 * True placeholders only: `hf_xxx…`, `<your-token>`, `changeme`, `${TOKEN}`, `sk-...`, `FAKEtokenFAKE…`,
 * an alphabet run. A random value that merely contains a word like "test" or a run like "1234" is a
 * secret: once placeholder words and runs are taken out, too little random text must be left.
 */
export function isPlaceholder(value: string, body = value): boolean {
  if (TEMPLATE_MARKERS.test(body)) return true;
  if (/(.)\1{5,}/.test(body)) return true;
  const alphanumerics = body.replace(/[^A-Za-z0-9]/g, '');
  let rest = body.replace(PLACEHOLDER_WORDS_GLOBAL, '');
  for (const run of SEQUENCES) rest = rest.split(run).join('');
  rest = rest.replace(/[^A-Za-z0-9]/g, '');
  if (rest.length < Math.min(12, 0.6 * alphanumerics.length)) return true;
  return mostlySequential(rest);
}

/** `abcdefgh…`, `0123…` and `zyxw…` runs: more than half of neighbouring characters are one code point apart. */
function mostlySequential(text: string): boolean {
  if (text.length < 8) return false;
  let steps = 0;
  for (let i = 1; i < text.length; i++) if (Math.abs(text.charCodeAt(i) - text.charCodeAt(i - 1)) === 1) steps++;
  return steps > (text.length - 1) / 2;
}

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Keeps the known prefix and two characters: `hf_Ab********` stays recognisable, never usable. */
export function maskSecret(secret: string): string {
  const prefix = SECRET_PATTERNS.map((p) => p.visible.exec(secret)?.[0] ?? '').reduce((a, b) => (b.length > a.length ? b : a), '');
  return `${secret.slice(0, prefix.length + 2)}${'*'.repeat(8)}`;
}

/**
 * Every secret in `text`, in order, without overlaps (a token inside an assignment is reported as the
 * token). `placeholder` matches are included: rules skip them, redaction masks them.
 */
export function findSecrets(text: string): SecretMatch[] {
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const found: SecretMatch[] = [];
  const anyToken = ANY_TOKEN_PREFIX.test(scanned);
  for (const p of anyToken ? SECRET_PATTERNS : []) {
    if (!scanned.includes(p.prefix)) continue;
    p.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.pattern.exec(scanned)) && found.length < MAX_MATCHES) {
      const value = m[0];
      const body = value.replace(p.visible, '');
      found.push(match('token', p.name, m.index, value, isPlaceholder(value, body) || entropy(body) < 2));
    }
  }
  if (scanned.includes('://')) urlCredentials(scanned, found);
  if (SECRET_HINT.test(scanned)) {
    quotedAssignments(scanned, found);
    unquotedAssignments(scanned, found);
  }
  found.sort((a, b) => a.start - b.start || kindRank(a.kind) - kindRank(b.kind));
  const kept: SecretMatch[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      // Overlap: a token shape wins over the assignment or URL that holds it.
      if (kindRank(f.kind) < kindRank(last.kind)) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept.slice(0, MAX_MATCHES);
}

function kindRank(kind: SecretKind): number {
  return kind === 'token' ? 0 : kind === 'url' ? 1 : 2;
}

function match(kind: SecretKind, name: string, start: number, value: string, placeholder: boolean, extra: Partial<SecretMatch> = {}): SecretMatch {
  return { kind, name, start, end: start + value.length, value, masked: maskSecret(value), placeholder, ...extra };
}

const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/?#@"'<>`]{1,100}):([^\s/?#@"'<>`]{1,200})@[\w.-]/gi;

function urlCredentials(text: string, found: SecretMatch[]): void {
  URL_CREDENTIALS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_CREDENTIALS.exec(text)) && found.length < MAX_MATCHES) {
    const password = m[2];
    const start = m.index + m[0].length - 2 - password.length; // before `@x`
    const reference = /^\$|^%|^\{|^<|[{}]/.test(password);
    const placeholder = reference || /^(?:pass(?:word)?|passwd|secret|token|pwd|\*+|x+)$/i.test(password) || isPlaceholder(password) || password.length < 6 || entropy(password) < 2;
    if (reference) continue;
    found.push(match('url', 'password in a URL', start, password, placeholder));
  }
}

/** `= "…"`, `: "…"`, `=> '…'` (also `\"…\"` inside notebook JSON), optionally `Bearer …`, value ≥ 16 chars without spaces. */
const QUOTED_VALUE = /(=>|:=|=|:)[ \t]{0,8}[rRbBuUfF]{0,2}(\\?)(["'`])(?:(?:Bearer|Basic|Token|token|bearer)[ \t]+)?([^\s"'`\\]{16,256})\2\3/g;

function quotedAssignments(text: string, found: SecretMatch[]): void {
  QUOTED_VALUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED_VALUE.exec(text)) && found.length < MAX_MATCHES) {
    // `password == "…"` compares with a literal secret: still a hard-coded secret.
    const operatorStart = m[1] === '=' && text[m.index - 1] === '=' ? m.index - 1 : m.index;
    const name = nameBefore(text, operatorStart);
    if (!name || !isSecretName(name)) continue;
    const value = m[4];
    if (!looksLikeValue(value)) continue;
    const start = m.index + m[0].length - m[2].length - 1 - value.length;
    const openQuote = m.index + m[0].indexOf(m[3], m[1].length) - m[2].length;
    const prefix = /[rRbBuUfF]{0,2}$/.exec(text.slice(m.index + m[1].length, openQuote))![0].length;
    const quoteStart = openQuote - prefix;
    found.push(match('assignment', name, start, value, isGenericPlaceholder(value), { assignedTo: name, literal: [quoteStart, m.index + m[0].length] }));
  }
}

/** `NAME=value` / `NAME: value` at the start of a line (.env, shell, YAML, Dockerfile ENV/ARG, also `ENV NAME value`). */
const UNQUOTED_VALUE = /^[ \t]*(?:export[ \t]+|ENV[ \t]+|ARG[ \t]+|-[ \t]+)?([A-Za-z_][\w.-]{0,80})(?:[ \t]*[=:][ \t]*|[ \t]+(?=[^=\s]))([^\s"'`#]{16,256})[ \t]*\r?$/gm;

function unquotedAssignments(text: string, found: SecretMatch[]): void {
  UNQUOTED_VALUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNQUOTED_VALUE.exec(text)) && found.length < MAX_MATCHES) {
    const [whole, name, value] = m;
    if (!isSecretName(name)) continue;
    // `ENV NAME value` is the only space-separated form; elsewhere a space means prose.
    const separator = whole.slice(whole.indexOf(name) + name.length).replace(value, '');
    if (!/[=:]/.test(separator) && !/^[ \t]*(ENV|ARG)[ \t]/.test(whole)) continue;
    if (!looksLikeValue(value) || /[()[\]{},;]/.test(value)) continue;
    const start = m.index + whole.lastIndexOf(value);
    found.push(match('assignment', name, start, value, isGenericPlaceholder(value), { assignedTo: name }));
  }
}

/** The identifier or quoted key just before an operator: `api_key =`, `"Authorization":`, `headers["X-Api-Key"] =`, `self.token =`. */
function nameBefore(text: string, operator: number): string | undefined {
  let i = operator - 1;
  if (text[i] === '!') i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] === ']') i--;
  let quoted = false;
  if (text[i] === '"' || text[i] === "'") {
    quoted = true;
    i--;
    if (text[i] === '\\') i--;
  }
  const end = i + 1;
  while (i >= 0 && end - i <= 100 && /[\w.-]/.test(text[i])) i--;
  let name = text.slice(i + 1, end);
  // `api_key: str = "…"`: the annotation is not the name.
  if (!quoted && /^(?:str|Any)$/.test(name) && text[i] === ':') name = nameBefore(text, i) ?? '';
  else if (!quoted && name === 'str' && text.slice(Math.max(0, i - 1), i + 1) === ': ') name = nameBefore(text, i - 1) ?? '';
  return name || undefined;
}

/** A literal that could be a secret: not a reference, path, URL, module path, repo id or file name. */
export function looksLikeValue(value: string): boolean {
  if (/^[$%{<]|^os\.|^env\.|^process\.env/.test(value)) return false;
  if (/^(?:https?|wss?|s3|gs|file):\/\//i.test(value)) return false;
  if (/^[./~]/.test(value) || /\.(?:json|txt|py|pt|pth|bin|safetensors|ya?ml|pem|key|crt|cfg|ini|onnx|gguf|csv|parquet|md|html|sh)$/i.test(value)) return false;
  if (/^[\w.-]+\/[\w.-]+$/.test(value) && !/[+=]/.test(value)) return false; // owner/repo
  if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(value)) return false; // dotted module path
  return true;
}

/** Generic values need more than a shape: some randomness, and no placeholder words. */
function isGenericPlaceholder(value: string): boolean {
  if (isPlaceholder(value)) return true;
  if (/^[A-Z][A-Z0-9_]+$/.test(value)) return true; // an environment variable name
  if (/^[a-z]+(?:[_-][a-z]+)*$/.test(value)) return true; // lowercase words
  if (!/\d/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) return true;
  return entropy(value) < 3;
}

/** Replaces every secret (placeholders included) and each of the `extra` literal values with a mask. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = '';
  let last = 0;
  for (const s of findSecrets(text)) {
    // What is masked is what rules report: a true placeholder is neither (X1 reports exactly these).
    if (s.placeholder) continue;
    out += text.slice(last, s.start) + s.masked;
    last = s.end;
  }
  out += text.slice(last);
  for (const value of extra) {
    if (value && value.length >= 6) out = out.split(value).join(maskSecret(value));
  }
  return out;
}

/**
 * `text.slice(start, end)` with every secret that `findSecrets` finds in the whole `text` masked where it
 * overlaps the slice. Redacting the slice alone would not do: `PASSWORD=` or `api_key = "` may lie
 * outside it, and a cut secret no longer has a token's shape. Pass `secrets` to scan a file only once.
 */
export function redactSlice(text: string, start: number, end: number, secrets: readonly SecretMatch[] = findSecrets(text)): string {
  let out = '';
  let at = start;
  for (const s of secrets) {
    if (s.placeholder || s.end <= at || s.start >= end) continue;
    out += text.slice(at, Math.max(at, s.start)) + s.masked;
    at = Math.min(end, s.end);
  }
  return out + text.slice(at, end);
}

/** A cut secret still leaks from this many characters on (a secret shorter than this leaks only whole). */
const MIN_LEAKED_PART = 6;

/**
 * Masks, in a text that quotes a file (a finding's message), each of that file's secrets (found on the
 * whole file), whole or in part: a message quotes a slice of a line, and neither a slice of a secret nor
 * a value quoted without its `PASSWORD=` looks like a secret any more. Parts of at least
 * MIN_LEAKED_PART characters are masked; longer matching runs win.
 */
export function redactQuoted(text: string, secrets: readonly SecretMatch[]): string {
  const values = [...new Set(secrets.filter((s) => !s.placeholder).map((s) => s.value))];
  if (!values.length) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; ) {
    let longest = 0;
    for (const v of values) {
      for (let j = v.indexOf(text[i]); j >= 0 && v.length - j > longest; j = v.indexOf(text[i], j + 1)) {
        let k = 1;
        while (j + k < v.length && i + k < text.length && v[j + k] === text[i + k]) k++;
        if (k > longest && k >= Math.min(MIN_LEAKED_PART, v.length)) longest = k;
      }
    }
    if (longest) {
      out += text.slice(last, i) + maskSecret(text.slice(i, i + longest));
      i += longest;
      last = i;
    } else i++;
  }
  return out + text.slice(last);
}

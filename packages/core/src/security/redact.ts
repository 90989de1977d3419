/**
 * Secret redaction for every place a finding's text can appear (messages, code frames, SARIF snippets,
 * fix diffs, MCP results, Hub errors). Patterns are the token shapes spacelint knows; the security rules
 * (X1) use the same list so what they find is exactly what gets hidden.
 */
export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { name: 'Hugging Face organization token', pattern: /\bapi_org_[A-Za-z0-9]{30,}\b/g },
  { name: 'OpenAI key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { name: 'AWS access key id', pattern: /\bAKIA[0-9A-Z]{16}\b/g },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
];

/** Keeps a short recognisable prefix and hides the rest: `hf_abcd…` stays useful, never usable. */
export function maskSecret(secret: string): string {
  const keep = secret.startsWith('api_org_') ? 8 : secret.startsWith('hf_') ? 5 : 4;
  return `${secret.slice(0, keep)}${'*'.repeat(8)}`;
}

/** Replaces every known secret shape, and each of the `extra` literal values, with a mask. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const { pattern } of SECRET_PATTERNS) out = out.replace(pattern, (m) => maskSecret(m));
  for (const value of extra) {
    if (value && value.length >= 6) out = out.split(value).join(maskSecret(value));
  }
  return out;
}

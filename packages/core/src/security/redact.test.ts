import { describe, expect, it } from 'vitest';
import { findSecrets, isSecretName, maskSecret, redactQuoted, redactSecrets, redactSlice } from './redact.js';

const HF = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh';
const CORPUS = [
  `login(token="${HF}")`,
  'ENV HF_TOKEN=hf_Zx8KqP3mW9tLr2VbN7cYd4FgH6jS1aQeUo5',
  'OPENAI_API_KEY = "sk-proj-Qw3rTy8uIo9pAs2dFg7hJk4lZx6cVb1nM5qW"',
  'client = Anthropic(api_key="sk-ant-api03-Zq8Lw2Xc4Vb6Nm1Kj3Hg5Fd7Sa9Pq0Wo")',
  'api_key = "a8Fk29Dk3mQz7LpW0xYt"',
  'headers = {"Authorization": "Bearer a8Fk29Dk3mQz7LpW0xYt"}',
  'headers["X-Api-Key"] = "a8Fk29Dk3mQz7LpW0xYt"',
  'git+https://alice:a8Fk29Dk3mQz7LpW0xYt@github.com/org/repo.git',
  'SECRET_KEY=a8Fk29Dk3mQz7LpW0xYt',
  'if password == "a8Fk29Dk3mQz7LpW0xYt":',
  'api_key: str = "a8Fk29Dk3mQz7LpW0xYt"',
  '    "source": ["api_key = \\"a8Fk29Dk3mQz7LpW0xYt\\"\\n"]',
  'aws = "AKIAIOSFODNN7EXAMPLE"',
];

describe('secret detection and redaction', () => {
  it('finds token shapes, secret assignments and URL credentials', () => {
    const kinds = CORPUS.map((line) => findSecrets(line).map((s) => [s.kind, s.placeholder]));
    expect(kinds).toEqual([
      [['token', false]],
      [['token', false]],
      [['token', false]],
      [['token', false]],
      [['assignment', false]],
      [['assignment', false]],
      [['assignment', false]],
      [['url', false]],
      [['assignment', false]],
      [['assignment', false]],
      [['assignment', false]],
      [['assignment', false]],
      [['token', true]], // AWS's documented example key
    ]);
  });

  it('redacts everything a rule can report, so no surface shows it', () => {
    for (const line of CORPUS) {
      const redacted = redactSecrets(line);
      const secrets = findSecrets(line);
      for (const s of secrets) expect(redacted, line).toBe(s.placeholder ? line : redacted.replace(s.value, ''));
      for (const s of secrets.filter((x) => !x.placeholder)) expect(redacted, line).not.toContain(s.value);
      if (secrets.some((x) => !x.placeholder)) expect(redacted).toContain('********');
    }
  });

  it('masks what rules report and nothing else: true placeholders stay as written', () => {
    const line = 'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
    expect(findSecrets(line)[0].placeholder).toBe(true);
    expect(redactSecrets(line)).toBe(line);
    expect(redactSecrets(`x ${'hf_' + 'Zq8'.repeat(12)} y`)).toBe(`x ${'hf_' + 'Zq8'.repeat(12)} y`);
  });

  it('keeps placeholder detection to true placeholders: random tokens with "test" or a run in them are secrets', () => {
    for (const token of ['hf_kPqZrTbWmXvLnJtestYcGfQeRtUaBiOpx', 'hf_Qm7RtXw2Pk1234LsVbNc4ZyHj6GdFa3EuW', 'hf_yourQm7RtXw2PkLs9VbNc4ZyHj6GdFa3E']) {
      const [found] = findSecrets(`HF_TOKEN = "${token}"`);
      expect(found, token).toMatchObject({ kind: 'token', placeholder: false });
      expect(redactSecrets(`HF_TOKEN = "${token}"`)).not.toContain(token);
    }
    for (const fake of ['hf_FAKEtokenFAKEtokenFAKEtokenFAKE12', 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'hf_your_token_here_0123456789abcdefgh', 'hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX']) {
      expect(findSecrets(`HF_TOKEN = "${fake}"`)[0]?.placeholder, fake).toBe(true);
    }
  });

  it('keeps the known prefix and two characters when masking', () => {
    expect(maskSecret(HF)).toBe('hf_Ab********');
    expect(maskSecret('api_org_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh')).toBe('api_org_Ab********');
    expect(maskSecret('sk-proj-Qw3rTy8uIo9pAs2dFg7hJk4l')).toBe('sk-proj-Qw********');
    expect(maskSecret('a8Fk29Dk3mQz7LpW0xYt')).toBe('a8********');
  });

  it('also masks explicit values (a configured token)', () => {
    expect(redactSecrets('token hf_fake_write used', ['hf_fake_write'])).toBe('token hf_fa******** used');
  });

  it('tells secret names from tokenizer vocabulary and other names', () => {
    for (const name of [
      'HF_TOKEN',
      'hf_token',
      'token',
      'use_auth_token',
      'api_key',
      'apiKey',
      'OPENAI_API_KEY',
      'SECRET_KEY',
      'client_secret',
      'Authorization',
      'X-Api-Key',
      'db_password',
      'self.access_token',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['pad_token', 'eos_token', 'max_tokens', 'tokenizer', 'token_id', 'primary_key', 'author', 'secret_name', 'HF_TOKEN_PATH', 'cache_key', 'pass']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('bounds the work on large texts', () => {
    const noisy = 'token = compute(key, secret_name, auth_mode)  # words that trigger the generic scan\n'.repeat(12_000);
    const t0 = performance.now();
    expect(findSecrets(noisy)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
    const long = `${'a'.repeat(1_000_000)} token="${HF}"`;
    expect(findSecrets(long).map((s) => s.kind)).toEqual(['token']);
  });

  it('masks a slice by the secrets of the whole text (the slice alone has lost the context)', () => {
    const text = 'gradio\nPASSWORD=Vb7Xk2Qm9Lp4Wz8Rt3Nc\n';
    const start = text.indexOf('Vb7');
    // The bare value no longer looks like a secret: redacting the slice alone prints it.
    expect(redactSecrets(text.slice(start, start + 20))).toBe('Vb7Xk2Qm9Lp4Wz8Rt3Nc');
    expect(redactSlice(text, start, start + 20)).toBe('Vb********');
    expect(redactSlice(text, 7, text.length - 1)).toBe('PASSWORD=Vb********');
    expect(redactSlice(text, start + 4, start + 10)).toBe('Vb********'); // a part of a secret shows no part
    expect(redactSlice(text, 0, 6)).toBe('gradio');
    const placeholder = 'x = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"';
    expect(redactSlice(placeholder, 0, placeholder.length)).toBe(placeholder); // placeholders stay
  });

  it("masks a file's secrets quoted in a message, whole or cut", () => {
    const secrets = findSecrets('PASSWORD=Vb7Xk2Qm9Lp4Wz8Rt3Nc\nkey = 1\n');
    expect(redactQuoted('invalid version specifier `=Vb7Xk2Qm9Lp4Wz8Rt3Nc` for `PASSWORD`', secrets)).toBe('invalid version specifier `=Vb********` for `PASSWORD`');
    expect(redactQuoted('pip cannot read `PASSWORD=Vb7Xk2Qm9L` as a requirement', secrets)).toBe('pip cannot read `PASSWORD=Vb********` as a requirement');
    expect(redactQuoted('ends in `Lp4Wz8Rt3Nc`', secrets)).toBe('ends in `Lp********`');
    // Shorter runs are ordinary text; texts without the secret are returned as they are.
    expect(redactQuoted('the line `Vb7Xk` is cut', secrets)).toBe('the line `Vb7Xk` is cut');
    expect(redactQuoted('nothing here', [])).toBe('nothing here');
  });
});

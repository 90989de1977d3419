import { describe, expect, it } from 'vitest';
import { parseConfigText, ConfigError } from '../src/config/config.js';
import { globMatcher } from '../src/config/glob.js';
import { applyFixes, safeFixes } from '../src/engine.js';
import { initParsers } from '../src/parse/python.js';
import { parseFrontMatter } from '../src/parse/frontmatter.js';
import { RULE_IDS, listRules } from '../src/rules/index.js';
import { fixFiles, GRADIO_APP, lintFiles, readme } from './lint-files.js';

describe('engine', () => {
  it('applies non-overlapping fixes and skips overlapping ones', () => {
    const r = applyFixes('abcdef', [
      { range: [0, 1], text: 'X' },
      { range: [0, 2], text: 'Y' },
      { range: [4, 6], text: 'Z' },
    ]);
    expect(r.output).toBe('XbcdZ');
    expect(r.applied).toHaveLength(2);
  });

  it('a front-matter fix leaves every other parsed value unchanged', async () => {
    const text = readme('title: "Demo: with colon"\nsdk: docker\ncolorfrom: red\napp-port: 7860\ntags: [a, b]\nmodels:\n  - org/model\n');
    const out = await fixFiles({ 'README.md': text, Dockerfile: 'FROM x\n' });
    const before = parseFrontMatter(text);
    const after = parseFrontMatter(out['README.md']);
    if (!before.found || !after.found) throw new Error('front matter');
    expect(after.frontMatter.data).toEqual({ title: 'Demo: with colon', sdk: 'docker', colorFrom: 'red', app_port: 7860, tags: ['a', 'b'], models: ['org/model'] });
    expect(Object.keys(before.frontMatter.data!)).toHaveLength(6);
  });

  it('fixing twice equals fixing once', async () => {
    const files = { 'README.md': readme('sdk: docker\napp-port: 7860\nfullwidth: true'), Dockerfile: 'FROM x\n' };
    const once = await fixFiles(files);
    const twice = await fixFiles(once);
    expect(twice).toEqual(once);
  });

  it('every rule has docs, messages and a known category', () => {
    for (const rule of listRules()) {
      expect(rule.docs.rationale.length, rule.id).toBeGreaterThan(40);
      expect(rule.docs.howToFix.length, rule.id).toBeGreaterThan(5);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      expect(rule.docsUrl).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    }
    expect(RULE_IDS.size).toBe(listRules().length);
  });

  it('`ignore` globs hide files from every rule', async () => {
    const files = { 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'notebooks/scratch.py': 'def (:\n', '.spacelint.yaml': 'ignore:\n  - notebooks/\n' };
    expect((await lintFiles(files)).filter((d) => d.file.startsWith('notebooks/'))).toEqual([]);
    expect((await lintFiles({ ...files, '.spacelint.yaml': '' })).filter((d) => d.file.startsWith('notebooks/'))).toHaveLength(1);
  });

  it('drops a Python fix that parses worse, also in a file that already had a syntax error', async () => {
    await initParsers();
    const broken = 'def f(:\n    pass\n\nprint(1)\n';
    const worse = { range: [broken.indexOf('1)'), broken.indexOf('1)') + 1] as [number, number], text: ',' }; // print(,)
    const fine = { range: [broken.indexOf('1)'), broken.indexOf('1)') + 1] as [number, number], text: '2' };
    expect(safeFixes('app.py', broken, [worse]).applied).toEqual([]);
    expect(safeFixes('app.py', broken, [fine]).output).toBe('def f(:\n    pass\n\nprint(2)\n');
    // `f(,)` parses for tree-sitter, not for CPython: it counts as worse in a valid file too.
    expect(safeFixes('app.py', 'print(1)\n', [{ range: [6, 7], text: ',' }]).applied).toEqual([]);
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': `${GRADIO_APP}print(\n    ,\n)\n` }, { only: 'parse-error' });
    expect(d).toMatchObject({ ruleId: 'parse-error', line: 6, message: expect.stringContaining('comma with nothing before it') });
  });

  it('a finding never quotes a secret of its file, even a value cut or quoted without its name', async () => {
    const secret = 'Vb7Xk2Qm9Lp4Wz8Rt3NcQa5Yh1Jd6Ls0Ge4Tf8Mb2Kp7';
    const files = { 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': GRADIO_APP };
    // The security rule off: masking must not depend on which rules run.
    const config = { rules: { 'security-hardcoded-secret': 'off' as const } };
    // A long value is cut by the message's 40-character quote; a short one is quoted whole.
    for (const requirements of [`gradio\nPASSWORD=${secret}\n`, `DB_PASSWORD=${secret.slice(0, 20)}\n`]) {
      const found = await lintFiles({ ...files, 'requirements.txt': requirements }, { config });
      const parse = found.find((d) => d.ruleId === 'parse-error');
      expect(parse, requirements).toBeDefined();
      expect(parse!.message).toContain('Vb********');
      for (const d of found) for (let i = 0; i + 6 <= 20; i++) expect(d.message).not.toContain(secret.slice(i, i + 6));
    }
  });

  it('a rule level in config sets every finding of that rule', async () => {
    const found = await lintFiles({ 'README.md': readme('sdk: docker\napp-port: 1'), Dockerfile: 'FROM x\n' }, { only: 'config-unknown-key', config: { rules: { 'config-unknown-key': 'info' } } });
    expect(found.map((d) => d.level)).toEqual(['info']);
  });
});

describe('config', () => {
  it('validates rule ids, levels and shapes with clear errors', () => {
    expect(() => parseConfigText('rules:\n  nope: off\n', '.spacelint.yaml', RULE_IDS)).toThrow(/unknown rule `nope` in `rules`: not a spacelint rule id$/);
    // Shown by the CLI, ESLint and MCP alike: a did-you-mean, no command of one surface.
    expect(() => parseConfigText('rules:\n  config-unknwn-key: off\n', '.spacelint.yaml', RULE_IDS)).toThrow(/unknown rule `config-unknwn-key` in `rules` \(did you mean `config-unknown-key`\?\)$/);
    expect(() => parseConfigText('rules:\n  parse-error: loud\n', '.spacelint.yaml', RULE_IDS)).toThrow(ConfigError);
    expect(() => parseConfigText('ignores: []\n')).toThrow(/unknown key `ignores`/);
    expect(() => parseConfigText('rules: [\n')).toThrow(/not valid YAML/);
    expect(parseConfigText('rules:\n  parse-error: [warning, {x: 1}]\n', 'c', RULE_IDS).rules).toEqual({ 'parse-error': ['warning', { x: 1 }] });
  });

  it('matches gitignore-style globs', () => {
    const m = globMatcher(['notebooks/', '*.ipynb', '/top.py', 'data/**/*.csv']);
    expect(['notebooks/a.py', 'x/y.ipynb', 'top.py', 'data/a/b/c.csv'].every(m)).toBe(true);
    expect(['sub/top.py', 'a.py', 'data.csv'].some(m)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../src/config/config.js';
import { lintFiles, readme } from './lint-files.js';

describe('hostile YAML: alias bombs and prototype keys', () => {
  it('.spacelint.yaml with an alias bomb is a one-line config error within the budget, not an out-of-memory abort', () => {
    const anchors = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) anchors.push(`x${i}: &x${i} [${Array.from({ length: 9 }, () => `*x${i - 1}`).join(', ')}]`);
    const text = `rules:\n  ${anchors.join('\n  ')}\n`;
    const started = performance.now();
    expect(() => parseConfigText(text)).toThrow(ConfigError);
    expect(() => parseConfigText(text)).toThrow(/too many nodes/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a README alias bomb is a finding, never a crash', async () => {
    const anchors = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) anchors.push(`x${i}: &x${i} [${Array.from({ length: 9 }, () => `*x${i - 1}`).join(', ')}]`);
    const found = await lintFiles({ 'README.md': readme(`sdk: gradio\nsdk_version: "5.49.1"\ntags:\n  ${anchors.join('\n  ')}`), 'app.py': 'import gradio\n' });
    expect(found.some((d) => d.ruleId === 'config-front-matter' && /too many nodes/.test(d.message))).toBe(true);
  });

  it('reference keys are checked against the lists it can extend (constructor, __proto__, toString)', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => parseConfigText(`reference:\n  ${key}: [x]\n`), key).toThrow(/unknown key `reference\./);
    }
    expect(parseConfigText('reference:\n  hardware: [h300x1]\n').reference).toEqual({ hardware: ['h300x1'] });
  });

  it('prototype names as rule ids or README keys are ordinary unknown names', async () => {
    for (const key of ['constructor', '__proto__', 'toString', 'valueOf']) {
      const found = await lintFiles({ 'README.md': readme(`sdk: gradio\nsdk_version: "5.49.1"\n${key}: 1`), 'app.py': 'import gradio\n' });
      expect(found.filter((d) => d.ruleId === 'config-unknown-key').length, key).toBe(1);
      expect(
        found.filter((d) => d.ruleId === 'internal-error'),
        key,
      ).toEqual([]);
    }
    expect(() => parseConfigText('rules:\n  __proto__: off\n', '.spacelint.yaml', new Set(['parse-error']))).toThrow(/unknown rule/);
    const added = await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\nconstructor: 1'), 'app.py': 'import gradio\n', '.spacelint.yaml': 'reference:\n  keys: [constructor]\n' });
    expect(added.filter((d) => d.ruleId === 'config-unknown-key')).toEqual([]);
  });
});

import { Linter } from 'eslint';
import { getRule, listRules, RULES } from '@spacelint/core';
import { describe, expect, it } from 'vitest';
import plugin, { rulesFor } from '../src/index.js';

const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n';
const readme = (yaml: string) => `---\ntitle: Demo\n${yaml}---\n# Demo\n`;

/** Lints one file of an in-memory Space with one of the plugin's configs (processor included). */
function lintWith(config: 'recommended' | 'strict', files: Record<string, string>, path: string, extra: Linter.Config[] = []): Linter.LintMessage[] {
  const linter = new Linter();
  const configs = plugin.configs[config].map((c) => ({ ...c, languageOptions: { space: { files } } })) as Linter.Config[];
  return linter.verify(files[path], [...configs, ...extra], path);
}

/**
 * `line:column severity rule` of each message; with `only`, of parsing errors and those rules' messages
 * (core gains rules in parallel: a test states what its rules report, not that no other rule fires).
 */
const brief = (messages: Linter.LintMessage[], only?: string[]) =>
  messages.filter((m) => !only || !m.ruleId || only.includes(m.ruleId.replace(/^spacelint\//, ''))).map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId ?? 'fatal'}`);

describe('generated rules', () => {
  it('has one ESLint rule per core rule, with docs, fixes, suggestions and languages from core', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const info of listRules()) {
      const meta = plugin.rules[info.id].meta!;
      expect(meta.docs?.url).toBe(info.docsUrl);
      expect(meta.docs?.description).toBe(info.description);
      expect(meta.fixable).toBe(info.fixable ? 'code' : undefined);
      expect(meta.hasSuggestions).toBe(info.hasSuggestions ? true : undefined);
      expect(meta.messages).toEqual(Object.fromEntries(Object.entries(info.messages).map(([id, m]) => [id, m.text])));
      expect(meta.languages).toEqual(['readme', 'python', 'requirements', 'packages', 'dockerfile', 'text'].map((l) => `spacelint/${l}`));
    }
  });
});

describe('language options', () => {
  it('rejects an in-memory Space that is not a map of texts', () => {
    const linter = new Linter();
    const config = (space: unknown) => [{ ...plugin.configs.strict[0], languageOptions: { space } }] as Linter.Config[];
    expect(() => linter.verify('---\nsdk: gradio\n---\n', config({ files: { 'app.py': 1 } }), 'README.md')).toThrow(/"app\.py" must be a string/);
    expect(() => linter.verify('---\nsdk: gradio\n---\n', config('README.md'), 'README.md')).toThrow(/Expected an object with `files`/);
    // A valid one: a Gradio Space with no app file.
    expect(brief(linter.verify('---\nsdk: gradio\n---\n', config({ files: {} }), 'README.md'), ['config-app-file-missing'])).toEqual(['2:1 2 spacelint/config-app-file-missing']);
  });
});

describe('configs', () => {
  it('are flat-config arrays with files, plugins, language and the levels processor', () => {
    for (const name of ['recommended', 'strict'] as const) {
      const configs = plugin.configs[name];
      expect(configs.map((c) => c.language)).toEqual(Object.keys(plugin.languages).map((l) => `spacelint/${l}`));
      for (const c of configs) {
        expect(c.files?.length).toBeGreaterThan(0);
        expect(c.plugins?.spacelint).toBe(plugin);
        expect(c.processor).toBe(plugin.processors.levels);
        expect(Object.keys(c.rules ?? {}).length).toBe(RULES.length);
      }
    }
  });

  it('map spacelint levels: recommended leaves info out, strict reports it as warnings', () => {
    const info = (id: string, levels: ('error' | 'warning' | 'info')[]) => ({
      ...getRule('config-unknown-key')!,
      id,
      messages: Object.fromEntries(levels.map((level, i) => [`m${i}`, { level, text: 'x' }])),
      defaultLevel: levels.includes('error') ? ('error' as const) : levels.includes('warning') ? ('warning' as const) : ('info' as const),
    });
    const rules = [info('e', ['error', 'warning']), info('w', ['warning', 'info']), info('i', ['info'])];
    expect(rulesFor('recommended', rules)).toEqual({
      'spacelint/e': ['error', { reportInfo: false }],
      'spacelint/w': ['warn', { reportInfo: false }],
      'spacelint/i': 'off',
    });
    expect(rulesFor('strict', rules)).toEqual({ 'spacelint/e': 'error', 'spacelint/w': 'warn', 'spacelint/i': 'warn' });
  });
});

describe('levels', () => {
  const files = { 'README.md': readme('sdk: gradio\ncolorFrom: pinc\nsuggested_hardware: a100-huge\n'), 'app.py': APP };

  it('gives each finding of a mixed-level rule its own level', () => {
    // config-invalid-value is configured as "error"; an unknown color is a warning-level finding.
    expect(brief(lintWith('strict', files, 'README.md'), ['config-invalid-value'])).toEqual(['4:12 1 spacelint/config-invalid-value', '5:21 2 spacelint/config-invalid-value']);
  });

  it('never raises a finding above the severity the user configured', () => {
    const capped = lintWith('strict', files, 'README.md', [{ files: ['**/README.md'], rules: { 'spacelint/config-invalid-value': 'warn' } }]);
    expect(brief(capped, ['config-invalid-value'])).toEqual(['4:12 1 spacelint/config-invalid-value', '5:21 1 spacelint/config-invalid-value']);
  });

  it('leaves info findings out of recommended and reports them as warnings in strict', () => {
    // .spacelint.yaml turns the rule's findings into info findings.
    const space = { ...files, 'README.md': readme('sdk: gradio\napp-port: 7860\n'), '.spacelint.yaml': 'rules:\n  config-unknown-key: info\n' };
    const only = ['config-unknown-key'];
    expect(brief(lintWith('recommended', space, 'README.md'), only)).toEqual([]);
    expect(brief(lintWith('strict', space, 'README.md'), only)).toEqual(['4:1 1 spacelint/config-unknown-key']);
    // Without the override the finding is a warning in both.
    const plain = { ...space, '.spacelint.yaml': 'rules: {}\n' };
    expect(brief(lintWith('recommended', plain, 'README.md'), only)).toEqual(['4:1 1 spacelint/config-unknown-key']);
  });
});

describe('parse errors', () => {
  const space = { 'README.md': readme('sdk: gradio\n'), 'app.py': APP };

  it('reports a Python file that does not parse as an ESLint parsing error, not a crash', () => {
    const messages = lintWith('strict', { ...space, 'app.py': 'import gradio as gr\ndef predict(x:\n    return x\n' }, 'app.py');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 2 });
    expect(messages[0].message).toMatch(/^Parsing error: .*Python cannot import this file/);
  });

  it('reports requirements and Dockerfile lines their tools reject', () => {
    const req = lintWith('strict', { ...space, 'requirements.txt': 'numpy\n!!torch\n' }, 'requirements.txt');
    expect(req).toMatchObject([{ fatal: true, line: 2, column: 1 }]);
    expect(req[0].message).toMatch(/^Parsing error: pip cannot read this line/);
    const docker = lintWith('strict', { ...space, Dockerfile: 'FROM python:3.11\nRUNN pip install x\n' }, 'Dockerfile');
    expect(docker).toMatchObject([{ fatal: true, line: 2, column: 1 }]);
    expect(docker[0].message).toMatch(/^Parsing error: Dockerfile: unknown Dockerfile instruction `RUNN`/);
  });

  it('follows core: a parse error turned off by a spacelint directive is not reported', () => {
    const broken = '# spacelint-disable-file parse-error\ndef predict(x:\n    return x\n';
    expect(lintWith('strict', { ...space, 'app.py': broken }, 'app.py').filter((m) => m.fatal)).toEqual([]);
  });

  it('reports a broken .spacelint.yaml on the files of the Space', () => {
    const messages = lintWith('strict', { ...space, '.spacelint.yaml': 'rules:\n  no-such-rule: error\n' }, 'README.md');
    expect(messages).toMatchObject([{ fatal: true, line: 1, column: 1 }]);
    expect(messages[0].message).toMatch(/\.spacelint\.yaml: unknown rule `no-such-rule`/);
  });
});

describe('a rule that fails', () => {
  it('is reported under its own name on README.md, and the other rules still report', () => {
    const rule = RULES.find((r) => r.meta.id === 'config-invalid-value')!;
    const check = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const files = { 'README.md': readme('sdk: gradio\napp-port: 7860\n'), 'app.py': APP };
      const messages = lintWith('strict', files, 'README.md');
      expect(brief(messages, ['config-invalid-value', 'config-unknown-key'])).toEqual(['1:1 2 spacelint/config-invalid-value', '4:1 1 spacelint/config-unknown-key']);
      expect(messages.find((m) => m.ruleId === 'spacelint/config-invalid-value')!.message).toMatch(/spacelint rule `config-invalid-value` failed on this Space \(boom\)/);
    } finally {
      rule.check = check;
    }
  });
});

describe('inline configuration', () => {
  const files = { 'README.md': readme('sdk: gradio\napp-port: 7860\n'), 'app.py': APP };

  it('applies `# eslint rule: off` and `# eslint-disable` comments in the front matter', () => {
    const only = ['config-unknown-key'];
    const off = readme('# eslint spacelint/config-unknown-key: off\nsdk: gradio\napp-port: 7860\n');
    expect(brief(lintWith('strict', { ...files, 'README.md': off }, 'README.md'), only)).toEqual([]);
    expect(brief(lintWith('strict', files, 'README.md'), only)).toEqual(['4:1 1 spacelint/config-unknown-key']);
    const block = readme('sdk: gradio\n# eslint-disable spacelint/config-unknown-key\napp-port: 7860\n# eslint-enable spacelint/config-unknown-key\nfoo_bar: 1\n');
    expect(brief(lintWith('strict', { ...files, 'README.md': block }, 'README.md'), only)).toEqual(['7:1 1 spacelint/config-unknown-key']);
  });

  it('reports an unused ESLint directive when asked to', () => {
    const unused = `# eslint-disable-next-line spacelint/config-unknown-key\n${APP}`;
    const messages = lintWith('strict', { ...files, 'app.py': unused }, 'app.py', [{ linterOptions: { reportUnusedDisableDirectives: 'warn' } }]);
    expect(messages.filter((m) => !m.ruleId)).toMatchObject([{ line: 1, column: 1, severity: 1, message: expect.stringMatching(/Unused eslint-disable directive/) }]);
  });

  it('reports a malformed inline config', () => {
    const bad = `# eslint spacelint/config-unknown-key: [\n${APP}`;
    const messages = lintWith('strict', { ...files, 'app.py': bad }, 'app.py');
    expect(messages[0]).toMatchObject({ line: 1, fatal: true });
  });
});

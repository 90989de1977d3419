import type { Suggestion } from '../diagnostic.js';
import { CONFIG_LIMITS } from '../reference/spaces.js';
import { hasExplicitTag, isPlainScalar, quoteScalarFix, replaceScalarFix, sourceOf } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-python-version',
    category: 'config',
    description: '`python_version` is a quoted Python 3 version, and one ZeroGPU supports on ZeroGPU Spaces.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      float: {
        level: 'error',
        text: '`python_version: {{raw}}` is read by YAML as the number {{parsed}}, not "{{raw}}", so the Space gets Python {{parsed}}. Quote it: `python_version: "{{raw}}"`.',
      },
      unquoted: {
        level: 'info',
        text: '`python_version: {{raw}}` is a YAML number; the Space gets Python {{raw}} as written, but the same habit turns `3.10` into 3.1. Quote it: `python_version: "{{raw}}"`.',
      },
      python2: { level: 'error', text: '`python_version: {{value}}`: only Python 3 versions are supported on Spaces. Use a 3.x version such as "{{default}}".' },
      format: { level: 'error', text: '`python_version: {{value}}` is not a Python version: use "3.x" or "3.x.x" (default "{{default}}").' },
      notAllowed: { level: 'warning', text: "`python_version: {{value}}` is not in this project's installable versions ({{allowed}})." },
      zeroGpu: {
        level: 'warning',
        text: 'ZeroGPU supports Python {{supported}} only (as of {{asOf}}), and this Space {{evidence}}: `python_version: {{value}}` may fail there. Use "{{suggested}}".',
      },
    },
    docs: {
      rationale:
        '"Any valid Python `3.x` or `3.x.x` version. Defaults to `3.10`." (https://huggingface.co/docs/hub/spaces-config-reference); "Only Python 3 versions are supported." (Spaces changelog, 2022-02-21: https://huggingface.co/docs/hub/spaces-changelog). The pattern `^3\\.\\d+(\\.\\d+)?$` is spacelint\'s reading of that wording. YAML reads an unquoted `python_version: 3.10` as the float 3.1 (YAML 1.2 core schema: https://yaml.org/spec/1.2.2/#1032-tag-resolution), so the Space gets a different Python than written: an error, with an autofix that quotes the source token (`3.10` → `"3.10"`), which is safe because it keeps what the author typed. An unquoted version that YAML keeps as written (`3.11`, `3.9`) gives the Space that Python, so it is only an info note with the same quoting fix. `config-value-type` leaves this key to this rule so the trap is reported once. ZeroGPU supports Python 3.12.12 and 3.10.13 only (https://huggingface.co/docs/hub/spaces-zerogpu); when ZeroGPU is confirmed (`suggested_hardware: zero-a10g`) or likely (the code imports `spaces`), another minor version is a warning (any patch of 3.10/3.12 is accepted; the list follows `reference.zerogpu_python` in .spacelint.yaml). Which patch versions the regular builder installs is not documented, so the option `versions` (list of strings) can restrict them per project. Docker and static Spaces ignore the key (`config-key-sdk-mismatch` says so), so it is not checked there.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\npython_version: 3.10\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\npython_version: "2.7"\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\npython_version: "3.11"\n---\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\npython_version: "3.10"\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\npython_version: 3.10.13   # two dots: YAML reads a string\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\npython_version: "3.12"\n---\n' },
      ],
      howToFix: 'Quote the version (`--fix` does it); on ZeroGPU use "3.10" or "3.12".',
      options: '`versions`: list of Python versions the project allows (e.g. ["3.10", "3.12"]); a version outside it is a warning.',
    },
  },
  check(space, report, options) {
    const fm = frontMatterOf(space);
    const e = fm?.byKey.get('python_version');
    if (!e?.valueNode || e.value === null || hasExplicitTag(e.valueNode)) return;
    const sdk = space.facts.sdk;
    if (sdk === 'docker' || sdk === 'static') return;
    const node = e.valueNode;
    const defaults = { default: CONFIG_LIMITS.defaultPythonVersion };
    let value = typeof e.value === 'string' ? e.value.trim() : undefined;
    if (typeof e.value === 'number' && isPlainScalar(node)) {
      const raw = sourceOf(space, node);
      // Only a number whose text YAML changes (3.10 → 3.1) gives the Space another Python; 3.11 stays 3.11.
      if (String(e.value) !== raw) {
        report({ messageId: 'float', data: { raw, parsed: String(e.value) }, file: README, range: node.range, fix: quoteScalarFix(space, node) });
        return;
      }
      report({ messageId: 'unquoted', data: { raw }, file: README, range: node.range, fix: quoteScalarFix(space, node) });
      value = raw;
    }
    const fixTo = (v: string): Suggestion => ({ desc: `Use \`python_version: "${v}"\``, fix: { range: node.range, text: `"${v}"` } });
    if (value === undefined) {
      report({ messageId: 'format', data: { value: sourceOf(space, node), ...defaults }, file: README, range: node.range, suggestions: [fixTo(defaults.default)] });
      return;
    }
    if (/^2(\.\d+){0,2}$/.test(value)) {
      report({ messageId: 'python2', data: { value, ...defaults }, file: README, range: node.range, suggestions: [fixTo(defaults.default)] });
      return;
    }
    if (!new RegExp(CONFIG_LIMITS.pythonVersionPattern).test(value)) {
      const cleaned = /^(?:python|py|v)?\s*(3\.\d+(?:\.\d+)?)$/i.exec(value)?.[1];
      report({ messageId: 'format', data: { value, ...defaults }, file: README, range: node.range, suggestions: [fixTo(cleaned ?? defaults.default)] });
      return;
    }
    const allowed = Array.isArray(options.versions) ? options.versions.map(String) : undefined;
    if (allowed?.length && !allowed.some((v) => v === value || value.startsWith(`${v}.`))) {
      report({ messageId: 'notAllowed', data: { value, allowed: allowed.join(', ') }, file: README, range: node.range });
    }
    const zero = space.facts.zeroGpu;
    if (zero === 'no') return;
    const ref = space.reference.zeroGpu;
    const minors = [...new Set(ref.python.map((v) => v.split('.').slice(0, 2).join('.')))];
    const minor = value.split('.').slice(0, 2).join('.');
    if (minors.includes(minor)) return;
    const suggested = minors.find((m) => m.startsWith('3.12')) ?? minors[0];
    report({
      messageId: 'zeroGpu',
      data: {
        value,
        supported: ref.python.join(' and '),
        asOf: ref.asOf,
        evidence: zero === 'confirmed' ? 'suggests `zero-a10g` hardware' : 'uses the `spaces` package (ZeroGPU)',
        suggested,
      },
      file: README,
      range: node.range,
      suggestions: minors.map((m) => ({ desc: `Use \`python_version: "${m}"\``, fix: replaceScalarFix(space, node, m) })),
    });
  },
});

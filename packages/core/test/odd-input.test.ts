/**
 * Regressions found by the property tests (test/property/): each case once crashed the engine or made it
 * hang, and is pinned here in its smallest form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixSnapshot, lintSnapshot } from '../src/engine.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { initParsers } from '../src/parse/python.js';
import { snapshotFromEntries } from '../src/space/files.js';

beforeAll(async () => {
  await initParsers();
});

const DOCKER_README = '---\nsdk: docker\n---\n';

describe('Dockerfile', () => {
  it('a continuation followed only by comment lines ends the instruction at the last line', () => {
    const text = 'FROM python:3.12\nRUN pip install x \\\n# a comment\n# another';
    const docker = parseDockerfile(text);
    expect(docker.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 4],
    ]);
    expect(docker.comments.map((c) => c.text)).toEqual(['# a comment', '# another']);
    expect(() => lintSnapshot(snapshotFromEntries({ 'README.md': DOCKER_README, Dockerfile: text }))).not.toThrow();
  });
});

/**
 * Inputs that once made linting super-linear (each took 30 s or more, hours near the 2 MB limit). Linear
 * work takes a second or two; the bound is loose for a shared CI machine but far below the old cost.
 */
describe('no super-linear work on large files', () => {
  const GRADIO_README = '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n';
  const cases: [string, Record<string, string>][] = [
    ['100,000 imports', { 'README.md': GRADIO_README, 'app.py': 'import a\n'.repeat(100_000) }],
    ['60,000 line directives', { 'README.md': GRADIO_README, 'app.py': 'x  # spacelint-disable-line a\n'.repeat(60_000) }],
    ['a requirement with a long run of spaces in its specifier', { 'README.md': GRADIO_README, 'requirements.txt': `a==1${' '.repeat(1_000_000)}~\n` }],
    ['a `name @ url` requirement with a long run of spaces', { 'README.md': GRADIO_README, 'requirements.txt': `a @ b${' \t'.repeat(500_000)}x;\n` }],
    ['a URL requirement with a long run of spaces', { 'README.md': GRADIO_README, 'requirements.txt': `./pkg${' '.repeat(1_000_000)}x\n` }],
    ['a Dockerfile ENV with a long word', { 'README.md': DOCKER_README, Dockerfile: `FROM x\nENV a=1 ${'b'.repeat(1_000_000)}\n` }],
    ['a Dockerfile line of 300,000 flags', { 'README.md': DOCKER_README, Dockerfile: `FROM x\nRUN ${'--a '.repeat(300_000)}\n` }],
    ['a Python file of 300,000 unclosed brackets', { 'README.md': GRADIO_README, 'app.py': `import os\nx = ${'['.repeat(300_000)}\n` }],
    ['a Python file of 200,000 unclosed parentheses after valid code', { 'README.md': GRADIO_README, 'app.py': `import os\n\ndef f():\n    return 1\n\ny = ${'('.repeat(200_000)}\n` }],
    ['front matter of 200,000 keys (2 MB)', { 'README.md': `---\nsdk: gradio\n${Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join('\n')}\n---\n` }],
    ['an ignore glob that backtracks', { 'README.md': GRADIO_README, '.spacelint.yaml': 'ignore: ["*a*a*a*a*a*a*a*a*a*a*b"]\n', [`${'a'.repeat(3_000)}.py`]: 'x = 1\n' }],
  ];
  for (const [name, files] of cases) {
    it(name, () => {
      const started = performance.now();
      const { diagnostics } = lintSnapshot(snapshotFromEntries(files));
      const elapsed = performance.now() - started;
      expect(diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      if (name.startsWith('a Python file')) expect(diagnostics.some((d) => d.ruleId === 'parse-error' && d.file === 'app.py')).toBe(true);
      expect(elapsed, `${name}: ${elapsed.toFixed(0)} ms`).toBeLessThan(15_000);
    });
  }
});

describe('README front matter', () => {
  it('a front matter over 64 KB is reported, not parsed; one just under is parsed', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key_${String(i).padStart(5, '0')}: 1`).join('\n');
    const big = lintSnapshot(snapshotFromEntries({ 'README.md': `---\nsdk: gradio\n${keys(6_000)}\n---\n` })).diagnostics;
    expect(big.filter((d) => d.ruleId === 'config-front-matter').map((d) => [d.line, d.message])).toEqual([[2, expect.stringContaining('spacelint checks front matter up to 64 KB')]]);
    const under = lintSnapshot(snapshotFromEntries({ 'README.md': `---\nsdk: gradio\n${keys(4_000)}\n---\n` })).diagnostics;
    expect(under.some((d) => d.ruleId === 'config-front-matter')).toBe(false);
    expect(under.filter((d) => d.ruleId === 'config-unknown-key')).toHaveLength(4_000);
  });
});

describe('secrets in findings', () => {
  const TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
  it('a token quoted by a finding (an unknown key, a directive rule name) is redacted in messages and suggestions', () => {
    const { diagnostics } = lintSnapshot(
      snapshotFromEntries({
        'README.md': `---\nsdk: gradio\nsdk_version: "5.49.1"\n${TOKEN}: 1\n---\n`,
        'app.py': `import gradio as gr  # spacelint-disable-line ${TOKEN}\n`,
      }),
    );
    const shown = diagnostics.flatMap((d) => [d.message, ...(d.suggestions ?? []).map((s) => s.desc)]);
    expect(shown.some((t) => t.includes('hf_Ab********'))).toBe(true);
    expect(shown.filter((t) => t.includes(TOKEN))).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['config-unknown-key', 'unused-directive']));
  });
});

describe('deeply nested front matter', () => {
  it('the same README gives the same findings at any stack depth (no stack-overflow-dependent outcome)', () => {
    const readme = `---\ntitle: Demo\nsdk: gradio\n${'['.repeat(900)}${']'.repeat(900)}\nsdk_version: "5.49.1"\n---\n`;
    const files = { 'README.md': readme, 'app.py': 'import gradio as gr\n' };
    const shallow = lintSnapshot(snapshotFromEntries(files)).diagnostics;
    const nest = (n: number): ReturnType<typeof lintSnapshot> => (n === 0 ? lintSnapshot(snapshotFromEntries(files)) : nest(n - 1));
    const deep = nest(3_000).diagnostics;
    expect(deep).toEqual(shallow);
    expect(shallow.filter((d) => d.ruleId === 'config-front-matter').map((d) => d.message)).toEqual([expect.stringContaining('more than 256 levels deep')]);
  });

  it('a line of 1,800 `- ` (a list in a list …) gives the same finding at any stack depth (found by npm run fuzz, seed 65537)', () => {
    const readme = `---\nsdk: gradio\napp_file: app.py\npreload_from_hub:\n  ${'- '.repeat(1_800)}black-forest-labs/FLUX.1-dev\n---\n`;
    const files = { 'README.md': readme, 'app.py': 'import gradio as gr\n' };
    const shallow = lintSnapshot(snapshotFromEntries(files)).diagnostics;
    const nest = (n: number): ReturnType<typeof lintSnapshot> => (n === 0 ? lintSnapshot(snapshotFromEntries(files)) : nest(n - 1));
    expect(nest(3_000).diagnostics).toEqual(shallow);
    expect(shallow.filter((d) => d.ruleId === 'config-front-matter').map((d) => [d.line, d.column, d.message])).toEqual([[2, 1, expect.stringContaining('more than 256 levels deep')]]);
    const within = lintSnapshot(snapshotFromEntries({ 'README.md': `---\nsdk: gradio\ntags:\n  ${'- '.repeat(20)}x\n---\n`, 'app.py': 'import gradio as gr\n' })).diagnostics;
    expect(within.some((d) => d.ruleId === 'config-front-matter')).toBe(false);
  });

  it('nesting within the bound is parsed; values nested over 100 levels are named as such', () => {
    const ok = lintSnapshot(snapshotFromEntries({ 'README.md': `---\nsdk: gradio\ntags: ${'['.repeat(50)}${']'.repeat(50)}\n---\n` })).diagnostics;
    expect(ok.some((d) => d.ruleId === 'config-front-matter')).toBe(false);
    const deep = lintSnapshot(snapshotFromEntries({ 'README.md': `---\nsdk: gradio\ntags: ${'['.repeat(150)}${']'.repeat(150)}\n---\n` })).diagnostics;
    expect(deep.filter((d) => d.ruleId === 'config-front-matter').map((d) => d.message)).toEqual([expect.stringContaining('`tags` is nested more than 100 levels deep')]);
  });
});

describe('fixes that would break a file', () => {
  it('removing an unused directive that ends a `\\` continuation in requirements.txt keeps the line that ends it', () => {
    const requirements = 'numpy==1.26.4 \\\n# spacelint-disable-next-line config-unknown-key\n--extra-index-url https://download.pytorch.org/whl/cu121\n';
    const result = fixSnapshot(snapshotFromEntries({ 'README.md': '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n', 'app.py': 'import gradio\n', 'requirements.txt': requirements }));
    // Deleting the whole line would join `--extra-index-url` to numpy's line, where pip ignores it.
    expect(result.changes.get('requirements.txt')?.text).toBe('numpy==1.26.4 \\\n\n--extra-index-url https://download.pytorch.org/whl/cu121\n');
    expect(result.diagnostics.filter((d) => d.file === 'requirements.txt')).toEqual([]);
  });
});

describe('UTF-16 text with a BOM (pip decodes such requirements files)', () => {
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
  const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
  const readmeText = '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n';

  it('reads UTF-16LE and UTF-16BE requirements.txt as text, not as binary', async () => {
    await initParsers();
    for (const bytes of [utf16le('gradio==5.49.1\nnumpy\n'), utf16be('gradio==5.49.1\nnumpy\n')]) {
      const { diagnostics } = lintSnapshot(snapshotFromEntries({ 'README.md': readmeText, 'app.py': 'import gradio\n', 'requirements.txt': bytes }));
      const onRequirements = diagnostics.filter((d) => d.file === 'requirements.txt');
      expect(onRequirements.map((d) => d.ruleId)).not.toContain('parse-error');
      expect(onRequirements.map((d) => d.ruleId)).toContain('deps-sdk-managed-packages'); // the redundant gradio pin is seen
    }
  });

  it('never rewrites a UTF-16 file with a fix', async () => {
    await initParsers();
    const result = fixSnapshot(snapshotFromEntries({ 'README.md': readmeText, 'app.py': 'import gradio\n', 'requirements.txt': utf16le('gradio==5.49.1\nnumpy\n') }));
    expect(result.changes.has('requirements.txt')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { LintConfig } from '../src/config/config.js';
import { fixFiles, GRADIO_APP, lintFiles as lintAll, readme } from './lint-files.js';

// These tests are about directives: they look at the findings of the rules they disable, whatever other
// rules (present and future) say about the tiny test Spaces.
const WATCHED = new Set(['config-unknown-key', 'config-invalid-value', 'parse-error', 'unused-directive']);
const lintFiles = async (files: Record<string, string>, options: { config?: LintConfig } = {}) => (await lintAll(files, options)).filter((d) => WATCHED.has(d.ruleId));

const bad = (extra = '') => readme(`sdk: docker\n${extra}app-port: 7860`);

describe('inline directives', () => {
  it('disable-next-line in README front matter suppresses the named rule', async () => {
    const files = { 'README.md': bad('# spacelint-disable-next-line config-unknown-key -- legacy key\n'), Dockerfile: 'FROM x\n' };
    expect(await lintFiles(files)).toEqual([]);
  });

  it('a directive for another rule does not suppress, and is reported unused', async () => {
    const found = await lintFiles({ 'README.md': bad('# spacelint-disable-next-line config-invalid-value\n'), Dockerfile: 'FROM x\n' });
    expect(found.map((d) => d.ruleId).sort()).toEqual(['config-unknown-key', 'unused-directive']);
  });

  it('disable/enable regions and disable-file work in Python', async () => {
    const py = '# spacelint-disable parse-error\ndef f(:\n    pass\n# spacelint-enable parse-error\n';
    expect(await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'x.py': py })).toEqual([]);
    const file = '# spacelint-disable-file parse-error\nx = (\n';
    expect(await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'y.py': file })).toEqual([]);
  });

  it('a region ends at enable', async () => {
    const py = '# spacelint-disable parse-error\nx = 1\n# spacelint-enable parse-error\ndef f(:\n    pass\n';
    const found = await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'x.py': py });
    expect(found.map((d) => d.ruleId).sort()).toEqual(['parse-error', 'unused-directive']);
  });

  it('works in requirements and Dockerfile comments; a bare directive covers every rule', async () => {
    const files = {
      'README.md': readme('sdk: docker'),
      Dockerfile: 'FROM x\n# spacelint-disable-next-line\nRUNN y\n',
      'requirements.txt': 'ok==1\nbad=>2  # spacelint-disable-line parse-error\n',
    };
    expect(await lintFiles(files)).toEqual([]);
  });

  it('is not read from strings or from packages.txt', async () => {
    const py = 'x = "# spacelint-disable-file parse-error"\ndef f(:\n';
    const found = await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'x.py': py });
    expect(found.map((d) => d.ruleId)).toEqual(['parse-error']);
  });

  it('unused directives are removed by --fix', async () => {
    const out = await fixFiles({ 'README.md': readme('sdk: gradio'), 'app.py': `${GRADIO_APP}# spacelint-disable-next-line parse-error\nx = 1\n` });
    expect(out['app.py']).toBe(`${GRADIO_APP}x = 1\n`);
  });

  it('unused-directive can be turned off', async () => {
    const found = await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': `${GRADIO_APP}# spacelint-disable-line parse-error\n` }, { config: { rules: { 'unused-directive': 'off' } } });
    expect(found).toEqual([]);
  });

  it('removing an unused directive from a CRLF Python file keeps its CRLF line breaks', async () => {
    // tree-sitter's comment token runs up to the `\n`: in a CRLF file it held the `\r` (found by `npm run fuzz`).
    const app = `${GRADIO_APP.replace(/\n/g, '\r\n')}x = 1  # spacelint-disable-line parse-error\r\n# spacelint-disable-next-line parse-error\r\ny = 2\r\n`;
    const fixed = (await fixFiles({ 'README.md': readme('sdk: gradio'), 'app.py': app }))['app.py'];
    expect(fixed).toBe(`${GRADIO_APP.replace(/\n/g, '\r\n')}x = 1\r\ny = 2\r\n`);
  });
});

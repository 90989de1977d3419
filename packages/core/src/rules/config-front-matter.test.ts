import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles } from '../../test/lint-files.js';

const only = 'config-front-matter';
const app = { 'app.py': GRADIO_APP };

describe(only, () => {
  it('fires when README.md is missing', async () => {
    const [d] = await lintFiles({ ...app }, { only });
    expect(d).toMatchObject({ file: 'README.md', line: 1, level: 'error' });
    expect(d.message).toContain('no README.md');
  });

  it('fires when the front matter is not at the top', async () => {
    const [d] = await lintFiles({ 'README.md': '# My demo\n---\nsdk: gradio\n---\n', ...app }, { only });
    expect(d).toMatchObject({ line: 2, column: 1 });
    expect(d.message).toContain('very top');
  });

  it('fires on a README without front matter, an unclosed block and a lone ---', async () => {
    for (const text of ['# Title only\n', '---\nsdk: gradio\n', '---', '']) {
      const found = await lintFiles({ 'README.md': text, ...app }, { only });
      expect(found, JSON.stringify(text)).toHaveLength(1);
    }
  });

  it('fires on invalid YAML at the right README line', async () => {
    const [d] = await lintFiles({ 'README.md': '---\ntitle: ok\nsdk: [gradio\n---\n', ...app }, { only });
    expect(d.message).toContain('not valid YAML');
    expect(d.line).toBeGreaterThanOrEqual(3);
  });

  it('fires on duplicate keys, at the duplicate', async () => {
    const [d] = await lintFiles({ 'README.md': '---\nsdk: gradio\ntitle: a\nsdk: docker\n---\n', ...app }, { only });
    expect(d.message).toContain('Duplicate key');
    expect(d.line).toBe(4);
  });

  it('fires when the top level is not a mapping', async () => {
    const [d] = await lintFiles({ 'README.md': '---\n- sdk: gradio\n---\n', ...app }, { only });
    expect(d.message).toContain('mapping');
  });

  it('caps YAML alias expansion (billion laughs)', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const [d] = await lintFiles({ 'README.md': `---\nsdk: gradio\n${bomb.join('\n')}\n---\n`, ...app }, { only });
    expect(d.message).toContain('too many nodes');
  });

  it('fires on a README that is not UTF-8', async () => {
    const [d] = await lintFiles({ 'README.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), ...app }, { only });
    expect(d.message).toContain('UTF-8');
  });

  it('stays silent on valid front matter, with a BOM and CRLF line ends', async () => {
    expect(await lintFiles({ 'README.md': '---\ntitle: My demo\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# My demo\n', ...app }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': '\uFEFF---\r\ntitle: x\r\nsdk: gradio\r\n---\r\n', ...app }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': '---\n---\n# empty config\n', ...app }, { only })).toEqual([]);
  });
});

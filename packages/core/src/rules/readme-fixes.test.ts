import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { parseFrontMatter } from '../parse/frontmatter.js';

/**
 * Every README autofix of the config rules (quoting the float trap in sdk_version / python_version /
 * string keys, lowercasing custom_headers) applied together by `fixFiles` must change only the values
 * it targets: every other key keeps its parsed value, and the comments and layout stay.
 */
describe('README autofixes keep every other value', () => {
  const before = readme(
    [
      'title: "Demo: 2048"',
      'emoji: 🚀',
      'colorFrom: indigo',
      'sdk: gradio',
      'sdk_version: 5.0   # the float trap',
      'python_version: 3.10',
      'app_file: app.py',
      'pinned: false',
      'tags: [2024, demo]',
      'models:',
      '  - openai-community/gpt2',
      'custom_headers:',
      '  Cross-Origin-Opener-Policy: SAME-ORIGIN',
      '  cross-origin-embedder-policy: require-corp',
      'hf_oauth: true',
      'hf_oauth_scopes: [inference-api]',
      'anchor_user: &port 7860',
      'license: mit',
    ].join('\n'),
  );

  it('fixes only the targeted values', async () => {
    const files = { 'README.md': before, 'app.py': GRADIO_APP };
    const fixed = await fixFiles(files);
    const a = parseFrontMatter(before);
    const b = parseFrontMatter(fixed['README.md']);
    if (!a.found || !b.found) throw new Error('front matter expected');
    const data = b.frontMatter.data!;
    expect(data.sdk_version).toBe('5.0');
    expect(data.python_version).toBe('3.10');
    expect(data.tags).toEqual(['2024', 'demo']);
    expect(data.custom_headers).toEqual({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    const touched = new Set(['sdk_version', 'python_version', 'tags', 'custom_headers']);
    for (const [key, value] of Object.entries(a.frontMatter.data!)) {
      if (!touched.has(key)) expect(data[key], key).toEqual(value);
    }
    expect(Object.keys(data)).toEqual(Object.keys(a.frontMatter.data!));
    expect(fixed['README.md']).toContain('sdk_version: "5.0"   # the float trap\n');
    expect(fixed['README.md'].split('\n').length).toBe(before.split('\n').length);
    // Nothing fixable is left for these rules.
    const left = await lintFiles(fixed);
    expect(left.filter((d) => d.fix && d.file === 'README.md')).toEqual([]);
  });

  it('keeps CRLF line endings', async () => {
    const crlf = readme('sdk: gradio\nsdk_version: 4.0\ntitle: x').replace(/\n/g, '\r\n');
    const fixed = await fixFiles({ 'README.md': crlf, 'app.py': GRADIO_APP });
    expect(fixed['README.md']).toBe('---\r\nsdk: gradio\r\nsdk_version: "4.0"\r\ntitle: x\r\n---\r\n# Demo\r\n');
  });
});

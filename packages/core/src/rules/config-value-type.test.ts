import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { isEmojiOnly } from './config-value-type.js';

const only = 'config-value-type';
const lintReadme = (yaml: string) => lintFiles({ 'README.md': readme(yaml), 'app.py': GRADIO_APP }, { only });

describe(only, () => {
  it('catches the sdk_version float trap and quotes what the author typed', async () => {
    const files = { 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: 5.10\napp_file: app.py'), 'app.py': GRADIO_APP };
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, column: 14, message: expect.stringContaining('the number 5.1') });
    expect(d.fix).toEqual({ range: expect.any(Array), text: '"5.10"' });
    const fixed = await fixFiles(files);
    expect(fixed['README.md']).toContain('sdk_version: "5.10"\n');
    expect(await lintFiles(fixed, { only })).toEqual([]);
  });

  it('quotes `5.0` as "5.0", not as the parsed "5"', async () => {
    const fixed = await fixFiles({ 'README.md': readme('sdk: gradio\nsdk_version: 5.0  # pinned'), 'app.py': GRADIO_APP });
    expect(fixed['README.md']).toContain('sdk_version: "5.0"  # pinned');
  });

  it('stays silent on quoted and three-part versions', async () => {
    expect(await lintReadme('sdk: gradio\nsdk_version: "5.0"')).toEqual([]);
    expect(await lintReadme("sdk: gradio\nsdk_version: '4.44.1'")).toEqual([]);
    expect(await lintReadme('sdk: gradio\nsdk_version: 4.44.1')).toEqual([]);
    expect(await lintReadme('sdk: gradio\nsdk_version: 6.0.0b1')).toEqual([]);
  });

  it('rejects an sdk_version that is not a version', async () => {
    const [d] = await lintReadme('sdk: gradio\nsdk_version: latest');
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('not a version') });
  });

  it('leaves python_version to config-python-version (no double report)', async () => {
    expect(await lintReadme('sdk: gradio\nsdk_version: "5.9.1"\npython_version: 3.10')).toEqual([]);
  });

  it('reports a string where a boolean is expected, with a suggestion', async () => {
    const [d] = await lintReadme('sdk: gradio\npinned: "no"');
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('`pinned` must be a boolean') });
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0]).toMatchObject({ desc: 'Use `pinned: false`', fix: { text: 'false' } });
    expect(await lintReadme('sdk: gradio\npinned: false\nfullWidth: true\nhf_oauth: false\ndisable_embedding: true')).toEqual([]);
  });

  it('warns on a quoted app_port and rejects ports out of range', async () => {
    const [d] = await lintReadme('sdk: docker\napp_port: "8080"');
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('`app_port: 8080`') });
    expect(d.suggestions?.[0].fix.text).toBe('8080');
    const [range] = await lintReadme('sdk: docker\napp_port: 70000');
    expect(range).toMatchObject({ level: 'error', message: expect.stringContaining('1 to 65535') });
    const [zero] = await lintReadme('sdk: docker\napp_port: 0');
    expect(zero.level).toBe('error');
    const [float] = await lintReadme('sdk: docker\napp_port: 80.5');
    expect(float.message).toContain('must be an integer');
    expect(await lintReadme('sdk: docker\napp_port: 8080')).toEqual([]);
  });

  it('warns when short_description is over 60 characters', async () => {
    const [d] = await lintReadme('sdk: gradio\nshort_description: Explore the canonical benchmark of browser agents, with charts');
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('62 characters') });
    expect(await lintReadme('sdk: gradio\nshort_description: Text-to-image demo')).toEqual([]);
    // 60 emoji-free characters exactly: allowed.
    expect(await lintReadme(`sdk: gradio\nshort_description: ${'x'.repeat(60)}`)).toEqual([]);
  });

  it('checks that emoji is emoji only', async () => {
    expect(isEmojiOnly('🚀')).toBe(true);
    expect(isEmojiOnly('🛠️')).toBe(true);
    expect(isEmojiOnly('👩🏽‍💻')).toBe(true);
    expect(isEmojiOnly('🇫🇷')).toBe(true);
    expect(isEmojiOnly('1️⃣')).toBe(true);
    expect(isEmojiOnly('rocket')).toBe(false);
    expect(isEmojiOnly('12')).toBe(false);
    expect(isEmojiOnly('')).toBe(false);
    const [d] = await lintReadme('sdk: gradio\nemoji: 🔥 app');
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('emoji only') });
    expect(await lintReadme('sdk: gradio\nemoji: 🛠️')).toEqual([]);
  });

  it('wants thumbnail to be an http(s) URL', async () => {
    const [d] = await lintReadme('sdk: gradio\nthumbnail: thumb.png');
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('http(s) URL') });
    expect(await lintReadme('sdk: gradio\nthumbnail: https://example.com/thumb.png')).toEqual([]);
  });

  it('checks list types and repo-id shape, suggesting the id for a pasted URL', async () => {
    expect(await lintReadme('sdk: gradio\nmodels:\n  - openai-community/gpt2\n  - gpt2\ndatasets: [squad, owner/data.v2]\ntags: [demo]')).toEqual([]);
    const [url] = await lintReadme('sdk: gradio\ndatasets:\n  - https://huggingface.co/datasets/owner/my-data');
    expect(url).toMatchObject({ level: 'warning', message: expect.stringContaining('did you mean `owner/my-data`') });
    expect(url.suggestions?.[0].fix.text).toBe('owner/my-data');
    const [tags] = await lintReadme('sdk: gradio\ntags: demo');
    expect(tags).toMatchObject({ level: 'error', message: expect.stringContaining('must be a list of strings') });
    expect(tags.suggestions?.[0].fix.text).toBe('[demo]');
    const [item] = await lintReadme('sdk: gradio\ntags:\n  - a: b');
    expect(item.message).toContain('must be a string, not a mapping');
  });

  it('quotes a bare number given for a string key, including list items', async () => {
    const files = { 'README.md': readme('title: 2048\nsdk: gradio\ntags: [2024, demo]'), 'app.py': GRADIO_APP };
    const found = await lintFiles(files, { only });
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('`title: 2048` is read by YAML as the number 2048'), expect.stringContaining('`tags: 2024`')]);
    const fixed = await fixFiles(files);
    expect(fixed['README.md']).toContain('title: "2048"\n');
    expect(fixed['README.md']).toContain('tags: ["2024", demo]');
  });

  it('accepts string-or-list keys in both forms', async () => {
    expect(await lintReadme('sdk: gradio\nlicense: mit\nhf_oauth_authorized_org: [org-a, org-b]')).toEqual([]);
    const [d] = await lintReadme('sdk: gradio\nlicense: {name: mit}');
    expect(d.message).toContain('must be a string or a list of strings');
  });

  it('leaves explicitly tagged values alone (the author chose the type)', async () => {
    expect(await lintReadme('sdk: gradio\nsdk_version: !!str 5.0\npinned: !!bool "true"')).toEqual([]);
  });

  it('ignores commented-out keys and empty values', async () => {
    expect(await lintReadme('sdk: gradio\n# pinned: "no"\n# sdk_version: 5.0\ntitle:')).toEqual([]);
  });
});

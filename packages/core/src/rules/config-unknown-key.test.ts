import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-unknown-key';

describe(only, () => {
  it('fires on a separator typo with an autofix to the known key', async () => {
    const files = { 'README.md': readme('sdk: docker\napp-port: 8000'), Dockerfile: 'FROM python:3.12\n' };
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 3, column: 1, level: 'warning', message: expect.stringContaining('did you mean `app_port`') });
    expect(d.fix).toBeDefined();
    const fixed = await fixFiles(files);
    expect(fixed['README.md']).toContain('app_port: 8000');
  });

  it('suggests (without autofix) for a near miss', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_verison: "5.0"'), 'app.py': GRADIO_APP }, { only });
    expect(d.message).toContain('`sdk_version`');
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].desc).toContain('sdk_version');
  });

  it('explains keys people expect to work', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\nhardware: a10g-small'), 'app.py': GRADIO_APP }, { only });
    expect(d.message).toContain('suggested_hardware');
  });

  it('names model-card keys', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\npipeline_tag: text-generation'), 'app.py': GRADIO_APP }, { only });
    expect(d.message).toContain('model-card key');
  });

  it('stays silent on the allowlist and on commented-out keys', async () => {
    const text = readme('sdk: gradio\nlicense: mit\nduplicated_from: owner/space\n# app-port: 8000\nmetaTitle: x\ndescription: y');
    expect(await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only })).toEqual([]);
  });

  it('knows the repo-card keys the Hub reads on a Space and the Dev Mode folder key', async () => {
    const text = readme(
      'title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\nlicense: other\nlicense_name: my-license\nlicense_link: LICENSE.md\nlanguage:\n  - en\n  - fr\n' +
        'datasets: [owner/data]\nmodels: [owner/model]\ntags: [demo]\nthumbnail: https://example.com/t.png\ndev-mode-folder: /home/user/app/src',
    );
    const found = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP });
    expect(found.filter((d) => d.file === 'README.md')).toEqual([]);
  });

  it('accepts keys added by reference.keys in .spacelint.yaml', async () => {
    const files = { 'README.md': readme('sdk: gradio\nnew_hub_key: 1'), 'app.py': GRADIO_APP, '.spacelint.yaml': 'reference:\n  keys: [new_hub_key]\n' };
    expect(await lintFiles(files, { only })).toEqual([]);
  });

  it('does not autofix onto a key that already exists', async () => {
    const files = { 'README.md': readme('sdk: docker\napp_port: 8000\napp-port: 9000'), Dockerfile: 'FROM x\n' };
    const [d] = await lintFiles(files, { only });
    expect(d.fix).toBeUndefined();
  });
});

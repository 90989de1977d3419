import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'config-key-sdk-mismatch';

describe(only, () => {
  it('warns about app_port in a Gradio Space, with a removal suggestion', async () => {
    const files = { 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\napp_port: 8080'), 'app.py': GRADIO_APP };
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 4, message: expect.stringContaining('Used only if `sdk` is `docker`') });
    expect(applyFixes(files['README.md'], [d.suggestions![0].fix]).output).toBe('---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# Demo\n');
  });

  it('warns about sdk_version, python_version and app_file in a Docker Space', async () => {
    const found = await lintFiles({ 'README.md': readme('sdk: docker\nsdk_version: "5.0"\npython_version: "3.11"\napp_file: app.py'), Dockerfile: 'FROM x\n' }, { only });
    expect(found.map((d) => d.message.split(' has')[0])).toEqual(['`sdk_version`', '`python_version`', '`app_file`']);
  });

  it('warns about base_path in a static Space and app_build_command outside static', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: static\nbase_path: /docs'), 'index.html': 'x' }, { only });
    expect(d.message).toContain('use `app_file` instead');
    const [b] = await lintFiles({ 'README.md': readme('sdk: gradio\napp_build_command: npm run build'), 'app.py': GRADIO_APP }, { only });
    expect(b.message).toContain('For static Spaces');
  });

  it('stays silent for keys that apply, and for unknown SDKs', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: docker\napp_port: 8080\nbase_path: /ui'), Dockerfile: 'FROM x\n' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static\napp_build_command: npm run build\napp_file: dist/index.html'), 'package.json': '{}' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio-5\napp_port: 8080'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\n# app_port: 8080'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
  });
});

describe('config-key-sdk-mismatch in a static Space', () => {
  it('says a static Space installs nothing, and config-value-type stays silent on sdk_version: static', async () => {
    const files = { 'README.md': readme('sdk: static\napp_file: index.html\nsdk_version: static'), 'index.html': '<!doctype html><title>x</title>' };
    const found = await lintFiles(files);
    const mismatch = found.filter((d) => d.ruleId === 'config-key-sdk-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0].message).toContain('static Space installs nothing');
    expect(mismatch[0].message).not.toContain('Dockerfile');
    expect(found.filter((d) => d.ruleId === 'config-value-type')).toEqual([]);
  });
});

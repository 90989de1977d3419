import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-app-file-missing';

describe(only, () => {
  it('fires when app_file names a file that does not exist, suggesting the Gradio app', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\napp_file: main.py'), 'app.py': GRADIO_APP }, { only });
    expect(d).toMatchObject({ file: 'README.md', line: 3, level: 'error' });
    expect(d.message).toContain('`main.py` does not exist');
    expect(d.suggestions?.[0].fix.text).toBe('app.py');
  });

  it('fires when the default app.py is missing', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio'), 'src/demo.py': GRADIO_APP }, { only });
    expect(d.message).toContain('`app.py`');
    expect(d.suggestions?.[0].desc).toContain('src/demo.py');
  });

  it('fires on a Docker Space without Dockerfile, naming a wrongly-cased one', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: docker'), dockerfile: 'FROM x\n' }, { only });
    expect(d.message).toContain('found `dockerfile`');
  });

  it('fires on absolute and escaping paths, and warns on the wrong extension', async () => {
    expect((await lintFiles({ 'README.md': readme('sdk: gradio\napp_file: /app.py'), 'app.py': GRADIO_APP }, { only }))[0].message).toContain('relative');
    expect((await lintFiles({ 'README.md': readme('sdk: gradio\napp_file: ../app.py'), 'app.py': GRADIO_APP }, { only }))[0].message).toContain('relative');
    const [ext] = await lintFiles({ 'README.md': readme('sdk: static\napp_file: app.py'), 'app.py': '' }, { only });
    expect(ext).toMatchObject({ level: 'warning' });
  });

  it('checks a static build: the output need not exist, but package.json must', async () => {
    const yaml = 'sdk: static\napp_build_command: npm run build\napp_file: dist/index.html';
    expect(await lintFiles({ 'README.md': readme(yaml), 'package.json': '{}' }, { only })).toEqual([]);
    expect((await lintFiles({ 'README.md': readme(yaml) }, { only }))[0].message).toContain('package.json');
  });

  it('stays silent when the files exist (case-sensitive match)', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\n' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static'), 'index.html': '<p>' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\napp_file: src/ui.py'), 'src/ui.py': GRADIO_APP }, { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-python-version';
const lintReadme = (yaml: string, extra: Record<string, string> = {}) => lintFiles({ 'README.md': readme(yaml), 'app.py': GRADIO_APP, ...extra }, { only });
const ZERO_APP = 'import spaces\nimport gradio as gr\n\n@spaces.GPU\ndef f(x):\n    return x\n\ngr.Interface(f, "text", "text").launch()\n';

describe(only, () => {
  it('catches the float trap and autofixes by quoting the typed text', async () => {
    const files = { 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\npython_version: 3.10'), 'app.py': GRADIO_APP };
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, message: expect.stringContaining('the number 3.1') });
    const fixed = await fixFiles(files);
    expect(fixed['README.md']).toContain('python_version: "3.10"\n');
    expect(await lintFiles(fixed, { only })).toEqual([]);
  });

  it('rejects Python 2 and non-versions', async () => {
    const [py2] = await lintReadme('sdk: gradio\npython_version: "2.7"');
    expect(py2).toMatchObject({ level: 'error', message: expect.stringContaining('only Python 3') });
    expect(py2.suggestions?.[0].fix.text).toBe('"3.10"');
    const [word] = await lintReadme('sdk: gradio\npython_version: python3.11');
    expect(word.message).toContain('not a Python version');
    expect(word.suggestions?.[0].fix.text).toBe('"3.11"');
    const [list] = await lintReadme('sdk: gradio\npython_version: [3.10]');
    expect(list.level).toBe('error');
  });

  it('warns when ZeroGPU is confirmed and the version is not 3.10 or 3.12', async () => {
    const [d] = await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g\npython_version: "3.11"');
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('3.12.12 and 3.10.13') });
    expect(d.message).toContain('zero-a10g');
    expect(d.suggestions?.map((s) => s.fix.text)).toEqual(['"3.12"', '"3.10"']);
  });

  it('warns when ZeroGPU is likely (the code imports spaces)', async () => {
    const [d] = await lintReadme('sdk: gradio\npython_version: "3.13"', { 'app.py': ZERO_APP });
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('uses the `spaces` package') });
  });

  it('stays silent on good versions, ZeroGPU 3.12, and non-Python SDKs', async () => {
    expect(await lintReadme('sdk: gradio\npython_version: "3.10"')).toEqual([]);
    expect((await lintReadme('sdk: gradio\npython_version: 3.11')).map((d) => d.level)).toEqual(['info']);
    expect((await lintReadme('sdk: gradio\npython_version: 3.9')).map((d) => d.level)).toEqual(['info']);
    expect(await lintReadme('sdk: gradio\npython_version: 3.10.13')).toEqual([]);
    expect(await lintReadme('sdk: gradio\npython_version: "3.11"')).toEqual([]);
    expect(await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g\npython_version: "3.12"')).toEqual([]);
    expect(await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g\npython_version: 3.12.12')).toEqual([]);
    expect(await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g')).toEqual([]);
    expect(await lintReadme('sdk: gradio\n# python_version: 2.7')).toEqual([]);
    expect(await lintReadme('sdk: gradio\npython_version: !!str 3.10')).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker\npython_version: 3.10'), Dockerfile: 'FROM x\n' }, { only })).toEqual([]);
  });

  it('accepts ZeroGPU Python versions added in .spacelint.yaml', async () => {
    const extra = { '.spacelint.yaml': 'reference:\n  zerogpu_python: ["3.13.1"]\n' };
    expect(await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g\npython_version: "3.13"', extra)).toEqual([]);
  });

  it('restricts versions with the `versions` option', async () => {
    const config = { rules: { [only]: ['warning', { versions: ['3.10', '3.12'] }] as ['warning', Record<string, unknown>] } };
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\npython_version: "3.9"'), 'app.py': GRADIO_APP }, { only, config });
    expect(d.message).toContain('3.10, 3.12');
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\npython_version: "3.12.4"'), 'app.py': GRADIO_APP }, { only, config })).toEqual([]);
  });
});

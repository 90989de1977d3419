import { describe, expect, it } from 'vitest';
import { fixFiles, GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-sdk-managed-packages';
const space = (requirements: string, yaml = 'sdk: gradio\nsdk_version: "4.44.1"', extra: Record<string, string> = {}) => ({
  'README.md': readme(yaml),
  'app.py': GRADIO_APP,
  'requirements.txt': requirements,
  ...extra,
});

describe(only, () => {
  it('reports a gradio pin that excludes sdk_version as an error (ResolutionImpossible)', async () => {
    const [d, ...rest] = await lintFiles(space('torch\ngradio==5.9.1\n'), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'requirements.txt', line: 2, column: 1, endColumn: 14 });
    expect(d.message).toContain('excludes `sdk_version` 4.44.1');
    expect(d.message).toContain('`gradio[oauth,mcp]==4.44.1`');
    expect(d.message).toContain('ResolutionImpossible');
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].fix).toEqual({ range: [6, 20], text: '' });
  });

  it('evaluates ranges, wildcards and compatible releases against sdk_version', async () => {
    const levels = async (req: string) => (await lintFiles(space(`${req}\n`), { only })).map((d) => d.level);
    expect(await levels('gradio>=4,<5')).toEqual(['info']);
    expect(await levels('gradio==4.*')).toEqual(['info']);
    expect(await levels('gradio~=4.40')).toEqual(['info']);
    expect(await levels('gradio>=5')).toEqual(['error']);
    expect(await levels('gradio~=4.44.2')).toEqual(['error']);
    expect(await levels('gradio!=4.44.1')).toEqual(['error']);
  });

  it('reads the sdk_version float trap as the typed text', async () => {
    const [d] = await lintFiles(space('gradio==5.1\n', 'sdk: gradio\nsdk_version: 5.10'), { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('sdk_version` 5.10') });
    const [ok] = await lintFiles(space('gradio==5.10.0\n', 'sdk: gradio\nsdk_version: 5.10'), { only });
    expect(ok.level).toBe('info');
  });

  it('deletes redundant pins with an autofix, keeping the other lines', async () => {
    const files = space('# deps\ngradio[oauth]==4.44.1\ntorch==2.5.1\nGradio_Client\nspaces\nhuggingface-hub\n');
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.line, d.level, !!d.fix])).toEqual([
      [2, 'info', true],
      [4, 'info', true],
      [5, 'info', true],
      [6, 'info', true],
    ]);
    expect(found[1].message).toContain('`gradio_client` as a dependency of gradio');
    const fixed = await fixFiles(files);
    expect(fixed['requirements.txt']).toBe('# deps\ntorch==2.5.1\n');
  });

  it('follows -r includes and -c constraints within the Space', async () => {
    const files = space('-r deps/base.txt\ntransformers\n', undefined, {
      'deps/base.txt': '-c ../constraints.txt\nnumpy\ngradio==5.0.0\n',
      'constraints.txt': 'gradio<4.40\n',
    });
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.file, d.line, d.level])).toEqual([
      ['constraints.txt', 1, 'error'],
      ['deps/base.txt', 3, 'error'],
    ]);
    // An include cycle and a missing include are followed once / skipped.
    const cyclic = space('-r requirements.txt\n-r missing.txt\ngradio\n');
    expect((await lintFiles(cyclic, { only })).map((d) => d.level)).toEqual(['info']);
  });

  it('skips lines whose marker is false on the Linux builder and checks the others', async () => {
    expect(await lintFiles(space('gradio==5.0; sys_platform == "win32"\n'), { only })).toEqual([]);
    expect(await lintFiles(space('gradio==5.0; python_version < "3.9"\n'), { only })).toEqual([]);
    const [d] = await lintFiles(space('gradio==5.0; python_version >= "3.8"\n'), { only });
    expect(d.level).toBe('error');
    // python_version from the README decides: 3.12 makes `< "3.11"` false.
    expect(await lintFiles(space('gradio==5.0; python_version < "3.11"\n', 'sdk: gradio\nsdk_version: "4.44.1"\npython_version: "3.12"'), { only })).toEqual([]);
  });

  it('compares URL installs by the version in the wheel name, and warns otherwise', async () => {
    const [wheel] = await lintFiles(space('gradio @ https://example.com/builds/gradio-5.0.0-py3-none-any.whl\n'), { only });
    expect(wheel.level).toBe('error');
    expect(await lintFiles(space('gradio @ https://example.com/gradio-4.44.1-py3-none-any.whl\n'), { only })).toEqual([]);
    const [git] = await lintFiles(space('git+https://github.com/gradio-app/gradio.git#egg=gradio\n'), { only });
    expect(git).toMatchObject({ level: 'warning', message: expect.stringContaining('from a URL') });
  });

  it('keeps gradio with extra extras but still checks its version', async () => {
    expect(await lintFiles(space('gradio[pdf]>=4,<5\n'), { only })).toEqual([]);
    const [d] = await lintFiles(space('gradio[pdf]==5.0\n'), { only });
    expect(d.level).toBe('error');
  });

  it('leaves gradio_client and huggingface_hub pins to deps-sdk-dependency-conflict (no "may conflict" guesses)', async () => {
    for (const req of [
      'huggingface_hub>=1.0',
      'huggingface-hub==0.26.0',
      'huggingface_hub==1.2.0',
      'huggingface_hub==0.30.0',
      'gradio-client==1.3.0',
      'huggingface_hub>=0.20',
      'huggingface_hub @ https://example.com/huggingface_hub-0.30.0-py3-none-any.whl',
    ]) {
      expect([req, await lintFiles(space(`${req}\n`, 'sdk: gradio\nsdk_version: "5.46.1"'), { only })]).toEqual([req, []]);
    }
    // The real conflict among them is reported, once, by the rule that reads the release's Requires-Dist.
    const conflict = await lintFiles(space('huggingface_hub>=1.0\n', 'sdk: gradio\nsdk_version: "5.46.1"'));
    expect(conflict.filter((d) => d.file === 'requirements.txt').map((d) => d.ruleId)).toEqual(['deps-sdk-dependency-conflict']);
    const [sp] = await lintFiles(space('spaces==0.30.0\n'), { only });
    expect(sp).toMatchObject({ level: 'info' });
    expect(sp.fix).toBeUndefined();
  });

  it('stays silent without managed packages, without a gradio SDK, and on commented-out lines', async () => {
    expect(await lintFiles(space('transformers\ntorch\n', 'sdk: gradio\nsdk_version: "5.9.1"'), { only })).toEqual([]);
    expect(await lintFiles(space('# gradio==3.0\nhuggingface_hub[cli]\n'), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\nRUN pip install -r requirements.txt\n', 'requirements.txt': 'gradio==5.0\n' }, { only })).toEqual([]);
    // No sdk_version: nothing to compare a pin with (config-missing-required reports).
    expect(await lintFiles(space('gradio==5.0\n', 'sdk: gradio'), { only })).toEqual([]);
  });

  it('checks streamlit pins against sdk_version in a legacy Streamlit Space', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: streamlit\nsdk_version: "1.30.0"'), 'app.py': 'import streamlit\n', 'requirements.txt': 'streamlit==1.40.0\n' }, { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('`streamlit==1.30.0`') });
  });
});

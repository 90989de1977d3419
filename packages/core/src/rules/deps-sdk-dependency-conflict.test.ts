import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'deps-sdk-dependency-conflict';
const space = (version: string | undefined, requirements: string, extra: Record<string, string> = {}, python?: string) => ({
  'README.md': readme(`sdk: gradio${version ? `\nsdk_version: "${version}"` : ''}${python ? `\npython_version: "${python}"` : ''}`),
  'app.py': GRADIO_APP,
  'requirements.txt': requirements,
  ...extra,
});
const findings = async (version: string | undefined, requirements: string, extra: Record<string, string> = {}, python?: string) =>
  (await lintFiles(space(version, requirements, extra, python), { only })).map((d) => `${d.line}:${d.level}`);

describe(only, () => {
  it('stays silent on compatible pins that the old "may conflict" guess flagged', async () => {
    // Pins seen on real Spaces, each compatible with the Gradio of their sdk_version.
    const compatible: [string, string][] = [
      ['5.8.0', 'huggingface_hub==0.25.2'],
      ['5.8.0', 'gradio_client==1.5.1'],
      ['4.44.1', 'huggingface_hub==0.24.6'],
      ['5.49.1', 'huggingface_hub<1.0'],
      ['4.44.1', 'gradio-client==1.3.0'],
      ['5.23.0', 'huggingface-hub>=0.28.1,<0.30'],
      ['6.0.0', 'huggingface_hub==0.36.0'],
      ['5.49.1', 'pydantic==2.11.7\nfastapi==0.115.12\nstarlette==0.46.2\nnumpy<2\npillow==11.1.0\nJinja2==3.1.6'],
      ['3.50.2', 'pydantic==1.10.13\nhuggingface_hub==0.19.4\nwebsockets==11.0.3'],
      ['6.25.0', 'transformers==5.2.0\nhuggingface_hub>=1.16'],
    ];
    for (const [version, req] of compatible) expect([version, req, await findings(version, `${req}\n`)]).toEqual([version, req, []]);
  });

  it('fires on pins that exclude every version Gradio requires (bounds of the exact release)', async () => {
    expect(await findings('6.18.0', 'torch\nhuggingface_hub<1\n')).toEqual(['2:error']);
    expect(await findings('6.15.2', 'starlette<1\n')).toEqual(['1:error']);
    expect(await findings('6.15.1', 'starlette<1\n')).toEqual([]);
    expect(await findings('4.0.0', 'pydantic<2\n')).toEqual(['1:error']);
    expect(await findings('3.50.2', 'pydantic<2\n')).toEqual([]);
    expect(await findings('5.8.0', 'gradio_client==1.3.0\n')).toEqual(['1:error']);
    expect(await findings('5.8.0', 'fastapi==0.110.0\nnumpy>=3\npillow==12.0.0\n')).toEqual(['1:error', '2:error', '3:error']);
    const [d] = await lintFiles(space('5.46.1', 'huggingface_hub>=1.0\n'), { only });
    expect(d.message).toContain('`huggingface_hub>=0.33.5,<1.0`');
    expect(d.message).toContain('ResolutionImpossible');
    expect(d.suggestions?.[0]).toMatchObject({ desc: 'Remove `huggingface_hub>=1.0`', fix: { range: [0, 21], text: '' } });
  });

  it("reads the pinned gradio_client's own requirements, and the released client of a dev-pinned tree", async () => {
    const [d] = await lintFiles(space('4.44.1', 'websockets==13.0\n'), { only });
    expect(d.message).toContain('`gradio_client 1.3.0` requires `websockets>=10.0,<13.0`');
    // Gradio 6.0.0's tree pins gradio_client==2.0.0-dev.3; the wheel pins 2.0.0.
    expect(await findings('6.0.0', 'gradio_client==2.0.0\n')).toEqual([]);
    expect(await findings('6.0.0', 'gradio_client==1.14.0\n')).toEqual(['1:error']);
  });

  it('includes the oauth and mcp extras the builder installs, and only them for a gradio pin', async () => {
    expect(await findings('6.0.0', 'mcp==1.0.0\n')).toEqual(['1:error']);
    // gradio[mcp] 5.49.1 requires pydantic>=2.11: an older pydantic pin cannot be installed with it.
    const [mcp] = await lintFiles(space('5.49.1', 'pydantic==2.10.6\n'), { only });
    expect(mcp.message).toContain('`gradio[mcp]` requires `pydantic>=2.11`');
    const docker = { 'README.md': readme('sdk: docker'), 'app.py': GRADIO_APP, Dockerfile: 'FROM python:3.10\nRUN pip install -r requirements.txt\n' };
    expect((await lintFiles({ ...docker, 'requirements.txt': 'gradio==6.0.0\nmcp==1.0.0\n' }, { only })).length).toBe(0);
    expect((await lintFiles({ ...docker, 'requirements.txt': 'gradio[mcp]==6.0.0\nmcp==1.0.0\n' }, { only })).map((d) => d.line)).toEqual([2]);
  });

  it("evaluates markers for the Space's Python", async () => {
    expect(await findings('6.0.0', 'audioop-lts==1.2\n', {}, '3.13')).toEqual(['1:error']);
    expect(await findings('6.0.0', 'audioop-lts==1.2\n', {}, '3.10')).toEqual([]);
    expect(await findings('6.18.0', 'huggingface_hub<1; python_version < "3.9"\n', {}, '3.12')).toEqual([]);
  });

  it("knows popular packages whose own bounds collide with Gradio's (transformers and huggingface_hub)", async () => {
    const [d] = await lintFiles(space('6.18.0', 'transformers==4.57.1\n'), { only });
    expect(d).toMatchObject({ level: 'error', line: 1 });
    expect(d.message).toContain('needs `huggingface_hub<1.0`');
    expect(d.message).toContain('`huggingface_hub>=1.2.0,<2.0`');
    expect(await findings('5.46.1', 'transformers==5.0.0\n')).toEqual(['1:error']);
    expect(await findings('5.46.1', 'transformers>=5.0.0\n')).toEqual([]); // allows a 6.x the table does not know
    expect(await findings('5.49.1', 'transformers==4.57.1\n')).toEqual([]);
    expect(await findings('6.18.0', 'transformers\n')).toEqual([]);
    expect(await findings('6.18.0', 'transformers>=4.40\n')).toEqual([]);
  });

  it('knows Gradio releases that install with huggingface_hub 1.x but crash at start', async () => {
    const [d] = await lintFiles(space('4.44.1', 'huggingface_hub==1.2.0\n'), { only });
    expect(d).toMatchObject({ level: 'error' });
    expect(d.message).toContain('HfFolder');
    expect(await findings('5.49.1', 'huggingface_hub==1.2.0\n')).toEqual([]);
  });

  it('follows -r and -c files, and skips what is not proven', async () => {
    // A constraint restricts what pip may pick for Gradio's own dependency too.
    const found = await lintFiles(space('6.18.0', '-r base.txt\n', { 'base.txt': '-c pins.txt\ntorch\n', 'pins.txt': 'huggingface_hub==0.36.0\n' }), { only });
    expect(found.map((d) => `${d.file}:${d.line}`)).toEqual(['pins.txt:1']);
    const included = await lintFiles(space('6.18.0', '-r base.txt\n', { 'base.txt': 'huggingface_hub==0.36.0\n' }), { only });
    expect(included.map((d) => `${d.file}:${d.line}`)).toEqual(['base.txt:1']);
    // Unknown version, a version newer than the tables, a URL, a bare name: nothing is proven.
    expect(await findings(undefined, 'huggingface_hub<1\n')).toEqual([]);
    expect(await findings('99.0.0', 'huggingface_hub<1\n')).toEqual([]);
    expect(await findings('6.18.0', 'huggingface_hub @ https://example.com/huggingface_hub-0.36.0-py3-none-any.whl\nhuggingface_hub\n')).toEqual([]);
  });
});

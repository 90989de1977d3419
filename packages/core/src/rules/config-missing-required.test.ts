import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'config-missing-required';

describe(only, () => {
  it('requires sdk, guessing it from the files', async () => {
    const files = { 'README.md': readme('title: Demo'), Dockerfile: 'FROM python:3.12\n' };
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('looks like a docker Space') });
    const suggestion = d.suggestions![0];
    expect(applyFixes(files['README.md'], [suggestion.fix]).output).toBe('---\ntitle: Demo\nsdk: docker\n---\n# Demo\n');
  });

  it('treats an empty sdk as missing', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk:\ntitle: x'), 'app.py': GRADIO_APP }, { only });
    expect(d.message).toContain('looks like a gradio Space');
    expect(d.suggestions?.[0].fix.text).toBe('sdk: gradio');
  });

  it('warns when a Gradio Space has no sdk_version, proposing the requirements pin', async () => {
    const files = { 'README.md': readme('sdk: gradio'), 'app.py': GRADIO_APP, 'requirements.txt': 'gradio[oauth]==4.44.1\ntorch\n' };
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ level: 'warning', line: 2, message: expect.stringContaining('pins gradio==4.44.1') });
    expect(applyFixes(files['README.md'], [d.suggestions![0].fix]).output).toContain('sdk: gradio\nsdk_version: "4.44.1"\n---');
  });

  it('counts a commented-out sdk_version as missing', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: gradio\n# sdk_version: "5.0"'), 'app.py': GRADIO_APP }, { only });
    expect(d.level).toBe('warning');
    expect(d.suggestions).toBeUndefined();
  });

  it('gives an info for a Docker Space whose port is not visible', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM python:3.12\nCMD ["python", "app.py"]\n' }, { only });
    expect(d).toMatchObject({ level: 'info', message: expect.stringContaining('port 7860') });
  });

  it('stays silent when the config is complete or the port is visible', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker\napp_port: 7860'), Dockerfile: 'FROM x\n' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\nEXPOSE 7860\n' }, { only })).toEqual([]);
    // Another port: docker-port-mismatch reports it, not this rule.
    expect(await lintFiles({ 'README.md': readme('sdk: docker'), Dockerfile: 'FROM x\nCMD uvicorn app:app --host 0.0.0.0 --port 8000\n' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static'), 'index.html': '<p>hi</p>' }, { only })).toEqual([]);
  });

  it('is silent when there is no front matter (config-front-matter reports)', async () => {
    expect(await lintFiles({ 'README.md': '# Demo\n' }, { only })).toEqual([]);
  });
});

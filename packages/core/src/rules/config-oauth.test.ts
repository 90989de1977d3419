import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'config-oauth';
const lintReadme = (yaml: string, extra: Record<string, string> = {}) => lintFiles({ 'README.md': readme(`sdk: gradio\n${yaml}`), 'app.py': GRADIO_APP, ...extra }, { only });

describe(only, () => {
  it('rejects unknown scopes with a did-you-mean and notes default scopes', async () => {
    const text = readme('sdk: gradio\nhf_oauth: true\nhf_oauth_scopes:\n  - read_repos\n  - openid\n  - email');
    const [unknown, always] = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only });
    expect(unknown).toMatchObject({ level: 'error', message: expect.stringContaining('did you mean `read-repos`') });
    expect(unknown.suggestions?.[0].fix.text).toBe('read-repos');
    expect(always).toMatchObject({ level: 'info', message: expect.stringContaining('always granted') });
    expect(applyFixes(text, [always.suggestions![0].fix]).output).toContain('  - read_repos\n  - email\n');
  });

  it('removes a default scope from a flow list cleanly', async () => {
    const text = readme('sdk: gradio\nhf_oauth: true\nhf_oauth_scopes: [profile, inference-api]');
    const [d] = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only });
    expect(applyFixes(text, [d.suggestions![0].fix]).output).toContain('hf_oauth_scopes: [inference-api]');
  });

  it('limits the expiration to 43200 minutes', async () => {
    const [d] = await lintReadme('hf_oauth: true\nhf_oauth_expiration_minutes: 100000');
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('43200') });
    expect(d.suggestions?.[0].fix.text).toBe('43200');
  });

  it('warns when OAuth keys are set without hf_oauth: true', async () => {
    const text = readme('sdk: gradio\nhf_oauth_scopes:\n  - inference-api');
    const [d] = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only });
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('`hf_oauth_scopes` has no effect') });
    expect(applyFixes(text, [d.suggestions![0].fix]).output).toContain('  - inference-api\nhf_oauth: true\n---');
    const [off] = await lintReadme('hf_oauth: false\nhf_oauth_expiration_minutes: 60');
    expect(off.suggestions?.[0].fix.text).toBe('true');
  });

  it('notes code that needs OAuth when hf_oauth is off', async () => {
    const app = 'import gradio as gr\n# gr.LoginButton would go here\nwith gr.Blocks() as demo:\n    gr.LoginButton()\ndemo.launch()\n';
    const [d] = await lintReadme('title: x', { 'app.py': app });
    expect(d).toMatchObject({ level: 'info', message: expect.stringContaining('`app.py` line 4 uses `LoginButton`') });
    const env = await lintReadme('title: x', { 'app.py': 'import os\nclient_id = os.environ["OAUTH_CLIENT_ID"]\n' });
    expect(env[0].message).toContain('OAUTH_CLIENT_ID');
  });

  it('stays silent on a consistent OAuth config', async () => {
    expect(await lintReadme('hf_oauth: true\nhf_oauth_scopes:\n  - inference-api\n  - gated-repos\nhf_oauth_expiration_minutes: 480\nhf_oauth_authorized_org: my-org')).toEqual([]);
    expect(await lintReadme('title: x', { 'app.py': 'import gradio as gr\n# no LoginButton here\n' })).toEqual([]);
    expect(await lintReadme('# hf_oauth_scopes: [read_repos]')).toEqual([]);
  });

  it('accepts scopes added in .spacelint.yaml', async () => {
    expect(await lintReadme('hf_oauth: true\nhf_oauth_scopes: [new-scope]', { '.spacelint.yaml': 'reference:\n  oauth_scopes: [new-scope]\n' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-invalid-value';
const lintReadme = (yaml: string) => lintFiles({ 'README.md': readme(yaml), 'app.py': GRADIO_APP, Dockerfile: 'FROM x\n', 'index.html': '' }, { only });

describe(only, () => {
  it('fires on an unknown sdk with a did-you-mean', async () => {
    const [d] = await lintReadme('sdk: Gradio');
    expect(d).toMatchObject({ level: 'error', line: 2, column: 6 });
    expect(d.message).toContain('did you mean `gradio`');
    expect(d.suggestions?.[0].fix.text).toBe('gradio');
  });

  it('fires on sdk: gradio-5 and header: minimal', async () => {
    expect((await lintReadme('sdk: gradio-5'))[0].level).toBe('error');
    expect((await lintReadme('sdk: gradio\nheader: minimal'))[0].message).toContain('`mini` or `default`');
  });

  it('warns on the deprecated streamlit sdk', async () => {
    const [d] = await lintReadme('sdk: streamlit');
    expect(d.level).toBe('warning');
    expect(d.message).toContain('app_port: 8501');
  });

  it('fires on unknown hardware with the dash form suggested, keeping quotes', async () => {
    const [d] = await lintReadme('sdk: gradio\nsuggested_hardware: "a10g_small"');
    expect(d.level).toBe('error');
    expect(d.message).toContain('`a10g-small`');
    expect(d.suggestions?.[0].fix.text).toBe('"a10g-small"');
  });

  it('warns on legacy and Jobs-only flavors', async () => {
    expect((await lintReadme('sdk: gradio\nsuggested_hardware: v5e-2x2'))[0]).toMatchObject({ level: 'warning' });
    const [jobs] = await lintReadme('sdk: gradio\nsuggested_hardware: h200');
    expect(jobs.message).toContain('Jobs hardware');
    const [cpuXl] = await lintReadme('sdk: gradio\nsuggested_hardware: cpu-xl');
    expect(cpuXl.message).toContain('Jobs hardware');
  });

  it('warns on colors outside the list (the docs themselves use orange)', async () => {
    const [d] = await lintReadme('sdk: gradio\ncolorTo: orange');
    expect(d.level).toBe('warning');
  });

  it('fires on an unknown storage tier', async () => {
    expect((await lintReadme('sdk: gradio\nsuggested_storage: huge'))[0].level).toBe('error');
  });

  it('stays silent on valid values, zero-a10g and new flavors added by reference', async () => {
    expect(await lintReadme('sdk: gradio\nsuggested_hardware: zero-a10g\ncolorFrom: indigo\ncolorTo: gray\nheader: mini\nsuggested_storage: small')).toEqual([]);
    expect(await lintReadme('sdk: docker\nsuggested_hardware: l40sx1')).toEqual([]);
    const files = { 'README.md': readme('sdk: gradio\nsuggested_hardware: b300x1'), 'app.py': GRADIO_APP, '.spacelint.yaml': 'reference:\n  hardware: [b300x1]\n' };
    expect(await lintFiles(files, { only })).toEqual([]);
  });
});

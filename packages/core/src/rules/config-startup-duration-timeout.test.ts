import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { durationMinutes } from './config-startup-duration-timeout.js';

const only = 'config-startup-duration-timeout';
const lintReadme = (yaml: string, config?: Parameters<typeof lintFiles>[1]['config']) => lintFiles({ 'README.md': readme(`sdk: gradio\n${yaml}`), 'app.py': GRADIO_APP }, { only, config });

describe(only, () => {
  it('rejects a bare number and suggests seconds and minutes readings', async () => {
    const [d] = await lintReadme('startup_duration_timeout: 3600');
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('has no unit') });
    expect(d.suggestions?.map((s) => s.fix.text)).toEqual(['1h', '60h']);
    const [small] = await lintReadme('startup_duration_timeout: "45"');
    expect(small.suggestions?.map((s) => s.fix.text)).toEqual(['45m', '45s']);
  });

  it('rejects spelled-out units with a did-you-mean', async () => {
    const [d] = await lintReadme('startup_duration_timeout: 90min');
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('did you mean `90m`') });
    const [hour] = await lintReadme('startup_duration_timeout: "1 hour"');
    expect(hour.suggestions?.[0].fix.text).toBe('1h');
    const [junk] = await lintReadme('startup_duration_timeout: soon');
    expect(junk.suggestions).toBeUndefined();
  });

  it('notes a timeout under the 30-minute default', async () => {
    const [d] = await lintReadme('startup_duration_timeout: 10m');
    expect(d).toMatchObject({ level: 'info', message: expect.stringContaining('30 minutes') });
  });

  it('stays silent on valid durations', async () => {
    for (const v of ['1h', '45m', '30m', '1h30m', '2.5h', '8h']) expect(await lintReadme(`startup_duration_timeout: ${v}`)).toEqual([]);
    expect(await lintReadme('# startup_duration_timeout: 5')).toEqual([]);
  });

  it('takes the grammar from the `pattern` option', async () => {
    const config = { rules: { [only]: ['error', { pattern: '^\\d+d$' }] as ['error', Record<string, unknown>] } };
    expect(await lintReadme('startup_duration_timeout: 1d', config)).toEqual([]);
  });

  it('computes durations in minutes', () => {
    expect(durationMinutes('1h30m')).toBe(90);
    expect(durationMinutes('90s')).toBe(1.5);
    expect(durationMinutes('1x')).toBeUndefined();
  });
});

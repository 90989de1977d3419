import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-python-sdk-incompatible';
const lint = (yaml: string) => lintFiles({ 'README.md': readme(yaml), 'app.py': GRADIO_APP }, { only });

describe(only, () => {
  it("fires when python_version is below the release's requires-python, suggesting the oldest that fits", async () => {
    const [d, ...rest] = await lint('sdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.9"');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4 });
    expect(d.message).toContain('requires-python >=3.10');
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0]).toMatchObject({ desc: 'Use `python_version: "3.10"`', fix: { text: '"3.10"' } });
    expect((await lint('sdk: gradio\nsdk_version: "5.0.0"\npython_version: 3.8')).map((x) => x.level)).toEqual(['error']);
    expect((await lint('sdk: gradio\nsdk_version: "4.44.1"\npython_version: "3.7.16"')).map((x) => x.level)).toEqual(['error']);
  });

  it('stays silent where pip can install that Gradio', async () => {
    for (const yaml of [
      'sdk: gradio\nsdk_version: "4.44.1"\npython_version: "3.8"',
      'sdk: gradio\nsdk_version: "3.50.2"\npython_version: "3.8.18"',
      'sdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.10"',
      'sdk: gradio\nsdk_version: "6.25.0"\npython_version: "3.12.12"',
      'sdk: gradio\nsdk_version: "6.25.0"', // default 3.10
      'sdk: gradio\npython_version: "3.9"', // no sdk_version: nothing known
      'sdk: gradio\nsdk_version: "2.9.4"\npython_version: "3.7"', // older than the tables
      'sdk: docker\npython_version: "3.8"',
      'sdk: gradio\nsdk_version: "5.49.1"\npython_version: "python3.9"', // config-python-version reports the format
    ]) {
      expect([yaml, await lint(yaml)]).toEqual([yaml, []]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'security-hardcoded-password';
const PASSWORD = 'Tr0ub4dor&3';
const space = (launch: string) => ({
  'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py'),
  'app.py': `import os\nimport gradio as gr\nSECRET = "${PASSWORD}"\n\ndemo = gr.Interface(lambda x: x, "text", "text")\n${launch}\n`,
});

describe(only, () => {
  it('reports literal passwords in tuples, lists, dicts and constants, masked', async () => {
    const cases = [
      `demo.launch(auth=("admin", "${PASSWORD}"))`,
      `demo.queue().launch(auth=[("admin", "${PASSWORD}"), ("bob", 'hunter2')])`,
      `demo.launch(auth={"admin": "${PASSWORD}"})`,
      'demo.launch(auth=("admin", SECRET))',
      `AUTH = [("admin", "${PASSWORD}")]\ndemo.launch(auth=AUTH)`,
    ];
    for (const launch of cases) {
      const found = await lintFiles(space(launch), { only });
      expect(found.length, launch).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.level).toBe('error');
        expect(d.message).not.toContain(PASSWORD);
        expect(d.message).not.toContain('hunter2');
        expect(d.message).toContain('********');
      }
    }
    const [d] = await lintFiles(space(`demo.launch(auth=("admin", "${PASSWORD}"))`), { only });
    expect(d).toMatchObject({ line: 6, column: 28, message: expect.stringContaining('`Tr********`') });
    expect(d.message).toContain('auth=("admin", os.environ["APP_PASSWORD"])');
  });

  it('stays silent on environment reads, functions and launches without auth', async () => {
    for (const launch of [
      'demo.launch(auth=("admin", os.environ["APP_PASSWORD"]))',
      'demo.launch(auth=(os.getenv("U"), os.getenv("P")))',
      'demo.launch(auth=check_login)',
      'demo.launch(auth=lambda u, p: p == os.environ["P"])',
      'demo.launch()',
      'demo.launch(auth=("admin", ""))',
    ]) {
      expect(await lintFiles(space(launch), { only }), launch).toEqual([]);
    }
  });
});

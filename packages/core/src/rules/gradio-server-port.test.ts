import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles, readme } from '../../test/lint-files.js';

const only = 'gradio-server-port';
const space = (launch: string, sdk = 'gradio') => ({
  'README.md': readme(`sdk: ${sdk}\nsdk_version: "5.49.1"\napp_file: app.py`),
  'app.py': `import gradio as gr\nPORT = 8080\n\ndemo = gr.Interface(lambda x: x, "text", "text")\n${launch}\n`,
});

describe(only, () => {
  it('reports another port and a loopback host, and removes both with --fix', async () => {
    const files = space('demo.launch(server_name="127.0.0.1", server_port=8080, share=False)');
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.level, d.message.slice(0, 30)])).toEqual([
      ['error', '`launch(server_name="127.0.0.1'],
      ['error', '`launch(server_port=8080)` mak'],
    ]);
    expect((await fixFiles(files))['app.py']).toContain('demo.launch(share=False)\n');
    const [c] = await lintFiles(space('demo.queue().launch(server_port=PORT)'), { only });
    expect(c.message).toContain('port 8080');
    expect((await fixFiles(space('demo.launch(server_name="localhost")')))['app.py']).toContain('demo.launch()\n');
  });

  it('stays silent on 7860, 0.0.0.0, computed values, other calls and Docker Spaces', async () => {
    for (const launch of [
      'demo.launch(server_name="0.0.0.0", server_port=7860)',
      'demo.launch(server_port=int(os.environ.get("PORT", 7860)))',
      'demo.launch()',
      'uvicorn.run(app, host="127.0.0.1", port=8000)',
    ]) {
      expect(await lintFiles(space(launch), { only }), launch).toEqual([]);
    }
    expect(await lintFiles(space('demo.launch(server_port=8080)', 'docker'), { only })).toEqual([]);
  });
});

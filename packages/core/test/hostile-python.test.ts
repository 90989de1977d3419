import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from './lint-files.js';

const README = readme('sdk: gradio\nsdk_version: "5.49.1"');

describe('hostile Python: valid but very deep trees stay within the time budget', () => {
  it('a 120,000-term expression is analysed up to the budget and reported as a warning, not a hang', async () => {
    const app = `import gradio as gr\nx = ${Array.from({ length: 120_000 }, () => '1').join('+')}\ndemo = gr.Interface(lambda a: a, "text", "text")\ndemo.launch()\n`;
    const started = performance.now();
    const found = await lintFiles({ 'README.md': README, 'app.py': app });
    // Budget 1 s + 1 ms per KB of source (~234 ms here), plus parsing; the old cost was about a minute.
    expect(performance.now() - started).toBeLessThan(15_000);
    const stopped = found.filter((d) => d.ruleId === 'parse-error');
    expect(stopped).toMatchObject([{ level: 'warning', line: 2, message: expect.stringContaining('stopped analysing this file') }]);
  });

  it('ordinary files are never reported as stopped', async () => {
    const app = `import gradio as gr\n${Array.from({ length: 2_000 }, (_, i) => `def f${i}(x):\n    return gr.Textbox(value=str(x) + "${i}")\n`).join('')}gr.Interface(f1, "text", "text").launch()\n`;
    const found = await lintFiles({ 'README.md': README, 'app.py': app });
    expect(found.filter((d) => d.ruleId === 'parse-error')).toEqual([]);
  });
});

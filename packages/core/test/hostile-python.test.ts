import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from './lint-files.js';

const README = readme('sdk: gradio\nsdk_version: "5.49.1"');

describe('hostile Python: valid but very deep trees stay within the time budget', () => {
  it('a 120,000-term expression is analysed in full: a valid tree is walked, not queried', async () => {
    const app = `import gradio as gr\nx = ${Array.from({ length: 120_000 }, () => '1').join('+')}\ndemo = gr.Interface(lambda a: a, "text", "text")\ndemo.launch()\n`;
    const started = performance.now();
    const found = await lintFiles({ 'README.md': README, 'app.py': app });
    // The query cursor took 27 s over a 70,000-term chain (then it was cut at the budget); the walk takes well under one.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(found.filter((d) => d.ruleId === 'parse-error')).toEqual([]);
  });

  it('an 80,000-call chain is read up to the budget and reported as a warning, not a hang', async () => {
    // Each call's callee is the whole chain before it, so reading every call is quadratic in the chain.
    const app = `import gradio as gr\nx = f${'(1)'.repeat(80_000)}\ngr.Interface(lambda a: a, "text", "text").launch()\n`;
    const started = performance.now();
    const found = await lintFiles({ 'README.md': README, 'app.py': app });
    // Budget 1 s + 1 ms per KB of source (~234 ms here), plus parsing; reading every call would take ~5 s here.
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

import { describe, expect, it } from 'vitest';
import { analyzePython } from '../src/python/analyze.js';
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

describe('hostile Python: broken trees are walked, so what is found never depends on time', () => {
  it('27,000 nested `[` inside a call (found by npm run fuzz, seed 65537): every error and every later fact is found, in a few ms', async () => {
    // The query cursor took ~0.95 s on this tree for a single trivial pattern, so its 1 s budget cut the
    // captures at a point that depended on the machine: two lints of one file reported different findings.
    const app = `import gradio as gr\n\ndemo = gr.Interface(fn=lam${'['.repeat(27_000)}bda x: x, inputs="text", outputs="text")\ndemo.launch()\n`;
    const started = performance.now();
    const first = analyzePython('deep-a.py', app);
    expect(performance.now() - started).toBeLessThan(500); // ~20 ms here; ~1 s before
    const again = analyzePython('deep-b.py', app);
    expect({ ...again, path: 'deep-a.py' }).toEqual(first);
    expect(first.analysisStopped).toBeUndefined();
    expect(first.syntaxErrorCount).toBeGreaterThan(0);
    expect(first.calls.map((c) => c.qualified)).toContain('demo.launch');
    const found = await lintFiles({ 'README.md': README, 'app.py': app });
    expect(found.map((d) => d.ruleId).sort()).toEqual(['gradio-unbounded-queue', 'parse-error']);
  });

  it('a MISSING token is found down the broken branch, and the file after it is read', () => {
    // tree-sitter inserts the `)` of `def g(:` as a zero-width MISSING node inside an otherwise whole tree.
    const m = analyzePython('missing.py', 'def g(:\n    pass\nz = 1\n');
    expect(m.syntaxErrorCount).toBe(1);
    expect(m.syntaxError).toMatchObject({ message: expect.stringContaining('missing `)`'), range: [6, 7] });
    expect(m.assignments.map((a) => a.targets)).toEqual([['z']]);
  });
});

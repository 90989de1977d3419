import { describe, expect, it } from 'vitest';
import { lintFiles } from './lint-files.js';
import { ZEROGPU_README } from './spaces/zerogpu.js';

/** Odd but possible Python: the ZeroGPU and Gradio rules must report cleanly or stay silent, never fail. */
const ODD_FILES: Record<string, string> = {
  'empty.py': '',
  'broken.py': 'import spaces\n@spaces.GPU(\ndef f(:\n  gr.Interface(\n',
  'odd_decorators.py':
    'import spaces\n@(lambda f: f)\n@x[0]\n@spaces.GPU\nclass Model:\n    @spaces.GPU(duration=None)\n    def run(self, *a, **k): ...\n@spaces.GPU(*args, **kwargs)\ndef g(): ...\n@spaces.GPU(duration=lambda: 1)\ndef h(): ...\n',
  'odd_calls.py':
    'import gradio as gr, os, spaces\ngr.Interface()\nbtn.click()\ngr.on()\nspaces.GPU()\nspaces.GPU()()\nf(x for x in y)\nos.environ.update()\nos.environ.update(**env)\nos.environ[key] = value\nos.putenv()\n(a or b).launch(share=True)\ndemo.queue(*q).launch(*l, **k)\nx = y = None\nLIMIT: int\n',
  'unicode.py': '# -*- coding: utf-8 -*-\nimport gradio as gr\nτίτλος = "ΖeroGPU 😀"\ngr.Interface(lambda x: x + τίτλος, "text", "text", concurrency_limit=None).launch(share=True)\n',
  'deep.py': `x = ${'('.repeat(200)}1${')'.repeat(200)}\ny = ${'['.repeat(100)}${']'.repeat(100)}\n`,
  'async_gen.py': 'import spaces\n@spaces.GPU\nasync def a():\n    yield 1\n    await b()\n',
};

describe('ZeroGPU and Gradio rules on odd Python', () => {
  it('never fail, whatever the file holds', async () => {
    const files = { 'README.md': ZEROGPU_README, 'app.py': 'import spaces\nimport gradio as gr\n', ...ODD_FILES, 'binary.py': new Uint8Array([0, 159, 146, 150, 0, 1]) };
    const found = await lintFiles(files);
    expect(found.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
    const rules = new Set(found.map((d) => d.ruleId));
    expect(rules).toContain('parse-error');
    expect(rules).toContain('zerogpu-async-function');
    expect(rules).toContain('gradio-share-true');
  });
});

import { describe, expect, it } from 'vitest';
import { prepareSpace } from '../src/engine.js';
import { initParsers } from '../src/parse/python.js';
import { snapshotFromEntries } from '../src/space/files.js';
import { readme } from './lint-files.js';

await initParsers();
const facts = (files: Record<string, string>) => prepareSpace(snapshotFromEntries(files)).space.facts;

describe('Space facts: zeroGpu and gpuFiles from GPU references', () => {
  it('is confirmed by suggested_hardware, likely with a spaces.GPU reference in any Python file, else no', () => {
    const gpu = 'import spaces as sp\n\n@sp.GPU(duration=10)\ndef f(x): ...\n';
    expect(facts({ 'README.md': readme('sdk: gradio\nsuggested_hardware: zero-a10g'), 'app.py': 'print(1)\n' }).zeroGpu).toBe('confirmed');
    const likely = facts({ 'README.md': readme('sdk: gradio'), 'app.py': 'import gradio as gr\n', 'lib/models.py': gpu });
    expect(likely).toMatchObject({ zeroGpu: 'likely', gpuFiles: ['lib/models.py'] });
    // An unbound `spaces.GPU` still shows the intent (zerogpu-spaces-not-imported reports the missing import).
    expect(facts({ 'README.md': readme('sdk: gradio'), 'app.py': '@spaces.GPU\ndef f(): ...\n' }).gpuFiles).toEqual(['app.py']);
  });

  it('does not count an import of spaces alone, a stub, or another GPU name as a reference', () => {
    const files = {
      'README.md': readme('sdk: gradio'),
      'app.py': 'import spaces\n',
      'stub.py': 'class spaces:\n    GPU = staticmethod(lambda f: f)\n@spaces.GPU\ndef f(): ...\n',
      'other.py': 'import torch\n@torch.GPU\ndef g(): ...\n',
    };
    expect(facts(files)).toMatchObject({ zeroGpu: 'no', gpuFiles: [] });
  });
});

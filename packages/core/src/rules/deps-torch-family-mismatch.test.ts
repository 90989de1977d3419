import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'deps-torch-family-mismatch';
const space = (requirements: string) => ({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': 'import gradio\n', 'requirements.txt': requirements });

describe(only, () => {
  it('reports torchvision and torchaudio pins of another torch minor, with a suggestion', async () => {
    const text = 'torch==2.8.0\ntorchvision==0.19.1\ntorchaudio==2.4.1\n';
    const found = await lintFiles(space(text), { only });
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(found[0].message).toContain('torch 2.8 goes with torchvision 0.23');
    expect(applyFixes(text, [found[0].suggestions![0].fix]).output).toBe('torch==2.8.0\ntorchvision==0.23.*\ntorchaudio==2.4.1\n');
    const local = await lintFiles(space('torch==2.4.0+cu121\ntorchvision==0.20.0+cu121\n'), { only });
    expect(local).toHaveLength(1);
  });

  it('stays silent on matching pins, ranges, unpinned lines and torch 1.x', async () => {
    for (const text of [
      'torch==2.8.0\ntorchvision==0.23.0\ntorchaudio==2.8.0\n',
      'torch==2.4.*\ntorchvision==0.19.*\n',
      'torch>=2.4\ntorchvision==0.10.0\n',
      'torch==2.8.0\ntorchvision>=0.15\ntorchaudio\n',
      'torch==1.13.1\ntorchvision==0.14.1\n',
      'torchvision==0.19.0\n',
    ]) {
      expect(await lintFiles(space(text), { only }), text).toEqual([]);
    }
  });
});

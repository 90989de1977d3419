import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'config-preload-from-hub';
const lintReadme = (yaml: string) => lintFiles({ 'README.md': readme(`sdk: gradio\n${yaml}`), 'app.py': GRADIO_APP }, { only });

describe(only, () => {
  it('reports mapping items and spaces in the file list (the spec example)', async () => {
    const text = readme('sdk: gradio\npreload_from_hub:\n  - repo_id: openai-community/gpt2\n  - coqui/XTTS-v1 config.json, model.pth');
    const [mapping, spaced] = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only });
    expect(mapping).toMatchObject({ level: 'error', line: 4, message: expect.stringContaining('not a mapping') });
    expect(applyFixes(text, [mapping.suggestions![0].fix]).output).toContain('  - openai-community/gpt2\n');
    expect(spaced).toMatchObject({ level: 'error', line: 5, message: expect.stringContaining('without spaces') });
    expect(spaced.suggestions?.[0].fix.text).toBe('coqui/XTTS-v1 config.json,model.pth');
  });

  it('checks the parts of each item', async () => {
    const messages = (
      await lintReadme('preload_from_hub:\n  - https://huggingface.co/owner/model\n  - owner/m1 a b c\n  - owner/m2 f.json main\n  - owner/m3 a,,b\n  - owner/m4 /abs.json\n  - 42')
    ).map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining('did you mean `owner/model`'),
      expect.stringContaining('has 4 parts'),
      expect.stringContaining('`main` is not a commit SHA'),
      expect.stringContaining('stray comma'),
      expect.stringContaining('without a leading `/`'),
      expect.stringContaining('not `42`'),
    ]);
  });

  it('wants a list', async () => {
    const [d] = await lintReadme('preload_from_hub: coqui/XTTS-v1');
    expect(d.message).toContain('must be a list');
    expect(d.suggestions?.[0].fix.text).toBe('["coqui/XTTS-v1"]');
  });

  it('warns on dataset repos and notes duplicates', async () => {
    const [ds, dup] = await lintReadme('preload_from_hub:\n  - datasets/owner/data\n  - coqui/XTTS-v1\n  - coqui/XTTS-v1 config.json');
    expect(ds).toMatchObject({ level: 'warning', message: expect.stringContaining('dataset repos is not documented') });
    expect(dup).toMatchObject({ level: 'info', line: 6 });
  });

  it('stays silent on the documented forms', async () => {
    expect(
      await lintReadme(
        'preload_from_hub:\n  - coqui/XTTS-v1\n  - warp-ai/wuerstchen-prior text_encoder/model.safetensors,prior/diffusion_pytorch_model.safetensors\n  - openai-community/gpt2 config.json 11c5a3d5811f50298f278a704980280950aedb10',
      ),
    ).toEqual([]);
    expect(await lintReadme('preload_from_hub: [gpt2]')).toEqual([]);
    expect(await lintReadme('# preload_from_hub: bad')).toEqual([]);
  });
});

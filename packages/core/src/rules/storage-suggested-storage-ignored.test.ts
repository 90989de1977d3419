import { describe, expect, it } from 'vitest';
import { GRADIO_APP, lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'storage-suggested-storage-ignored';

describe(only, () => {
  it('warns that suggested_storage is ignored and points to Storage Buckets', async () => {
    const text = readme('sdk: gradio\nsuggested_storage: small\ntitle: x');
    const [d, ...rest] = await lintFiles({ 'README.md': text, 'app.py': GRADIO_APP }, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 3, message: expect.stringContaining('Storage Bucket') });
    expect(d.fix).toBeUndefined();
    expect(applyFixes(text, [d.suggestions![0].fix]).output).toBe(readme('sdk: gradio\ntitle: x'));
  });

  it('reports any value, valid or not', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\nsuggested_storage: huge'), 'app.py': GRADIO_APP }, { only })).toHaveLength(1);
  });

  it('stays silent without the key or when it is commented out', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\n# suggested_storage: small'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
  });
});

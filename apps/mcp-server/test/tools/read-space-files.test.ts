import { describe, expect, it } from 'vitest';
import { CLEAN_README, text } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

describe('read_space_files', () => {
  const hub = withFakeHub({ lfsThreshold: 1024 });

  it('lists the files and reads the text ones it is asked for, within bounds', async () => {
    hub.fake.seedSpace('ada/files', { 'README.md': CLEAN_README, 'app.py': 'print("hi")\n', 'model.bin': new Uint8Array(4096).fill(7) }, { sdk: 'gradio' });
    const result = await hub.call('read_space_files', { space: 'ada/files', paths: ['app.py', 'model.bin', 'missing.py'] });
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { files: { path: string }[]; contents: { path: string; text?: string; skipped?: string }[] };
    expect(out.files.map((f) => f.path).sort()).toEqual(['README.md', 'app.py', 'model.bin']);
    expect(out.contents).toEqual([
      { path: 'app.py', text: 'print("hi")\n' },
      { path: 'model.bin', skipped: expect.stringMatching(/LFS|not UTF-8/) },
      { path: 'missing.py', skipped: 'no such file at this revision' },
    ]);
    expect(text(result)).toContain('=== app.py ===\nprint("hi")');
  });

  it('only lists when no paths are given, and says when the Space does not exist', async () => {
    const listed = await hub.call('read_space_files', { space: 'ada/files' });
    expect((listed.structuredContent as { contents: unknown[] }).contents).toEqual([]);
    const missing = await hub.call('read_space_files', { space: 'ada/none' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/not found|does not exist/i);
  });
});

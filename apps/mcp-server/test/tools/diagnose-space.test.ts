import { describe, expect, it } from 'vitest';
import { CLEAN_README, text } from '../helpers.js';
import { withFakeHub } from '../hub-fixture.js';

const APP = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch()\n';

describe('diagnose_space', () => {
  const hub = withFakeHub();

  it('with no known signature: no catch-all cause, and the last traceback instead', async () => {
    hub.fake.seedSpace(
      'ada/odd',
      { 'README.md': CLEAN_README, 'app.py': APP },
      {
        sdk: 'gradio',
        runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Exit code: 1. Reason: application crashed' },
        runLogs: ['starting', 'Traceback (most recent call last):', '  File "/home/user/app/app.py", line 3, in <module>', 'ZoomError: the zoom lens is stuck', 'Exit code: 1'],
      },
    );
    const result = await hub.call('diagnose_space', { space: 'ada/odd' });
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { causes: { id: string; title: string }[]; logTail?: { from: string; lines: string[] } };
    expect(out.logTail).toMatchObject({ from: 'run', lines: expect.arrayContaining(['Traceback (most recent call last):', 'ZoomError: the zoom lens is stuck']) });
    expect(out.logTail!.lines[0]).toBe('Traceback (most recent call last):');
    expect(text(result)).toContain('ZoomError: the zoom lens is stuck');
    expect(text(result)).not.toMatch(/Likely causes/);
  });

  it('on a healthy Space says so, and never asks to read logs it does not show', async () => {
    hub.fake.seedSpace('ada/fine', { 'README.md': CLEAN_README, 'app.py': APP }, { sdk: 'gradio', runtime: { stage: 'RUNNING' }, runLogs: ['Running on local URL:  http://0.0.0.0:7860'] });
    const result = await hub.call('diagnose_space', { space: 'ada/fine' });
    expect(result.structuredContent).toMatchObject({ healthy: true, causes: [] });
    expect(text(result)).toMatch(/looks healthy/);
    expect(text(result)).not.toMatch(/logs below/);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';
import { cpuSpace, edit, ZEROGPU_APP, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-invalid-decorator-args';
const lintApp = (app: string, config?: Parameters<typeof lintFiles>[1]['config']) => lintFiles(zeroGpuSpace({ 'app.py': app }), { only, config });
const decorate = (decorator: string) => edit(ZEROGPU_APP, '@spaces.GPU(duration=20)\ndef caption', `${decorator}\ndef caption`);

describe(only, () => {
  it('reports durations out of range', async () => {
    const cases: [string, string, string][] = [
      ['@spaces.GPU(duration=0)', 'error', 'not a positive number'],
      ['@spaces.GPU(duration=-5)', 'error', 'not a positive number'],
      ['@spaces.GPU(duration=3600)', 'error', 'over 1500 s'],
      ['@spaces.GPU(duration=timedelta(hours=1))', 'error', 'over 1500 s'],
      ['@spaces.GPU(300)', 'warning', 'is 300 s or more'],
      ['@spaces.GPU(duration=datetime.timedelta(minutes=5))', 'warning', '`duration=300` is 300 s or more'],
      ['@spaces.GPU(duration="60")', 'error', 'is a string'],
    ];
    for (const [decorator, level, text] of cases) {
      const app = decorate(decorator).replace('import os\n', 'import os\nimport datetime\nfrom datetime import timedelta\n');
      const found = await lintApp(app);
      expect(found, decorator).toHaveLength(1);
      expect(found[0], decorator).toMatchObject({ level, message: expect.stringContaining(text) });
    }
  });

  it('follows module constants and honours the maxDuration option', async () => {
    const app = decorate('@spaces.GPU(duration=CAPTION_SECONDS)').replace('QUEUE_SIZE = 20\n', 'QUEUE_SIZE = 20\nCAPTION_SECONDS = 400\n');
    const [d] = await lintApp(app);
    expect(d.message).toContain('`duration=400` is 300 s or more');
    expect(d.suggestions).toBeUndefined(); // the value is a constant: change it there
    expect(await lintApp(app, { rules: { [only]: ['warning', { maxDuration: 500 }] } })).toEqual([]);
    const [strict] = await lintApp(app.replace('CAPTION_SECONDS = 400', 'CAPTION_SECONDS = 150'), { rules: { [only]: ['warning', { maxDuration: 120 }] } });
    expect(strict.message).toContain('`duration=150` is 120 s or more');
  });

  it('stays silent on 150 s and 180 s: no source documents a cap below 300 s', async () => {
    expect(await lintApp(decorate('@spaces.GPU(duration=150)'))).toEqual([]);
    expect(await lintApp(decorate('@spaces.GPU(duration=180)'))).toEqual([]);
  });

  it('allows long durations for functions only called at start-up', async () => {
    const app = `${ZEROGPU_APP}\n@spaces.GPU(duration=1500)\ndef compile_transformer():\n    return None\n\ncompiled = compile_transformer()\n`;
    expect(await lintApp(app)).toEqual([]);
  });

  it('checks sizes and keywords', async () => {
    const [bad] = await lintApp(decorate('@spaces.GPU(duration=20, size="large-x")'));
    expect(bad).toMatchObject({ level: 'error', message: expect.stringContaining('"large", "xlarge"') });
    expect(bad.suggestions?.map((s) => s.fix.text)).toEqual(['"large"', '"xlarge"']);
    const [xl] = await lintApp(decorate('@spaces.GPU(duration=60, size="xlarge")'));
    expect(xl).toMatchObject({ level: 'info', message: expect.stringContaining('twice the quota') });
    const [unknown, queue] = await lintApp(decorate('@spaces.GPU(duration=20, timeout=30, enable_queue=True)'));
    expect(unknown).toMatchObject({ level: 'warning', message: expect.stringContaining('`timeout=` is not a `spaces.GPU` parameter') });
    expect(queue.level).toBe('info');
    const text = decorate('@spaces.GPU(duration=20, timeout=30, enable_queue=True)');
    expect(applyFixes(text, [unknown.suggestions![0].fix]).output).toContain('@spaces.GPU(duration=20, enable_queue=True)\n');
  });

  it("checks that a dynamic duration takes the decorated function's arguments", async () => {
    const tooFew = 'import spaces\ndef est(prompt):\n    return 30\n\n@spaces.GPU(duration=est)\ndef gen(prompt, steps):\n    ...\n';
    const [d] = await lintApp(tooFew);
    expect(d).toMatchObject({ level: 'warning', message: expect.stringContaining('takes 1 positional argument and `gen` takes 2') });
    expect(applyFixes(tooFew, [d.suggestions![0].fix]).output).toContain('def est(prompt, *args, **kwargs):');
    const unknownName = 'import spaces\nest = lambda prompt, seconds: 30\n@spaces.GPU(duration=est)\ndef gen(prompt, steps):\n    ...\n';
    const [e] = await lintApp(unknownName);
    expect(e.message).toContain('requires `seconds`, which is not a parameter of `gen`');
    expect(applyFixes(unknownName, [e.suggestions![0].fix]).output).toContain('est = lambda prompt, seconds, *args, **kwargs: 30');
    const inline = 'import spaces\n@spaces.GPU(duration=lambda: 30)\ndef gen(prompt):\n    ...\n';
    const [f] = await lintApp(inline);
    expect(applyFixes(inline, [f.suggestions![0].fix]).output).toContain('duration=lambda *args, **kwargs: 30');
  });

  it('stays silent for valid arguments and matching duration functions', async () => {
    expect(await lintApp(ZEROGPU_APP)).toEqual([]); // estimate_duration mirrors generate, progress included
    const ok = [
      'import spaces\ndef est(prompt, steps, *a, **k):\n    return 5\n@spaces.GPU(duration=est)\ndef gen(prompt, steps): ...\n',
      'import spaces\ndef est(*args, **kwargs):\n    return 5\n@spaces.GPU(duration=est, size="large")\ndef gen(prompt, steps, progress=None): ...\n',
      'import spaces\n@spaces.GPU(duration=120)\ndef gen(prompt): ...\n',
      'import spaces\nfrom datetime import timedelta\n@spaces.GPU(duration=timedelta(seconds=90))\ndef gen(prompt): ...\n',
      'import spaces\n@spaces.GPU(duration=int(os.environ.get("GPU_SECONDS", "60")))\ndef gen(prompt): ...\n',
    ];
    for (const app of ok) expect(await lintApp(app), app).toEqual([]);
    expect(await lintFiles(cpuSpace('import torch\n@torch.no_grad()\ndef f(): ...\n'), { only })).toEqual([]);
  });
});

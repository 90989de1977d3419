import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { cpuSpace, edit, ZEROGPU_APP, ZEROGPU_README, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-no-gpu-function';
const API_APP =
  'import gradio as gr\nfrom huggingface_hub import InferenceClient\n\nclient = InferenceClient()\n\ndef chat(message, history):\n    return client.chat_completion([{"role": "user", "content": message}]).choices[0].message.content\n\ngr.ChatInterface(chat).launch()\n';

describe(only, () => {
  it('fires on the hardware key when a ZeroGPU app only calls an external API', async () => {
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'app.py': API_APP }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'app.py', message: expect.stringContaining('No @spaces.GPU function detected') });
    expect(d.line).toBe(6); // on the handler `chat`
    expect(d.suggestions).toBeUndefined(); // spaces is not imported: nothing to decorate with
  });

  it('suggests decorating the handler when spaces is imported but never used', async () => {
    const app = `import spaces\n${API_APP}`;
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': app }), { only });
    expect(d.suggestions?.[0]).toMatchObject({ desc: 'Decorate `chat` with `@spaces.GPU`', fix: { text: '@spaces.GPU\n' } });
  });

  it('reports on README.md when the app has no handler function', async () => {
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n' }), { only });
    expect(d).toMatchObject({ file: 'README.md', line: 9 });
  });

  it('stays silent when the decorated function is in a local module the app imports (it registers on import)', async () => {
    const files = zeroGpuSpace({
      'app.py': 'import gradio as gr\nfrom pipeline.models import infer\ngr.Interface(infer, "text", "image").launch()\n',
      'pipeline/models.py': 'import spaces\n\n@spaces.GPU(duration=30)\ndef infer(prompt):\n    return prompt\n',
    });
    expect(await lintFiles(files, { only })).toEqual([]);
  });

  it('sees GPU functions decorated through a renamed import (`from spaces import GPU as gpu`)', async () => {
    for (const decorator of ['@gpu', '@gpu(duration=20)']) {
      const app = `import gradio as gr\nfrom spaces import GPU as gpu\n\n${decorator}\ndef infer(x):\n    return x\n\ngr.Interface(infer, "text", "text").launch()\n`;
      expect(await lintFiles(zeroGpuSpace({ 'app.py': app }), { only }), decorator).toEqual([]);
    }
    // The same file without the decorator is still reported: the alias alone is not a GPU function.
    const undecorated = 'import gradio as gr\nfrom spaces import GPU as gpu\n\ndef infer(x):\n    return x\n\ngr.Interface(infer, "text", "text").launch()\n';
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': undecorated }), { only });
    expect(d).toMatchObject({ level: 'error', suggestions: [{ desc: 'Decorate `infer` with `@gpu`' }] });
  });

  it('stays silent with a decorated, wrapped or factory-made GPU function, and when ZeroGPU is only likely', async () => {
    expect(await lintFiles(zeroGpuSpace(), { only })).toEqual([]);
    const wrapped = 'import spaces, gradio as gr\ndef infer(x): ...\ngr.Interface(fn=spaces.GPU(infer), inputs="text", outputs="text").launch()\n';
    expect(await lintFiles(zeroGpuSpace({ 'app.py': wrapped }), { only })).toEqual([]);
    const factory = 'import spaces, gradio as gr\ngpu = spaces.GPU(duration=30)\n@gpu\ndef infer(x): ...\n';
    expect(await lintFiles(zeroGpuSpace({ 'app.py': factory }), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace(`import spaces\n${API_APP}`), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': ZEROGPU_README.replace('zero-a10g', 't4-small'), 'app.py': API_APP }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\nsuggested_hardware: zero-a10g\napp_file: missing.py') }, { only })).toEqual([]);
  });

  it('ignores ZeroGPU code elsewhere when app.py has it', async () => {
    const app = edit(ZEROGPU_APP, '@spaces.GPU\ndef stream_variations', '@spaces.GPU(duration=30)\ndef stream_variations');
    expect(await lintFiles(zeroGpuSpace({ 'app.py': app }), { only })).toEqual([]);
  });
});

describe('zerogpu rules see GPU functions through import aliases', () => {
  const app = (decorator: string) =>
    `from spaces import GPU as gpu\nimport gradio as gr\n\n${decorator}\ndef infer(prompt):\n    return prompt\n\ngr.Interface(infer, "text", "text").queue(max_size=10).launch()\n`;
  it('`@gpu` and `@gpu(duration=20)` count as GPU functions', async () => {
    for (const decorator of ['@gpu', '@gpu(duration=20)']) {
      const found = await lintFiles(zeroGpuSpace({ 'app.py': app(decorator) }));
      expect(
        found.filter((d) => d.ruleId === 'zerogpu-no-gpu-function'),
        decorator,
      ).toEqual([]);
    }
  });
  it('`@gpu` without a duration gets the missing-duration note, `@gpu(duration=20)` does not', async () => {
    const bare = await lintFiles(zeroGpuSpace({ 'app.py': app('@gpu') }), { only: 'zerogpu-missing-duration' });
    expect(bare).toHaveLength(1);
    expect(await lintFiles(zeroGpuSpace({ 'app.py': app('@gpu(duration=20)') }), { only: 'zerogpu-missing-duration' })).toEqual([]);
  });
});

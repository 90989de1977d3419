import { describe, expect, it } from 'vitest';
import { GRADIO_3_APPS, GRADIO_4_APPS, GRADIO_5_APPS, GRADIO_6_APPS, gradioSpace } from '../../test/gradio-apps.js';
import { fixFiles, lintFiles } from '../../test/lint-files.js';

const only = 'gradio-invalid-argument-value';
const lint = (version: string | undefined, app: string) => lintFiles(gradioSpace(version, app), { only });
const examples = (value: string, more = '') =>
  `import gradio as gr\n\nwith gr.Blocks() as demo:\n    box = gr.Textbox()\n    gr.Examples([["hi"]], inputs=[box], outputs=[box], fn=str.upper, cache_examples=${value}${more})\n`;

describe(only, () => {
  describe('stays silent on real-shaped apps on the release they were written for', () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['3.x', GRADIO_3_APPS, ['3.50.2']],
      ['4.x', GRADIO_4_APPS, ['4.44.1']],
      ['5.x', GRADIO_5_APPS, ['5.49.1']],
      ['6.x', GRADIO_6_APPS, ['6.0.0', '6.25.0']],
    ];
    for (const [major, apps, versions] of cases) {
      for (const version of versions) {
        it(`${major} apps on ${version}`, async () => {
          for (const [name, app] of Object.entries(apps)) expect([name, (await lint(version, app)).map((d) => d.message)]).toEqual([name, []]);
        });
      }
    }
  });

  it('fires on cache_examples="lazy" from Gradio 6 with an autofix to cache_mode="lazy"', async () => {
    const files = gradioSpace('6.0.0', examples('"lazy"'));
    const [d, ...rest] = await lintFiles(files, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 5 });
    expect(d.message).toContain('accepts only True, False, None here');
    expect(d.message).toContain("'lazy' was accepted through 5.49.1");
    expect((await fixFiles(files))['app.py']).toContain('fn=str.upper, cache_examples=True, cache_mode="lazy")');
  });

  it('follows Interface and ChatInterface, which hand cache_examples to gr.Examples when they have examples', async () => {
    const files = gradioSpace('6.0.0', GRADIO_5_APPS['interface-flagging']);
    const [d] = await lintFiles(files, { only });
    expect(d).toMatchObject({ level: 'error', line: 12 });
    expect((await fixFiles(files))['app.py']).toContain('    cache_examples=True, cache_mode="lazy",\n');
    const chat = 'import gradio as gr\ngr.ChatInterface(lambda m, h: m, examples=["hi"], cache_examples="lazy").launch()\n';
    expect((await lint('6.25.0', chat)).map((x) => x.level)).toEqual(['error']);
    // Without examples nothing reaches gr.Examples.
    expect(await lint('6.25.0', 'import gradio as gr\ngr.ChatInterface(lambda m, h: m, cache_examples="lazy").launch()\n')).toEqual([]);
    expect(await lint('5.49.1', chat)).toEqual([]);
  });

  it('is silent on "lazy" before 6, and offers no fix when cache_mode is already set', async () => {
    expect(await lint('5.49.1', examples('"lazy"'))).toEqual([]);
    expect(await lint('4.44.1', examples("'lazy'"))).toEqual([]);
    const [d] = await lint('6.25.0', examples('"lazy"', ', cache_mode="eager"'));
    expect(d.level).toBe('error');
    expect(d.fix).toBeUndefined();
  });

  it('checks other literal sets the source enforces (Textbox type, flagging_mode)', async () => {
    const found = await lint('5.49.1', 'import gradio as gr\ngr.Textbox(type="number")\ngr.Interface(lambda x: x, "text", "text", flagging_mode="always")\n');
    expect(found.map((d) => [d.line, d.level])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(found[0].message).toContain("'text', 'password', 'email'");
  });

  it('is a warning without a fix when the version is unknown', async () => {
    const [d] = await lint(undefined, examples('"lazy"'));
    expect(d).toMatchObject({ level: 'warning' });
    expect(d.fix).toBeUndefined();
    expect(d.message).toContain('assumed');
  });

  it('never guesses through variables, constants or expressions', async () => {
    const app = `import gradio as gr
import os

MODE = "lazy"
with gr.Blocks() as demo:
    box = gr.Textbox(type=os.environ.get("TYPE", "text"))
    gr.Examples([["hi"]], inputs=[box], cache_examples=MODE)
    gr.Examples([["hi"]], inputs=[box], cache_examples="lazy" if os.getenv("LAZY") else True)
    gr.Examples([["hi"]], inputs=[box], cache_examples=f"{MODE}")
`;
    expect(await lint('6.0.0', app)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { GRADIO_3_APPS, GRADIO_4_APPS, GRADIO_5_APPS, GRADIO_6_APPS, gradioSpace } from '../../test/gradio-apps.js';
import { lintFiles } from '../../test/lint-files.js';

const only = 'gradio-unknown-attribute';
const lint = (version: string | undefined, app: string) => lintFiles(gradioSpace(version, app), { only });
const summary = (found: Awaited<ReturnType<typeof lint>>) => found.map((d) => `${d.line}:${d.level}:${/`([^`]*)`/.exec(d.message)?.[1]}`);

describe(only, () => {
  describe('stays silent on real-shaped apps on the release they were written for', () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['3.x', GRADIO_3_APPS, ['3.50.2', '3.40.1']],
      ['4.x', GRADIO_4_APPS, ['4.44.1', '4.40.0']],
      ['5.x', GRADIO_5_APPS, ['5.49.1', '5.23.0']],
      ['6.x', GRADIO_6_APPS, ['6.0.0', '6.25.0']],
    ];
    for (const [major, apps, versions] of cases) {
      for (const version of versions) {
        it(`${major} apps on ${version}`, async () => {
          for (const [name, app] of Object.entries(apps)) expect([name, summary(await lint(version, app))]).toEqual([name, []]);
        });
      }
    }
  });

  it('fires on the 3.x names and methods Gradio 4.0 removed, with the successor', async () => {
    const found = await lint('4.44.1', GRADIO_3_APPS['blocks-styled']);
    expect(summary(found)).toEqual(['8:error:gr.Box', '10:error:gr.Textbox(...).style', '12:error:gr.Button(...).style', '14:error:gr.Gallery(...).style', '19:error:gr.Textbox.update']);
    expect(found[0].message).toContain('removed in Gradio 4.0.0 (last in 3.50.2)');
    expect(found[0].message).toContain('AttributeError');
    expect(found[0].message).toContain('`gr.Group()`');
    expect(found[1].message).toContain('Gradio 4.0 removed `.style()`');
    expect(found[4].message).toContain('gr.update(...)');
  });

  it('reports gr.inputs once per use (the namespace is what is missing)', async () => {
    const found = await lint('5.0.0', GRADIO_3_APPS['interface-legacy-inputs']);
    expect(summary(found)).toEqual(['11:error:gr.inputs', '12:error:gr.outputs']);
    expect(found[0].message).toContain('no `gr.inputs`');
  });

  it('fires on names newer than the release, and on from-imports (ImportError)', async () => {
    const found = await lint('4.20.0', 'import gradio as gr\nfrom gradio import ChatMessage\n\nwith gr.Blocks() as demo:\n    with gr.Sidebar():\n        gr.Markdown("x")\n    t = gr.Timer(1)\n');
    expect(summary(found)).toEqual(['2:error:from gradio import ChatMessage', '5:error:gr.Sidebar', '7:error:gr.Timer']);
    expect(found[0].message).toContain('ImportError');
    expect(found[1].message).toContain('added in Gradio 5.14.0');
  });

  it('fires on gr.LogoutButton from 5.0 and on events a component lacks in that release', async () => {
    expect(summary(await lint('5.0.0', GRADIO_4_APPS['oauth-timer']))).toEqual(['9:error:gr.LogoutButton']);
    const found = await lint(
      '3.30.0',
      'import gradio as gr\nwith gr.Blocks() as demo:\n    chat = gr.Chatbot()\n    chat.like(lambda x: x, None, None)\n    with gr.Tab("A") as tab:\n        pass\n    tab.select(lambda: 1, None, None)\n',
    );
    expect(summary(found)).toEqual(['4:error:chat.like']);
  });

  it('is a warning naming the assumed release when the version is unknown', async () => {
    const [d] = await lint(undefined, 'import gradio as gr\nwith gr.Box():\n    pass\n');
    expect(d.level).toBe('warning');
    expect(d.message).toContain('assumed 6.');
  });

  it('never guesses: unknown names, themes functions, local objects, Gradio 6 HTML events', async () => {
    const app = `import gradio as gr

demo = gr.themes.builder
theme = gr.themes.Soft()
box = make_box()
box.style(height=3)
gr.NotAThing()

with gr.Blocks() as ui:
    html = gr.HTML("<button>x</button>")
    html.click(lambda: 1, None, None)
`;
    expect(await lint('6.25.0', app)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFixes } from '../engine.js';
import { GRADIO_3_APPS, GRADIO_4_APPS, GRADIO_5_APPS, GRADIO_6_APPS, gradioSpace } from '../../test/gradio-apps.js';
import { lintFiles } from '../../test/lint-files.js';

const only = 'gradio-unknown-argument';
const lint = (version: string | undefined, app: string, extra: Record<string, string> = {}) => lintFiles(gradioSpace(version, app, extra), { only });
const summary = (found: Awaited<ReturnType<typeof lint>>) => found.map((d) => `${d.line}:${d.level}:${/`([^`]*)`/.exec(d.message)?.[1]}`);

describe(only, () => {
  describe('stays silent on real-shaped apps on the release they were written for', () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['3.x', GRADIO_3_APPS, ['3.50.2', '3.45.0', '3.40.1']],
      ['4.x', GRADIO_4_APPS, ['4.44.1']],
      ['5.x', GRADIO_5_APPS, ['5.49.1', '5.30.0']],
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

  it('fires on the Gradio 6 removals in a 5.x app moved to 6.0.0, with the release and the successor', async () => {
    const found = await lint('6.0.0', GRADIO_4_APPS['chatbot-messages']);
    expect(summary(found)).toEqual([
      '14:error:gr.Blocks(theme=...)',
      '15:error:gr.Chatbot(type=...)',
      '15:error:gr.Chatbot(show_copy_button=...)',
      '15:error:gr.Chatbot(bubble_full_width=...)',
      '21:error:demo.queue(...).launch(show_api=...)',
    ]);
    expect(found[0].message).toContain('removed in Gradio 6.0.0 (last in 5.49.1)');
    expect(found[0].message).toContain('Pass it to `launch()` instead');
    expect(found[2].message).toContain('use `buttons=["copy"]`');
    expect(found[4].message).toContain('api_visibility');
    expect(found[1].suggestions?.map((s) => s.desc)).toEqual(['Remove `type=`']);
  });

  it('lowers Blocks(theme=) to a warning from 6.1, where Gradio only warns', async () => {
    const app = 'import gradio as gr\n\nwith gr.Blocks(theme=gr.themes.Soft(), css=".x{}") as demo:\n    gr.Markdown("hi")\ndemo.launch()\n';
    expect((await lint('6.0.2', app)).map((d) => d.level)).toEqual(['error', 'error']);
    const later = await lint('6.25.0', app);
    expect(later.map((d) => d.level)).toEqual(['warning', 'warning']);
    expect(later[0].message).toContain('moved to `launch(theme=...)`');
    // Interface passes its keywords on to Blocks: same handling.
    const iface = await lint('6.25.0', 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text", theme="soft").launch()\n');
    expect(iface.map((d) => d.level)).toEqual(['warning']);
  });

  it('warns where 3.x silently ignores an unknown keyword, and says it has no effect', async () => {
    const found = await lint('3.50.2', 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    chat = gr.Chatbot(type="messages", height=400)\n    img = gr.Image(sources=["upload"])\ndemo.launch()\n');
    expect(summary(found)).toEqual(['4:warning:gr.Chatbot(type=...)', '5:warning:gr.Image(sources=...)']);
    expect(found[0].message).toContain('added in Gradio 4.38.0');
    expect(found[0].message).toContain('silently ignores');
  });

  it('errors in 3.x where the call has no **kwargs (launch, listeners)', async () => {
    const found = await lint('3.50.2', 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    btn = gr.Button()\n    btn.click(lambda: 1, None, None, js="() => 1")\ndemo.launch(ssr_mode=False)\n');
    expect(summary(found)).toEqual(['5:error:btn.click(js=...)', '6:error:demo.launch(ssr_mode=...)']);
    expect(found[1].message).toContain('added in Gradio 5.0.0');
  });

  it('fires on 3.x code in a 4.x Space and offers `js=` for `_js=`', async () => {
    const files = gradioSpace('4.44.1', GRADIO_3_APPS['image-tools']);
    const found = await lintFiles(files, { only });
    expect(summary(found)).toEqual(['11:error:gr.Image(source=...)', '11:error:gr.Image(tool=...)', '11:error:gr.Image(shape=...)', '17:error:demo.load(_js=...)']);
    const rename = found[3].suggestions![0];
    expect(rename.desc).toBe('Rename to `js=`');
    expect(applyFixes(files['app.py'], [rename.fix]).output).toContain('demo.load(lambda: None, None, None, js="() => console.log(\'ready\')")');
  });

  it('reports what is too new for the release (added in) and typos with the closest parameter', async () => {
    const found = await lint('5.8.0', 'import gradio as gr\ndemo = gr.ChatInterface(lambda m, h: m, type="messages", save_history=True)\ndemo.launch(mcp_server=True)\ngr.Textbox(lable="Name")\n');
    expect(summary(found)).toEqual(['2:error:gr.ChatInterface(save_history=...)', '3:error:demo.launch(mcp_server=...)', '4:error:gr.Textbox(lable=...)']);
    expect(found[0].message).toContain('added in Gradio 5.10.0');
    expect(found[2].message).toContain('Did you mean `label=`?');
    expect(found[2].suggestions?.[0].desc).toBe('Use `label=`');
  });

  it('resolves aliases, from-imports, chains, listeners, .then, gr.on and names bound by with', async () => {
    const app = `import gradio as g
from gradio import Chatbot, Blocks

with Blocks() as ui:
    bot = Chatbot(show_copy_button=True)
    btn = g.Button("go")
    btn.click(lambda: 1, None, None, show_api=False).then(lambda: 2, None, None, show_api=False)
    g.on([btn.click], lambda: 3, None, None, show_api=False)

g.Interface(lambda x: x, "text", "text").queue().launch(show_api=False)
ui.launch(show_api=False)
`;
    expect(summary(await lint('6.0.0', app))).toEqual([
      '5:error:Chatbot(show_copy_button=...)',
      '7:error:btn.click(show_api=...)',
      '7:error:btn.click(...).then(show_api=...)',
      '8:error:g.on(show_api=...)',
      '10:error:g.Interface(...).queue(...).launch(show_api=...)',
      '11:error:ui.launch(show_api=...)',
    ]);
  });

  it('reports more positional arguments than the release takes', async () => {
    const found = await lint('4.44.1', 'import gradio as gr\nbox = gr.Textbox("hi", "Label")\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'error', line: 2, column: 24 });
    expect(found[0].message).toContain('at most 1 positional argument in Gradio 4.44.1 (value) and gets 2');
    // Listeners take fn, inputs, outputs positionally; a `*args` spread is never counted.
    expect(await lint('4.44.1', 'import gradio as gr\nbox = gr.Textbox("hi", label="Label")\nbox.submit(str.upper, box, box)\n')).toEqual([]);
    expect(await lint('4.44.1', 'import gradio as gr\nargs = ["hi", "Label"]\nbox = gr.Textbox(*args)\n')).toEqual([]);
  });

  it('is a warning naming the assumed release when the version is unknown, and reads untagged releases below', async () => {
    const [d] = await lint(undefined, 'import gradio as gr\ngr.Chatbot(type="messages")\n');
    expect(d.level).toBe('warning');
    expect(d.message).toMatch(/unknown \(no `sdk_version` or `gradio==` pin; assumed 6\.\d+\.\d+, the newest release as of \d{4}-\d\d-\d\d\)/);
    const [u] = await lint('4.37.0', 'import gradio as gr\ngr.Chatbot(type="messages")\n');
    expect(u.level).toBe('error');
    expect(u.message).toContain('4.37.0 (read as 4.36.1, the nearest tagged release below)');
    // A Docker Space pinning gradio in requirements.txt is read at that pin.
    const docker = { 'README.md': '---\nsdk: docker\n---\n', 'app.py': 'import gradio as gr\ngr.Chatbot(type="messages")\n', 'requirements.txt': 'gradio==4.44.1\n' };
    expect(await lintFiles(docker, { only })).toEqual([]);
  });

  it('never guesses: variables, **kwargs, parameters, self attributes, reassigned names, other libraries', async () => {
    const app = `import gradio as gr
from fastapi import FastAPI

opts = {"type": "messages", "show_copy_button": True}
chat = gr.Chatbot(**opts)

def build(demo):
    demo.launch(show_api=False)

class App:
    def run(self):
        self.demo.launch(show_api=False)

ui = gr.Blocks()
ui = make_ui()
ui.launch(show_api=False)

server = FastAPI()
server.launch(show_api=False)
`;
    expect(await lint('6.0.0', app)).toEqual([]);
  });

  it('leaves the queue keywords to gradio-removed-queue-params', async () => {
    expect(await lint('6.0.0', 'import gradio as gr\ndemo = gr.Blocks()\ndemo.queue(concurrency_count=2).launch(enable_queue=True)\n')).toEqual([]);
  });

  it('stays silent below the tables (Gradio 2.x) and on pre-releases', async () => {
    expect(await lint('2.9.4', 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text", layout="vertical").launch()\n')).toEqual([]);
    expect(await lint('6.0.0b1', 'import gradio as gr\ngr.Chatbot(type="messages")\n')).toEqual([]);
  });
});

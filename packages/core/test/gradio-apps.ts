/**
 * Real-shaped Gradio apps per major version, written in the idioms of Gradio's own demos at that release
 * (demo/<name>/run.py at the v3.x / gradio@4.x / 5.x / 6.x tags): each runs on the release it is listed
 * under, so the version-exact rules must stay silent on it there.
 */
import { readme } from './lint-files.js';

export const GRADIO_3_APPS: Record<string, string> = {
  'interface-legacy-inputs': `import gradio as gr
from transformers import pipeline

classifier = pipeline("sentiment-analysis")

def classify(text):
    return {r["label"]: r["score"] for r in classifier(text)}

demo = gr.Interface(
    fn=classify,
    inputs=gr.inputs.Textbox(lines=3, placeholder="Type a review..."),
    outputs=gr.outputs.Label(num_top_classes=2),
    examples=[["I loved it"], ["Terrible service"]],
    allow_flagging="never",
    theme="default",
    title="Sentiment",
)
demo.launch(enable_queue=True)
`,
  'blocks-styled': `import gradio as gr

def greet(name, intensity):
    return "Hello, " + name + "!" * int(intensity)

with gr.Blocks(css=".gradio-container {max-width: 720px}") as demo:
    gr.Markdown("# Greeter")
    with gr.Box():
        with gr.Row():
            name = gr.Textbox(label="Name").style(container=False)
            intensity = gr.Slider(1, 10, value=3, step=1, label="Intensity")
    greet_btn = gr.Button("Greet").style(full_width=True)
    out = gr.Textbox(label="Greeting", show_copy_button=True)
    gallery = gr.Gallery(label="Pictures").style(grid=[2], height="auto")
    greet_btn.click(greet, [name, intensity], out, _js="(n, i) => [n.trim(), i]", api_name="greet")
    name.submit(greet, inputs=[name, intensity], outputs=out)

    def toggle(show):
        return gr.Textbox.update(visible=show)

    show = gr.Checkbox(label="Show greeting", value=True)
    show.change(toggle, show, out)

demo.queue(concurrency_count=2, max_size=20).launch()
`,
  'chat-interface-3': `import gradio as gr
import random

def respond(message, history):
    return random.choice(["Yes", "No", "Maybe"])

demo = gr.ChatInterface(
    respond,
    chatbot=gr.Chatbot(height=300),
    textbox=gr.Textbox(placeholder="Ask me a yes or no question", container=False, scale=7),
    title="Yes Man",
    examples=["Hello", "Am I cool?"],
    cache_examples=True,
    retry_btn=None,
    undo_btn="Delete Previous",
    clear_btn="Clear",
)

if __name__ == "__main__":
    demo.queue().launch()
`,
  'image-tools': `import gradio as gr
import numpy as np

def sepia(img):
    filt = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])
    out = img.dot(filt.T)
    return out / out.max()

with gr.Blocks() as demo:
    with gr.Tab("Sepia"):
        inp = gr.Image(source="upload", tool="editor", shape=(256, 256))
        out = gr.Image()
        btn = gr.Button("Run")
    with gr.Tab("Sketch"):
        sketch = gr.Sketchpad()
    btn.click(sepia, inp, out)
    demo.load(lambda: None, None, None, _js="() => console.log('ready')")

demo.launch()
`,
};

export const GRADIO_4_APPS: Record<string, string> = {
  'chatbot-messages': `import gradio as gr
import time

def user(message, history):
    return "", history + [{"role": "user", "content": message}]

def bot(history):
    history.append({"role": "assistant", "content": ""})
    for ch in "Hello! How can I help?":
        history[-1]["content"] += ch
        time.sleep(0.02)
        yield history

with gr.Blocks(theme=gr.themes.Soft(), fill_height=True) as demo:
    chatbot = gr.Chatbot(type="messages", show_copy_button=True, bubble_full_width=False, height=500)
    msg = gr.Textbox(placeholder="Say something", show_label=False, autofocus=True)
    clear = gr.ClearButton([msg, chatbot])
    msg.submit(user, [msg, chatbot], [msg, chatbot], queue=False).then(bot, chatbot, chatbot, concurrency_limit=4)
    chatbot.like(lambda x: None, None, None)

demo.queue(default_concurrency_limit=2, max_size=32).launch(show_api=False)
`,
  'interface-images': `import gradio as gr

def flip(img):
    return img.transpose(method=0)

demo = gr.Interface(
    flip,
    gr.Image(type="pil", sources=["upload", "webcam"], height=320),
    gr.Image(type="pil", show_download_button=True),
    examples=[["cat.png"]],
    cache_examples="lazy",
    allow_flagging="never",
    js="() => document.title = 'Flip'",
)
demo.launch()
`,
  'chat-interface-4': `import gradio as gr

def echo(message, history, system_prompt, tokens):
    return f"{system_prompt}: {message['text']}"[: int(tokens)]

demo = gr.ChatInterface(
    echo,
    type="messages",
    multimodal=True,
    textbox=gr.MultimodalTextbox(file_types=["image"], placeholder="Message"),
    additional_inputs=[gr.Textbox("You are helpful", label="System Prompt"), gr.Slider(10, 100)],
    examples=[[{"text": "hi", "files": []}, "Be terse", 20]],
    cache_examples=False,
    retry_btn=None,
    fill_height=True,
)
demo.launch()
`,
  'oauth-timer': `import gradio as gr
from datetime import datetime

def hello(profile: gr.OAuthProfile | None) -> str:
    return "Signed out" if profile is None else f"Hello {profile.name}"

with gr.Blocks() as demo:
    gr.LoginButton()
    gr.LogoutButton()
    greeting = gr.Markdown()
    timer = gr.Timer(5)
    clock = gr.Textbox(label="Now")
    timer.tick(lambda: datetime.now().isoformat(), None, clock)
    demo.load(hello, None, greeting)

    @gr.render(inputs=clock)
    def show(text):
        gr.Markdown(text)

    gr.Examples([["2024"]], inputs=[clock], cache_examples=False)

demo.launch()
`,
};

export const GRADIO_5_APPS: Record<string, string> = {
  'chat-history': `import gradio as gr
from huggingface_hub import InferenceClient

client = InferenceClient("HuggingFaceH4/zephyr-7b-beta")

def respond(message, history: list[dict], system_message, max_tokens):
    messages = [{"role": "system", "content": system_message}, *history, {"role": "user", "content": message}]
    response = ""
    for chunk in client.chat_completion(messages, max_tokens=max_tokens, stream=True):
        response += chunk.choices[0].delta.content or ""
        yield response

demo = gr.ChatInterface(
    respond,
    type="messages",
    save_history=True,
    additional_inputs=[gr.Textbox("You are a friendly chatbot.", label="System message"), gr.Slider(1, 2048, value=512, step=1, label="Max new tokens")],
    theme="ocean",
    css="footer {visibility: hidden}",
)

if __name__ == "__main__":
    demo.launch(ssr_mode=False, mcp_server=True)
`,
  'sidebar-dashboard': `import gradio as gr
import pandas as pd

def load(n):
    return pd.DataFrame({"x": range(int(n)), "y": [i * i for i in range(int(n))]})

with gr.Blocks(theme=gr.themes.Base(), css_paths=["style.css"], head="<meta name='x' content='y'>") as demo:
    with gr.Sidebar(position="left"):
        n = gr.Number(10, label="Points")
    plot = gr.LinePlot(x="x", y="y", height=300)
    table = gr.Dataframe(show_copy_button=True)
    n.change(load, n, table, show_api=False).then(lambda df: df, table, plot, show_progress="hidden")
    demo.load(load, n, table)
    gr.DeepLinkButton()

demo.queue(default_concurrency_limit=4).launch()
`,
  'interface-flagging': `import gradio as gr

def caption(image, style):
    return f"A {style} picture"

demo = gr.Interface(
    fn=caption,
    inputs=[gr.Image(type="filepath"), gr.Dropdown(["plain", "poetic"], value="plain", allow_custom_value=True)],
    outputs=gr.Textbox(show_copy_button=True),
    flagging_mode="manual",
    examples=[["cat.jpg", "plain"]],
    cache_examples="lazy",
)
demo.launch(share=False)
`,
};

export const GRADIO_6_APPS: Record<string, string> = {
  'chat-6': `import gradio as gr

def respond(message, history):
    yield "Thinking..."
    yield f"You said: {message}"

with gr.Blocks(fill_height=True) as demo:
    gr.Markdown("# Chat")
    chatbot = gr.Chatbot(buttons=["copy"], height=480, placeholder="Ask anything")
    gr.ChatInterface(respond, chatbot=chatbot, save_history=True)

demo.launch(theme=gr.themes.Soft(), css="footer {display: none}")
`,
  'listeners-6': `import gradio as gr

def add(a, b):
    return a + b

with gr.Blocks(title="Adder") as demo:
    with gr.Row(equal_height=True):
        a = gr.Number(label="a")
        b = gr.Number(label="b")
    total = gr.Number(label="a + b")
    btn = gr.Button("Add", variant="primary")
    btn.click(add, [a, b], total, api_visibility="private", concurrency_limit=2)
    gr.on([a.change, b.change], add, [a, b], total, api_visibility="undocumented")
    examples = gr.Examples([[1, 2]], inputs=[a, b], outputs=total, fn=add, cache_examples=True, cache_mode="lazy")

demo.queue(max_size=16).launch(mcp_server=True, show_error=True)
`,
  'interface-6': `import gradio as gr

demo = gr.Interface(
    lambda text: text[::-1],
    gr.Textbox(lines=2, buttons=["copy"]),
    "text",
    flagging_mode="never",
    api_name="reverse",
)
demo.launch()
`,
};

/** A Space running `version` with one app file. */
export function gradioSpace(version: string | undefined, app: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'README.md': readme(`sdk: gradio${version ? `\nsdk_version: "${version}"` : ''}`), 'app.py': app, ...extra };
}

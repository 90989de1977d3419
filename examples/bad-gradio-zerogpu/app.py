import torch
import gradio as gr
from transformers import pipeline

torch.cuda.init()
import spaces

generator = pipeline("text-generation", model="HuggingFaceTB/SmolLM2-360M-Instruct", device="cuda")
generator.model = torch.compile(generator.model)

LIMIT = None


@spaces.GPU
def chat(message, history):
    return generator(message, max_new_tokens=256)[0]["generated_text"]


@spaces.GPU(duration=120)
async def summarize(text):
    model = pipeline("summarization", model="facebook/bart-large-cnn")
    return model(text)[0]["summary_text"]


demo = gr.ChatInterface(chat, concurrency_limit=LIMIT)
demo.queue(concurrency_count=4).launch(share=True)

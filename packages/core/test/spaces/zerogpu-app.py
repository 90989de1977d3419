"""Text-to-image and captioning demo on ZeroGPU.

Loads a diffusion pipeline and a captioning model at start-up, places them on CUDA at module level (the
documented ZeroGPU pattern), and serves both through a Gradio Blocks UI with a queue.
"""
from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from typing import Iterator

import spaces
import torch
import numpy as np
import gradio as gr
from PIL import Image
from diffusers import DiffusionPipeline, EulerAncestralDiscreteScheduler
from transformers import AutoProcessor, BlipForConditionalGeneration
from huggingface_hub import InferenceClient

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_ID = "stabilityai/sdxl-turbo"
CAPTION_MODEL_ID = "Salesforce/blip-image-captioning-large"
MAX_SEED = np.iinfo(np.int32).max
MAX_IMAGE_SIZE = 1024
DEFAULT_STEPS = 4
DTYPE = torch.float16
DEVICE = "cuda"
QUEUE_SIZE = 20

pipe = DiffusionPipeline.from_pretrained(MODEL_ID, torch_dtype=DTYPE, variant="fp16")
pipe.scheduler = EulerAncestralDiscreteScheduler.from_config(pipe.scheduler.config)
pipe.to(DEVICE)

processor = AutoProcessor.from_pretrained(CAPTION_MODEL_ID)
captioner = BlipForConditionalGeneration.from_pretrained(CAPTION_MODEL_ID, torch_dtype=DTYPE).to("cuda")

client = InferenceClient(token=os.environ.get("HF_TOKEN"))


@dataclass
class GenerationSettings:
    """What the UI sends for one image."""

    prompt: str
    negative_prompt: str = ""
    width: int = 1024
    height: int = 1024
    steps: int = DEFAULT_STEPS
    guidance: float = 0.0
    seed: int = 0

    def clamp(self) -> "GenerationSettings":
        self.width = min(max(self.width, 256), MAX_IMAGE_SIZE)
        self.height = min(max(self.height, 256), MAX_IMAGE_SIZE)
        self.steps = min(max(self.steps, 1), 50)
        return self


def randomize(seed: int, randomize_seed: bool) -> int:
    if randomize_seed:
        return random.randint(0, MAX_SEED)
    return seed


def estimate_duration(prompt, negative_prompt, width, height, steps, guidance, seed, randomize_seed, progress=gr.Progress(track_tqdm=True)):
    # Roughly 0.6 s per step at 1024², plus model warm-up.
    pixels = width * height / (1024 * 1024)
    return int(10 + steps * 0.6 * pixels)


@spaces.GPU(duration=estimate_duration)
def generate(
    prompt: str,
    negative_prompt: str,
    width: int,
    height: int,
    steps: int,
    guidance: float,
    seed: int,
    randomize_seed: bool,
    progress=gr.Progress(track_tqdm=True),
):
    settings = GenerationSettings(prompt, negative_prompt, width, height, steps, guidance, randomize(seed, randomize_seed)).clamp()
    generator = torch.Generator(device="cuda").manual_seed(settings.seed)
    started = time.perf_counter()
    image = pipe(
        prompt=settings.prompt,
        negative_prompt=settings.negative_prompt or None,
        width=settings.width,
        height=settings.height,
        num_inference_steps=settings.steps,
        guidance_scale=settings.guidance,
        generator=generator,
    ).images[0]
    elapsed = time.perf_counter() - started
    return image, settings.seed, f"{elapsed:.1f} s"


@spaces.GPU(duration=20)
def caption(image: Image.Image, max_tokens: int = 40) -> str:
    if image is None:
        raise gr.Error("Upload an image first.")
    inputs = processor(images=image, return_tensors="pt").to("cuda", DTYPE)
    with torch.inference_mode():
        out = captioner.generate(**inputs, max_new_tokens=max_tokens)
    return processor.decode(out[0], skip_special_tokens=True)


@spaces.GPU
def stream_variations(prompt: str, count: int) -> Iterator[Image.Image]:
    for i in range(int(count)):
        generator = torch.Generator(device="cuda").manual_seed(i)
        yield pipe(prompt=prompt, num_inference_steps=DEFAULT_STEPS, guidance_scale=0.0, generator=generator).images[0]


def enhance_prompt(prompt: str) -> str:
    """Asks a hosted LLM to make the prompt more descriptive (network I/O only)."""
    if not prompt.strip():
        return prompt
    response = client.chat_completion(
        messages=[
            {"role": "system", "content": "Rewrite the user's image prompt to be vivid and specific. Answer with the prompt only."},
            {"role": "user", "content": prompt},
        ],
        max_tokens=120,
    )
    return response.choices[0].message.content.strip()


HISTORY_LIMIT = 50


@dataclass
class HistoryEntry:
    """One generated image, kept so visitors can go back to an earlier result."""

    prompt: str
    seed: int
    width: int
    height: int
    seconds: float

    def label(self) -> str:
        short = self.prompt if len(self.prompt) <= 40 else self.prompt[:37] + "..."
        return f"{short} (seed {self.seed}, {self.width}x{self.height}, {self.seconds:.1f} s)"


def add_to_history(history: list[HistoryEntry] | None, prompt: str, seed: int, width: int, height: int, timing: str):
    """Appends the last generation to the session history (kept in gr.State, never shared between visitors)."""
    entries = list(history or [])
    try:
        seconds = float(timing.split()[0])
    except (ValueError, IndexError):
        seconds = 0.0
    entries.append(HistoryEntry(prompt, int(seed), int(width), int(height), seconds))
    entries = entries[-HISTORY_LIMIT:]
    return entries, gr.update(choices=[e.label() for e in reversed(entries)], value=None)


def restore_from_history(history: list[HistoryEntry] | None, label: str | None):
    """Puts the settings of a history entry back into the form."""
    for entry in history or []:
        if entry.label() == label:
            return entry.prompt, entry.seed, entry.width, entry.height, False
    return gr.update(), gr.update(), gr.update(), gr.update(), gr.update()


def format_caption(text: str, style: str) -> str:
    """Turns a raw caption into alt text, a title or a hashtag line."""
    text = text.strip().rstrip(".")
    if style == "Title":
        return text.title()
    if style == "Hashtags":
        words = [w for w in text.lower().split() if len(w) > 3]
        return " ".join("#" + w for w in dict.fromkeys(words))
    return text[:1].upper() + text[1:] + "."


EXAMPLES = [
    ["A cinematic photo of a red fox in the snow, golden hour", "", 1024, 1024, 4, 0.0, 0, True],
    ["An isometric illustration of a tiny island city, pastel colors", "blurry", 1024, 768, 4, 0.0, 42, False],
    ["Macro shot of a dew drop on a leaf, 85mm, bokeh", "", 768, 1024, 4, 0.0, 7, False],
]

CSS = """
#col-container { margin: 0 auto; max-width: 960px; }
.caption-box textarea { font-size: 1.05rem; }
"""

with gr.Blocks(css=CSS, theme=gr.themes.Soft()) as demo:
    gr.Markdown("# Turbo images and captions\nGenerate an image in a few steps, then caption any image.")
    with gr.Tab("Generate"):
        with gr.Column(elem_id="col-container"):
            with gr.Row():
                prompt = gr.Textbox(label="Prompt", placeholder="Describe the image", scale=4)
                enhance = gr.Button("Enhance", scale=1)
                run = gr.Button("Run", variant="primary", scale=1)
            result = gr.Image(label="Result", type="pil")
            with gr.Accordion("Advanced settings", open=False):
                negative_prompt = gr.Textbox(label="Negative prompt")
                with gr.Row():
                    width = gr.Slider(256, MAX_IMAGE_SIZE, value=1024, step=64, label="Width")
                    height = gr.Slider(256, MAX_IMAGE_SIZE, value=1024, step=64, label="Height")
                with gr.Row():
                    steps = gr.Slider(1, 8, value=DEFAULT_STEPS, step=1, label="Steps")
                    guidance = gr.Slider(0.0, 2.0, value=0.0, step=0.1, label="Guidance")
                with gr.Row():
                    seed = gr.Slider(0, MAX_SEED, value=0, step=1, label="Seed")
                    randomize_seed = gr.Checkbox(value=True, label="Randomize seed")
            used_seed = gr.Number(label="Seed used", interactive=False)
            timing = gr.Textbox(label="Time", interactive=False)
            history = gr.State([])
            history_list = gr.Dropdown(label="History", choices=[], interactive=True)
            gr.Examples(examples=EXAMPLES, inputs=[prompt, negative_prompt, width, height, steps, guidance, seed, randomize_seed])
    with gr.Tab("Caption"):
        with gr.Row():
            image_in = gr.Image(label="Image", type="pil")
            with gr.Column():
                max_tokens = gr.Slider(10, 80, value=40, step=5, label="Max tokens")
                caption_out = gr.Textbox(label="Caption", elem_classes="caption-box")
                caption_style = gr.Radio(["Alt text", "Title", "Hashtags"], value="Alt text", label="Style")
                caption_btn = gr.Button("Caption", variant="primary")
    with gr.Tab("Variations"):
        var_prompt = gr.Textbox(label="Prompt")
        var_count = gr.Slider(1, 6, value=3, step=1, label="How many")
        var_gallery = gr.Gallery(label="Variations", columns=3)
        var_btn = gr.Button("Stream variations")

    gr.on(
        triggers=[run.click, prompt.submit],
        fn=generate,
        inputs=[prompt, negative_prompt, width, height, steps, guidance, seed, randomize_seed],
        outputs=[result, used_seed, timing],
        concurrency_limit=1,
        concurrency_id="gpu",
    )
    timing.change(add_to_history, inputs=[history, prompt, used_seed, width, height, timing], outputs=[history, history_list])
    history_list.select(restore_from_history, inputs=[history, history_list], outputs=[prompt, seed, width, height, randomize_seed])
    caption_style.change(format_caption, inputs=[caption_out, caption_style], outputs=caption_out)
    enhance.click(enhance_prompt, inputs=prompt, outputs=prompt, concurrency_limit=None)
    caption_btn.click(caption, inputs=[image_in, max_tokens], outputs=caption_out, concurrency_id="gpu")
    var_btn.click(stream_variations, inputs=[var_prompt, var_count], outputs=var_gallery, concurrency_id="gpu")
    image_in.upload(lambda img: gr.update(value=""), inputs=image_in, outputs=caption_out)
    demo.load(lambda: gr.update(value=random.randint(0, MAX_SEED)), outputs=seed)

if __name__ == "__main__":
    demo.queue(max_size=QUEUE_SIZE).launch(show_error=True)

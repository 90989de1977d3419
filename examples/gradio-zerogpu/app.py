import spaces  # first: ZeroGPU patches CUDA before torch initialises it

import gradio as gr
import torch
from diffusers import AutoPipelineForText2Image

MODEL_ID = "stabilityai/sdxl-turbo"

# Load once at start-up and place on CUDA at module level, as the ZeroGPU docs ask.
pipe = AutoPipelineForText2Image.from_pretrained(MODEL_ID, torch_dtype=torch.float16, variant="fp16")
pipe.to("cuda")


@spaces.GPU(duration=20)
def generate(prompt: str, steps: int = 1, seed: int = 0):
    generator = torch.Generator("cuda").manual_seed(int(seed))
    return pipe(prompt=prompt, num_inference_steps=int(steps), guidance_scale=0.0, generator=generator).images[0]


with gr.Blocks(title="SDXL Turbo Sketch") as demo:
    gr.Markdown("# SDXL Turbo Sketch")
    with gr.Row():
        prompt = gr.Textbox(label="Prompt", placeholder="A cinematic photo of a red fox in the snow")
        steps = gr.Slider(1, 4, value=1, step=1, label="Steps")
        seed = gr.Number(value=0, label="Seed", precision=0)
    image = gr.Image(label="Result")
    run = gr.Button("Generate")
    run.click(generate, inputs=[prompt, steps, seed], outputs=image, concurrency_limit=1)

demo.queue(max_size=20)
demo.launch()

import { zeroGpuInUse } from '../space/facts.js';
import { defineRule } from './rule.js';

/** Flash Attention 3 kernels that abort on ZeroGPU's sm_120 GPUs, as written in code and requirements. */
const FA3_KERNELS = ['kernels-community/flash-attn3', 'vllm-flash-attn3', 'sgl-flash-attn3'];
const FA3_REQUIREMENTS = new Set(['vllm-flash-attn3', 'sgl-flash-attn3']);

export default defineRule({
  meta: {
    id: 'zerogpu-flash-attention-3',
    category: 'zerogpu',
    description: 'ZeroGPU Spaces do not use Flash Attention 3, which its Blackwell (sm_120) GPUs cannot run.',
    hasSuggestions: true,
    messages: {
      attnImplementation: {
        level: 'error',
        text: '`attn_implementation="flash_attention_3"` cannot run on ZeroGPU\'s RTX PRO 6000 Blackwell GPUs (sm_120): the worker aborts on the first GPU call. Use `attn_implementation="sdpa"`.',
      },
      kernel: {
        level: 'error',
        text: '`{{kernel}}` is a Flash Attention 3 kernel, which cannot run on ZeroGPU\'s RTX PRO 6000 Blackwell GPUs (sm_120): the worker aborts. Use PyTorch SDPA (`attn_implementation="sdpa"`), or Flash Attention 2 if the model needs it.',
      },
    },
    docs: {
      rationale:
        'ZeroGPU runs on NVIDIA RTX PRO 6000 Blackwell GPUs (compute capability sm_120; https://huggingface.co/docs/hub/spaces-zerogpu). Flash Attention 3 targets Hopper (sm_90) and has no kernels for sm_120 (https://github.com/Dao-AILab/flash-attention: "FlashAttention-3 is optimized for Hopper GPUs"). Hugging Face\'s ZeroGPU guidance (its Spaces skill, zerogpu.md and known-errors.md) says FA3/FA4 cannot run on sm_120 and that `kernels-community/flash-attn3`, `vllm-flash-attn3` and `sgl-flash-attn3` abort the worker; the ladder it recommends is SDPA first, then Flash Attention 2 only if the upstream repo uses it. Reported on ZeroGPU Spaces: `attn_implementation="flash_attention_3"` in any call (a suggestion replaces it with `"sdpa"`), string literals naming those kernels in Python (`get_kernel("kernels-community/flash-attn3")`, `attn_implementation="kernels-community/flash-attn3"`), and `vllm-flash-attn3` / `sgl-flash-attn3` in requirements.txt.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen3-8B", attn_implementation="flash_attention_3").to("cuda")\n\n@spaces.GPU\ndef chat(prompt):\n    return model.generate(prompt)\n',
        },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsuggested_hardware: zero-a10g\n---\n' },
        {
          file: 'app.py',
          code: 'import spaces\nfrom transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen3-8B", attn_implementation="sdpa").to("cuda")\n\n@spaces.GPU\ndef chat(prompt):\n    return model.generate(prompt)\n',
        },
      ],
      howToFix:
        'Use `attn_implementation="sdpa"` (PyTorch\'s scaled dot-product attention), or Flash Attention 2 from a prebuilt wheel when the model requires it; drop Flash Attention 3 packages from requirements.txt.',
    },
  },
  check(space, report) {
    if (!zeroGpuInUse(space)) return;
    for (const module of space.appModules) {
      const path = module.path;
      if (!module) continue;
      for (const call of module.calls) {
        for (const arg of call.args) {
          if (arg.value.kind !== 'string' || typeof arg.value.value !== 'string') continue;
          const value = arg.value.value;
          if (arg.name === 'attn_implementation' && value === 'flash_attention_3') {
            report({ messageId: 'attnImplementation', file: path, range: arg.range, suggestions: [{ desc: 'Use `"sdpa"`', fix: { range: arg.value.range, text: '"sdpa"' } }] });
            continue;
          }
          const kernel = FA3_KERNELS.find((k) => value.includes(k));
          if (kernel) report({ messageId: 'kernel', data: { kernel }, file: path, range: arg.value.range });
        }
      }
    }
    for (const { path, line, role } of space.requirementsClosure()) {
      if (role !== 'requirement') continue;
      if ((line.normalizedName && FA3_REQUIREMENTS.has(line.normalizedName)) || (!line.normalizedName && line.url && FA3_KERNELS.some((k) => line.url!.includes(k)))) {
        report({ messageId: 'kernel', data: { kernel: line.name ?? line.raw }, file: path, range: line.nameRange ?? line.range });
      }
    }
  },
});

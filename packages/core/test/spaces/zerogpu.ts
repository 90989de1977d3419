import { readFileSync } from 'node:fs';
import { readme } from '../lint-files.js';

/** A realistic ZeroGPU Space (≈10 KB app): the tests change one thing in it and check what is reported. */
export const ZEROGPU_APP = readFileSync(new URL('./zerogpu-app.py', import.meta.url), 'utf8');
export const ZEROGPU_README = readme(
  'title: Turbo images\nemoji: 🎨\ncolorFrom: blue\ncolorTo: indigo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\nsuggested_hardware: zero-a10g\nshort_description: Turbo text-to-image and captions',
);
export const ZEROGPU_REQUIREMENTS = 'diffusers==0.35.1\ntransformers==4.56.0\naccelerate\ntorch==2.9.1\nnumpy<2\n';

/** The Space with some files replaced or added. */
export function zeroGpuSpace(files: Record<string, string> = {}): Record<string, string> {
  return { 'README.md': ZEROGPU_README, 'app.py': ZEROGPU_APP, 'requirements.txt': ZEROGPU_REQUIREMENTS, ...files };
}

/** A Gradio Space on CPU with the given app. */
export function cpuSpace(app: string, files: Record<string, string> = {}): Record<string, string> {
  return { 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py'), 'app.py': app, ...files };
}

/** The app with `search` replaced by `replacement` (fails loudly if the text is not there). */
export function edit(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`test fixture: ${JSON.stringify(search)} not found`);
  return text.replace(search, replacement);
}

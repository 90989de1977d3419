import type { Space } from '../space/space.js';

/** Where the ZeroGPU rules point for details: the hub-docs page and the AoT compilation recipe. */
export const ZEROGPU_DOCS_URL = 'https://huggingface.co/docs/hub/spaces-zerogpu';
export const AOT_RECIPE_URL = 'https://huggingface.co/blog/zerogpu-aoti';

/** Spec §4.4 context: Z4–Z7 and Z9 run when the Space is (or very likely is) on ZeroGPU. */
export function zeroGpuInUse(space: Space): boolean {
  return space.facts.zeroGpu !== 'no';
}

/** The whitespace that starts the line holding `offset` (to insert a line with the same indentation). */
export function indentationAt(text: string, offset: number): { lineStart: number; indent: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  return { lineStart, indent };
}

/**
 * Which Hub the playground reads from, and what a Space id looks like. Kept apart from the loader (which
 * runs in the lint worker with core) so the page itself needs no part of the engine for them.
 */
export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** `?hub=<url>` on the page wins (tests point it at a fake Hub), then the build's VITE_HUB_ENDPOINT. */
export function hubEndpoint(search: string): string {
  const fromQuery = new URLSearchParams(search).get('hub');
  const endpoint = fromQuery || (import.meta.env.VITE_HUB_ENDPOINT as string | undefined) || DEFAULT_HUB_ENDPOINT;
  return endpoint.replace(/\/+$/, '');
}

export class HubLoadError extends Error {
  override name = 'HubLoadError';
}

const SPACE_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** `owner/name`, or a Space URL (`https://huggingface.co/spaces/owner/name`, `hf://spaces/owner/name`). */
export function parseSpaceInput(input: string): string {
  const trimmed = input.trim();
  const fromUrl = /^(?:https?:\/\/[^/]+\/spaces\/|hf:\/\/spaces\/)([^/?#]+\/[^/?#]+)/.exec(trimmed);
  const id = fromUrl ? fromUrl[1] : trimmed;
  if (!SPACE_ID.test(id)) throw new HubLoadError(`"${trimmed}" is not a Space id: write owner/name (for example gradio/hello_world).`);
  return id;
}

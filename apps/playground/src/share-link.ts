import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * A Space's files in a link: JSON, deflated, base64url, in the URL fragment. The fragment never reaches
 * a server (browsers do not send it), so sharing sends nothing anywhere.
 */
export interface SharedSpace {
  /** Path → text of every text file. */
  files: Record<string, string>;
  /** Path → size of files that are only listed (binary, too large, not downloaded): rules see they exist. */
  listed?: Record<string, number>;
  /** The tab that was open. */
  active?: string;
}

const PREFIX = 'space=';

export function encodeShareFragment(space: SharedSpace): string {
  const bytes = deflateSync(strToU8(JSON.stringify({ v: 1, ...space })), { level: 9 });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `#${PREFIX}${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The Space in a fragment; undefined when the fragment holds none; throws with a sentence when it is damaged. */
export function decodeShareFragment(fragment: string): SharedSpace | undefined {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return undefined;
  let parsed: unknown;
  try {
    const binary = atob(body.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    parsed = JSON.parse(strFromU8(inflateSync(bytes)));
  } catch {
    throw new Error('This share link is damaged (it was cut short or edited); the example Space is shown instead.');
  }
  const value = parsed as { v?: unknown; files?: unknown; listed?: unknown; active?: unknown };
  if (value?.v !== 1 || typeof value.files !== 'object' || value.files === null) {
    throw new Error('This share link was made by another version of the playground and cannot be read.');
  }
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(value.files as Record<string, unknown>)) if (typeof text === 'string') files[path] = text;
  const listed: Record<string, number> = {};
  if (typeof value.listed === 'object' && value.listed !== null) {
    for (const [path, size] of Object.entries(value.listed as Record<string, unknown>)) if (typeof size === 'number') listed[path] = size;
  }
  return { files, listed, ...(typeof value.active === 'string' ? { active: value.active } : {}) };
}

/**
 * Space ids (`owner/name`) and the `hf://spaces/owner/name[@revision]` form the CLI and MCP server accept
 * wherever a local Space path goes.
 */
export interface SpaceRef {
  /** `owner/name`. */
  id: string;
  /** Branch, tag or commit; absent = the default branch. */
  revision?: string;
}

export const HUB_SPACE_URL_PREFIX = 'hf://spaces/';

// Hub repo names: letters, digits, `-`, `_`, `.`; no leading/trailing `-`/`.`, no `--` or `..`, ≤ 96 chars.
const PART = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?$/;

export class SpaceRefError extends Error {
  override name = 'SpaceRefError';
}

/** Validates `owner/name` and returns it; throws SpaceRefError with the reason otherwise. */
export function parseSpaceId(value: string): string {
  const id = value.trim();
  const parts = id.split('/');
  if (parts.length !== 2) {
    throw new SpaceRefError(`"${id}" is not a Space id: expected "owner/name" (for example "julien/my-demo").`);
  }
  for (const part of parts) {
    if (!PART.test(part) || part.includes('--') || part.includes('..') || part.endsWith('.git')) {
      throw new SpaceRefError(`"${id}" is not a valid Space id: "${part}" may use letters, digits, "-", "_" and "." (not at either end, not doubled), up to 96 characters.`);
    }
  }
  return id;
}

export function isHubSpaceUrl(value: string): boolean {
  return value.startsWith(HUB_SPACE_URL_PREFIX);
}

/**
 * Parses `hf://spaces/owner/name`, `hf://spaces/owner/name@revision` (the revision may contain `/`, as in
 * `refs/pr/3`), with an optional trailing `/`.
 */
export function parseHubSpaceUrl(value: string): SpaceRef {
  if (!isHubSpaceUrl(value)) {
    throw new SpaceRefError(`"${value}" is not a Hub Space URL: expected hf://spaces/owner/name[@revision].`);
  }
  const rest = value.slice(HUB_SPACE_URL_PREFIX.length);
  const at = rest.indexOf('@');
  const idPart = (at === -1 ? rest : rest.slice(0, at)).replace(/\/$/, '');
  const revision = at === -1 ? undefined : rest.slice(at + 1).replace(/\/$/, '');
  if (revision !== undefined && (!revision || /[\s?#\\]|\.\./.test(revision))) {
    throw new SpaceRefError(`"${value}" has an invalid revision: expected a branch, tag or commit after "@".`);
  }
  const id = parseSpaceId(idPart);
  return revision ? { id, revision } : { id };
}

export function formatHubSpaceUrl(ref: SpaceRef): string {
  return `${HUB_SPACE_URL_PREFIX}${ref.id}${ref.revision ? `@${ref.revision}` : ''}`;
}

import { decodeFile, formatBytes, isTextCandidate, MAX_FILES, MAX_TEXT_BYTES, SKIPPED_DIRS, type SpaceFile } from '@spacelint/core';
import { HubLoadError } from './hub-endpoint.js';

/**
 * Reads a public Space from the Hub's HTTP API in the browser, read-only and without a token: the tree
 * listing, then the files core reads (text candidates up to MAX_TEXT_BYTES, the choice @spacelint/hub's
 * HubSpaceSource makes), the others listed with their size.
 */
interface TreeEntry {
  type: string;
  path: string;
  size: number;
}

const CONCURRENCY = 6;

async function hubFetch(url: string, endpoint: string, id: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new HubLoadError(
      `Cannot reach the Hub at ${endpoint} from this browser (offline, blocked by the network, or the server does not allow browser requests). Pasted and dropped files still lint.`,
    );
  }
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    throw new HubLoadError(`Space ${id} was not found on ${endpoint}, or it is private: the playground reads public Spaces only.`);
  }
  if (!response.ok) throw new HubLoadError(`The Hub at ${endpoint} answered ${response.status} ${response.statusText} for ${id}; try again later.`);
  return response;
}

export interface HubSpace {
  id: string;
  /** Text files, path → text. */
  texts: Record<string, string>;
  /** Files rules see only by path (binary, too large, not UTF-8). */
  listed: SpaceFile[];
  truncated?: string;
}

export async function loadHubSpace(endpoint: string, id: string, signal?: AbortSignal): Promise<HubSpace> {
  const base = `${endpoint}/api/spaces/${id}/tree/main`;
  const entries: TreeEntry[] = [];
  let next: string | undefined = `${base}?recursive=true&expand=false`;
  while (next && entries.length < MAX_FILES) {
    const response = await hubFetch(next, endpoint, id, signal);
    const page = (await response.json()) as TreeEntry[];
    if (!Array.isArray(page)) throw new HubLoadError(`The Hub at ${endpoint} sent an unexpected file listing for ${id}.`);
    entries.push(...page);
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  const texts: Record<string, string> = {};
  const listed: SpaceFile[] = [];
  const wanted: TreeEntry[] = [];
  let truncated: string | undefined;
  for (const entry of entries) {
    if (entry.type !== 'file') continue;
    if (
      entry.path
        .split('/')
        .slice(0, -1)
        .some((part) => SKIPPED_DIRS.has(part))
    )
      continue;
    if (listed.length + wanted.length >= MAX_FILES) {
      truncated = `stopped listing after ${MAX_FILES} files at ${entry.path}`;
      break;
    }
    if (!isTextCandidate(entry.path)) listed.push({ path: entry.path, size: entry.size });
    else if (entry.size > MAX_TEXT_BYTES) {
      listed.push({ path: entry.path, size: entry.size, problem: 'too-large', detail: `file is ${formatBytes(entry.size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` });
    } else wanted.push(entry);
  }
  let cursor = 0;
  const worker = async () => {
    while (cursor < wanted.length) {
      const entry = wanted[cursor++];
      const path = entry.path.split('/').map(encodeURIComponent).join('/');
      const response = await hubFetch(`${endpoint}/spaces/${id}/resolve/main/${path}`, endpoint, id, signal);
      const file = decodeFile(entry.path, new Uint8Array(await response.arrayBuffer()));
      if (file.text !== undefined) texts[entry.path] = file.text;
      else listed.push(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, wanted.length) }, worker));
  return { id, texts, listed, ...(truncated ? { truncated } : {}) };
}

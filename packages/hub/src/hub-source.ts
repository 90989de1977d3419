import { decodeFile, formatBytes, isTextCandidate, MAX_FILES, MAX_TEXT_BYTES, SKIPPED_DIRS, type FileSource, type Snapshot, type SpaceFile } from '@spacelint/core';
import type { HubClient, SpaceFileEntry } from './client.js';
import { HubNotFoundError } from './errors.js';
import { formatHubSpaceUrl, parseHubSpaceUrl, parseSpaceId, type SpaceRef } from './space-ref.js';

/** Parallel downloads per snapshot: a handful of small text files, without hammering the Hub. */
const DOWNLOAD_CONCURRENCY = 8;

/**
 * A Space on the Hub as a core FileSource, so `hf://spaces/owner/name[@revision]` lints without a clone.
 * Lists every file, downloads only the ones core reads (text candidates up to MAX_TEXT_BYTES, the same
 * choice DirectorySource makes on disk), and pins the revision to one commit first so the listing and
 * the downloads see the same tree.
 */
export class HubSpaceSource implements FileSource {
  readonly root: string;
  readonly ref: SpaceRef;
  /** The commit the last snapshot read (set by `snapshot()`). */
  commit?: string;

  constructor(
    private readonly hub: HubClient,
    ref: string | SpaceRef,
  ) {
    this.ref = typeof ref === 'string' ? (ref.startsWith('hf://') ? parseHubSpaceUrl(ref) : { id: parseSpaceId(ref) }) : ref;
    this.root = formatHubSpaceUrl(this.ref);
  }

  async snapshot(): Promise<Snapshot> {
    const info = await this.hub.spaceInfo(this.ref.id, { revision: this.ref.revision });
    // Pin to the commit (when the Hub says which) so a push during the snapshot cannot mix two trees.
    const revision = info.sha ?? this.ref.revision;
    this.commit = info.sha;
    const entries = await this.hub.listFiles(this.ref.id, { revision });
    const files = new Map<string, SpaceFile>();
    let truncated: string | undefined;
    const wanted: SpaceFileEntry[] = [];
    for (const entry of entries) {
      if (
        entry.path
          .split('/')
          .slice(0, -1)
          .some((part) => SKIPPED_DIRS.has(part))
      )
        continue;
      if (files.size >= MAX_FILES) {
        truncated = `stopped listing after ${MAX_FILES} files at ${entry.path}`;
        break;
      }
      if (!isTextCandidate(entry.path)) {
        files.set(entry.path, { path: entry.path, size: entry.size });
      } else if (entry.size > MAX_TEXT_BYTES) {
        files.set(entry.path, { path: entry.path, size: entry.size, problem: 'too-large', detail: `file is ${formatBytes(entry.size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` });
      } else {
        files.set(entry.path, { path: entry.path, size: entry.size });
        wanted.push(entry);
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const entry = wanted[next++];
        const bytes = await this.hub.downloadFile(this.ref.id, entry.path, { revision, known: entry });
        if (!bytes) throw new HubNotFoundError('not-found', `lint ${this.root}: ${entry.path} was listed but could not be downloaded (404).`, { operation: `lint ${this.root}`, status: 404 });
        // The listing's size is the Hub's word; what arrived decides (a body larger than listed is not decoded).
        files.set(
          entry.path,
          bytes.length > MAX_TEXT_BYTES
            ? { path: entry.path, size: bytes.length, problem: 'too-large', detail: `file is ${formatBytes(bytes.length)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` }
            : decodeFile(entry.path, bytes),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, wanted.length) }, worker));
    const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { root: this.root, files: sorted, ...(truncated ? { truncated } : {}) };
  }
}

/**
 * The in-memory file map every lint works on. A FileSource (a directory, an editor buffer, MCP inline
 * files, a Hub Space) produces it once with `snapshot()`; after that, linting is synchronous and pure.
 */
import type { ParseCache } from './parse-cache.js';

/** Why a file has no text. Rules see the path (it exists) but not the content. */
export type FileProblem = 'binary' | 'non-utf8' | 'too-large' | 'unreadable' | 'outside-space';

export interface SpaceFile {
  /** Repo-relative path with forward slashes. */
  path: string;
  /** Size in bytes as stored. */
  size: number;
  /** The text without a leading BOM, when the file was read as text. */
  text?: string;
  /** True when the stored file starts with a UTF-8 BOM (kept when a fix is written back). */
  bom?: boolean;
  /**
   * Set for UTF-16 text with a BOM (pip decodes such requirements files): read for linting, never
   * rewritten by a fix, which would change the file's encoding.
   */
  encoding?: 'utf-16le' | 'utf-16be';
  /** Set when the file exists but its text was not read, with a human explanation in `detail`. */
  problem?: FileProblem;
  detail?: string;
}

export interface Snapshot {
  /** Where the Space lives: an absolute directory, or `hf://spaces/owner/name[@rev]`. */
  root: string;
  files: Map<string, SpaceFile>;
  /** Set when the listing stopped early (too many files); the message says where. */
  truncated?: string;
  /** Parses to reuse for files whose text is unchanged (see ParseCache); Spaces built from it add theirs. */
  parses?: ParseCache;
}

export interface FileSource {
  readonly root: string;
  snapshot(): Promise<Snapshot>;
}

/** Files bigger than this are listed but never read: no Space config or app file is this large. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** A Space listing stops after this many entries (a Space is a git repo; more is a mistake like a venv). */
export const MAX_FILES = 20_000;

/** Folders never listed: not part of what the Hub builds, or tool caches. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.turbo', '.idea', '.vscode']);

const TEXT_NAMES = new Set(['Dockerfile', 'dockerfile', 'Containerfile', 'Procfile', 'Makefile', '.env', '.spacelint.yaml', '.spacelint.yml', '.gitattributes', '.gitignore', '.dockerignore']);

// biome-ignore format: a packed word list reads better than one word per line
const TEXT_EXTENSIONS = new Set([
  'py', 'pyi', 'txt', 'md', 'markdown', 'yaml', 'yml', 'toml', 'cfg', 'ini', 'json', 'jsonc', 'env',
  'sh', 'bash', 'zsh', 'js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'tsx', 'jsx', 'html', 'htm', 'css', 'svelte',
  'vue', 'conf', 'properties', 'dockerfile', 'ipynb', 'r', 'rb', 'go', 'rs', 'java', 'lua', 'sql', 'xml',
]);

/** Files whose text spacelint reads: config, code and anything a secret may hide in. */
export function isTextCandidate(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (TEXT_NAMES.has(name) || name.startsWith('Dockerfile') || name.startsWith('.env')) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && TEXT_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes stored bytes into a SpaceFile: text without BOM, or the reason it has none. */
export function decodeFile(path: string, bytes: Uint8Array): SpaceFile {
  const size = bytes.byteLength;
  if (size > MAX_TEXT_BYTES) {
    return { path, size, problem: 'too-large', detail: `file is ${formatBytes(size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { path, size, text: new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2)), encoding: utf16 };
    } catch {
      return { path, size, problem: 'non-utf8', detail: `file starts with a ${utf16.toUpperCase()} byte order mark but is not valid ${utf16.toUpperCase()} text` };
    }
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { path, size, problem: 'binary', detail: 'file is binary (contains NUL bytes)' };
  let bom = false;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  try {
    return { path, size, text: utf8.decode(body), bom };
  } catch {
    return { path, size, problem: 'non-utf8', detail: 'file is not valid UTF-8 text' };
  }
}

const encoder = new TextEncoder();

export function fileFromText(path: string, text: string): SpaceFile {
  // Worst case 3 bytes per UTF-16 unit: encode only when the text might be over the limit.
  const size = text.length * 3 > MAX_TEXT_BYTES ? encoder.encode(text).byteLength : text.length;
  if (size > MAX_TEXT_BYTES) {
    return { path, size, problem: 'too-large', detail: `file is ${formatBytes(size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { path, size, text: bom ? text.slice(1) : text, bom };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** Normalises a user-given relative path to the map's form (forward slashes, no `./`). */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

/** A Space held in memory: editor buffers, MCP `files`, tests. */
export class MemorySource implements FileSource {
  constructor(
    private readonly entries: Record<string, string | Uint8Array>,
    readonly root = 'memory:',
  ) {}

  async snapshot(): Promise<Snapshot> {
    return snapshotFromEntries(this.entries, this.root);
  }
}

/** Synchronous twin of MemorySource.snapshot, for callers that already hold every text. */
export function snapshotFromEntries(entries: Record<string, string | Uint8Array>, root = 'memory:'): Snapshot {
  const files = new Map<string, SpaceFile>();
  for (const [rawPath, content] of Object.entries(entries)) {
    const path = normalizePath(rawPath);
    files.set(path, typeof content === 'string' ? fileFromText(path, content) : decodeFile(path, content));
  }
  return { root, files };
}

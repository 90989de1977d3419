import { rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareDiagnostics, redactSecrets, type Diagnostic, type Fix, type LintConfig, type Snapshot } from '@spacelint/core';
import { readRegularFileSync } from '@spacelint/core/node';
import { BUILD, VERSION } from './version.js';

/**
 * `--cache`: the findings of each Space, stored with a content hash of every file it had. Rules read
 * across files (the app file named in the README, the modules the app imports), so a Space is reused
 * whole or re-linted whole: one changed file re-lints its Space. An entry is valid only for the same
 * spacelint build and the same CLI config (`--config`, `--rule`); the Space's `.spacelint.yaml` is one
 * of its files. Texts are stored with secrets masked, as they are printed.
 */
export interface LintCache {
  version: 1;
  spaces: Record<string, CacheEntry>;
}

export interface CacheEntry {
  /** spacelint version + build + CLI config. */
  key: string;
  /** Repo-relative path → content hash, for every file of the Space. */
  files: Record<string, string>;
  /** Repo-relative path → its findings (before suppressions and --quiet). */
  results: Record<string, Diagnostic[]>;
}

export const DEFAULT_CACHE_FILE = '.spacelint-cache';

/** node:crypto costs ~7 ms to load: only runs with --cache load it. */
function createHash(algorithm: string) {
  return (process.getBuiltinModule('node:crypto') as typeof import('node:crypto')).createHash(algorithm);
}

function randomBytes(size: number) {
  return (process.getBuiltinModule('node:crypto') as typeof import('node:crypto')).randomBytes(size);
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to put it in. */
export function cacheFilePath(location: string | undefined, cwd = process.cwd()): string {
  if (!location) return join(cwd, DEFAULT_CACHE_FILE);
  const abs = resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isDir ? join(abs, DEFAULT_CACHE_FILE) : abs;
}

const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** A missing, unreadable or foreign cache file is an empty cache: the run lints and rewrites it. */
export async function loadCache(path: string): Promise<LintCache> {
  try {
    // Regular files only, bounded: a cache path that is a link to /dev/zero or a FIFO is an empty cache.
    const read = readRegularFileSync(path, MAX_CACHE_BYTES);
    if (!read.ok) return { version: 1, spaces: {} };
    const data = JSON.parse(new TextDecoder().decode(read.bytes)) as LintCache;
    if (data?.version === 1 && data.spaces && typeof data.spaces === 'object') return data;
  } catch {
    // fall through
  }
  return { version: 1, spaces: {} };
}

export async function saveCache(path: string, cache: LintCache): Promise<void> {
  // A random name created exclusively (`wx`): a symlink planted under a predictable temp name would
  // otherwise be written through, overwriting its target.
  const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(cache), { flag: 'wx', mode: 0o644 });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function runKey(configs: LintConfig[]): string {
  return createHash('sha256')
    .update(JSON.stringify([VERSION, BUILD, configs]))
    .digest('hex')
    .slice(0, 32);
}

/** A hash per file: its text (and BOM) when read, else what the rules can see of it (size, problem). */
export function fileHashes(snapshot: Snapshot): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const [path, file] of snapshot.files) {
    const h = createHash('sha1');
    if (file.text !== undefined) h.update(file.bom ? 'bom:' : 'text:').update(file.text);
    else h.update(`size:${file.size}:${file.problem ?? ''}:${file.detail ?? ''}`);
    hashes[path] = h.digest('base64url');
  }
  if (snapshot.truncated) hashes['\0truncated'] = snapshot.truncated;
  return hashes;
}

export function entryMatches(entry: CacheEntry | undefined, key: string, hashes: Record<string, string>): entry is CacheEntry {
  if (!entry || entry.key !== key) return false;
  const a = Object.keys(entry.files);
  const b = Object.keys(hashes);
  return a.length === b.length && b.every((path) => entry.files[path] === hashes[path]);
}

export function cacheEntry(key: string, hashes: Record<string, string>, diagnostics: Diagnostic[]): CacheEntry {
  const results: Record<string, Diagnostic[]> = {};
  for (const d of diagnostics) (results[d.file] ??= []).push(redactDiagnostic(d));
  return { key, files: hashes, results };
}

export function cachedDiagnostics(entry: CacheEntry): Diagnostic[] {
  return Object.values(entry.results).flat().sort(compareDiagnostics);
}

function redactDiagnostic(d: Diagnostic): Diagnostic {
  const fix = (f: Fix): Fix => ({ range: f.range, text: redactSecrets(f.text) });
  return {
    ...d,
    message: redactSecrets(d.message),
    ...(d.fix ? { fix: fix(d.fix) } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions.map((s) => ({ desc: redactSecrets(s.desc), fix: fix(s.fix) })) } : {}),
  };
}

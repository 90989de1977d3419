import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { decodeFile, formatBytes, isTextCandidate, MAX_FILES, MAX_TEXT_BYTES, type Snapshot, type SpaceFile } from '@spacelint/core';
import { IgnoreRules } from './ignore-rules.js';

/** A file a deploy will upload. */
export interface LocalFile {
  /** Repo-relative path with forward slashes. */
  path: string;
  absPath: string;
  size: number;
}

export type SkipReason = 'git' | 'env-file' | 'ignored' | 'symlink-outside' | 'symlink-folder' | 'unreadable';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** The rule that left it out (`.gitignore: *.log`, `default: __pycache__/`, `exclude: data/`). */
  detail: string;
}

export interface LocalSpaceFiles {
  root: string;
  files: LocalFile[];
  skipped: SkippedFile[];
  /** Whether a repo path (e.g. one listed on the Hub) falls under the same exclusions. */
  isExcluded(path: string): boolean;
}

export interface CollectOptions {
  /** Extra gitignore-style patterns, applied after .gitignore files (so they win). */
  exclude?: readonly string[];
}

/**
 * Caches and environments no Space needs (the folders `hf upload` users are told to exclude by hand,
 * spec hf-tooling.md item 52, plus the usual editor and tool caches). A .gitignore `!pattern` can bring
 * one back.
 */
export const DEFAULT_UPLOAD_EXCLUDES: readonly string[] = [
  '__pycache__/',
  '*.pyc',
  '.venv/',
  'venv/',
  'node_modules/',
  '.ipynb_checkpoints/',
  '.mypy_cache/',
  '.pytest_cache/',
  '.ruff_cache/',
  '.idea/',
  '.vscode/',
  '.DS_Store',
  '.spacelint-cache',
  '.cache/huggingface/',
];

/**
 * `.git` (folder or worktree file) and `.env` / `.env.*` files are never uploaded, whatever any
 * pattern says: the first is git's own data, the second holds the secrets a Space should receive as
 * Space secrets instead.
 */
export function neverUploaded(path: string): SkipReason | undefined {
  const parts = path.split('/');
  if (parts.includes('.git')) return 'git';
  const name = parts[parts.length - 1];
  if (name === '.env' || name.startsWith('.env.')) return 'env-file';
  return undefined;
}

/** Lists what a deploy of `dir` uploads: every file but the exclusions above and the .gitignore rules. */
export async function collectSpaceFiles(dir: string, options: CollectOptions = {}): Promise<LocalSpaceFiles> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${dir} is not a folder: a deploy uploads a Space folder.`);
  const realRoot = await realpath(root);
  const rules = new IgnoreRules().add(DEFAULT_UPLOAD_EXCLUDES, '', 'default');
  const extra = new IgnoreRules().add(options.exclude ?? [], '', 'exclude');
  const files: LocalFile[] = [];
  const skipped: SkippedFile[] = [];
  const excludedBy = (path: string, isDir: boolean) => extra.match(path, isDir) ?? rules.match(path, isDir);
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.shift()!;
    const entries = await readdir(join(root, folder), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (gitignore) {
      const text = await readFile(join(root, folder, '.gitignore'), 'utf8').catch(() => '');
      rules.add(text, folder, folder ? `${folder}/.gitignore` : '.gitignore');
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      const never = neverUploaded(path);
      if (never) {
        skipped.push({ path, reason: never, detail: never === 'git' ? 'git data is never uploaded' : '.env files are never uploaded; use Space secrets' });
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(join(root, path)).catch(() => undefined);
        if (!target || (target !== realRoot && !target.startsWith(realRoot + sep))) {
          skipped.push({ path, reason: 'symlink-outside', detail: 'symlink points outside the Space (or nowhere); not uploaded' });
          continue;
        }
        const targetInfo = await stat(target);
        if (targetInfo.isDirectory()) {
          skipped.push({ path, reason: 'symlink-folder', detail: 'symlinked folder; not followed' });
          continue;
        }
        isDir = false;
        isFile = targetInfo.isFile();
      }
      const rule = excludedBy(path, isDir);
      if (rule) {
        skipped.push({ path, reason: 'ignored', detail: rule });
        continue;
      }
      if (isDir) {
        pending.push(path);
      } else if (isFile) {
        if (files.length >= MAX_FILES) {
          throw new Error(`${dir} has more than ${MAX_FILES} files to upload (stopped at ${path}); exclude data or environment folders in .gitignore.`);
        }
        const size = (await stat(join(root, path))).size;
        files.push({ path, absPath: join(root, path), size });
      }
    }
  }
  const isExcluded = (path: string) => !!neverUploaded(path) || !!extraOrRules(extra, rules, path);
  return { root, files, skipped, isExcluded };
}

function extraOrRules(extra: IgnoreRules, rules: IgnoreRules, path: string): string | undefined {
  return extra.matchWithParents(path) ?? rules.matchWithParents(path);
}

/**
 * The lint snapshot of exactly what will be uploaded: the same text files core reads from a folder
 * (text candidates up to MAX_TEXT_BYTES), so a deploy lints what the Hub will build.
 */
export async function snapshotOfLocalFiles(local: LocalSpaceFiles): Promise<Snapshot> {
  const entries = await Promise.all(
    local.files.map(async (file): Promise<SpaceFile> => {
      if (!isTextCandidate(file.path)) return { path: file.path, size: file.size };
      if (file.size > MAX_TEXT_BYTES) {
        return { path: file.path, size: file.size, problem: 'too-large', detail: `file is ${formatBytes(file.size)}; spacelint reads files up to ${formatBytes(MAX_TEXT_BYTES)}` };
      }
      try {
        const handle = await open(file.absPath, 'r');
        try {
          return decodeFile(file.path, await handle.readFile());
        } finally {
          await handle.close();
        }
      } catch (error) {
        return { path: file.path, size: file.size, problem: 'unreadable', detail: `could not read file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
      }
    }),
  );
  const files = new Map(entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => [f.path, f]));
  return { root: local.root, files };
}

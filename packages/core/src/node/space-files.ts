import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_FILES } from '../space/files.js';
import { IgnoreRules } from './ignore-rules.js';
import { readRegularFileSync } from './read-file.js';
import { isSpaceFolder } from './space-root.js';

/**
 * The one file set of a Space on disk: what `spacelint .` lints is what `spacelint deploy .` uploads.
 * The CLI, the MCP server, the ESLint plugin (through DirectorySource) and the Hub deploy all list a
 * folder with `listSpaceFiles`.
 */

/** A file of the Space. */
export interface ListedFile {
  /** Repo-relative path with forward slashes. */
  path: string;
  absPath: string;
  size: number;
}

export type SkipReason = 'git' | 'env-file' | 'credentials' | 'ignored' | 'symlink-outside' | 'symlink-broken' | 'symlink-folder' | 'symlink-to-excluded' | 'special-file' | 'nested-space';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** Why, for a person: the rule that left it out (`.gitignore: *.log`, `default: __pycache__/`, `exclude: data/`). */
  detail: string;
}

export interface SpaceFileList {
  root: string;
  /** The root with every symlink resolved: files are read only when their real path is inside it. */
  realRoot: string;
  files: ListedFile[];
  skipped: SkippedFile[];
  /** Set when the listing stopped early (more than MAX_FILES files or folders); says where. */
  truncated?: string;
  /** Folders inside that are Spaces of their own (`isSpaceFolder`), left out of this one; repo-relative. */
  nestedSpaces: string[];
  /** Whether a repo path (e.g. one listed on the Hub) falls under the same exclusions. */
  isExcluded(path: string): boolean;
}

export interface ListSpaceFilesOptions {
  /** Extra gitignore-style patterns, applied after .gitignore files (so they win). */
  exclude?: readonly string[];
  /** Extra predicate over repo-relative paths (files and folders): true leaves the path out (config `ignore`). */
  ignore?: (path: string) => boolean;
}

/**
 * Caches, environments and tool folders no Space needs (the folders `hf upload` users are told to exclude
 * by hand, plus the usual editor and tool caches). A .gitignore `!pattern` can bring one back.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '__pycache__/',
  '*.pyc',
  '.venv/',
  'venv/',
  'node_modules/',
  '.ipynb_checkpoints/',
  '.mypy_cache/',
  '.pytest_cache/',
  '.ruff_cache/',
  '.turbo/',
  '.idea/',
  '.vscode/',
  '.DS_Store',
  '.spacelint-cache',
  '.cache/huggingface/',
];

/** File names that hold credentials for a tool (netrc, direnv, git, pip, SSH keys): never part of a Space. */
const CREDENTIAL_NAMES = new Set(['.netrc', '_netrc', '.envrc', '.git-credentials', '.pypirc', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);
/** Folder/name pairs that hold credentials: the Hugging Face token files `hf auth login` writes, AWS, Docker. */
const CREDENTIAL_PATHS = new Set(['.huggingface/token', 'huggingface/token', 'huggingface/stored_tokens', '.huggingface/stored_tokens', '.aws/credentials', '.docker/config.json']);

/**
 * `.git` (folder or worktree file), `.env` / `.env.*` files and credential files are never part of a
 * Space, whatever any pattern says: the first is git's own data, the others hold secrets a Space should
 * receive as Space secrets instead.
 */
export function neverUploaded(path: string): SkipReason | undefined {
  const parts = path.split('/');
  if (parts.includes('.git')) return 'git';
  const name = parts[parts.length - 1];
  if (name === '.env' || name.startsWith('.env.')) return 'env-file';
  if (CREDENTIAL_NAMES.has(name) || (parts.length >= 2 && CREDENTIAL_PATHS.has(`${parts[parts.length - 2]}/${name}`))) return 'credentials';
  return undefined;
}

const NEVER_DETAIL: Record<string, string> = {
  git: 'git data is never uploaded',
  'env-file': '.env files are never uploaded; use Space secrets',
  credentials: 'credential files are never uploaded; use Space secrets',
};

const NESTED_SPACE_DETAIL = 'a Space of its own (its README.md front matter names an sdk, or it is a Docker or static Space card): linted and deployed on its own';

/**
 * Lists a Space folder: every file but `.git`, `.env*` and credential files, the default excludes, what
 * its .gitignore files (nested, with `!`) and `exclude` leave out, special files (FIFOs, devices), and
 * folders that are Spaces of their own (`nestedSpaces`: the nearest Space of a file there is that folder,
 * as ESLint and pre-commit find it, so neither the lint nor a deploy of this Space takes its files).
 * Symlinks are followed only to files inside the Space, and a link is left out when its target would
 * be (`settings.cfg.txt → .env`). Synchronous on purpose: see DirectorySource.
 * Throws when `dir` is not a folder.
 */
export function listSpaceFiles(dir: string, options: ListSpaceFilesOptions = {}): SpaceFileList {
  const root = resolve(dir);
  const info = statSync(root, { throwIfNoEntry: false });
  if (!info?.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: info ? 'ENOTDIR' : 'ENOENT' });
  const realRoot = realpathSync(root);
  const rules = new IgnoreRules().add(DEFAULT_EXCLUDES, '', 'default');
  const extra = new IgnoreRules().add(options.exclude ?? [], '', 'exclude');
  const files: ListedFile[] = [];
  const skipped: SkippedFile[] = [];
  let truncated: string | undefined;
  const nestedSpaces: string[] = [];
  let folders = 0;
  const excludedBy = (path: string, isDir: boolean) => extra.match(path, isDir) ?? rules.match(path, isDir);
  const pending: string[] = [''];
  while (pending.length > 0 && !truncated) {
    const folder = pending.shift()!;
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue; // an unreadable folder: its files are simply not part of the Space
    }
    // A tree of empty folders holds no files but still costs a read each: bound it like the files.
    if (++folders > MAX_FILES) {
      truncated = `stopped listing after ${MAX_FILES} folders at ${folder}`;
      break;
    }
    if (folder && entries.some((e) => e.name === 'README.md') && isSpaceFolder(join(root, folder), new Set(entries.map((e) => e.name)))) {
      nestedSpaces.push(folder);
      skipped.push({ path: folder, reason: 'nested-space', detail: NESTED_SPACE_DETAIL });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const read = readRegularFileSync(join(root, folder, '.gitignore'), 1024 * 1024);
      if (read.ok) rules.add(new TextDecoder().decode(read.bytes), folder, folder ? `${folder}/.gitignore` : '.gitignore');
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      const never = neverUploaded(path);
      if (never) {
        skipped.push({ path, reason: never, detail: NEVER_DETAIL[never] });
        continue;
      }
      if (options.ignore?.(path)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size: number | undefined;
      if (entry.isSymbolicLink()) {
        const abs = join(root, path);
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          skipped.push({ path, reason: 'symlink-broken', detail: 'broken symlink' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          skipped.push({ path, reason: 'symlink-outside', detail: 'symlink points outside the Space; not followed' });
          continue;
        }
        const targetInfo = statSync(target, { throwIfNoEntry: false });
        if (targetInfo?.isDirectory()) {
          skipped.push({ path, reason: 'symlink-folder', detail: 'symlinked folder; not followed' });
          continue;
        }
        // What the link points to is what would be read or uploaded: the never-uploaded list and the
        // ignore rules apply to the target too (`gitconfig → .git/config`, `settings.cfg.txt → .env`).
        const targetPath = relative(realRoot, target).split(sep).join('/');
        const hidden = neverUploaded(targetPath) ?? (excludedBy(targetPath, false) ? 'ignored' : undefined);
        if (hidden) {
          skipped.push({ path, reason: 'symlink-to-excluded', detail: `symlink to ${targetPath}, which is left out (${hidden === 'ignored' ? excludedBy(targetPath, false) : NEVER_DETAIL[hidden]})` });
          continue;
        }
        isDir = false;
        isFile = targetInfo?.isFile() ?? false;
        size = targetInfo?.size;
        if (!isFile) {
          skipped.push({ path, reason: 'special-file', detail: 'symlink to a FIFO, device or socket; not a regular file' });
          continue;
        }
      } else if (!isDir && !isFile) {
        skipped.push({ path, reason: 'special-file', detail: 'a FIFO, device or socket; not a regular file' });
        continue;
      }
      const rule = excludedBy(path, isDir);
      if (rule) {
        skipped.push({ path, reason: 'ignored', detail: rule });
        continue;
      }
      if (isDir) {
        pending.push(path);
        continue;
      }
      if (files.length >= MAX_FILES) {
        truncated = `stopped listing after ${MAX_FILES} files at ${path}`;
        break;
      }
      const absPath = join(root, path);
      files.push({ path, absPath, size: size ?? lstatSync(absPath, { throwIfNoEntry: false })?.size ?? 0 });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  nestedSpaces.sort();
  const inNestedSpace = (path: string) => nestedSpaces.some((folder) => path.startsWith(`${folder}/`));
  const isExcluded = (path: string) => !!neverUploaded(path) || inNestedSpace(path) || !!(extra.matchWithParents(path) ?? rules.matchWithParents(path));
  return { root, realRoot, files, skipped, nestedSpaces, ...(truncated ? { truncated } : {}), isExcluded };
}

import { realpathSync, statSync } from 'node:fs';
import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ToolError } from './tool.js';

/**
 * Confines local paths to the `--root` folders (default: the working directory), like the reference
 * filesystem MCP server's "allowed directories". A path is checked after resolving every symlink, so a
 * link that leads out of the roots is refused just like `../..`.
 */
export class PathGuard {
  /** The roots as given (resolved) and as real paths, same order. */
  readonly roots: string[];
  private readonly realRoots: string[];

  constructor(roots: string[]) {
    if (roots.length === 0) throw new Error('at least one root is needed');
    this.roots = roots.map((r) => resolve(r));
    this.realRoots = this.roots.map((r) => {
      let info;
      try {
        info = statSync(r);
      } catch {
        throw new Error(`--root ${r} does not exist`);
      }
      if (!info.isDirectory()) throw new Error(`--root ${r} is not a directory`);
      return realpathSync(r);
    });
  }

  /** Whether an absolute real path lies inside one of the roots. */
  contains(realPath: string): boolean {
    return this.realRoots.some((root) => realPath === root || realPath.startsWith(root.endsWith(sep) ? root : root + sep));
  }

  /**
   * The real path of a local Space directory. Relative paths are taken from the first root. Refuses paths
   * outside the roots (also through symlinks), missing paths and non-directories, with a clear message.
   */
  async directory(input: string): Promise<string> {
    if (typeof input !== 'string' || input.trim() === '') throw new ToolError('`path` must be a non-empty local directory path');
    if (input.includes('\0')) throw new ToolError('`path` contains a NUL byte');
    const absolute = isAbsolute(input) ? resolve(input) : resolve(this.roots[0], input);
    const allowed = `allowed roots: ${this.roots.join(', ')} (to allow another folder, ask the person to add --root DIR to the MCP server configuration)`;
    // Refuse before touching the file system when the path is plainly outside: no probing of other folders.
    if (!this.roots.some((root) => isInside(root, absolute)) && !this.realRoots.some((root) => isInside(root, absolute))) {
      throw new ToolError(`\`${input}\` is outside the allowed roots; ${allowed}`);
    }
    let real: string;
    try {
      real = await realpath(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ToolError(code === 'ENOENT' ? `\`${input}\` does not exist` : `cannot open \`${input}\` (${code ?? 'error'})`);
    }
    if (!this.contains(real)) {
      throw new ToolError(`\`${input}\` leads outside the allowed roots through a symlink; ${allowed}`);
    }
    const info = await stat(real);
    if (!info.isDirectory()) throw new ToolError(`\`${input}\` is not a directory: pass the Space folder (the one with README.md)`);
    return real;
  }

  /**
   * Re-checks a folder `directory` returned once its files are read: when it (or a folder above it) was
   * swapped for a symlink meanwhile, what was read may come from outside the roots and is refused.
   */
  async confirm(real: string): Promise<void> {
    const now = await realpath(real).catch(() => undefined);
    if (now !== real || !this.contains(now)) throw new ToolError(`\`${real}\` changed while it was read (a folder replaced by a symlink?); nothing read from it is returned`);
  }

  /**
   * The files of `changes` whose real path is no longer inside the Space folder `real` (a folder swapped for
   * a symlink since they were read): a fix is never written through them.
   */
  async escaping(real: string, files: Iterable<string>): Promise<string[]> {
    const out: string[] = [];
    for (const file of files) {
      const target = await realpath(resolve(real, file)).catch(() => undefined);
      if (target !== undefined && !isInside(real, target)) out.push(file);
    }
    return out;
  }

  /**
   * A folder to write a new Space into, created when missing: its nearest existing ancestor must resolve
   * inside the roots, and so must the folder once created.
   */
  async newDirectory(input: string): Promise<string> {
    if (typeof input !== 'string' || input.trim() === '' || input.includes('\0')) throw new ToolError('`path` must be a non-empty local directory path');
    const absolute = isAbsolute(input) ? resolve(input) : resolve(this.roots[0], input);
    const allowed = `allowed roots: ${this.roots.join(', ')} (to allow another folder, ask the person to add --root DIR to the MCP server configuration)`;
    if (!this.roots.some((root) => isInside(root, absolute)) && !this.realRoots.some((root) => isInside(root, absolute))) {
      throw new ToolError(`\`${input}\` is outside the allowed roots; ${allowed}`);
    }
    let existing = absolute;
    for (;;) {
      try {
        await stat(existing);
        break;
      } catch {
        existing = dirname(existing);
      }
    }
    if (!this.contains(await realpath(existing))) throw new ToolError(`\`${input}\` leads outside the allowed roots through a symlink; ${allowed}`);
    await mkdir(absolute, { recursive: true });
    return this.directory(absolute);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

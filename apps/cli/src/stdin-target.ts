import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { decodeFile } from '@spacelint/core';
import { isSpaceFolder, isSpaceReadme, SPACE_MARKER_FILES } from '@spacelint/core/node';
import type { LintTarget } from './lint-command.js';
import { spaceSource } from './space-lint.js';
import { UsageError } from './usage-error.js';

/**
 * `--stdin --stdin-filename <file>`: an editor's unsaved buffer, linted as that file within its Space on
 * disk (the other files are read from disk, as the ESLint plugin does). The file need not exist yet; its
 * folder must. A README.md buffer whose front matter names an `sdk` makes its folder the Space, so a new
 * Space is linted while its README is still being written.
 */
export async function stdinTarget(filename: string, bytes: Uint8Array): Promise<{ target: LintTarget; text: string }> {
  const abs = resolve(filename);
  const folder = dirname(abs);
  try {
    if (!statSync(folder).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`--stdin-filename ${filename}: no such folder ${folder}`);
  }
  const file = decodeFile(basename(abs), bytes);
  const text = file.text ?? '';
  const readmeMakesSpace = basename(abs) === 'README.md' && isSpaceReadme(text, () => SPACE_MARKER_FILES.some((name) => existsSync(join(folder, name))));
  const root = readmeMakesSpace ? folder : spaceAbove(folder);
  if (!root) throw new UsageError(`${filename} is not inside a Space (no README.md with \`sdk:\` front matter above it)`);
  const rel = relative(root, abs).split('\\').join('/');
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${filename} is not inside a Space`);
  const disk = spaceSource({ root, ownFiles: [] });
  return {
    text,
    target: {
      root,
      // Not `local`: a worker thread would re-read the file from disk instead of the buffer.
      local: false,
      only: new Set([rel]),
      display: (path) => resolve(root, path),
      source: {
        root,
        async snapshot() {
          const snapshot = await disk.snapshot();
          snapshot.files.set(rel, decodeFile(rel, bytes));
          return snapshot;
        },
      },
    },
  };
}

/** The nearest folder from `folder` up that is a Space (core's rule; findSpaceRoot, for a folder). */
function spaceAbove(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (isSpaceFolder(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

import { chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a crash or a
 * full disk never leaves a half-written file. The original mode is kept. Refuses to create files.
 */
export async function writeFileAtomic(path: string, text: string, bom = false): Promise<void> {
  // Through a symlink, write the file it points to: renaming over the link would replace the link itself.
  const target = await realpath(path); // throws ENOENT when the file vanished: nothing is created
  const info = await stat(target);
  // Random and created exclusively (`wx` below): a link planted under a guessable name is never written through.
  // node:crypto on first use only: importing it costs ~3 ms of every CLI start, and most runs write nothing.
  const { randomBytes } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  const tmp = `${target}.spacelint-${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, (bom ? '\uFEFF' : '') + text, { flag: 'wx', mode: info.mode });
    await chmod(tmp, info.mode);
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

export interface WriteFailure {
  file: string;
  message: string;
}

/**
 * Writes every changed file; returns the files that could not be written (each left as it was). With
 * `before` (the text the fixes were computed from, as fixSnapshot returns it), a file that changed on disk
 * since it was read (an editor saved it meanwhile) is not overwritten.
 */
export async function writeFixes(root: string, changes: Map<string, { text: string; bom: boolean; before?: string }>): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  for (const [file, change] of changes) {
    const abs = join(root, file);
    try {
      const info = await stat(abs);
      // A read-only file stays read-only: rename would replace it anyway, so check write permission first.
      if ((info.mode & 0o222) === 0) throw Object.assign(new Error('file is read-only'), { code: 'EACCES' });
      if (change.before !== undefined) {
        const now = (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '');
        if (now !== change.before) throw Object.assign(new Error('file changed on disk since it was read'), { code: 'ECHANGED' });
      }
      await writeFileAtomic(abs, change.text, change.bom);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      failures.push({ file, message: e.code === 'ENOENT' ? 'file vanished before it could be fixed' : e.code === 'EACCES' ? 'file is read-only' : e.message });
    }
  }
  return failures;
}

import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a crash or a
 * full disk never leaves a half-written file. The original mode is kept. Refuses to create files.
 */
export async function writeFileAtomic(path: string, text: string, bom = false): Promise<void> {
  const info = await stat(path); // throws ENOENT when the file vanished: nothing is created
  const tmp = `${path}.spacelint-${process.pid}-${Date.now()}.tmp`;
  try {
    await writeFile(tmp, (bom ? '\uFEFF' : '') + text, { flag: 'wx', mode: info.mode });
    await chmod(tmp, info.mode);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

export interface WriteFailure {
  file: string;
  message: string;
}

/** Writes every changed file; returns the files that could not be written (each left as it was). */
export async function writeFixes(root: string, changes: Map<string, { text: string; bom: boolean }>): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  for (const [file, change] of changes) {
    const abs = join(root, file);
    try {
      const info = await stat(abs);
      // A read-only file stays read-only: rename would replace it anyway, so check write permission first.
      if ((info.mode & 0o222) === 0) throw Object.assign(new Error('file is read-only'), { code: 'EACCES' });
      await writeFileAtomic(abs, change.text, change.bom);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      failures.push({ file, message: e.code === 'ENOENT' ? 'file vanished before it could be fixed' : e.code === 'EACCES' ? 'file is read-only' : e.message });
    }
  }
  return failures;
}

import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

export type RegularFileRead = { ok: true; bytes: Uint8Array; size: number } | { ok: false; reason: 'not-regular' | 'too-large' | 'unreadable' | 'outside'; size: number; code?: string };

/**
 * Reads a file only when it is a regular file, and never more than `maxBytes`. A path from a Space (a
 * README.md, a suppressions file) may be a symlink to `/dev/zero`, `/dev/stdin` or a FIFO: opening it
 * non-blocking and checking fstat before reading means such a file is refused at once instead of
 * hanging on open or filling memory. With `head`, reads only the first `maxBytes` of a larger file.
 *
 * With `within` (a real, resolved folder), the file opened must be that folder's: its real path is
 * checked after opening and must name the very file opened (same device and inode as fstat), so a
 * folder swapped for a symlink to elsewhere between listing and reading is refused, not read.
 */
export function readRegularFileSync(path: string, maxBytes: number, options: { head?: boolean; within?: string } = {}): RegularFileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block forever. No effect on regular files.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', size: 0, code: (error as NodeJS.ErrnoException).code ?? 'error' };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: 'not-regular', size: 0 };
    if (options.within !== undefined) {
      const real = realpathSync(path);
      const same = statSync(real);
      if ((real !== options.within && !real.startsWith(options.within + sep)) || same.ino !== info.ino || same.dev !== info.dev) {
        return { ok: false, reason: 'outside', size: 0 };
      }
    }
    if (info.size > maxBytes && !options.head) return { ok: false, reason: 'too-large', size: info.size };
    // Bounded by maxBytes even if the file grows while it is read.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: read === buffer.length ? buffer : buffer.subarray(0, read), size: info.size };
  } catch (error) {
    return { ok: false, reason: 'unreadable', size: 0, code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}

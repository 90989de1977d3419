import { unzipSync } from 'fflate';
import { decodeFile, isTextCandidate, MAX_FILES, MAX_TEXT_BYTES, normalizePath, SKIPPED_DIRS, type SpaceFile } from '@spacelint/core';

/**
 * Files a person opens or drops (loose files, a folder, or a zip) turned into the Space the playground
 * edits: text candidates become editable, everything else is listed by path and size, as core's
 * DirectorySource does on disk.
 */
export interface ImportedSpace {
  texts: Record<string, string>;
  listed: SpaceFile[];
}

export interface RawFile {
  path: string;
  bytes: Uint8Array;
}

const isZip = (file: RawFile) => file.path.toLowerCase().endsWith('.zip') || (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04);

/** A single zip expands to its entries; a common top folder (`my-space/README.md`) is dropped. */
export function importFiles(raw: RawFile[]): ImportedSpace {
  let files = raw;
  if (files.length === 1 && isZip(files[0])) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(files[0].bytes, { filter: (f) => !f.name.endsWith('/') && f.originalSize <= MAX_TEXT_BYTES * 4 });
    } catch (error) {
      throw new Error(`${files[0].path} is not a zip file that can be read (${(error as Error).message}).`);
    }
    files = Object.entries(entries).map(([path, bytes]) => ({ path, bytes }));
  }
  files = files
    .map((f) => ({ ...f, path: normalizePath(f.path).replace(/^\/+/, '') }))
    .filter((f) => f.path && !f.path.split('/').some((part) => part === '..' || SKIPPED_DIRS.has(part) || part === '__MACOSX'));
  const top = files[0]?.path.split('/')[0];
  if (top && files.every((f) => f.path.startsWith(`${top}/`))) files = files.map((f) => ({ ...f, path: f.path.slice(top.length + 1) }));
  if (files.length > MAX_FILES) throw new Error(`That is ${files.length} files; a Space has at most ${MAX_FILES} (is a virtual environment or node_modules inside?).`);
  const texts: Record<string, string> = {};
  const listed: SpaceFile[] = [];
  for (const { path, bytes } of files) {
    if (!isTextCandidate(path)) {
      listed.push({ path, size: bytes.byteLength });
      continue;
    }
    const file = decodeFile(path, bytes);
    if (file.text !== undefined) texts[path] = file.text;
    else listed.push(file);
  }
  if (Object.keys(texts).length === 0 && listed.length === 0) throw new Error('Nothing to lint in what was opened (no files).');
  return { texts, listed };
}

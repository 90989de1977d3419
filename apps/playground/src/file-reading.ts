import type { RawFile } from './file-import.js';

/**
 * Reads what a person opens or drops into raw files on the page's side (File and entries APIs); the lint
 * worker turns them into a Space (src/file-import.ts).
 */
export interface FolderLimits {
  /** core's SKIPPED_DIRS: never walked (a dropped project's node_modules or .git can be huge). */
  skippedDirs: string[];
  /** core's MAX_FILES. */
  maxFiles: number;
}

/** From an `<input type=file>` (with `webkitdirectory`, each file knows its relative path). */
export async function readFileList(list: FileList): Promise<RawFile[]> {
  return Promise.all([...list].map(async (file) => ({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** From a drop: folders are walked with the File System entries API. */
export async function readDrop(transfer: DataTransfer, limits: FolderLimits): Promise<RawFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return readFileList(transfer.files);
  const out: RawFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (out.length > limits.maxFiles) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: prefix + entry.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } else if (entry.isDirectory && !limits.skippedDirs.includes(entry.name)) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}

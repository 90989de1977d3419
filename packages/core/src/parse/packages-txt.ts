import { splitLines } from './requirements.js';

/**
 * packages.txt: the Hub's Gradio image runs `apt-get install` with every line of it. Each non-blank line
 * is one entry; a `#` line is kept as an entry of kind `comment` because apt receives it too (D2 reports it).
 */
export interface PackageEntry {
  kind: 'package' | 'comment' | 'invalid';
  line: number;
  name: string;
  range: [number, number];
}

const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+(?::[a-z0-9-]+)?(?:[=][A-Za-z0-9.+~:-]+)?$/;

export function parsePackagesTxt(text: string): PackageEntry[] {
  const entries: PackageEntry[] = [];
  splitLines(text).forEach((l, i) => {
    const raw = text.slice(l.start, l.end);
    const name = raw.trim();
    if (!name) return;
    const start = l.start + (raw.length - raw.trimStart().length);
    const range: [number, number] = [start, start + name.length];
    if (name.startsWith('#')) entries.push({ kind: 'comment', line: i + 1, name, range });
    else if (/\s/.test(name)) {
      // Several packages on one line are fine for apt (the line is split on whitespace).
      let at = start;
      for (const part of name.split(/\s+/)) {
        const s = text.indexOf(part, at);
        entries.push({ kind: DEBIAN_NAME.test(part) ? 'package' : 'invalid', line: i + 1, name: part, range: [s, s + part.length] });
        at = s + part.length;
      }
    } else entries.push({ kind: DEBIAN_NAME.test(name) ? 'package' : 'invalid', line: i + 1, name, range });
  });
  return entries;
}

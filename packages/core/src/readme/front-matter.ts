import type { FrontMatter, FrontMatterEntry } from '../parse/frontmatter.js';
import type { Space } from '../space/space.js';
import { README } from '../space/space.js';

/** The parsed front matter when it exists and parsed; rules about keys stay silent otherwise (C1 reports). */
export function frontMatterOf(space: Space): FrontMatter | undefined {
  const r = space.readme;
  return r?.found && r.frontMatter.data ? r.frontMatter : undefined;
}

export function entry(space: Space, key: string): FrontMatterEntry | undefined {
  return frontMatterOf(space)?.byKey.get(key);
}

/** Range of a key's value (or of the key when it has no value), for reports on README.md. */
export function valueRange(e: FrontMatterEntry): [number, number] {
  return (e.valueNode ?? e.keyNode).range;
}

/** Range that deletes a whole `key: value` pair line(s), including the line break. */
export function pairLinesRange(space: Space, e: FrontMatterEntry): [number, number] {
  const lines = space.lines(README)!;
  const start = lines.lineRange(lines.positionAt(e.pair.range[0]).line)[0];
  const endLine = lines.positionAt(e.pair.range[1]).line;
  const end = endLine < lines.lineCount ? lines.offsetAt(endLine + 1) : lines.text.length;
  return [start, end];
}

/** The README position to hang a finding about the whole config on: the `sdk` key, else line 1. */
export function configAnchor(space: Space): [number, number] {
  const fm = frontMatterOf(space);
  const sdk = fm?.byKey.get('sdk');
  if (sdk) return sdk.pair.range;
  return [0, 3];
}

export { README };

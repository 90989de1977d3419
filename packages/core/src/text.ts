/** A file's text with a line index, so offsets (UTF-16 code units) map to 1-based line/column and back. */
export interface Position {
  line: number;
  column: number;
}

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
  }

  /** Offset of a 1-based line and column (clamped to the text). */
  offsetAt(line: number, column = 1): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    return Math.min(this.lineStarts[l - 1] + column - 1, this.text.length);
  }

  /** Start and end offsets of a 1-based line, without its line break. */
  lineRange(line: number): [number, number] {
    const start = this.offsetAt(line, 1);
    let end = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return [start, end];
  }

  lineText(line: number): string {
    const [s, e] = this.lineRange(line);
    return this.text.slice(s, e);
  }

  location(start: number, end: number): Location {
    const a = this.positionAt(start);
    const b = this.positionAt(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/**
 * `text` without the trailing characters that `drop` matches (a one-character class such as `/[\s\\]/`).
 * A loop, not `text.replace(/[…]+$/, '')`: V8 retries that pattern at every character of a long run that
 * is not at the end, which is quadratic (50,000 blanks before a last word took 2 s).
 */
export function trimEndWhere(text: string, drop: RegExp): string {
  let end = text.length;
  while (end > 0 && drop.test(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * A unified diff (`diff -u` / `git diff` style) of two texts, for `fix_space`'s preview. Lines are compared
 * with Myers' O((N+M)·D) algorithm after trimming the common head and tail, so a few safe fixes in a large
 * file stay cheap.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change within reach.
    let start = i;
    let ctx = 0;
    while (start > 0 && ops[start - 1].kind === ' ' && ctx < context) {
      start--;
      ctx++;
    }
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + 1 + context);
    const slice = ops.slice(start, end);
    const oldStart = slice.find((o) => o.kind !== '+')?.aLine ?? ops[start].aLine;
    const newStart = slice.find((o) => o.kind !== '-')?.bLine ?? ops[start].bLine;
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const o of slice) {
      hunks.push(`${o.kind}${o.text}`);
      if (o.noNewline) hunks.push('\\ No newline at end of file');
    }
    i = end;
  }
  return [`--- a/${file}`, `+++ b/${file}`, ...hunks].join('\n') + '\n';
}

interface Line {
  text: string;
  noNewline: boolean;
}

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  noNewline: boolean;
  /** 1-based line numbers in the old and new text where this op sits. */
  aLine: number;
  bLine: number;
}

function range(start: number, count: number): string {
  // diff -u prints the line before an empty range (0 for an empty file).
  const s = count === 0 ? start - 1 : start;
  return count === 1 ? `${s}` : `${s},${count}`;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((t) => ({ text: t.replace(/\r$/, ''), noNewline: false }));
  if (last !== '') lines.push({ text: last.replace(/\r$/, ''), noNewline: true });
  return lines;
}

const same = (x: Line, y: Line) => x.text === y.text && x.noNewline === y.noNewline;

function diffLines(a: Line[], b: Line[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const ops: Op[] = [];
  let ai = 0;
  let bi = 0;
  const push = (kind: Op['kind'], line: Line) => {
    ops.push({ kind, text: line.text, noNewline: line.noNewline, aLine: ai + 1, bLine: bi + 1 });
    if (kind !== '+') ai++;
    if (kind !== '-') bi++;
  };
  for (let k = 0; k < head; k++) push(' ', a[k]);
  for (const [kind, line] of middle) push(kind, line);
  for (let k = a.length - tail; k < a.length; k++) push(' ', a[k]);
  return ops;
}

/** Myers' greedy shortest edit script; the V array of each step is kept to walk the path back. */
function myers(a: Line[], b: Line[]): [Op['kind'], Line][] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x], b[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const out: [Op['kind'], Line][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push([' ', a[x]]);
    }
    if (d > 0) {
      if (x === prevX) out.push(['+', b[prevY]]);
      else out.push(['-', a[prevX]]);
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

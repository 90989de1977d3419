import type { Diagnostic } from './diagnostic.js';
import { splitLines } from './parse/requirements.js';
import type { Space } from './space/space.js';
import { fileKind, type FileKind } from './space/file-kind.js';
import type { LineIndex } from './text.js';

/**
 * Inline directives in `#` comments (README front matter, Python, requirements, Dockerfile; not
 * packages.txt, whose every line goes to apt-get):
 *   # spacelint-disable-next-line rule-a, rule-b -- reason
 *   # spacelint-disable-line rule-a
 *   # spacelint-disable rule-a   …   # spacelint-enable rule-a
 *   # spacelint-disable-file rule-a
 * No rule list means every rule.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty = all rules. */
  rules: string[];
  file: string;
  line: number;
  range: [number, number];
  used: boolean;
}

const DIRECTIVE = /^#+\s*spacelint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;

export function parseDirectiveComment(comment: string): { kind: DirectiveKind; rules: string[] } | undefined {
  const m = DIRECTIVE.exec(comment.trim());
  if (!m) return undefined;
  const body = m[2].split(/\s--\s|\s--$/)[0];
  const rules = body
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules };
}

/** Files whose `#` comments take directives (not packages.txt: each of its lines goes to apt-get). */
export function takesDirectives(kind: FileKind): boolean {
  return kind === 'readme' || kind === 'python' || kind === 'requirements' || kind === 'dockerfile' || kind === 'dockerfile-variant';
}

/** `#` comments of the files that take directives, as [text, start, end]. */
function commentsOf(space: Space, path: string): [string, number, number][] {
  const kind = fileKind(path);
  if (kind === 'readme') {
    const r = space.readme;
    if (!r?.found || !r.frontMatter.ast) return [];
    return r.frontMatter.ast.comments.map((c) => [`#${c.value}`, c.range[0], c.range[1]]);
  }
  if (kind === 'python') {
    return (space.python(path)?.comments ?? []).map((c) => [c.text, c.range[0], c.range[1]]);
  }
  if (kind === 'dockerfile' || kind === 'dockerfile-variant') {
    return (space.dockerfile(path)?.comments ?? []).map((c) => [c.text, c.range[0], c.range[1]]);
  }
  if (kind === 'requirements') {
    const text = space.text(path) ?? '';
    const out: [string, number, number][] = [];
    for (const l of splitLines(text)) {
      const line = text.slice(l.start, l.end);
      const m = /(^|\s)#/.exec(line);
      if (m) {
        const s = l.start + m.index + m[1].length;
        out.push([text.slice(s, l.end), s, l.end]);
      }
    }
    return out;
  }
  return [];
}

export function collectDirectives(space: Space, paths: Iterable<string>): Directive[] {
  const out: Directive[] = [];
  for (const path of paths) {
    if (!space.text(path)?.includes('spacelint-')) continue; // cheap skip: most files have none
    const lines = space.lines(path)!;
    for (const [text, start, end] of commentsOf(space, path)) {
      const d = parseDirectiveComment(text);
      if (d) out.push({ ...d, file: path, line: lines.positionAt(start).line, range: [start, end], used: false });
    }
  }
  return out;
}

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/** One file's directives, indexed so that each finding looks only at those that can apply to its line. */
interface FileDirectives {
  /** Position in the file's directive list: among several that apply, the first one is marked used. */
  order: Map<Directive, number>;
  fileWide: Directive[];
  /** `disable-line` / `disable-next-line` by the line they turn findings off on. */
  byTargetLine: Map<number, Directive[]>;
  /** `disable` / `enable`, in source order (so by line). */
  regions: Directive[];
}

function indexDirectives(directives: Directive[]): Map<string, FileDirectives> {
  const byFile = new Map<string, FileDirectives>();
  for (const d of directives) {
    let f = byFile.get(d.file);
    if (!f) byFile.set(d.file, (f = { order: new Map(), fileWide: [], byTargetLine: new Map(), regions: [] }));
    f.order.set(d, f.order.size);
    if (d.kind === 'disable-file') f.fileWide.push(d);
    else if (d.kind === 'disable' || d.kind === 'enable') f.regions.push(d);
    else {
      const target = d.kind === 'disable-next-line' ? d.line + 1 : d.line;
      const list = f.byTargetLine.get(target);
      if (list) list.push(d);
      else f.byTargetLine.set(target, [d]);
    }
  }
  for (const f of byFile.values()) f.regions.sort((a, b) => a.line - b.line || f.order.get(a)! - f.order.get(b)!);
  return byFile;
}

/**
 * Drops the findings a directive turns off, marking the directives that did something. Linear in findings
 * plus directives for ordinary files (a file with thousands of directives must not make linting quadratic).
 */
export function applyDirectives(diagnostics: Diagnostic[], directives: Directive[]): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  const byFile = indexDirectives(directives);
  return diagnostics.filter((diag) => {
    const f = byFile.get(diag.file);
    if (!f) return true;
    let suppressedBy: Directive | undefined;
    for (const d of [...f.fileWide, ...(f.byTargetLine.get(diag.line) ?? [])]) {
      if (applies(d, diag.ruleId) && (!suppressedBy || f.order.get(d)! < f.order.get(suppressedBy)!)) suppressedBy = d;
    }
    if (!suppressedBy) {
      // Region: the last disable/enable for this rule at or before the finding's line decides.
      for (let i = lastAtOrBefore(f.regions, diag.line); i >= 0; i--) {
        const d = f.regions[i];
        if (!applies(d, diag.ruleId)) continue;
        if (d.kind === 'disable') suppressedBy = d;
        break;
      }
    }
    if (suppressedBy) {
      suppressedBy.used = true;
      return false;
    }
    return true;
  });
}

/** Index of the last directive whose line is at or before `line` (-1 when none), by binary search. */
function lastAtOrBefore(sorted: Directive[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function unusedDirectiveDiagnostics(directives: Directive[], space: Space): Diagnostic[] {
  return directives
    .filter((d) => !d.used && d.kind !== 'enable')
    .map((d) => {
      const loc = space.lines(d.file)!.location(d.range[0], d.range[1]);
      const what = d.rules.length ? d.rules.map((r) => `\`${r}\``).join(', ') : 'any rule';
      return {
        ruleId: 'unused-directive',
        level: 'warning' as const,
        file: d.file,
        ...loc,
        message: `Unused \`spacelint-${d.kind}\` directive: no finding of ${what} was reported here. Remove it.`,
        fix: removalFix(space.lines(d.file)!, d),
      };
    });
}

function removalFix(lines: LineIndex, d: Directive): Diagnostic['fix'] {
  const [lineStart, lineEnd] = lines.lineRange(d.line);
  const before = lines.text.slice(lineStart, d.range[0]);
  const previous = d.line > 1 ? lines.text.slice(...lines.lineRange(d.line - 1)) : '';
  if (before.trim() === '' && previous.trimEnd().endsWith('\\')) {
    // Inside a `\` continuation the line is what ends it: keep the (now empty) line.
    return { range: [d.range[0], d.range[1]], text: '' };
  }
  if (before.trim() === '') {
    // The comment is the whole line: remove the line with its break.
    const next = d.line < lines.lineCount ? lines.offsetAt(d.line + 1) : lineEnd;
    return { range: [lineStart, next], text: '' };
  }
  // Trailing comment: remove it and the spaces before it.
  const trimmed = before.trimEnd(); // not /\s+$/: quadratic on a long run of blanks
  return { range: [lineStart + trimmed.length, d.range[1]], text: '' };
}

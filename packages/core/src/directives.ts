import type { Diagnostic } from './diagnostic.js';
import { splitLines } from './parse/requirements.js';
import type { Space } from './space/space.js';
import { README } from './space/space.js';
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

const DIRECTIVE = /^#+\s*spacelint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([^]*)$/;

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

/** `#` comments of the files that take directives, as [text, start, end]. */
function commentsOf(space: Space, path: string): [string, number, number][] {
  if (path === README) {
    const r = space.readme;
    if (!r?.found || !r.frontMatter.ast) return [];
    return r.frontMatter.ast.comments.map((c) => [`#${c.value}`, c.range[0], c.range[1]]);
  }
  if (path.endsWith('.py')) {
    return (space.python(path)?.comments ?? []).map((c) => [c.text, c.range[0], c.range[1]]);
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('Dockerfile')) {
    return (space.dockerfile(path)?.comments ?? []).map((c) => [c.text, c.range[0], c.range[1]]);
  }
  if (/^(pre-)?requirements.*\.txt$/.test(name)) {
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

/** Drops the findings a directive turns off, marking the directives that did something. */
export function applyDirectives(diagnostics: Diagnostic[], directives: Directive[]): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  const byFile = new Map<string, Directive[]>();
  for (const d of directives) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return diagnostics.filter((diag) => {
    const list = byFile.get(diag.file);
    if (!list) return true;
    let suppressedBy: Directive | undefined;
    for (const d of list) {
      if (!applies(d, diag.ruleId)) continue;
      if (d.kind === 'disable-file') suppressedBy ??= d;
      else if (d.kind === 'disable-next-line' && diag.line === d.line + 1) suppressedBy ??= d;
      else if (d.kind === 'disable-line' && diag.line === d.line) suppressedBy ??= d;
    }
    if (!suppressedBy) {
      // Region: the last disable/enable for this rule before the finding decides.
      let state: Directive | undefined;
      for (const d of list) {
        if ((d.kind === 'disable' || d.kind === 'enable') && applies(d, diag.ruleId) && d.line <= diag.line) {
          state = d.kind === 'disable' ? d : undefined;
        }
      }
      suppressedBy = state;
    }
    if (suppressedBy) {
      suppressedBy.used = true;
      return false;
    }
    return true;
  });
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
  if (before.trim() === '') {
    // The comment is the whole line: remove the line with its break.
    const next = d.line < lines.lineCount ? lines.offsetAt(d.line + 1) : lineEnd;
    return { range: [lineStart, next], text: '' };
  }
  // Trailing comment: remove it and the spaces before it.
  const trimmed = before.replace(/\s+$/, '');
  return { range: [lineStart + trimmed.length, d.range[1]], text: '' };
}

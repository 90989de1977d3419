/**
 * What must hold for every lint result, whatever the input: the checks the property tests apply. Each
 * returns human-readable violations (empty = fine) so a failing case says exactly what went wrong.
 */
import type { Diagnostic, Fix } from '../../src/diagnostic.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { isParsedFile } from '../../src/rules/parse-error.js';
import { entropy, isPlaceholder, SECRET_PATTERNS } from '../../src/security/redact.js';
import type { Snapshot } from '../../src/space/files.js';
import { README, type Space } from '../../src/space/space.js';

const LEVELS = new Set(['error', 'warning', 'info']);

/**
 * Line starts computed here rather than with the engine's LineIndex, so the check does not trust the code
 * it checks. `\n`, `\r\n` and a lone `\r` end a line, as everywhere in spacelint.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based (line, column) is a position inside the text: on an existing line, at most one past its end. */
function positionProblem(starts: number[], textLength: number, line: number, column: number): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return `position ${line}:${column} is not 1-based`;
  if (line > starts.length) return `line ${line} is past the last line (${starts.length})`;
  const lineEnd = line < starts.length ? starts[line] : textLength;
  if (starts[line - 1] + column - 1 > lineEnd) return `column ${column} is past the end of line ${line}`;
  return undefined;
}

function rangeProblem(fix: Fix, length: number): string | undefined {
  const [s, e] = fix.range;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e > length) return `range [${s}, ${e}] is not inside the file (length ${length})`;
  if (typeof fix.text !== 'string') return 'fix text is not a string';
  return undefined;
}

/**
 * Every diagnostic names a known rule and a level, has a message, sits inside its file, and carries fixes
 * whose ranges lie inside that file. A file without text (missing, binary, too large) gets findings at 1:1
 * and no fixes. `internal-error` (a rule that threw) is always a violation.
 */
export function diagnosticViolations(snapshot: Snapshot, diagnostics: Diagnostic[]): string[] {
  const problems: string[] = [];
  const placeholdersInInput = [...snapshot.files.values()].some((f) => f.text?.includes('{{'));
  for (const d of diagnostics) {
    const where = `${d.ruleId} at ${d.file}:${d.line}:${d.column}`;
    if (!RULE_IDS.has(d.ruleId)) problems.push(`${where}: unknown ruleId (${d.ruleId === 'internal-error' ? d.message : 'not in the registry'})`);
    if (!LEVELS.has(d.level)) problems.push(`${where}: unknown level ${d.level}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${where}: empty message`);
    else if (!placeholdersInInput && /\{\{\s*\w+\s*\}\}/.test(d.message)) problems.push(`${where}: unfilled placeholder in "${d.message.slice(0, 120)}"`);
    const text = snapshot.files.get(d.file)?.text;
    if (text === undefined) {
      if (d.line !== 1 || d.column !== 1 || d.endLine !== 1 || d.endColumn !== 1) problems.push(`${where}: a file without text must be reported at 1:1`);
      if (d.fix || d.suggestions?.length) problems.push(`${where}: a fix for a file without text`);
      continue;
    }
    const starts = lineStarts(text);
    const start = positionProblem(starts, text.length, d.line, d.column);
    const end = positionProblem(starts, text.length, d.endLine, d.endColumn);
    if (start) problems.push(`${where}: start ${start}`);
    if (end) problems.push(`${where}: end ${end}`);
    if (!start && !end && (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column))) problems.push(`${where}: ends before it starts`);
    const fixes = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? []).map((s) => s.fix)];
    for (const fix of fixes) {
      const p = rangeProblem(fix, text.length);
      if (p) problems.push(`${where}: fix ${p}`);
    }
    if (d.suggestions?.some((s) => typeof s.desc !== 'string' || !s.desc.trim())) problems.push(`${where}: a suggestion without a description`);
    for (const shown of [d.message, ...(d.suggestions ?? []).map((s) => s.desc)]) {
      const leak = leakedToken(shown);
      if (leak) problems.push(`${where}: a ${leak} appears unredacted in "${shown.slice(0, 80)}"`);
    }
  }
  return problems;
}

/**
 * The name of a token shape in `shown` that is not a placeholder. Placeholders (`hf_xxxx…`, a run of one
 * character, an alphabet run) are left as written on purpose (redact.ts), so one is not a leak: a fake token
 * with a 2,000-character run of `a` inserted into it is quoted as `hf_aaaa…` (fuzz seed 4242).
 */
function leakedToken(shown: string): string | undefined {
  for (const { name, pattern, visible } of SECRET_PATTERNS) {
    for (const m of shown.matchAll(new RegExp(pattern.source, 'g'))) {
      const body = m[0].replace(visible, '');
      if (!isPlaceholder(m[0], body) && entropy(body) >= 2) return name;
    }
  }
  return undefined;
}

/** Parse problems of one file, as the engine's parsers see them (0 = parses). */
export function parseProblemCount(space: Space, path: string): number {
  const file = space.file(path);
  if (!file) return 0;
  if (file.text === undefined) return isParsedFile(path) || path === README ? 1 : 0;
  if (path === README) {
    const r = space.readme!;
    return r.found ? r.frontMatter.problems.length : 1;
  }
  if (path.endsWith('.py')) return space.python(path)?.syntaxErrorCount ?? 0;
  if (/(^|\/)(pre-)?requirements[^/]*\.txt$/.test(path)) return space.requirements(path)?.error ? 1 : 0;
  if (/(^|\/)Dockerfile$/.test(path)) return space.dockerfile(path)?.error ? 1 : 0;
  return 0;
}

/**
 * Files that do not parse are reported as findings (`parse-error`, or `config-front-matter` for README.md),
 * unless a directive or the Space's config could have turned the finding off.
 */
export function unreportedParseProblems(space: Space, diagnostics: Diagnostic[]): string[] {
  if (space.has('.spacelint.yaml') || space.has('.spacelint.yml')) return [];
  const problems: string[] = [];
  for (const [path, file] of space.files) {
    if (file.text?.includes('spacelint-')) continue;
    if (parseProblemCount(space, path) === 0) continue;
    const expected = path === README ? 'config-front-matter' : 'parse-error';
    if (!diagnostics.some((d) => d.file === path && d.ruleId === expected)) problems.push(`${path} does not parse but has no ${expected} finding`);
  }
  if (!space.has(README) && !diagnostics.some((d) => d.file === README && d.ruleId === 'config-front-matter')) problems.push('README.md is missing but not reported');
  return problems;
}

/** A stable string of findings, to compare two runs. */
export function fingerprint(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [d.ruleId, d.level, d.file, d.line, d.column, d.endLine, d.endColumn, d.message, d.fix ?? null]));
}

/**
 * The one glob matcher for `.spacelint.yaml` `ignore:` and `.gitignore` files. Both come with the Space
 * being linted or deployed (a Hub Space, a pull request), so a glob must never hang the tool: globs are
 * matched by simulating all positions in the glob at once (an NFA), never with a RegExp, whose
 * backtracking is exponential on `*a*a*a*a*b` or a run of `**`. Cost: path length × glob length; a glob
 * whose literal text is not in the path is rejected by one `includes` before any simulation, so thousands
 * of globs over a Space stay fast.
 *
 * Two dialects share the matcher and differ only in how a line is read:
 * - `ignore:` (`globMatcher`): `*`, `?`, `**`, a trailing `/`, a leading `/` anchors; `\` is a path
 *   separator (Windows paths), `[` is a literal.
 * - `.gitignore` (`compileGitignoreLine`, https://git-scm.com/docs/gitignore): also `[…]` classes
 *   (as git's wildmatch: a reversed range such as `[z-a]` matches its first character only, never an
 *   error), `\` escapes, `!` negation and folder-only patterns. Checked against `git check-ignore`.
 * In both, a glob without a `/` matches at any depth, and a match of a folder covers what is inside it.
 */
import { trimEndWhere } from '../text.js';

type Token = { kind: 'literal'; char: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'any' } | { kind: 'dirs' } | { kind: 'class'; test: (c: string) => boolean };

export interface CompiledGlob {
  tokens: Token[];
  /** The longest run of literal characters: a path without it cannot match. */
  required: string;
}

/** `.` in a RegExp (what these globs were first defined with) does not match line terminators. */
const isLineTerminator = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

function finish(tokens: Token[]): CompiledGlob {
  let required = '';
  let run = '';
  for (const t of tokens) {
    if (t.kind === 'literal') run += t.char;
    else run = '';
    if (run.length > required.length) required = run;
  }
  return { tokens, required };
}

/** An `ignore:` glob. */
function compileConfigGlob(glob: string): CompiledGlob {
  let g = glob.trim().replace(/\\/g, '/');
  const anchored = g.startsWith('/');
  if (anchored) g = g.slice(1);
  if (g.endsWith('/')) g = g.slice(0, -1);
  // Unanchored globs without a folder part match at any depth: an implicit leading `**/`.
  const tokens: Token[] = anchored || g.includes('/') ? [] : [{ kind: 'dirs' }];
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const dirs = g[i + 2] === '/';
        tokens.push({ kind: dirs ? 'dirs' : 'any' });
        i += dirs ? 2 : 1;
      } else tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'literal', char: c });
  }
  return finish(tokens);
}

export interface GitignorePattern {
  glob: CompiledGlob;
  negated: boolean;
  /** A trailing `/`: the pattern matches folders only. */
  dirOnly: boolean;
}

const POSIX_CLASSES: Record<string, (c: string) => boolean> = {
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  digit: (c) => c >= '0' && c <= '9',
  lower: (c) => c >= 'a' && c <= 'z',
  upper: (c) => c >= 'A' && c <= 'Z',
  space: (c) => /^\s$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
};

/**
 * A `[…]` class starting at `line[start]`: its test and the index of its closing `]`, or undefined when
 * unterminated (then `[` is a literal). Like git's wildmatch, `!` or `^` first negates, a `]` first is a
 * member, `a-z` is a range (empty when reversed), `\` escapes, and a class never matches `/`.
 */
function compileClass(line: string, start: number): { test: (c: string) => boolean; end: number } | undefined {
  let i = start + 1;
  let negated = false;
  if (line[i] === '!' || line[i] === '^') {
    negated = true;
    i++;
  }
  const members: ((c: string) => boolean)[] = [];
  let first = true;
  for (; i < line.length; i++) {
    let c = line[i];
    if (c === ']' && !first) {
      const test = (ch: string) => ch !== '/' && members.some((m) => m(ch)) !== negated;
      return { test, end: i };
    }
    first = false;
    if (c === '[' && line[i + 1] === ':') {
      const close = line.indexOf(':]', i + 2);
      const named = close === -1 ? undefined : POSIX_CLASSES[line.slice(i + 2, close)];
      if (named) {
        members.push(named);
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < line.length) c = line[++i];
    if (line[i + 1] === '-' && i + 2 < line.length && line[i + 2] !== ']') {
      let hi = line[i + 2];
      i += 2;
      if (hi === '\\' && i + 1 < line.length) hi = line[++i];
      const lo = c;
      // As git's wildmatch: the start is tested as a character of its own before the range, so a
      // reversed range (`[z-a]`) matches its start only.
      members.push((ch) => ch === lo || (ch >= lo && ch <= hi));
    } else {
      const member = c;
      members.push((ch) => ch === member);
    }
  }
  return undefined;
}

/** One `.gitignore` line, or undefined for a blank line or a comment. */
export function compileGitignoreLine(raw: string): GitignorePattern | undefined {
  // Trailing blanks are dropped unless the first of them is escaped (`foo\ `): then it stays.
  const unpadded = trimEndWhere(raw, /[ \t]/);
  let line = (unpadded.endsWith('\\') && unpadded.length < raw.length ? raw.slice(0, unpadded.length + 1) : unpadded).replace(/\r$/, '');
  if (!line || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  const dirOnly = line.endsWith('/');
  if (dirOnly) line = line.slice(0, -1); // one slash, as git: `a//` keeps a `/` that no path part ends with
  if (!line) return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  // git compares a path pattern's literal head first and wildmatches the rest on its own, so a `**`
  // right after that head counts as the start of a pattern (`a**/b` is `a` + `**/b`). Quirk kept: the
  // upload must be what git would push.
  const head = anchored ? line.search(/[*?[\\]/) : -1;
  const tokens: Token[] = anchored ? [] : [{ kind: 'dirs' }];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      tokens.push({ kind: 'literal', char: line[++i] });
    } else if (c === '*') {
      // As git's wildmatch, a run of two or more stars is one `**`: it crosses folders only as a whole
      // path part (`**/x`, `a/**/b`, `a/**`); elsewhere it is a `*`.
      let end = i;
      while (line[end + 1] === '*') end++;
      if (end > i) {
        const atStart = i === 0 || i === head;
        const slashBefore = line[i - 1] === '/';
        const slashAfter = line[end + 1] === '/';
        const atEnd = end + 1 === line.length;
        if ((atStart || slashBefore) && slashAfter) {
          tokens.push({ kind: 'dirs' });
          i = end + 1;
        } else if (atEnd && slashBefore) {
          tokens.push({ kind: 'any' });
          i = end;
        } else {
          tokens.push({ kind: 'star' });
          i = end;
        }
      } else tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[') {
      const cls = compileClass(line, i);
      if (cls) {
        tokens.push({ kind: 'class', test: cls.test });
        i = cls.end;
      } else tokens.push({ kind: 'literal', char: c });
    } else {
      tokens.push({ kind: 'literal', char: c });
    }
  }
  return { glob: finish(tokens), negated, dirOnly };
}

/**
 * Whether the path matches: all tokens, optionally followed by `/` and anything (what is inside a folder).
 * State 2i: before token i. State 2i+1: inside a `**` + `/` token i, before its closing `/`.
 * REST (2n+2): past a match, inside the matched folder.
 */
export function globMatches(glob: CompiledGlob, path: string): boolean {
  if (glob.required && !path.includes(glob.required)) return false;
  const tokens = glob.tokens;
  const n = tokens.length;
  const REST = 2 * n + 2;
  let current = new Uint8Array(REST + 1);
  let next = new Uint8Array(REST + 1);
  let active = [0];
  let nextActive: number[] = [];
  const add = (list: number[], marks: Uint8Array, s: number) => {
    if (!marks[s]) {
      marks[s] = 1;
      list.push(s);
    }
  };
  // Tokens that can match nothing let the state move on; epsilon moves only go forward, so one ascending pass.
  const close = (list: number[], marks: Uint8Array) => {
    for (let i = 0; i < n; i++) {
      const k = tokens[i].kind;
      if (marks[2 * i] && (k === 'star' || k === 'any' || k === 'dirs')) add(list, marks, 2 * (i + 1));
    }
  };
  current[0] = 1;
  close(active, current);
  for (let at = 0; at < path.length; at++) {
    const c = path[at]; // UTF-16 units, as the RegExp did: `?` is one unit
    for (const s of active) {
      if (s === REST) {
        if (!isLineTerminator(c)) add(nextActive, next, REST);
        continue;
      }
      const i = s >> 1;
      if (i === n) {
        if (c === '/') add(nextActive, next, REST);
        continue;
      }
      const t = tokens[i];
      if (s % 2 === 1) {
        if (c === '/') add(nextActive, next, 2 * (i + 1));
        if (!isLineTerminator(c)) add(nextActive, next, s);
        continue;
      }
      switch (t.kind) {
        case 'literal':
          if (c === t.char) add(nextActive, next, 2 * (i + 1));
          break;
        case 'one':
          if (c !== '/') add(nextActive, next, 2 * (i + 1));
          break;
        case 'class':
          if (t.test(c)) add(nextActive, next, 2 * (i + 1));
          break;
        case 'star':
          if (c !== '/') add(nextActive, next, s);
          break;
        case 'any':
          if (!isLineTerminator(c)) add(nextActive, next, s);
          break;
        case 'dirs':
          if (c === '/') add(nextActive, next, 2 * (i + 1));
          if (!isLineTerminator(c)) add(nextActive, next, s + 1);
          break;
      }
    }
    if (nextActive.length === 0) return false;
    close(nextActive, next);
    for (const s of active) current[s] = 0;
    [current, next] = [next, current];
    active = nextActive;
    nextActive = [];
  }
  return current[2 * n] === 1 || current[REST] === 1;
}

/** `ignore:` globs as one predicate over repo-relative paths. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const compiled = globs.filter((g) => g.trim() && !g.startsWith('#')).map(compileConfigGlob);
  return (path) => compiled.some((glob) => globMatches(glob, path));
}

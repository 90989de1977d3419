/**
 * Minimal gitignore-style globs for `ignore:`: `*`, `?`, `**`, a trailing `/` for folders, leading `/`
 * anchors. A glob without a `/` matches at any depth, and a match of a folder covers what is inside it.
 *
 * Matched by simulating all positions in the glob at once (an NFA), not with a RegExp: a glob such as
 * `*a*a*a*a*b` or a run of `**` compiles to a regex that backtracks exponentially, and `.spacelint.yaml`
 * comes with the Space being linted (a Hub Space, a pull request), so its globs must not hang the linter.
 * Cost: path length × glob length.
 */
type Token = { kind: 'literal'; char: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'any' } | { kind: 'dirs' };

/** `.` in a RegExp (what these globs were first defined with) does not match line terminators. */
const isLineTerminator = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

function compile(glob: string): Token[] {
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
  return tokens;
}

/** Whether the path matches: all tokens, optionally followed by `/` and anything (what is inside a folder). */
function matches(tokens: Token[], path: string): boolean {
  const n = tokens.length;
  // State 2i: before token i. State 2i+1: inside a `**/` token i, before its closing `/`. REST: past a match, inside it.
  const REST = 2 * n + 2;
  let current = new Set<number>([0]);
  const close = (states: Set<number>): Set<number> => {
    // Tokens that can match nothing let the state move on; epsilon moves only go forward, so one ascending pass.
    for (let i = 0; i < n; i++) {
      const k = tokens[i].kind;
      if (states.has(2 * i) && (k === 'star' || k === 'any' || k === 'dirs')) states.add(2 * (i + 1));
    }
    return states;
  };
  current = close(current);
  for (let at = 0; at < path.length; at++) {
    const c = path[at]; // UTF-16 units, as the RegExp did: `?` is one unit
    const next = new Set<number>();
    for (const s of current) {
      if (s === REST) {
        if (!isLineTerminator(c)) next.add(REST);
        continue;
      }
      const i = s >> 1;
      if (i === n) {
        if (c === '/') next.add(REST);
        continue;
      }
      const t = tokens[i];
      if (s % 2 === 1) {
        // inside `**/`
        if (c === '/') next.add(2 * (i + 1));
        if (!isLineTerminator(c)) next.add(s);
        continue;
      }
      switch (t.kind) {
        case 'literal':
          if (c === t.char) next.add(2 * (i + 1));
          break;
        case 'one':
          if (c !== '/') next.add(2 * (i + 1));
          break;
        case 'star':
          if (c !== '/') next.add(s);
          break;
        case 'any':
          if (!isLineTerminator(c)) next.add(s);
          break;
        case 'dirs':
          if (c === '/') next.add(2 * (i + 1));
          if (!isLineTerminator(c)) next.add(s + 1);
          break;
      }
    }
    if (next.size === 0) return false;
    current = close(next);
  }
  return current.has(2 * n) || current.has(REST);
}

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const compiled = globs.filter((g) => g.trim() && !g.startsWith('#')).map(compile);
  return (path) => compiled.some((tokens) => matches(tokens, path));
}

/**
 * `ignore:` globs are matched without RegExp backtracking; these tests pin the matcher to the RegExp
 * definition it replaced (on inputs small enough for that RegExp) and show it stays fast where the RegExp hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/config/glob.js';
import { fuzzParameters } from './runs.js';

/** The definition the matcher had before: correct, but exponential on globs like `*a*a*a*b`. */
function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/\\/g, '/');
  const anchored = g.startsWith('/');
  if (anchored) g = g.slice(1);
  if (g.endsWith('/')) g = g.slice(0, -1);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        re += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += g[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const prefix = anchored || g.includes('/') ? '^' : '^(?:.*/)?';
  return new RegExp(`${prefix}${re}(?:/.*)?$`);
}

const globPart = fc.constantFrom('*', '**', '**/', '?', '/', 'a', 'b', '.', 'py', 'x/', '\\', ' ', '(', '[', '+');
const pathPart = fc.constantFrom('a', 'b', '/', '.', 'py', 'x', 'ab', '\n', '😀', '(', '+', ' ');

describe('ignore globs', () => {
  it('match exactly what the RegExp definition matched', () => {
    // Paths are mostly the glob filled in (wildcards replaced by random parts), so near matches are common.
    const fill = fc.array(fc.array(pathPart, { maxLength: 3 }).map((p) => p.join('')), { minLength: 8, maxLength: 8 });
    const instantiate = (g: string[], fills: string[]) => g.map((part, i) => (/[*?]/.test(part) ? part.replace(/\*\*\/|\*\*|\*|\?/g, fills[i % fills.length]) : part)).join('');
    const path = fc.oneof(
      fc.array(pathPart, { maxLength: 8 }).map((p) => ({ fromGlob: false, parts: p, fills: [] as string[] })),
      fc.tuple(fill, fc.array(pathPart, { maxLength: 2 })).map(([fills, extra]) => ({ fromGlob: true, parts: extra, fills })),
    );
    fc.assert(
      fc.property(fc.array(globPart, { minLength: 1, maxLength: 7 }), path, (g, p) => {
        const glob = g.join('');
        const path = p.fromGlob ? instantiate(g, p.fills).replace(/^\//, '') + p.parts.join('') : p.parts.join('');
        fc.pre(glob.trim() !== '' && !glob.startsWith('#'));
        expect(globMatcher([glob])(path), `${JSON.stringify(glob)} on ${JSON.stringify(path)}`).toBe(globToRegExp(glob).test(path));
      }),
      fuzzParameters(50),
    );
  });

  it('examples', () => {
    const m = globMatcher(['*.ipynb', '/build/', 'data/**/raw', 'tests/']);
    expect(['nb.ipynb', 'deep/nb.ipynb', 'build/x.py', 'data/raw', 'data/a/b/raw/f.csv', 'tests/t.py', 'src/tests/t.py'].map(m)).toEqual([true, true, true, true, true, true, true]);
    expect(['nb.ipynb.bak', 'src/build/x.py', 'data2/raw', 'app.py'].map(m)).toEqual([false, false, false, false]);
  });

  it('a glob that makes a RegExp backtrack exponentially is matched in linear time', () => {
    const hostile = ['*a*a*a*a*a*a*a*a*a*a*b', '**/'.repeat(40) + 'x', '*'.repeat(200) + 'x'];
    const path = 'a'.repeat(4000);
    const started = performance.now();
    expect(globMatcher(hostile)(path)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

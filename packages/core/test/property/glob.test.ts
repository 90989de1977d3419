/**
 * `ignore:` globs are matched without RegExp backtracking; these tests pin the matcher to the RegExp
 * definition it replaced (on inputs small enough for that RegExp) and show it stays fast where the RegExp hangs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGitignoreLine, globMatcher, globMatches } from '../../src/config/glob.js';
import { IgnoreRules } from '../../src/node/ignore-rules.js';
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
    const fill = fc.array(
      fc.array(pathPart, { maxLength: 3 }).map((p) => p.join('')),
      { minLength: 8, maxLength: 8 },
    );
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

describe('.gitignore globs', () => {
  it('classes: ranges, negation, POSIX names; a reversed range matches its first character only, as in git', () => {
    const m = (line: string, path: string) => globMatches(compileGitignoreLine(line)!.glob, path);
    expect(m('[Tt]est.txt', 'test.txt')).toBe(true);
    expect(m('file[0-9].py', 'file7.py')).toBe(true);
    expect(m('file[!0-9].py', 'file7.py')).toBe(false);
    expect(m('file[^0-9].py', 'filex.py')).toBe(true);
    expect(m('[[:digit:]]*.log', '3a.log')).toBe(true);
    expect(m('[]x]', ']')).toBe(true);
    expect(m('a[/]b', 'a/b')).toBe(false);
    expect(m('[z-a]', 'm')).toBe(false);
    expect(m('[z-a]', 'a')).toBe(false);
    expect(m('[z-a]', 'z')).toBe(true);
    expect(m('x[z-a]y', 'xay')).toBe(false);
    expect(m('[unterminated', '[unterminated')).toBe(true);
    expect(m('\\*literal', '*literal')).toBe(true);
    expect(m('\\*literal', 'xliteral')).toBe(false);
  });

  it('hostile globs (generated) over long names finish in linear time', () => {
    const hostile = fc.array(fc.constantFrom('*', 'a', '**', '**/', '?', '[a-z]', '[z-a]', '[!b]'), { minLength: 10, maxLength: 40 }).map((p) => p.join('') + 'b');
    fc.assert(
      fc.property(hostile, fc.integer({ min: 100, max: 2000 }), (line, length) => {
        const started = performance.now();
        const pattern = compileGitignoreLine(line)!;
        globMatches(pattern.glob, 'a'.repeat(length));
        expect(performance.now() - started).toBeLessThan(1_000);
      }),
      fuzzParameters(1),
    );
  });

  it('3,000 ignore globs over 500 paths take well under a second', () => {
    const globs = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `data/**/part-${i}.csv` : i % 3 === 1 ? `*${i}*.bin` : `/build-${i}/`));
    const paths = Array.from({ length: 500 }, (_, i) => `src/module_${i}/deep/file_${i}.py`);
    const started = performance.now();
    const m = globMatcher(globs);
    expect(paths.filter(m)).toEqual([]);
    expect(m('data/a/b/part-3.csv')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  it.skipIf(!hasGit)('decide exactly as `git check-ignore` does, on generated hostile lines', () => {
    const repo = mkdtempSync(join(tmpdir(), 'spacelint-gitignore-'));
    execFileSync('git', ['init', '-q', repo]);
    const part = fc.constantFrom('*', '**', '**/', '/', 'a', 'b', '.', '?', '[a-b]', '[z-a]', '[!a]', 'x/', '\\*', '/**', '[]a]', '[^b]', '[[:alpha:]]', '\\a', '[a-]', ' ');
    const line = fc
      .array(part, { minLength: 1, maxLength: 6 })
      .map((p) => p.join(''))
      .filter((l) => !l.startsWith('#') && !l.startsWith('!') && !/^\/*$/.test(l.trim()));
    const segment = fc
      .array(fc.constantFrom('a', 'b', 'x', 'z', '.', 'ab', '*'), { minLength: 1, maxLength: 3 })
      .map((p) => p.join(''))
      .filter((s) => s !== '.' && s !== '..');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
    fc.assert(
      fc.property(line, fc.uniqueArray(path, { minLength: 1, maxLength: 20 }), (pattern, paths) => {
        writeFileSync(join(repo, '.gitignore'), `${pattern}\n`);
        const out = spawnSync('git', ['-C', repo, 'check-ignore', '--no-index', '--stdin', '-v', '-n'], { input: `${paths.join('\n')}\n`, encoding: 'utf8' }).stdout;
        const git = new Map(
          out
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => [l.split('\t')[1], !l.startsWith('::')]),
        );
        const rules = new IgnoreRules().add(`${pattern}\n`);
        for (const p of paths) expect(rules.matchWithParents(p) !== undefined, `${JSON.stringify(pattern)} on ${JSON.stringify(p)}`).toBe(git.get(p) ?? false);
      }),
      fuzzParameters(2),
    );
  });
});

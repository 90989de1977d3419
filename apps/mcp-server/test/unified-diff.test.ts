import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/unified-diff.js';

/** GNU diff's hunks for the same texts (headers dropped: they carry file names and dates). */
function gnuDiff(before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'udiff-'));
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), after);
  try {
    return execFileSync('diff', ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

const hunks = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('---') && !l.startsWith('+++'))
    .join('\n');

describe('unifiedDiff', () => {
  const cases: [string, string, string][] = [
    ['one change', 'a\nb\nc\n', 'a\nB\nc\n'],
    ['two far apart changes', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n', 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\n'],
    ['two close changes share a hunk', 'a\nb\nc\nd\ne\nf\ng\n', 'a\nB\nc\nd\ne\nF\ng\n'],
    ['insertion', 'a\nb\n', 'a\nx\nb\n'],
    ['deletion at the start', 'one\ntwo\nthree\n', 'two\nthree\n'],
    ['from empty', '', 'new\n'],
    ['to empty', 'old\n', ''],
    ['missing final newline added', 'a\nb', 'a\nb\n'],
    ['replace all', 'x\ny\n', 'p\nq\nr\n'],
  ];
  for (const [name, before, after] of cases) {
    it(`matches diff -u: ${name}`, () => {
      expect(hunks(unifiedDiff('f', before, after))).toBe(hunks(gnuDiff(before, after)));
    });
  }

  it('names the file and is empty when nothing changed', () => {
    expect(unifiedDiff('README.md', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual(['--- a/README.md', '+++ b/README.md']);
    expect(unifiedDiff('README.md', 'same\n', 'same\n')).toBe('');
  });

  it('stays fast on a large file with a few changes', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i}`);
    const changed = [...lines];
    changed[100] = 'changed';
    changed[40_000] = 'changed too';
    const start = performance.now();
    const diff = unifiedDiff('big.py', lines.join('\n') + '\n', changed.join('\n') + '\n');
    // Quadratic line matching would take minutes here; the bound is loose for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(3000);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
  });
});

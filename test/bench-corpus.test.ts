// The benchmark corpus must stay deterministic and varied, and lint without rule crashes, or the numbers
// in bench/RESULTS.md stop being comparable from one run to the next. (Not a timed test.)
import { expect, it } from 'vitest';
import { generateSpace } from '../bench/corpus.mjs';
import { initParsers, lintSnapshot, snapshotFromEntries } from '../packages/core/dist/index.js';

type Files = Record<string, string>;

it('bench corpus: the same index gives the same Space; the corpus mixes SDKs, sizes and files', async () => {
  expect(generateSpace(7)).toEqual(generateSpace(7));
  expect(generateSpace(7)).not.toEqual(generateSpace(8));
  const spaces: Files[] = Array.from({ length: 300 }, (_, i) => generateSpace(i));
  const sdks = new Set(spaces.map((s) => /^sdk: (\w+)/m.exec(s['README.md'])?.[1]));
  expect([...sdks].sort()).toEqual(['docker', 'gradio', 'static', 'streamlit']);
  const appSizes = spaces.map((s) => (s['app.py'] ?? s['main.py'] ?? '').length).filter((n) => n > 0);
  expect(Math.min(...appSizes)).toBeLessThan(3_000);
  expect(Math.max(...appSizes)).toBeGreaterThan(15_000);
  expect(spaces.some((s) => 'packages.txt' in s && 'src/pipeline.py' in s)).toBe(true);
  await initParsers();
  const ruleIds = new Set<string>();
  for (const s of spaces.slice(0, 100)) for (const d of lintSnapshot(snapshotFromEntries(s)).diagnostics) ruleIds.add(d.ruleId);
  expect(ruleIds.has('internal-error')).toBe(false);
  expect(ruleIds.size).toBeGreaterThan(1);
});

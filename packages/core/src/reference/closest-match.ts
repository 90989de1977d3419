/** Did-you-mean: the known value closest to what was typed (optimal string alignment distance). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Lowercase, `-` and `_` unified: what differs only by case or separator is the same word. */
export function looseForm(s: string, separator: '_' | '-' = '_'): string {
  return s.toLowerCase().replace(/[-_ ]/g, separator);
}

/**
 * The best candidate within distance 2 (1 for words of 5 characters or fewer), compared in loose form;
 * `exact` is true when only case or separators differ.
 */
export function closestMatch(value: string, candidates: readonly string[], separator: '_' | '-' = '_'): { match: string; exact: boolean } | undefined {
  const v = looseForm(value, separator);
  let best: { match: string; distance: number } | undefined;
  for (const c of candidates) {
    const dist = editDistance(v, looseForm(c, separator));
    if (dist === 0) return { match: c, exact: true };
    if (!best || dist < best.distance) best = { match: c, distance: dist };
  }
  const limit = value.length <= 5 ? 1 : 2;
  return best && best.distance <= limit ? { match: best.match, exact: false } : undefined;
}

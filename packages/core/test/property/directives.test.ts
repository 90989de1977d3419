/**
 * applyDirectives is indexed by line (so thousands of directives stay linear); this pins it to the plain
 * definition it replaced: same findings kept, same directives marked used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { applyDirectives, type Directive, type DirectiveKind } from '../../src/directives.js';
import { fuzzParameters } from './runs.js';

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/** The definition: first matching file/line directive in list order, else the last region directive before. */
function definition(diagnostics: Diagnostic[], directives: Directive[]): Diagnostic[] {
  return diagnostics.filter((diag) => {
    const list = directives.filter((d) => d.file === diag.file);
    let suppressedBy: Directive | undefined;
    for (const d of list) {
      if (!applies(d, diag.ruleId)) continue;
      if (d.kind === 'disable-file') suppressedBy ??= d;
      else if (d.kind === 'disable-next-line' && diag.line === d.line + 1) suppressedBy ??= d;
      else if (d.kind === 'disable-line' && diag.line === d.line) suppressedBy ??= d;
    }
    if (!suppressedBy) {
      let state: Directive | undefined;
      for (const d of list) {
        if ((d.kind === 'disable' || d.kind === 'enable') && applies(d, diag.ruleId) && d.line <= diag.line) state = d.kind === 'disable' ? d : undefined;
      }
      suppressedBy = state;
    }
    if (suppressedBy) suppressedBy.used = true;
    return !suppressedBy;
  });
}

const rule = fc.constantFrom('a', 'b', 'c');
const file = fc.constantFrom('app.py', 'README.md');
const line = fc.integer({ min: 1, max: 12 });
const kinds: DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable', 'disable-file'];

const directiveList = fc
  .array(fc.record({ kind: fc.constantFrom(...kinds), rules: fc.uniqueArray(rule, { maxLength: 2 }), file, line }), { maxLength: 12 })
  // Directives come from comments in source order: by file, then by line.
  .map((list) => list.sort((x, y) => (x.file === y.file ? x.line - y.line : x.file < y.file ? -1 : 1)));
const diagnosticList = fc.array(fc.record({ ruleId: rule, file, line }), { maxLength: 16 });

describe('applyDirectives', () => {
  it('keeps the same findings and marks the same directives used as the definition', () => {
    fc.assert(
      fc.property(directiveList, diagnosticList, (ds, found) => {
        const make = () => ds.map((d, i) => ({ ...d, range: [i, i + 1] as [number, number], used: false }));
        const diags = found.map((d) => ({ ...d, level: 'warning' as const, column: 1, endLine: d.line, endColumn: 1, message: 'x' }));
        const expectedDirectives = make();
        const actualDirectives = make();
        const expected = definition(diags, expectedDirectives);
        const actual = applyDirectives(diags, actualDirectives);
        expect(actual).toEqual(expected);
        expect(actualDirectives.map((d) => d.used)).toEqual(expectedDirectives.map((d) => d.used));
      }),
      fuzzParameters(25),
    );
  });
});

/**
 * The requirements parser avoids regexes that backtrack on long runs of spaces; these properties pin the
 * rewritten parts to the regexes they replaced, on lines made of the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../src/parse/requirements.js';
import { fuzzParameters } from './runs.js';

const piece = fc.constantFrom('a', 'pkg', ' ', '  ', '\t', '@', ';', '[', ']', 'x,y', '==', '>=', '1.0', ',', 'https://h/x.whl', 'git+https://h/r', '.', '#egg=e', '(', ')', '~=', '!=');
const ws = fc.constantFrom('', ' ', '  ', '\t ');
const tail = fc.array(piece, { minLength: 0, maxLength: 8 }).map((p) => p.join(''));
/** `name [extras] @ rest`, with spaces anywhere: the shape the `@` branch reads (and near misses). */
const line = fc.tuple(fc.constantFrom('a', 'pkg.x', 'P_1'), ws, fc.constantFrom('', '[x]', '[x, y]', '[]'), ws, fc.constantFrom('@', ' @', ''), ws, tail).map((p) => p.join('').trim());

/** The definitions the parser had before (correct, but quadratic or worse on long space runs). */
const AT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*@\s*(\S.*?)\s*(?:;\s*(.*))?$/;
const SPECIFIER = /^(?:(?:===|==|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*,?\s*)+$/;

describe('parseRequirements', () => {
  it('reads `name @ url ; marker` exactly as the former regex did', () => {
    fc.assert(
      fc.property(line, (raw) => {
        const m = AT.exec(raw);
        fc.pre(m !== null && !raw.includes('#'));
        const [entry] = parseRequirements(raw).lines;
        expect({ name: entry.name, url: entry.url, marker: entry.marker }).toEqual({ name: m![1], url: m![3], marker: m![4] });
      }),
      fuzzParameters(10),
    );
  });

  it('accepts and rejects version specifiers exactly as the former regex did', () => {
    const spec = fc.array(fc.constantFrom('==', '>=', '<', '!=', '~=', '===', '1', '2.0', '*', ' ', '  ', ',', 'a', '!', '='), { minLength: 1, maxLength: 8 }).map((p) => p.join('').trim());
    fc.assert(
      fc.property(spec, (s) => {
        fc.pre(s.length > 0 && !s.startsWith('(') && !/[;@#[]/.test(s));
        const [entry] = parseRequirements(`pkg${s.startsWith('=') || s.startsWith('<') || s.startsWith('>') || s.startsWith('!') || s.startsWith('~') ? '' : ' '}${s}`).lines;
        if (entry.kind === 'requirement' && entry.name === 'pkg') expect(entry.specifier === undefined || SPECIFIER.test(s)).toBe(true);
        if (SPECIFIER.test(s)) expect(entry.kind).toBe('requirement');
      }),
      fuzzParameters(10),
    );
  });
});

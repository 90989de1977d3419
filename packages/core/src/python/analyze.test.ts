import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initParsers } from '../parse/python.js';
import { analyzePython, textEdit } from './analyze.js';

await initParsers();

// A file linted again after an edit is reparsed from its last tree (analyze.ts). The facts must be exactly
// those of a fresh parse: each case analyses the edited text under a path never seen before for reference.
let fresh = 0;
const freshFacts = (text: string) => ({ ...analyzePython(`fresh-${fresh++}.py`, text), path: 'app.py' });

const APP = readFileSync(new URL('../../../../examples/gradio-zerogpu/app.py', import.meta.url), 'utf8');

describe('textEdit', () => {
  it('spans what changed between the common prefix and suffix, with rows and columns', () => {
    const edit = textEdit('a = 1\nb = 2\nc = 3\n', 'a = 1\nb = 22\nc = 3\n');
    expect(edit).toMatchObject({
      startIndex: 11,
      oldEndIndex: 11,
      newEndIndex: 12,
      startPosition: { row: 1, column: 5 },
      oldEndPosition: { row: 1, column: 5 },
      newEndPosition: { row: 1, column: 6 },
    });
  });

  it('never splits a surrogate pair', () => {
    // 😀 (D83D DE00) and 😁 (D83D DE01) share their high surrogate.
    const edit = textEdit('x = "😀"\n'.repeat(3), 'x = "😁"\n'.repeat(1) + 'x = "😀"\n'.repeat(2));
    expect(edit?.startIndex).toBe(5);
    expect(edit?.newEndIndex).toBe(7);
  });

  it('gives up when less than half of the text is unchanged (unrelated files under one path: a fresh parse)', () => {
    expect(textEdit('import os\n', 'def f():\n    return 1\n')).toBeUndefined();
  });
});

describe('analysing a file again after an edit', () => {
  const edits: [string, (text: string) => string][] = [
    ['a comment appended', (t) => `${t}# edit\n`],
    ['a keyword argument added', (t) => t.replace('duration=20', 'duration=20, size="large"')],
    ['a line repeated', (t) => t.replace(/^(import .*\n)/m, '$1$1')],
    ['a function renamed', (t) => t.replace(/def (\w+)/, 'def renamed_$1')],
    ['a string with an emoji', (t) => `${t}label = "🤗 ok"\n`],
    ['CRLF line endings from here on', (t) => t.slice(0, 200) + t.slice(200).replace(/\n/g, '\r\n')],
  ];
  for (const [name, edit] of edits) {
    it(`${name}: the same facts as a fresh parse`, () => {
      analyzePython('app.py', APP);
      const edited = edit(APP);
      expect(edited).not.toBe(APP);
      expect(analyzePython('app.py', edited)).toEqual(freshFacts(edited));
    });
  }

  it('an edit that breaks the syntax, then the fix: each step as a fresh parse reports it', () => {
    analyzePython('app.py', APP);
    const broken = APP.replace('def ', 'def (');
    const facts = analyzePython('app.py', broken);
    expect(facts.syntaxErrorCount).toBeGreaterThan(0);
    expect(facts).toEqual(freshFacts(broken));
    expect(analyzePython('app.py', APP)).toEqual(freshFacts(APP));
  });

  it('a series of keystrokes, each analysed, ends with the facts of the final text', () => {
    let text = APP;
    analyzePython('app.py', text);
    const typed = '\nresult = demo.queue(max_size=8)\n';
    for (const ch of typed) {
      text += ch;
      analyzePython('app.py', text);
    }
    expect(analyzePython('app.py', text)).toEqual(freshFacts(text));
  });
});

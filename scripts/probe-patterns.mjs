#!/usr/bin/env node
/**
 * Times every regular expression literal in the workspaces' sources on pumped strings and lists the ones
 * whose time grows faster than their input (quadratic or exponential backtracking). A developer tool,
 * not a test: it measures time, so it belongs on a quiet machine, not in `npm test`.
 *
 *   npm run probe:patterns            # exit 1 when a pattern not listed in BOUNDED grows too fast
 *
 * For each pattern: prefix + one piece repeated + suffix, at 1,000 and 4,000 characters. A pattern that
 * takes over 20 ms at 4,000 and grows more than 6 times is reported with the input that shows it. Sticky
 * patterns (`y`) are tried at offset 0, as their callers run them. Each finding is either fixed (rewrite
 * the pattern so that every character is consumed one way, or scan by hand, as `trimEndWhere` does) or
 * listed in BOUNDED with the reason its input cannot grow. Found this way: see packages/core/test/long-runs.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ts = createRequire(import.meta.url)('typescript');

/** Patterns whose input is bounded before they run, with the bound: by file, or by `file pattern`. */
const BOUNDED = {
  'packages/core/src/scaffold/inputs.ts': 'the inputs description: at most 500 characters (MCP schema), typed by the person at `spacelint init`',
  'packages/core/src/docker/python-environment.ts /[<>=~!].*$/': 'one shell word (split on blanks): it holds no line break, so `.*$` always reaches the end',
  'packages/hub/src/testing/build-simulator.ts': 'the fake Hub build of the tests, on the tests’ own small Dockerfiles',
};

const PIECES = [
  ' ',
  '\t',
  '#',
  'a',
  'A',
  '1',
  '0',
  '(',
  ')',
  '[',
  '{',
  '}',
  ',',
  '.',
  '-',
  '_',
  '\n',
  '\r\n',
  '\\',
  '"',
  "'",
  '=',
  '/',
  ':',
  '*',
  '!',
  '<',
  '+',
  '%',
  '@',
  '$',
  '~',
  'é',
  '😀',
  'net',
  'ab',
  'a.',
  '# ',
  '\\\n',
  '==1!',
  'a=',
  '-a ',
  '--',
  '\u00a0',
];
const PREFIXES = ['', 'x', '(', 'return ', 'import ', 'RUN ', 'a=', '#', 'pip install ', 'FROM ', '--', 'http://', 'hf_', 'sk-', '"', "'", ' ', 'torch.cuda.'];
const SUFFIXES = ['', '!', '\n', 'x', '"', '\u0000', ' x'];

const files = execFileSync('git', ['ls-files', 'packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.test.ts'));

const patterns = [];
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(`${repo}/${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const slash = literal.lastIndexOf('/');
      const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      try {
        // `g` dropped: every try starts at 0. `y` kept: a sticky pattern only ever runs at its offset.
        patterns.push({ where, re: new RegExp(literal.slice(1, slash), literal.slice(slash + 1).replace('g', '')) });
      } catch {
        // a flag this Node does not know: skipped
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const millis = (re, text) => {
  re.lastIndex = 0;
  const start = process.hrtime.bigint();
  re.test(text);
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const findings = [];
for (const { where, re } of patterns) {
  search: for (const prefix of PREFIXES) {
    for (const piece of PIECES) {
      for (const suffix of SUFFIXES) {
        const small = millis(re, prefix + piece.repeat(Math.ceil(1000 / piece.length)) + suffix);
        if (small < 0.5) continue;
        const large = millis(re, prefix + piece.repeat(Math.ceil(4000 / piece.length)) + suffix);
        if (large > 20 && large / Math.max(small, 0.05) > 6) {
          findings.push({ where, re: String(re), input: JSON.stringify(`${prefix}${piece}…${suffix}`), small, large });
          break search;
        }
      }
    }
  }
}

const bound = ({ where, re }) => {
  const file = where.replace(/:\d+$/, '');
  return BOUNDED[file] ?? BOUNDED[`${file} ${re}`];
};
console.log(`${patterns.length} patterns in ${files.length} files`);
let unexplained = 0;
for (const f of findings) {
  const reason = bound(f);
  if (!reason) unexplained++;
  console.log(
    `${reason ? 'bounded' : 'GROWS  '} ${f.where} ${f.re.slice(0, 100)}\n        ${f.input}: ${f.small.toFixed(1)} ms at 1,000, ${f.large.toFixed(1)} ms at 4,000${reason ? ` (${reason})` : ''}`,
  );
}
process.exitCode = unexplained ? 1 : 0;

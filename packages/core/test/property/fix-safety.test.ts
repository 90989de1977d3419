/**
 * `--fix` must never make a Space worse. Over random and mutated Spaces (and every rule's documented
 * cases, so new fixable rules are covered as they land):
 * - fixing is idempotent: fixing the fixed output changes nothing;
 * - the findings fixSnapshot returns are those of a fresh lint of its output;
 * - a fixed file never has more parse problems than before (Python: syntax errors counted; CPython compiles
 *   the fixed calls);
 * - a README fix leaves every front-matter value it did not touch as it was;
 * - a file with CRLF line breaks keeps them in every inserted line;
 * - only files with text change, their BOM is kept, and every fix range lies inside its file.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { fixSnapshot, lintSnapshot, type FixResult } from '../../src/engine.js';
import { initParsers } from '../../src/parse/python.js';
import { snapshotFromEntries, type Snapshot } from '../../src/space/files.js';
import { README, Space } from '../../src/space/space.js';
import { diagnosticViolations, fingerprint, parseProblemCount } from './invariants.js';
import { fuzzParameters, fuzzTimeout } from './runs.js';
import { exampleSpaces, mutatedSpace, pythonCallSpace, randomSpace, ruleExampleSpaces, trickySpaces, type SpaceEntries } from './spaces.js';

beforeAll(async () => {
  await initParsers();
});

/** The snapshot with fixSnapshot's changes applied (what `spacelint --fix` writes). */
function applyChanges(snapshot: Snapshot, result: FixResult): Snapshot {
  const files = new Map(snapshot.files);
  for (const [path, change] of result.changes) files.set(path, { ...files.get(path)!, text: change.text, bom: change.bom });
  return { ...snapshot, files };
}

/** Fixes the Space, or undefined when its .spacelint.yaml is broken (a usage error, tested elsewhere). */
function fix(snapshot: Snapshot): FixResult | undefined {
  try {
    return fixSnapshot(snapshot);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

function frontMatterValues(text: string): Map<string, string> | undefined {
  const r = new Space({ root: '', files: new Map([[README, { path: README, size: 0, text }]]) }).readme;
  if (!r?.found || !r.frontMatter.data) return undefined;
  return new Map(r.frontMatter.entries.map((e) => [e.key, JSON.stringify(e.value)]));
}

/** The keys a README fix may change: those whose `key: value` lines overlap a fix offered on README.md. */
function touchedKeys(text: string, diagnostics: Diagnostic[]): Set<string> {
  const r = new Space({ root: '', files: new Map([[README, { path: README, size: 0, text }]]) }).readme;
  const fixes = diagnostics.filter((d) => d.file === README && d.fix).map((d) => d.fix!.range);
  const touched = new Set<string>();
  if (!r?.found) return touched;
  for (const e of r.frontMatter.entries) {
    // A fix that ends where a pair starts (an insertion before it) or starts at its end touches it too.
    if (fixes.some(([s, end]) => s <= e.pair.range[1] + 1 && end >= e.pair.range[0] - 1)) touched.add(e.key);
  }
  return touched;
}

function checkFixSafety(entries: SpaceEntries): string[] {
  const problems: string[] = [];
  const before = snapshotFromEntries(entries);
  const first = fix(before);
  if (!first) return problems;
  const after = applyChanges(before, first);
  const beforeSpace = new Space(before);
  const afterSpace = new Space(after);

  for (const [path, change] of first.changes) {
    const original = before.files.get(path);
    if (original?.text === undefined) {
      problems.push(`${path}: changed, but it had no text`);
      continue;
    }
    if (change.before !== original.text) problems.push(`${path}: change.before is not the original text`);
    if (change.bom !== (original.bom ?? false)) problems.push(`${path}: BOM ${original.bom ? 'dropped' : 'added'}`);
    // packages.txt is the exception: its lines go to xargs, which keeps a CR in the package name, so
    // deps-packages-txt rewrites the whole file to LF.
    const bareLf = (text: string) => /(^|[^\r])\n/.test(text);
    if (path !== 'packages.txt' && original.text.includes('\n') && !bareLf(original.text) && bareLf(change.text)) problems.push(`${path}: a CRLF file got LF line breaks from a fix`);
    const was = parseProblemCount(beforeSpace, path);
    const now = parseProblemCount(afterSpace, path);
    if (now > was) problems.push(`${path}: ${was} parse problem(s) before the fix, ${now} after`);
  }

  const readmeChange = first.changes.get(README);
  if (readmeChange) {
    const a = frontMatterValues(readmeChange.before);
    const b = frontMatterValues(readmeChange.text);
    if (a) {
      if (!b) problems.push('README.md: the front matter no longer parses after the fix');
      else {
        const touched = touchedKeys(readmeChange.before, lintSnapshot(before).diagnostics);
        for (const [key, value] of a) {
          if (touched.has(key)) continue;
          if (b.get(key) !== value) problems.push(`README.md: \`${key}\` changed from ${value} to ${b.get(key)} though no fix touched it`);
        }
      }
    }
  }

  // Idempotent: the fixed Space has nothing left to fix.
  const second = fix(after);
  if (second && (second.changes.size > 0 || second.fixCount > 0)) {
    problems.push(`fixing twice changed ${[...second.changes.keys()].join(', ')} again (${second.fixCount} more fixes)`);
  }
  // What fixSnapshot reports is what a fresh lint of its output reports.
  const fresh = lintSnapshot(after).diagnostics;
  if (fingerprint(fresh) !== fingerprint(first.diagnostics)) problems.push('the findings returned by fixSnapshot differ from a fresh lint of the fixed Space');
  problems.push(...diagnosticViolations(before, lintSnapshot(before).diagnostics).map((p) => `before: ${p}`));
  return problems;
}

describe('fix safety on unmodified seeds', () => {
  it('every example Space and rule example fixes safely', () => {
    for (const { name, entries } of [...exampleSpaces(), ...ruleExampleSpaces(), ...trickySpaces()]) expect(checkFixSafety(entries), name).toEqual([]);
  });

  it('every example Space and rule example saved with CRLF line breaks fixes safely and stays CRLF', () => {
    const crlf = (entries: SpaceEntries) => Object.fromEntries(Object.entries(entries).map(([path, text]) => [path, typeof text === 'string' ? text.replace(/\r?\n/g, '\r\n') : text]));
    let fixed = 0;
    for (const { name, entries } of [...exampleSpaces(), ...ruleExampleSpaces()]) {
      expect(checkFixSafety(crlf(entries)), name).toEqual([]);
      fixed += fix(snapshotFromEntries(crlf(entries)))?.changes.size ?? 0;
    }
    expect(fixed).toBeGreaterThan(10);
  });

  it('the check sees a real fix (so the properties are not vacuous)', () => {
    const entries = { 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\ncolorfrom: red\n---\n', Dockerfile: 'FROM python:3.12\n' };
    const result = fixSnapshot(snapshotFromEntries(entries));
    expect(result.fixCount).toBe(2);
    expect(result.changes.get(README)?.text).toBe('---\ntitle: x\nsdk: docker\napp_port: 7860\ncolorFrom: red\n---\n');
    expect(checkFixSafety(entries)).toEqual([]);
  });
});

describe('property: fixes are safe and idempotent', () => {
  it(
    'on random Spaces',
    () => {
      fc.assert(
        fc.property(randomSpace, (entries) => {
          expect(checkFixSafety(entries)).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );

  it(
    'on Python calls in every layout (black style, comments, CRLF)',
    () => {
      fc.assert(
        fc.property(pythonCallSpace, (entries) => {
          expect(checkFixSafety(entries)).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );

  // tree-sitter's grammar is more lenient than CPython's (it accepts `f(,)`): CPython itself judges the
  // fixed files. CI has python3 (it installs pre-commit).
  it.skipIf(spawnSync('python3', ['--version']).status !== 0)(
    'on Python calls in every layout: CPython compiles every fixed file',
    () => {
      const fixed: string[] = [];
      fc.assert(
        fc.property(pythonCallSpace, (entries) => {
          const text = fixSnapshot(snapshotFromEntries(entries)).changes.get('app.py')?.text;
          if (text !== undefined) fixed.push(text);
        }),
        fuzzParameters(3),
      );
      expect(fixed.length).toBeGreaterThan(0);
      const compile = 'import json, sys\nfor i, t in enumerate(json.load(sys.stdin)):\n    try: compile(t, "app.py", "exec")\n    except SyntaxError as e: print(json.dumps([t, str(e)]))\n';
      const r = spawnSync('python3', ['-c', compile], { input: JSON.stringify(fixed), encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
    },
    fuzzTimeout(3),
  );

  it(
    'on mutated examples and rule examples',
    () => {
      fc.assert(
        fc.property(mutatedSpace([...exampleSpaces(), ...ruleExampleSpaces(), ...trickySpaces()]), ({ entries }) => {
          expect(checkFixSafety(entries)).toEqual([]);
        }),
        fuzzParameters(1.5),
      );
    },
    fuzzTimeout(1.5),
  );
});

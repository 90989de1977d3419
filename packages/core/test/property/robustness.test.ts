/**
 * The engine on odd input: random text of every file kind, and the example Spaces (plus every rule's
 * documented cases) cut, duplicated, nested, re-encoded and sprinkled with bytes. Whatever comes in, the
 * lint returns findings: it never throws (a broken `.spacelint.yaml` is a ConfigError naming the file),
 * every finding is well-formed and inside its file, a file that does not parse is reported, and each
 * Space is linted within a time bound that grows with its size.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { lintSnapshot, prepareSpace } from '../../src/engine.js';
import { initParsers } from '../../src/parse/python.js';
import { snapshotFromEntries, type Snapshot } from '../../src/space/files.js';
import { diagnosticViolations, fingerprint, unreportedParseProblems } from './invariants.js';
import { fuzzParameters, fuzzTimeout } from './runs.js';
import { exampleSpaces, mutatedSpace, randomSpace, ruleExampleSpaces, spaceSize, trickySpaces, type SpaceEntries } from './spaces.js';

/**
 * Generous on purpose (a shared 2-core machine): a typical Space lints in a few ms, and this allows about
 * 30 µs per character on top of 3 s. What it catches is super-linear work, which takes minutes here.
 */
function timeBoundMs(entries: SpaceEntries): number {
  return 3_000 + spaceSize(entries) * 0.03;
}

interface Checked {
  diagnostics: Diagnostic[];
  elapsed: number;
  configError?: string;
}

/** Lints like every surface does, and returns the violations of the invariants (empty = fine). */
function lintAndCheck(entries: SpaceEntries, options: { twice?: boolean } = {}): { violations: string[]; checked: Checked } {
  const violations: string[] = [];
  let snapshot: Snapshot = snapshotFromEntries(entries);
  let configError: string | undefined;
  const started = performance.now();
  let diagnostics: Diagnostic[];
  try {
    diagnostics = lintSnapshot(snapshot).diagnostics;
  } catch (error) {
    // A config file that cannot be read is a usage error by design; anything else is a crash.
    const configFile = ['.spacelint.yaml', '.spacelint.yml'].find((f) => snapshot.files.get(f)?.text !== undefined);
    if (!(error instanceof ConfigError) || !configFile) throw error;
    configError = error.message;
    if (!error.message.includes(configFile)) violations.push(`ConfigError does not name ${configFile}: ${error.message}`);
    const files = new Map(snapshot.files);
    files.delete('.spacelint.yaml');
    files.delete('.spacelint.yml');
    snapshot = { ...snapshot, files };
    diagnostics = lintSnapshot(snapshot).diagnostics;
  }
  const elapsed = performance.now() - started;
  if (elapsed > timeBoundMs(entries)) violations.push(`lint took ${elapsed.toFixed(0)} ms (bound ${timeBoundMs(entries).toFixed(0)} ms for ${spaceSize(entries)} characters)`);
  const { space } = prepareSpace(snapshot);
  violations.push(...diagnosticViolations({ root: snapshot.root, files: new Map(space.files) }, diagnostics));
  violations.push(...unreportedParseProblems(space, diagnostics));
  if (options.twice) {
    const again = lintSnapshot(snapshot).diagnostics;
    if (fingerprint(again) !== fingerprint(diagnostics)) violations.push('linting the same Space twice gave different findings');
  }
  return { violations, checked: { diagnostics, elapsed, configError } };
}

function expectClean(entries: SpaceEntries, options?: { twice?: boolean }): void {
  const { violations } = lintAndCheck(entries, options);
  expect(violations).toEqual([]);
}

beforeAll(async () => {
  await initParsers();
});

describe('the engine on unmodified seeds', () => {
  it('every example Space and every rule example lints cleanly by the invariants', () => {
    for (const { name, entries } of [...exampleSpaces(), ...ruleExampleSpaces(), ...trickySpaces()]) {
      const { violations } = lintAndCheck(entries, { twice: true });
      expect(violations, name).toEqual([]);
    }
  });

  it('the invariant checker itself catches a malformed finding', () => {
    const snapshot = snapshotFromEntries({ 'README.md': '---\nsdk: gradio\n---\n' });
    const bad: Diagnostic = { ruleId: 'no-such-rule', level: 'warning', file: 'README.md', line: 9, column: 1, endLine: 9, endColumn: 1, message: 'x {{y}}', fix: { range: [0, 999], text: '' } };
    const problems = diagnosticViolations(snapshot, [bad]).join('\n');
    expect(problems).toContain('unknown ruleId');
    expect(problems).toContain('past the last line');
    expect(problems).toContain('unfilled placeholder');
    expect(problems).toContain('not inside the file');
  });
});

describe('property: the engine never throws and reports well-formed findings', () => {
  it(
    'on random text of every file kind',
    () => {
      fc.assert(
        fc.property(randomSpace, (entries) => {
          expectClean(entries, { twice: true });
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );

  it(
    'on mutated example Spaces (deleted/duplicated lines, cuts, bytes, huge lines, nesting, CRLF/BOM, NUL, surrogates)',
    () => {
      fc.assert(
        fc.property(mutatedSpace(exampleSpaces()), ({ entries }) => {
          expectClean(entries);
        }),
        fuzzParameters(1.5),
      );
    },
    fuzzTimeout(1.5),
  );

  it(
    "on mutations of every rule's documented examples and the hand-made tricky Spaces",
    () => {
      fc.assert(
        fc.property(mutatedSpace([...ruleExampleSpaces(), ...trickySpaces()]), ({ entries }) => {
          expectClean(entries);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );

  it(
    'on raw bytes in any file the engine parses',
    () => {
      const paths = ['README.md', 'app.py', 'requirements.txt', 'packages.txt', 'Dockerfile', '.spacelint.yaml', 'src/model.py'];
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.uint8Array({ maxLength: 400 }), (path, bytes) => {
          expectClean({ 'README.md': '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n', 'app.py': 'import gradio as gr\n', [path]: bytes });
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );
});

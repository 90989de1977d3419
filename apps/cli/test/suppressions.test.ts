import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@spacelint/core';
import { applySuppressions, prune, suppress } from '../src/suppressions.js';
import { parseJson, runCli, tempSpace } from './run-cli.js';

const FILE = 'spacelint-suppressions.json';
// Two warnings (unknown key with a fix, invalid color) and an error (missing app file) in README.md.
const README = '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\napp-port: 7860\ncolorFrom: orange\n---\n';
const APP = 'import gradio as gr\n';

function readSuppressions(dir: string): unknown {
  return JSON.parse(readFileSync(join(dir, FILE), 'utf8'));
}

describe('bulk suppressions (spacelint-suppressions.json)', { timeout: 60_000 }, () => {
  it('--suppress-all records counts per file and rule; later runs report nothing until a new finding', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    expect(runCli([dir]).status).toBe(1);
    const s = runCli(['--suppress-all', dir]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toBe('');
    expect(readSuppressions(dir)).toEqual({
      'README.md': { 'config-app-file-missing': { count: 1 }, 'config-invalid-value': { count: 1 }, 'config-unknown-key': { count: 1 } },
    });
    expect(readFileSync(join(dir, FILE), 'utf8')).toMatch(/^\{\n {2}"README\.md": \{\n/); // pretty, stable
    const again = runCli(['-f', 'json', dir]);
    expect(again.status).toBe(0);
    const [readme] = parseJson(again.stdout) as (ReturnType<typeof parseJson>[number] & { suppressedMessages: { ruleId: string; suppressions: unknown }[] })[];
    expect(readme.messages).toEqual([]);
    expect(readme.suppressedMessages.map((m) => m.ruleId).sort()).toEqual(['config-app-file-missing', 'config-invalid-value', 'config-unknown-key']);
    expect(readme.suppressedMessages[0].suppressions).toEqual([{ kind: 'file', justification: '' }]);

    // A new finding of another rule is reported on its own.
    writeFileSync(join(dir, 'broken.py'), 'def f(:\n');
    const fresh = parseJson(runCli(['-f', 'json', dir]).stdout).flatMap((f) => f.messages.map((m) => `${f.filePath.slice(dir.length + 1)} ${m.ruleId}`));
    expect(fresh).toEqual(['broken.py parse-error']);

    // One more finding of a suppressed rule in the same file: all of them show (they cannot be told apart).
    writeFileSync(join(dir, 'README.md'), README.replace('colorFrom: orange\n', 'colorFrom: orange\nbad-key: 1\n'));
    const more = parseJson(runCli(['-f', 'json', dir]).stdout).flatMap((f) => f.messages.map((m) => m.ruleId));
    expect(more.filter((id) => id === 'config-unknown-key')).toHaveLength(2);
    expect(more).not.toContain('config-invalid-value');
  });

  it('a fixed finding fails the run (exit 2) until it is pruned, as in ESLint', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    runCli(['--suppress-all', dir]);
    writeFileSync(join(dir, 'README.md'), README.replace('app-port: 7860\n', ''));
    const stale = runCli([dir]);
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain('There are suppressions left that do not occur anymore');
    expect(stale.stderr).toContain('--prune-suppressions');
    expect(runCli(['--pass-on-unpruned-suppressions', dir]).status).toBe(0);
    const pruned = runCli(['--prune-suppressions', dir]);
    expect(pruned.status, pruned.stderr).toBe(0);
    expect(readSuppressions(dir)).toEqual({ 'README.md': { 'config-app-file-missing': { count: 1 }, 'config-invalid-value': { count: 1 } } });
    expect(runCli([dir]).status).toBe(0);
    // Fixing everything and pruning removes the file.
    writeFileSync(join(dir, 'README.md'), '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\n---\n');
    writeFileSync(join(dir, 'app.py'), 'import gradio as gr\n\ngr.Interface(fn=str, inputs="text", outputs="text").queue(max_size=8).launch()\n');
    expect(runCli(['--prune-suppressions', dir]).status).toBe(0);
    expect(existsSync(join(dir, FILE))).toBe(false);
  });

  it('--suppress-rule records only that rule; --fix --suppress-all fixes first', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    expect(runCli(['--suppress-rule', 'config-app-file-missing', dir]).status).toBe(0);
    expect(readSuppressions(dir)).toEqual({ 'README.md': { 'config-app-file-missing': { count: 1 } } });
    const fixed = tempSpace({ 'README.md': README, 'app.py': APP });
    expect(runCli(['--fix', '--suppress-all', fixed]).status).toBe(0);
    expect(readFileSync(join(fixed, 'README.md'), 'utf8')).toContain('app_port: 7860');
    // The renamed key is now read, and a Gradio Space ignores app_port: that finding is recorded too.
    expect(readSuppressions(fixed)).toEqual({
      'README.md': { 'config-app-file-missing': { count: 1 }, 'config-invalid-value': { count: 1 }, 'config-key-sdk-mismatch': { count: 1 } },
    });
  });

  it('with file paths (pre-commit), only those files are recorded, checked for staleness and pruned', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP, 'broken.py': 'def f(:\n' });
    runCli(['--suppress-all', join(dir, 'README.md')]);
    expect(readSuppressions(dir)).toEqual({
      'README.md': { 'config-app-file-missing': { count: 1 }, 'config-invalid-value': { count: 1 }, 'config-unknown-key': { count: 1 } },
    });
    runCli(['--suppress-all', join(dir, 'broken.py')]);
    writeFileSync(join(dir, 'broken.py'), 'def f():\n    pass\n');
    // README.md alone: broken.py's stale entry is out of scope.
    expect(runCli([join(dir, 'README.md')]).status).toBe(0);
    expect(runCli([join(dir, 'broken.py')]).status).toBe(2);
    expect(runCli(['--prune-suppressions', join(dir, 'README.md')]).status).toBe(0);
    expect(Object.keys(readSuppressions(dir) as object)).toEqual(['README.md', 'broken.py']); // out of scope: kept
    expect(runCli(['--prune-suppressions', join(dir, 'broken.py')]).status).toBe(0);
    expect(Object.keys(readSuppressions(dir) as object)).toEqual(['README.md']);
  });

  it('rejects bad combinations, unknown rules and a broken file clearly', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    for (const args of [
      ['--suppress-all', '--suppress-rule', 'parse-error'],
      ['--suppress-rule', 'no-such-rule'],
      ['--fix-dry-run', '--suppress-all'],
    ]) {
      const r = runCli([...args, dir]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(dir, FILE), '{"README.md": {"config-unknown-key": {"count": "x"}}}');
    const broken = runCli([dir]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${FILE} must map files to rules`);
    writeFileSync(join(dir, FILE), '{oops');
    expect(runCli([dir]).stderr).toContain('is not valid JSON');
  });
});

describe('suppression arithmetic', { timeout: 60_000 }, () => {
  const d = (file: string, ruleId: string, line = 1): Diagnostic => ({ ruleId, level: 'error', file, line, column: 1, endLine: 1, endColumn: 2, message: 'm' });
  const all = () => true;

  it('suppresses while count ≤ recorded, reports all beyond, and counts the unused', () => {
    const s = { 'a.py': { r1: { count: 2 } }, 'b.py': { r2: { count: 1 } } };
    const within = applySuppressions([d('a.py', 'r1'), d('a.py', 'r1', 2)], s, all);
    expect(within.kept).toEqual([]);
    expect(within.suppressed).toHaveLength(2);
    expect(within.unused).toEqual({ 'b.py': { r2: { count: 1 } } });
    const beyond = applySuppressions([d('a.py', 'r1'), d('a.py', 'r1', 2), d('a.py', 'r1', 3)], s, all);
    expect(beyond.kept).toHaveLength(3);
    expect(beyond.unused['a.py']).toBeUndefined();
    const fewer = applySuppressions([d('a.py', 'r1')], s, (f) => f === 'a.py');
    expect(fewer.unused).toEqual({ 'a.py': { r1: { count: 1 } } });
  });

  it('suppress replaces counts of files in scope and keeps the rest; prune lowers and drops', () => {
    const s = { 'a.py': { r1: { count: 5 } }, 'gone.py': { r1: { count: 1 } } };
    expect(suppress(s, [d('a.py', 'r1'), d('c.py', 'r3')], (f) => f !== 'c.py')).toEqual({ 'a.py': { r1: { count: 1 } }, 'gone.py': { r1: { count: 1 } } });
    expect(prune(s, [d('a.py', 'r1'), d('a.py', 'r1')], all, (f) => f !== 'gone.py')).toEqual({ 'a.py': { r1: { count: 2 } } });
    expect(s['a.py'].r1.count).toBe(5); // inputs are not mutated
  });
});

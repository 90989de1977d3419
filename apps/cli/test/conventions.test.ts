/**
 * The command-line conventions ESLint and Ruff users bring: --stdin with --stdin-filename (an editor
 * buffer linted as a file within its Space on disk), --print-config, --statistics, --select / --ignore.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, parseJson, runCli, tempSpace } from './run-cli.js';

const README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# Demo\n';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n';
const SHARED_APP = APP.replace('demo.launch()', 'demo.launch(share=True)');
const BAD = join(EXAMPLES, 'bad-gradio-zerogpu');

describe('--stdin --stdin-filename', () => {
  it('lints the buffer, not the file on disk, within the Space on disk', () => {
    const space = tempSpace({ 'README.md': README, 'app.py': APP });
    const r = runCli(['--stdin', '--stdin-filename', join(space, 'app.py'), '-f', 'json'], { input: SHARED_APP });
    expect(r.status, r.stderr).toBe(0);
    const results = parseJson(r.stdout);
    expect(results.map((f) => f.filePath)).toEqual([join(space, 'app.py')]);
    expect(results[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:13 gradio-share-true']);
    // The same buffer on disk gives the same finding; the clean disk file gives none.
    expect(parseJson(runCli(['-f', 'json', join(space, 'app.py')]).stdout)).toEqual([]);
  });

  it('uses the other files of the Space from disk (a finding that needs the README)', () => {
    const space = tempSpace({ 'README.md': README.replace('sdk_version: "5.49.1"\n', 'sdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n'), 'app.py': APP });
    const r = runCli(['--stdin', '--stdin-filename', join(space, 'app.py'), '-f', 'json'], {
      input: 'import spaces\nimport torch\n' + APP.replace('lambda x: x', 'run') + '\n@spaces.GPU(duration=30)\ndef run(x):\n    return torch.compile(x)\n',
    });
    expect(parseJson(r.stdout).flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('zerogpu-torch-compile');
  });

  it('--fix-dry-run prints the fixed buffer on stdout and what is left on stderr, writing nothing', () => {
    const space = tempSpace({ 'README.md': README, 'app.py': APP });
    const r = runCli(['--stdin', '--stdin-filename', join(space, 'app.py'), '--fix-dry-run'], { input: SHARED_APP });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(APP);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(space, 'app.py'), 'utf8')).toBe(APP);
    // Nothing to fix: the buffer comes back byte for byte, and remaining findings go to stderr.
    const unfixable = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(concurrency_count=2).launch()\n';
    const left = runCli(['--stdin', '--stdin-filename', join(space, 'app.py'), '--fix-dry-run'], { input: unfixable });
    expect(left.stdout).toBe(unfixable);
    expect(left.stderr).toContain('gradio-removed-queue-params');
    expect(left.status).toBe(1);
  });

  it('--fix-dry-run with --format json gives ESLint\'s "output"', () => {
    const space = tempSpace({ 'README.md': README, 'app.py': APP });
    const r = runCli(['--stdin', '--stdin-filename', join(space, 'app.py'), '--fix-dry-run', '-f', 'json'], { input: SHARED_APP });
    expect(parseJson(r.stdout)[0].output).toBe(APP);
  });

  it('a README.md buffer with `sdk` makes its folder a Space even before the file exists', () => {
    const dir = tempSpace({ 'app.py': APP });
    const r = runCli(['--stdin', '--stdin-filename', join(dir, 'README.md'), '-f', 'json'], { input: README.replace('sdk: gradio', 'sdk: gradio\ncolorFrom: purplish') });
    expect(r.status, r.stderr).toBe(0); // a warning
    expect(parseJson(r.stdout)[0].messages.map((m) => m.ruleId)).toEqual(['config-invalid-value']);
  });

  it('refuses what it cannot do with one line and exit 2', () => {
    const space = tempSpace({ 'README.md': README, 'app.py': APP });
    const outside = tempSpace({ 'notes.txt': 'x' });
    mkdirSync(join(outside, 'sub'));
    const cases: [string[], RegExp][] = [
      [['--stdin'], /--stdin needs --stdin-filename/],
      [['--stdin-filename', 'app.py'], /--stdin-filename needs --stdin/],
      [['--stdin', '--stdin-filename', join(space, 'app.py'), '--fix'], /with --stdin use --fix-dry-run/],
      [['--stdin', '--stdin-filename', join(space, 'app.py'), space], /give no paths/],
      [['--stdin', '--stdin-filename', join(outside, 'sub/app.py')], /is not inside a Space/],
      [['--stdin', '--stdin-filename', join(space, 'missing/app.py')], /no such folder/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { input: APP });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('--print-config', () => {
  it('prints the Space, the config files, ignore, and every rule with its resolved setting', () => {
    const space = tempSpace({
      'README.md': README,
      'app.py': APP,
      'notebooks/try.py': 'x = 1\n',
      '.spacelint.yaml': 'rules:\n  gradio-share-true: off\n  config-unknown-key: [error]\nignore:\n  - notebooks/**\n',
    });
    const r = runCli(['--print-config', join(space, 'notebooks/try.py'), '--rule', 'zerogpu-torch-compile=warning']);
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as { spaceRoot: string; configFiles: string[]; ignored: boolean; ignore: string[]; rules: Record<string, unknown> };
    expect(printed).toMatchObject({ spaceRoot: space, configFiles: ['.spacelint.yaml'], ignored: true, ignore: ['notebooks/**'] });
    expect(printed.rules['gradio-share-true']).toBe('off');
    expect(printed.rules['config-unknown-key']).toEqual(['error']);
    expect(printed.rules['zerogpu-torch-compile']).toBe('warning');
    expect(printed.rules['zerogpu-missing-duration']).toEqual(['info']);
    const app = JSON.parse(runCli(['--print-config', join(space, 'app.py')]).stdout) as { ignored: boolean; rules: Record<string, unknown> };
    expect(app.ignored).toBe(false);
    expect(app.rules['zerogpu-torch-compile']).toEqual(['error']);
  });

  it('applies --select / --ignore, and fails with one line outside a Space', () => {
    const printed = JSON.parse(runCli(['--print-config', join(BAD, 'app.py'), '--select', 'zerogpu']).stdout) as { rules: Record<string, unknown> };
    expect(printed.rules['zerogpu-torch-compile']).toEqual(['error']);
    expect(printed.rules['config-unknown-key']).toBe('off');
    const outside = tempSpace({ 'notes.txt': 'x' });
    const r = runCli(['--print-config', join(outside, 'notes.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not inside a Space/);
  });
});

describe('--statistics', () => {
  it('counts findings per rule, most frequent first, the same counts as the findings', () => {
    const findings = parseJson(runCli(['-f', 'json', BAD]).stdout).flatMap((f) => f.messages);
    const expected = new Map<string, number>();
    for (const m of findings) expected.set(m.ruleId, (expected.get(m.ruleId) ?? 0) + 1);
    const r = runCli(['--statistics', '-f', 'json', BAD]);
    expect(r.status).toBe(1);
    const stats = JSON.parse(r.stdout) as { ruleId: string; count: number; fixable: number }[];
    expect(new Map(stats.map((s) => [s.ruleId, s.count]))).toEqual(expected);
    expect(stats.map((s) => s.count)).toEqual([...stats.map((s) => s.count)].sort((a, b) => b - a));
    expect(stats.find((s) => s.ruleId === 'gradio-share-true')?.fixable).toBe(1);

    const table = runCli(['--statistics', BAD]);
    expect(table.stdout).toMatch(/^1 {2}zerogpu-torch-compile +\[ \] {2}error +`torch\.compile`/m);
    expect(table.stdout.trim().split('\n').at(-1)).toBe(`Found ${findings.length} findings in ${expected.size} rules ([*] ${findings.filter((m) => m.fix).length} fixable with --fix).`);
  });

  it('prints nothing on a clean Space; other formats are a usage error', () => {
    expect(runCli(['--statistics', join(EXAMPLES, 'gradio-zerogpu')])).toMatchObject({ status: 0, stdout: '' });
    const r = runCli(['--statistics', '-f', 'sarif', BAD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--statistics prints stylish/);
  });
});

describe('--select / --ignore', () => {
  const rulesOf = (args: string[]) => [...new Set(parseJson(runCli(['-f', 'json', ...args, BAD]).stdout).flatMap((f) => f.messages.map((m) => m.ruleId)))].sort();

  it('select runs only the named rules, categories or globs; ignore turns rules off and wins', () => {
    const all = rulesOf([]);
    expect(rulesOf(['--select', 'zerogpu-torch-compile'])).toEqual(['zerogpu-torch-compile']);
    expect(rulesOf(['--select', 'zerogpu'])).toEqual(all.filter((id) => id.startsWith('zerogpu-')));
    expect(rulesOf(['--select', 'config-*,gradio-share-true'])).toEqual(all.filter((id) => id.startsWith('config-') || id === 'gradio-share-true'));
    expect(rulesOf(['--select', 'zerogpu', '--select', 'docker'])).toEqual(all.filter((id) => id.startsWith('zerogpu-') || id.startsWith('docker-')));
    expect(rulesOf(['--ignore', 'zerogpu,config-unknown-key'])).toEqual(all.filter((id) => !id.startsWith('zerogpu-') && id !== 'config-unknown-key'));
    expect(rulesOf(['--select', 'zerogpu', '--ignore', 'zerogpu-torch-compile'])).toEqual(all.filter((id) => id.startsWith('zerogpu-') && id !== 'zerogpu-torch-compile'));
  });

  it('--rule still sets a level over a selection; the exit code follows what is left', () => {
    const r = runCli(['-f', 'json', '--select', 'gradio-share-true', BAD]);
    expect(r.status).toBe(0); // a warning only
    const raised = runCli(['-f', 'json', '--select', 'gradio-share-true', '--rule', 'gradio-share-true=error', BAD]);
    expect(raised.status).toBe(1);
    expect(parseJson(raised.stdout).flatMap((f) => f.messages.map((m) => m.level))).toEqual(['error']);
  });

  it('a pattern that matches no rule is a usage error', () => {
    const r = runCli(['--select', 'zerogpu-torch-compil', BAD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('spacelint: --select `zerogpu-torch-compil` matches no rule id or category (see `spacelint rules`)\n');
  });
});

describe('help', () => {
  it('documents the new options', () => {
    const help = runCli(['--help']).stdout;
    for (const flag of ['--stdin', '--stdin-filename', '--print-config', '--statistics', '--select', '--ignore']) expect(help).toContain(flag);
  });
});

describe('--output-file', () => {
  it('creates missing folders, as ESLint does', () => {
    const dir = tempSpace({ 'README.md': README, 'app.py': APP });
    const r = runCli(['-f', 'sarif', '-o', join(dir, 'reports/ci/spacelint.sarif'), dir]);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(join(dir, 'reports/ci/spacelint.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
  });
});

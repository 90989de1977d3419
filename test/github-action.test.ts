/**
 * action.yml run the way the runner runs a composite action: each step's `run` written to a file and
 * executed with `bash --noprofile --norc -e -o pipefail`, its `env` and `${{ }}` expressions evaluated
 * (inputs with their defaults, github.action_path, runner.temp, steps.<id>.outputs), a fresh
 * GITHUB_OUTPUT file per step, one GITHUB_STEP_SUMMARY file, and the action's outputs read back from
 * `outputs.*.value`. The steps run the built CLI of this checkout (or a packed tarball, `version`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getStaticYAMLValue, parseYAML } from 'yaml-eslint-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; name: string; shell: string; env?: Record<string, string>; run: string }[] };
}

interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

const action = getStaticYAMLValue(parseYAML(readFileSync(join(REPO, 'action.yml'), 'utf8'))) as unknown as ActionDefinition;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'spacelint-action-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Reads `name=value` and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
function readCommandFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

function runAction(workspace: string, given: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  expect(action.runs.using).toBe('composite');
  for (const name of Object.keys(given)) expect(action.inputs, `input ${name}`).toHaveProperty(name);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']));
  const runnerTemp = mkdtempSync(join(work, 'runner-temp-'));
  const summaryFile = join(runnerTemp, 'step-summary.md');
  const steps: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return inputs[m[1]];
      if (expr === 'github.action_path') return REPO;
      if (expr === 'runner.temp') return runnerTemp;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return steps[m[1]]?.[m[2]] ?? '';
      throw new Error(`the test runner does not evaluate \${{ ${expr} }}`);
    });
  let stdout = '';
  let stderr = '';
  let status = 0;
  action.runs.steps.forEach((step, index) => {
    if (status !== 0) return;
    expect(step.shell).toBe('bash');
    const script = join(runnerTemp, `step-${index}.sh`);
    writeFileSync(script, evaluate(step.run));
    const outputFile = join(runnerTemp, `output-${index}`);
    writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', script], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: REPO,
        RUNNER_TEMP: runnerTemp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...env,
        ...stepEnv,
      },
    });
    stdout += r.stdout;
    stderr += r.stderr;
    status = r.status ?? -1;
    if (step.id) steps[step.id] = readCommandFile(outputFile);
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, o]) => [name, evaluate(o.value)]));
  return { status, stdout, stderr, outputs, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '' };
}

function workspaceWith(...examples: string[]): string {
  const ws = mkdtempSync(join(work, 'workspace-'));
  for (const name of examples) cpSync(join(REPO, 'examples', name), join(ws, name), { recursive: true });
  return ws;
}

function cliCounts(ws: string, path: string) {
  const r = spawnSync(process.execPath, [join(REPO, 'apps/cli/dist/spacelint.mjs'), '-f', 'json', path], { cwd: ws, encoding: 'utf8' });
  const results = JSON.parse(r.stdout) as { messages: { level: string }[] }[];
  const levels = results.flatMap((f) => f.messages.map((m) => m.level));
  return { errors: levels.filter((l) => l === 'error').length, warnings: levels.filter((l) => l === 'warning').length, infos: levels.filter((l) => l === 'info').length };
}

describe('action.yml', () => {
  it('declares the inputs and outputs the docs promise', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'format', 'path', 'sarif-file', 'version']);
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'infos', 'sarif-file', 'warnings']);
    expect(action.inputs.format.default).toBe('github');
    expect(action.inputs['fail-on'].default).toBe('error');
  });

  it('defaults: annotations in the log, counts as outputs, a summary table, failing on errors', () => {
    const ws = workspaceWith('bad-gradio-zerogpu');
    const run = runAction(ws, { path: 'bad-gradio-zerogpu' });
    expect(run.status, run.stderr).toBe(1);
    const counts = cliCounts(ws, 'bad-gradio-zerogpu');
    expect(counts.errors).toBeGreaterThan(0);
    expect(run.outputs).toEqual({ errors: String(counts.errors), warnings: String(counts.warnings), infos: String(counts.infos), 'sarif-file': '' });
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(counts.errors + counts.warnings + counts.infos);
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=bad-gradio-zerogpu\/app\.py,line=9,col=19,endLine=9,endColumn=32,title=zerogpu-torch-compile::/));
    expect(run.summary).toContain(`**${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos** in bad-gradio-zerogpu`);
    expect(run.summary).toContain('| rule | errors | warnings | infos |');
    expect(run.summary).toMatch(/^\| \[`zerogpu-torch-compile`\]\(https:\/\/[^)]+zerogpu-torch-compile[^)]*\) \| 1 \| {2}\| {2}\|$/m);
  });

  it('several Spaces, SARIF for code scanning, fail-on never', () => {
    const ws = workspaceWith('bad-gradio-zerogpu', 'gradio-zerogpu', 'bad-docker-streamlit');
    const run = runAction(ws, { path: 'bad-gradio-zerogpu\ngradio-zerogpu\nbad-docker-streamlit', 'sarif-file': 'out/spacelint.sarif', 'fail-on': 'never', format: 'none' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.outputs['sarif-file']).toBe(join(ws, 'out/spacelint.sarif'));
    const sarif = JSON.parse(readFileSync(join(ws, 'out/spacelint.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const total = ['bad-gradio-zerogpu', 'gradio-zerogpu', 'bad-docker-streamlit'].map((p) => cliCounts(ws, p)).reduce((n, c) => n + c.errors + c.warnings + c.infos, 0);
    expect(sarif.runs[0].results).toHaveLength(total);
    expect(run.summary).toContain('| Space | errors | warnings | infos |');
    expect(run.summary).toContain('| `gradio-zerogpu` | 0 | 0 | 0 |');
    expect(run.summary).toContain('SARIF report: `out/spacelint.sarif`');
  });

  it('fail-on warning fails on warnings only; a clean Space passes with an empty table', () => {
    const ws = workspaceWith('gradio-zerogpu');
    mkdirSync(join(ws, 'warn'));
    writeFileSync(join(ws, 'warn/README.md'), '---\ntitle: W\nsdk: gradio\nsdk_version: "5.49.1"\ncolorFrom: orange\n---\n');
    writeFileSync(join(ws, 'warn/app.py'), 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch()\n');
    expect(cliCounts(ws, 'warn')).toEqual({ errors: 0, warnings: 1, infos: 0 });
    expect(runAction(ws, { path: 'warn' }).status).toBe(0);
    const strict = runAction(ws, { path: 'warn', 'fail-on': 'warning', format: 'stylish' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('config-invalid-value');
    const clean = runAction(ws, { path: 'gradio-zerogpu', 'fail-on': 'warning' });
    expect(clean).toMatchObject({ status: 0, stdout: '', outputs: { errors: '0', warnings: '0', infos: '0' } });
    expect(clean.summary).toContain('No findings in gradio-zerogpu.');
  });

  it('a config input wins over the Space file; bad inputs stop the step with one annotation', () => {
    const ws = workspaceWith('bad-gradio-zerogpu');
    writeFileSync(join(ws, 'lenient.yaml'), 'rules:\n  zerogpu-torch-compile: off\n');
    const run = runAction(ws, { path: 'bad-gradio-zerogpu', config: 'lenient.yaml', format: 'none' });
    expect(Number(run.outputs.errors)).toBe(cliCounts(ws, 'bad-gradio-zerogpu').errors - 1);
    for (const [inputs, message] of [
      [{ format: 'xml' }, /format must be one of github, stylish, json, sarif, none/],
      [{ 'fail-on': 'sometimes' }, /fail-on must be one of error, warning, never/],
      [{ config: 'missing.yaml' }, /cannot read config file missing\.yaml/],
      [{ path: 'no-such-space' }, /no such file or directory: no-such-space/],
    ] as const) {
      const bad = runAction(ws, { path: 'bad-gradio-zerogpu', ...inputs });
      expect(bad.status).toBe(2);
      expect(bad.stdout.trim()).toMatch(new RegExp(`^::error title=spacelint::.*${message.source}`));
    }
  });

  it('version: installs that spacelint (here a packed tarball, offline) and runs it', { timeout: 120_000 }, () => {
    const packs = join(work, 'packs');
    const pack = spawnSync(process.execPath, [join(REPO, 'scripts/pack.mjs'), '--no-build', '--json', '--out', packs], { cwd: REPO, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = (JSON.parse(pack.stdout) as { name: string; file: string }[]).find((p) => p.name === 'spacelint')!.file;
    const ws = workspaceWith('bad-gradio-zerogpu');
    const run = runAction(ws, { path: 'bad-gradio-zerogpu', version: tarball }, { npm_config_offline: 'true', npm_config_cache: join(work, 'empty-npm-cache') });
    expect(run.status, run.stderr).toBe(1);
    expect(run.outputs.errors).toBe(String(cliCounts(ws, 'bad-gradio-zerogpu').errors));
  });
});

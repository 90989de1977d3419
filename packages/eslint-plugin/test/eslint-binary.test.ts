/**
 * End to end: the real `eslint` binary, as a process, in a project whose eslint.config.js uses the built
 * plugin, over Space folders written here. The strict config must report what core's lintSnapshot reports
 * (rule, file, line, column, level). The spacelint CLI is built in parallel; this compares with core
 * directly, which is what the CLI prints.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixSnapshot, initParsers, lintSnapshot, type Diagnostic } from '@spacelint/core';
import { DirectorySource, findSpaces } from '@spacelint/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = join(here, '..');
const pluginEntry = join(pluginDir, 'dist/index.js');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin/eslint.js');

const BAD_README = `---
title: Bad demo
emoji: 🔥
colorfrom: red
colorTo: purplish
sdk: gradio
sdk_version: 5.49.1
app_file: main.py
app-port: 7860
suggested_hardware: zero-a10g
---
# Bad demo
`;
const BAD_APP = `import gradio as gr
# spacelint-disable-next-line config-unknown-key
import torch


@spaces.GPU
def predict(prompt):
    model = torch.compile(torch.nn.Linear(4, 4))
    return prompt


demo = gr.Interface(fn=predict, inputs="text", outputs="text")
demo.launch(share=True)
`;
const BAD_SPACE: Record<string, string> = {
  'README.md': BAD_README,
  'app.py': BAD_APP,
  'helpers.py': 'def load(path:\n    return path\n',
  'requirements.txt': 'gradio==4.44.0\ntorch\nspaces  # spacelint-disable-line parse-error\n',
  'packages.txt': 'libgl1-mesa-glx\nffmpeg\n',
};
const CLEAN_SPACE: Record<string, string> = {
  'README.md': `---
title: Clean demo
emoji: 🤗
colorFrom: blue
colorTo: green
sdk: gradio
sdk_version: "5.49.1"
app_file: app.py
pinned: false
---
# Clean demo
`,
  'app.py': `import gradio as gr


def greet(name: str) -> str:
    return f"Hello {name}!"


demo = gr.Interface(fn=greet, inputs="text", outputs="text")
demo.queue(max_size=16).launch()
`,
  'requirements.txt': 'numpy==2.1.3\n',
};

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

let project: string;

function writeSpace(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function eslint(args: string[], cwd = project): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A reduced environment, as a pre-commit hook or CI step would have.
    execFile(process.execPath, [eslintBin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 2) : 0, stdout, stderr });
    });
  });
}

/** A finding as both sides can state it. ESLint reports a file that does not parse as a parsing error. */
const key = (file: string, ruleId: string, line: number, column: number, level: string) => `${file}:${line}:${column} ${ruleId} ${level}`;
const LEVEL_SEVERITY: Record<string, number> = { error: 2, warning: 1, info: 1 };

/** Core's findings, as ESLint (which stops at a parse error in a file) can show them. */
function expectedFromCore(diagnostics: Diagnostic[]): string[] {
  const unparsable = new Set(diagnostics.filter((d) => d.ruleId === 'parse-error').map((d) => d.file));
  return diagnostics
    .filter((d) => !unparsable.has(d.file) || d.ruleId === 'parse-error')
    .map((d) => key(d.file, d.ruleId, d.line, d.column, String(LEVEL_SEVERITY[d.level])))
    .sort();
}

function reportedByEslint(results: JsonResult[], root: string): string[] {
  return results
    .filter((r) => r.filePath.startsWith(root + '/'))
    .flatMap((r) => r.messages.map((m) => key(relative(root, r.filePath), m.fatal ? 'parse-error' : m.ruleId!.replace(/^spacelint\//, ''), m.line, m.column, String(m.severity))))
    .sort();
}

beforeAll(async () => {
  // The binary loads the built plugin, which bundles core: make sure it is there and not older than its
  // sources or than the core it is compared with.
  const built = statSync(pluginEntry, { throwIfNoEntry: false });
  if (!built) throw new Error('packages/eslint-plugin is not built: run `npm run build` first');
  const coreDist = dirname(createRequire(import.meta.url).resolve('@spacelint/core'));
  const sources = [
    ...readdirSync(join(pluginDir, 'src')).map((f) => join(pluginDir, 'src', f)),
    ...readdirSync(coreDist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(coreDist, f)),
  ];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (newest > built.mtimeMs) throw new Error('packages/eslint-plugin/dist is older than its sources or @spacelint/core: run `npm run build`');
  await initParsers();
  project = mkdtempSync(join(tmpdir(), 'spacelint-eslint-e2e-'));
  const url = pathToFileURL(pluginEntry).href;
  writeFileSync(join(project, 'eslint.config.js'), `import spacelint from ${JSON.stringify(url)};\n\nexport default [...spacelint.configs.strict];\n`);
  writeFileSync(join(project, 'recommended.config.js'), `import spacelint from ${JSON.stringify(url)};\n\nexport default [...spacelint.configs.recommended];\n`);
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  writeSpace(join(project, 'bad-gradio'), BAD_SPACE);
  writeSpace(join(project, 'clean-gradio'), CLEAN_SPACE);
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the eslint binary with the plugin', () => {
  it('reports, with --format json, what core reports for the same Spaces (strict config)', async () => {
    const run = await eslint(['--format', 'json', 'bad-gradio', 'clean-gradio']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    for (const name of ['bad-gradio', 'clean-gradio']) {
      const root = join(project, name);
      const core = lintSnapshot(await new DirectorySource(root).snapshot());
      expect(reportedByEslint(results, root)).toEqual(expectedFromCore(core.diagnostics));
    }
    // Every file of the Spaces was linted, by the language for its kind.
    expect(results.map((r) => relative(project, r.filePath)).sort()).toEqual([
      'bad-gradio/README.md',
      'bad-gradio/app.py',
      'bad-gradio/helpers.py',
      'bad-gradio/packages.txt',
      'bad-gradio/requirements.txt',
      'clean-gradio/README.md',
      'clean-gradio/app.py',
      'clean-gradio/requirements.txt',
    ]);
    // The findings this test is about, whatever rules core gains.
    const bad = reportedByEslint(results, join(project, 'bad-gradio'));
    expect(bad).toEqual(
      expect.arrayContaining([
        'README.md:4:1 config-unknown-key 1',
        'README.md:5:10 config-invalid-value 1',
        'README.md:8:11 config-app-file-missing 2',
        'README.md:9:1 config-unknown-key 1',
        'app.py:2:1 unused-directive 1',
        'helpers.py:1:1 parse-error 2',
        'requirements.txt:3:9 unused-directive 1',
      ]),
    );
  });

  it('finds the same Spaces as the CLI in a folder of Spaces: a nested Space and a Docker Space without `sdk`', async () => {
    const nest = join(project, 'nest');
    writeSpace(nest, {
      'outer/README.md': CLEAN_SPACE['README.md'],
      'outer/app.py': CLEAN_SPACE['app.py'],
      'outer/demos/inner/README.md': CLEAN_SPACE['README.md'].replace('app_file: app.py', 'app_file: main.py'),
      'outer/demos/inner/app.py': 'import gradio as gr\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").launch(share=True)\n',
      'docker/README.md': '---\ntitle: Docker\napp_port: 7860\n---\n',
      'docker/Dockerfile': 'FROM python:3.11-slim\nCMD ["python", "-m", "http.server", "7860"]\n',
    });
    const r = await eslint(['--format', 'json', 'nest']);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const spaces = findSpaces(nest).spaces;
    expect(spaces.map((s) => relative(nest, s))).toEqual(['docker', 'outer', 'outer/demos/inner']);
    for (const root of spaces) {
      const { diagnostics } = lintSnapshot(await new DirectorySource(root).snapshot());
      // ESLint is handed only the file kinds the plugin's config names; core's findings on those files.
      const onLinted = diagnostics.filter((d) => results.some((res) => res.filePath === join(root, d.file)));
      expect(reportedByEslint(results, root).filter((k) => !spaces.some((other) => other !== root && other.startsWith(root + '/') && k.startsWith(relative(root, other) + '/')))).toEqual(
        expectedFromCore(onLinted),
      );
    }
    const inner = reportedByEslint(results, join(nest, 'outer/demos/inner'));
    expect(inner.some((k) => k.startsWith('README.md:') && k.includes('config-app-file-missing'))).toBe(true);
    expect(reportedByEslint(results, join(nest, 'docker')).some((k) => k.includes('config-missing-required'))).toBe(true);
  });

  it('prints the stylish format with every finding and the totals', async () => {
    const json = JSON.parse((await eslint(['--format', 'json', 'bad-gradio'])).stdout) as JsonResult[];
    const run = await eslint(['bad-gradio']);
    expect(run.code).toBe(1);
    const out = run.stdout;
    for (const file of ['README.md', 'app.py', 'helpers.py', 'requirements.txt']) expect(out).toContain(join(project, 'bad-gradio', file));
    expect(out).toMatch(/^\s+8:11\s+error\s+The app file `main\.py` does not exist \(found `app\.py`\).*spacelint\/config-app-file-missing$/m);
    expect(out).toMatch(/^\s+1:1\s+error\s+Parsing error: Python syntax error/m);
    const errors = json.reduce((n, r) => n + r.errorCount, 0);
    const warnings = json.reduce((n, r) => n + r.warningCount, 0);
    expect(out).toContain(`✖ ${errors + warnings} problems (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  });

  it('passes a clean Space with the recommended config', async () => {
    const run = await eslint(['--config', 'recommended.config.js', '--format', 'json', 'clean-gradio']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.reduce((n, r) => n + r.errorCount, 0)).toBe(0);
  });

  it('applies the same safe fixes as core with --fix, in place', async () => {
    const dir = join(project, 'bad-fix');
    cpSync(join(project, 'bad-gradio'), dir, { recursive: true });
    const expected = fixSnapshot(await new DirectorySource(dir).snapshot());
    const run = await eslint(['--fix', '--format', 'json', 'bad-fix']);
    expect(run.stderr).toBe('');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('\ncolorFrom: red\n');
    expect(readme).toContain('\napp_port: 7860\n');
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).not.toContain('spacelint-disable');
    expect(readFileSync(join(dir, 'requirements.txt'), 'utf8')).not.toContain('spacelint-disable');
    for (const [file, change] of expected.changes) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(change.text);
    // Nothing fixable is left.
    const after = JSON.parse(run.stdout) as (JsonResult & { output?: string })[];
    expect(after.flatMap((r) => r.messages.filter((m) => (m as { fix?: unknown }).fix))).toEqual([]);
  });

  it('lints text from stdin as the file it names (an editor buffer)', async () => {
    const unsaved = BAD_README.replace('app_file: main.py', 'app_file: app.py');
    const child = execFile(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', join(project, 'bad-gradio', 'README.md')], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stdin!.end(unsaved);
    await new Promise((r) => child.on('close', r));
    const [result] = JSON.parse(stdout) as JsonResult[];
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules).toContain('spacelint/config-unknown-key');
    expect(rules).not.toContain('spacelint/config-app-file-missing');
  });
});

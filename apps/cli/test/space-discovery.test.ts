import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli, tempSpace } from './run-cli.js';

const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n';

/**
 * `spaces/` holds a Gradio Space (with a finding of its own), a Docker Space whose README has no `sdk` (found
 * by its Dockerfile), a static Space, a folder that is no Space, and junk the file set leaves out.
 */
function spacesFolder(): string {
  return tempSpace({
    'spaces/README.md': '# Our Spaces\n\nNo front matter: this folder is not a Space.\n',
    'spaces/gradio/README.md': '---\ntitle: Gradio\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n',
    'spaces/gradio/app.py': GRADIO_APP,
    'spaces/gradio/.spacelint.yaml': 'rules:\n  gradio-unbounded-queue: off\n',
    'spaces/docker/README.md': '---\ntitle: Docker\napp_port: 7860\n---\n',
    'spaces/docker/Dockerfile': 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "http.server", "7860"]\n',
    'spaces/static/README.md': '---\ntitle: Static\nsdk: static\n---\n',
    'spaces/static/index.html': '<!doctype html><title>hi</title>\n',
    'spaces/notes/todo.py': 'def broken(:\n',
    'spaces/notes/model-card/README.md': '---\nlicense: mit\ntags: [demo]\n---\n# A model card, not a Space\n',
    'spaces/node_modules/pkg/README.md': '---\nsdk: gradio\n---\n',
    'spaces/.venv/lib/README.md': '---\nsdk: gradio\n---\n',
    'spaces/ignored/README.md': '---\nsdk: gradio\napp_file: missing.py\n---\n',
    'spaces/.gitignore': 'ignored/\n',
  });
}

describe('a folder holding several Spaces', { timeout: 60_000 }, () => {
  it('lints every Space in it with its own root and config, and nothing else', () => {
    const dir = spacesFolder();
    const r = runCli(['-f', 'json', 'spaces'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const results = parseJson(r.stdout).map((f) => ({ file: f.filePath.slice(dir.length + 1), rules: f.messages.map((m) => m.ruleId) }));
    // The Gradio Space's README names main.py, which it lacks: reported on its own README (not "no README").
    // Its .spacelint.yaml turned the queue rule off; the Docker Space is told it has no `sdk`.
    expect(results.map((x) => x.file)).toEqual(['spaces/docker/README.md', 'spaces/gradio/README.md']);
    expect(results[1].rules).toContain('config-app-file-missing');
    expect(results[0].rules).toEqual(['config-missing-required']);
    expect(r.stdout).not.toContain('has no README.md');
    expect(r.stdout).not.toContain('gradio-unbounded-queue');
    for (const left of ['notes', 'node_modules', '.venv', 'ignored', 'model-card']) expect(r.stdout).not.toContain(`/${left}/`);
  });

  it('names each Space in the stylish summary; the same folder given twice is linted once', () => {
    const dir = spacesFolder();
    const r = runCli(['spaces', 'spaces/gradio'], { cwd: dir });
    expect(r.status).toBe(1);
    const summary = r.stdout.slice(r.stdout.indexOf('3 Spaces:')).split('\n').slice(0, 4);
    expect(summary[0]).toBe('3 Spaces:');
    expect(summary.slice(1).map((line) => line.trim().split(/\s+/)[1])).toEqual(['spaces/docker', 'spaces/gradio', 'spaces/static']);
  });

  it('a clean set of Spaces exits 0', () => {
    const dir = spacesFolder();
    expect(runCli(['spaces'], { cwd: dir }).status).toBe(1);
    writeFileSync(join(dir, 'spaces/gradio/README.md'), '---\ntitle: Gradio\nsdk: gradio\nsdk_version: "5.49.1"\n---\n');
    writeFileSync(join(dir, 'spaces/docker/README.md'), '---\ntitle: Docker\nsdk: docker\napp_port: 7860\n---\n');
    const fixed = runCli(['-f', 'json', 'spaces'], { cwd: dir });
    expect(fixed.stderr).toBe('');
    // warningCount counts info findings too (severity 1, as ESLint consumers read it); infoCount says how many.
    expect(parseJson(fixed.stdout).filter((f) => f.errorCount + f.warningCount - f.infoCount > 0)).toEqual([]);
    expect(fixed.status).toBe(0);
  });

  it('a Space holding a Space: each is linted on its own, the inner files are not the outer Space`s', () => {
    const dir = tempSpace({
      'README.md': '---\ntitle: Outer\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
      'app.py': GRADIO_APP,
      'demos/inner/README.md': '---\ntitle: Inner\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
      'demos/inner/app.py': 'def broken(:\n',
    });
    const r = runCli(['-f', 'json', '.'], { cwd: dir });
    const files = parseJson(r.stdout).map((f) => ({ file: f.filePath.slice(dir.length + 1), rules: f.messages.map((m) => m.ruleId) }));
    expect(files).toEqual([{ file: 'demos/inner/app.py', rules: ['parse-error'] }]);
    expect(r.status).toBe(1);
    // The outer Space alone: its own files only (`spacelint deploy .` leaves demos/inner out too).
    const outer = runCli(['-f', 'json', 'app.py'], { cwd: dir });
    expect(outer.stdout).toBe('[]\n');
    expect(outer.status).toBe(0);
  });

  it('a folder that holds no Space is a usage error (exit 2, one line), as ESLint`s "No files matching"', () => {
    const dir = tempSpace({ 'docs/guide.md': '# Guide\n', 'docs/img/logo.txt': 'logo\n', 'docs/node_modules/x/README.md': '---\nsdk: gradio\n---\n' });
    const r = runCli(['docs'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('spacelint: no Space found in docs (a Space is a folder whose README.md front matter has `sdk:`)\n');
    expect(runCli(['--skip-outside-spaces', 'docs'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
    mkdirSync(join(dir, 'empty'));
    expect(runCli(['empty'], { cwd: dir }).status).toBe(2);
  });

  it('a folder being made into a Space (app.py, no README yet) is still linted as one', () => {
    const dir = tempSpace({ 'app.py': GRADIO_APP });
    const r = runCli(['.'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The Space has no README.md');
  });

  it('pre-commit (`--skip-outside-spaces` with staged files): each file in its nearest Space, files in no Space skipped', () => {
    const dir = tempSpace({
      'README.md': '# A repository holding Spaces\n',
      'tools/release.py': 'def broken(:\n',
      'outer/README.md': '---\ntitle: Outer\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
      'outer/app.py': GRADIO_APP,
      'outer/demos/inner/README.md': '---\ntitle: Inner\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
      'outer/demos/inner/app.py': 'def broken(:\n',
      'docker/README.md': '---\ntitle: Docker\napp_port: 7860\n---\n',
      'docker/Dockerfile': 'FROM python:3.11-slim\nCMD ["python", "-m", "http.server", "7860"]\n',
    });
    const staged = ['README.md', 'tools/release.py', 'outer/app.py', 'outer/demos/inner/app.py', 'docker/README.md'];
    const r = runCli(['--skip-outside-spaces', '-f', 'json', ...staged], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const files = parseJson(r.stdout).map((f) => ({ file: f.filePath.slice(dir.length + 1), rules: f.messages.map((m) => m.ruleId) }));
    // Spaces in the order their files were given; outer/app.py is clean in the outer Space.
    expect(files).toEqual([
      { file: 'outer/demos/inner/app.py', rules: ['parse-error'] },
      { file: 'docker/README.md', rules: ['config-missing-required'] },
    ]);
    expect(runCli(['--skip-outside-spaces', 'README.md', 'tools/release.py'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--stdin finds the Space by the same rule: a README buffer without `sdk` beside a Dockerfile is a Docker Space', () => {
    const dir = tempSpace({ 'docker/Dockerfile': 'FROM python:3.11-slim\nCMD ["python", "-m", "http.server", "7860"]\n' });
    const r = runCli(['--stdin', '--stdin-filename', 'docker/README.md', '-f', 'json'], { cwd: dir, input: '---\ntitle: Docker\napp_port: 7860\n---\n' });
    expect(r.stderr).toBe('');
    expect(parseJson(r.stdout).flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(['config-missing-required']);
    const card = runCli(['--stdin', '--stdin-filename', 'README.md', '-f', 'json'], { cwd: dir, input: '---\nlicense: mit\n---\n' });
    expect(card.status).toBe(2);
    expect(card.stderr).toContain('is not inside a Space');
  });

  it('a file is still checked within its nearest Space', () => {
    const dir = spacesFolder();
    const r = runCli(['-f', 'json', 'spaces/gradio/app.py', 'spaces/docker/Dockerfile'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('[]\n');
    expect(r.status).toBe(0);
  });
});

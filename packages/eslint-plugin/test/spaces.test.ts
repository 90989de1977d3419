import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OkParseResult } from '@eslint/core';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import plugin, { DISK_SNAPSHOT_TTL_MS, forgetSpaces } from '../src/index.js';
import type { SpaceView } from '../src/spaces.js';
import { findingsOf } from '../src/spaces.js';

const README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n# Demo\n';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function makeSpace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'spacelint-eslint-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** What ESLint does with a file: parse it with the plugin's language for it. */
function open(language: keyof typeof plugin.languages, path: string, text: string): SpaceView {
  const result = plugin.languages[language].parse({ path, physicalPath: path, body: text, bom: false }, { languageOptions: {} });
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
  return (result as OkParseResult & { view: SpaceView }).view;
}

beforeEach(() => forgetSpaces());
afterEach(() => vi.restoreAllMocks());

describe('a file on disk', () => {
  it('is linted with the other files of its Space, read once and linted once per run', () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP, 'requirements.txt': 'numpy\n' });
    const readme = open('readme', join(root, 'README.md'), README);
    const app = open('python', join(root, 'app.py'), APP);
    const req = open('requirements', join(root, 'requirements.txt'), 'numpy\n');
    expect(readme.path).toBe('README.md');
    expect(app.path).toBe('app.py');
    expect(readme.space).toBeDefined();
    // One Space for the three files, so core lints it once; its findings are computed once too.
    expect(app.space).toBe(readme.space);
    expect(req.space).toBe(readme.space);
    expect(findingsOf(app)).toBe(findingsOf(app));
  });

  it("lints the editor's unsaved text, with the other files from disk", () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP });
    const clean = open('readme', join(root, 'README.md'), README);
    expect(findingsOf(clean)).toBeUndefined();
    const edited = open('readme', join(root, 'README.md'), README.replace('app_file: app.py', 'app_file: main.py'));
    expect(edited.space).not.toBe(clean.space);
    expect(findingsOf(edited)?.get('config-app-file-missing')?.[0]).toMatchObject({ line: 5, message: expect.stringMatching(/`main\.py` does not exist/) });
    // Back to the saved text: the on-disk Space again, not a new lint.
    expect(open('readme', join(root, 'README.md'), README).space).toBe(clean.space);
  });

  it('reuses the parses of unchanged files when one file changes', () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP, 'helpers.py': 'X = 1\n' });
    const first = open('python', join(root, 'app.py'), APP);
    findingsOf(first);
    const edited = open('python', join(root, 'app.py'), `${APP}# edited\n`);
    expect(edited.space).not.toBe(first.space);
    expect(edited.space!.python('helpers.py')).toBe(first.space!.python('helpers.py'));
    expect(edited.space!.readme).toBe(first.space!.readme);
    expect(edited.space!.python('app.py')).not.toBe(first.space!.python('app.py'));
    expect(edited.space!.python('app.py')?.comments.map((c) => c.text)).toEqual(['# edited']);
  });

  it('sees changes saved to other files once the run is over', () => {
    const root = makeSpace({ 'README.md': README.replace('app_file: app.py', 'app_file: main.py'), 'app.py': APP });
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    const before = open('readme', join(root, 'README.md'), README.replace('app_file: app.py', 'app_file: main.py'));
    expect(findingsOf(before)?.get('config-app-file-missing')).toHaveLength(1);
    writeFileSync(join(root, 'main.py'), APP);
    // Within one run the Space read from disk is reused ...
    expect(open('python', join(root, 'app.py'), APP).space).toBe(before.space);
    // ... and read again after it.
    clock.mockReturnValue(now + DISK_SNAPSHOT_TTL_MS);
    const after = open('readme', join(root, 'README.md'), README.replace('app_file: app.py', 'app_file: main.py'));
    expect(after.space).not.toBe(before.space);
    expect(findingsOf(after)?.get('config-app-file-missing')).toBeUndefined();
  });

  it('adds a file that is not saved yet to its Space', () => {
    const root = makeSpace({ 'README.md': README.replace('app_file: app.py', 'app_file: main.py'), 'app.py': APP });
    const view = open('python', join(root, 'main.py'), APP);
    expect(view.path).toBe('main.py');
    expect(view.space?.has('main.py')).toBe(true);
    // The README's finding disappears in this Space: main.py exists in it.
    expect(findingsOf({ ...view, path: 'README.md' })?.get('config-app-file-missing')).toBeUndefined();
  });

  it('sees a file created on disk after the Space was read', () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP });
    open('readme', join(root, 'README.md'), README);
    writeFileSync(join(root, 'late.py'), 'X = 1\n');
    const view = open('python', join(root, 'late.py'), 'X = 1\n');
    expect(view.space?.has('late.py')).toBe(true);
  });

  it('leaves files spacelint never lints (virtual envs, node_modules) and files outside any Space alone', () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP, '.venv/lib/site.py': 'def broken(:\n' });
    const venv = plugin.languages.python.parse({ path: join(root, '.venv/lib/site.py'), physicalPath: join(root, '.venv/lib/site.py'), body: 'def broken(:\n', bom: false }, { languageOptions: {} });
    expect(venv.ok).toBe(true);
    expect((venv as OkParseResult & { view: SpaceView }).view.space).toBeUndefined();
    const elsewhere = makeSpace({ 'README.md': '# Not a Space\n', 'tool.py': 'X = 1\n' });
    expect(open('python', join(elsewhere, 'tool.py'), 'X = 1\n').space).toBeUndefined();
  });

  it('finds the Space of a file in a subfolder', () => {
    const root = makeSpace({ 'README.md': README, 'app.py': APP, 'src/model.py': 'X = 1\n' });
    const view = open('python', join(root, 'src/model.py'), 'X = 1\n');
    expect(view.path).toBe('src/model.py');
    expect(view.space?.root).toBe(root);
  });
});

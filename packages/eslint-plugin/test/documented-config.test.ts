/**
 * The config that docs/eslint.md and the README tell people to write, as they write it: in a fresh
 * `npm init -y` project (CommonJS: npm writes `"type": "commonjs"`), with the plugin installed under
 * node_modules the way `npm install <folder>` installs a local package (a symlink), run by the real
 * eslint binary. An `eslint.config.js` with `import` fails there; the documented `.mjs` must not.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = join(here, '..');
const repo = join(pluginDir, '../..');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin/eslint.js');

/** The first ```js block after `marker` in a Markdown file, and the config file name the text gives it. */
function documentedConfig(markdown: string, marker: RegExp): { name: string; code: string } {
  const at = markdown.search(marker);
  expect(at, `${marker} in the docs`).toBeGreaterThanOrEqual(0);
  const block = /```js\n([\s\S]*?)```/.exec(markdown.slice(at))!;
  const name = /eslint\.config\.[cm]?js/.exec(markdown.slice(at, at + block.index + block[0].length))![0];
  return { name, code: block[1] };
}

let project: string;

function eslint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [eslintBin, ...args], { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 2) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'spacelint-eslint-docs-'));
  const init = spawnSync('npm', ['init', '-y'], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: project } });
  expect(init.status, init.stderr).toBe(0);
  mkdirSync(join(project, 'node_modules/@spacelint'), { recursive: true });
  symlinkSync(pluginDir, join(project, 'node_modules/@spacelint/eslint-plugin'), 'dir');
  mkdirSync(join(project, 'space'));
  writeFileSync(join(project, 'space/README.md'), '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\ncolorfrom: red\n---\n');
  writeFileSync(join(project, 'space/app.py'), 'import gradio as gr\n\ngr.Interface(fn=str.upper, inputs="text", outputs="text").launch()\n');
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the documented eslint config in a fresh npm init -y project', () => {
  const docs = documentedConfig(readFileSync(join(repo, 'docs/eslint.md'), 'utf8'), /^## Configure/m);
  const readme = documentedConfig(readFileSync(join(repo, 'README.md'), 'utf8'), /^## In ESLint and editors/m);

  it('is CommonJS, where eslint.config.js with `import` fails (why the docs name .mjs)', async () => {
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).type ?? 'commonjs').toBe('commonjs');
    writeFileSync(join(project, 'eslint.config.js'), docs.code);
    const run = await eslint(['space']);
    rmSync(join(project, 'eslint.config.js'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot use import statement outside a module');
  });

  for (const [where, config] of [
    ['docs/eslint.md', docs],
    ['README.md', readme],
  ] as const) {
    it(`${where}: ${config.name} as documented lints the Space`, async () => {
      expect(config.name).toBe('eslint.config.mjs');
      writeFileSync(join(project, config.name), config.code);
      const run = await eslint(['--format', 'json', 'space']);
      rmSync(join(project, config.name));
      expect(run.stderr).toBe('');
      const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
      expect(messages).toContain('spacelint/config-unknown-key');
    });
  }
});

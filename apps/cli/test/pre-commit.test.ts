import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempSpace } from './run-cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const BAD_README = '---\ntitle: Bad\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n# Bad\n';
const GOOD_README = '---\ntitle: Good\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# Good\n';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n';

function gitRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-precommit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=spacelint-test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** The real `pre-commit try-repo`: clones this repository, installs it as a node hook (npm install, npm pack, npm install -g) and runs the hook. */
function tryRepo(cwd: string): { status: number; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key.startsWith('npm_')) delete env[key];
  const r = spawnSync('pre-commit', ['try-repo', REPO, 'spacelint', '--all-files', '--verbose', '--color', 'never'], { cwd, env, encoding: 'utf8', timeout: 540_000 });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

describe.skipIf(!hasPreCommit)(`pre-commit hook, end to end${hasPreCommit ? '' : ' (skipped: `pre-commit` is not installed; .ci/run installs it with apt-get)'}`, () => {
  it('fails on a bad Space and passes once it is fixed; files in no Space are skipped', { timeout: 1_200_000 }, () => {
    const repo = gitRepo({
      'README.md': '# A repository holding two Spaces\n', // no front matter: not a Space
      'tools/release.py': 'print("not part of a Space")\n',
      'spaces/bad/README.md': BAD_README,
      'spaces/bad/app.py': APP,
      'spaces/good/README.md': GOOD_README,
      'spaces/good/app.py': APP,
    });
    try {
      const bad = tryRepo(repo);
      expect(bad.status, bad.output).toBe(1);
      expect(bad.output).toMatch(/spacelint\.+Failed/);
      expect(bad.output).toContain('config-app-file-missing');
      expect(bad.output).toContain(join(repo, 'spaces/bad/README.md'));
      expect(bad.output).not.toContain(join(repo, 'spaces/good/')); // no findings there...
      expect(bad.output).toMatch(/✔ spaces\/good +no problems/); // ...and its line in the per-Space summary
      expect(bad.output).not.toContain('tools/release.py');

      writeFileSync(join(repo, 'spaces/bad/README.md'), BAD_README.replace('app_file: main.py\n', ''));
      git(repo, 'commit', '-qam', 'fix the app file');
      const good = tryRepo(repo);
      expect(good.status, good.output).toBe(0);
      expect(good.output).toMatch(/spacelint\.+Passed/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('--skip-outside-spaces (the pre-commit mode)', { timeout: 60_000 }, () => {
  it('skips files that belong to no Space; without it they are a usage error', () => {
    const outside = mkdtempSync(join(tmpdir(), 'spacelint-nospace-'));
    writeFileSync(join(outside, 'tool.py'), 'print(1)\n');
    const space = tempSpace({ 'README.md': BAD_README, 'app.py': APP });
    const skipped = runCli(['--skip-outside-spaces', '-f', 'json', join(outside, 'tool.py'), join(space, 'README.md')]);
    expect(skipped.stderr).toBe('');
    expect(skipped.status).toBe(1);
    expect((JSON.parse(skipped.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual([join(space, 'README.md')]);
    const onlyOutside = runCli(['--skip-outside-spaces', join(outside, 'tool.py')]);
    expect(onlyOutside).toEqual({ status: 0, stdout: '', stderr: '' });
    const strict = runCli([join(outside, 'tool.py')]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain('is not inside a Space');
  });
});

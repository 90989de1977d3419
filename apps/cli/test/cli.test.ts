import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, parseJson, REPO, runCli, tempSpace } from './run-cli.js';

const GRADIO_README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# Demo\n';
const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n';

describe('spacelint CLI on the examples', () => {
  for (const name of ['gradio-zerogpu', 'docker-fastapi', 'static-site']) {
    it(`reports nothing on the clean ${name} example and exits 0`, () => {
      const r = runCli([join(EXAMPLES, name)]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it('pins the findings of the bad examples (json)', () => {
    const expected = JSON.parse(readFileSync(join(EXAMPLES, 'expected-findings.json'), 'utf8')) as Record<string, string[]>;
    for (const [name, findings] of Object.entries(expected)) {
      const r = runCli(['--format', 'json', join(EXAMPLES, name)]);
      expect(r.status, r.stderr).toBe(findings.some((f) => f.includes(' error ')) ? 1 : 0);
      const got = parseJson(r.stdout).flatMap((f) => f.messages.map((m) => `${f.filePath.slice(join(EXAMPLES, name).length + 1)}:${m.line}:${m.column} ${m.level} ${m.ruleId}`));
      expect(got, name).toEqual(findings);
    }
  });

  it('prints stylish output with code frames and a summary', () => {
    const r = runCli([join(EXAMPLES, 'bad-gradio-zerogpu')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(join(EXAMPLES, 'bad-gradio-zerogpu', 'README.md'));
    expect(r.stdout).toMatch(/\d+:\d+\s+warning\s+Unknown key `app-port`: did you mean `app_port`\?.*config-unknown-key/);
    expect(r.stdout).toContain('> 13 | app-port: 7861');
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?/);
  });
});

describe('spacelint CLI options', () => {
  it('--fix writes safe fixes and leaves the rest reported', () => {
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM python:3.12\n' });
    const r = runCli(['--fix', dir]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('---\ntitle: x\nsdk: docker\napp_port: 7860\n---\n');
    expect(r.stdout).not.toContain('config-unknown-key');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('--fix keeps a BOM and CRLF line ends', () => {
    const dir = tempSpace({ 'README.md': '\uFEFF---\r\ntitle: x\r\nsdk: docker\r\napp-port: 7860\r\n---\r\n', Dockerfile: 'FROM python:3.12\n' });
    runCli(['--fix', dir]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('\uFEFF---\r\ntitle: x\r\nsdk: docker\r\napp_port: 7860\r\n---\r\n');
  });

  it("--fix inserts lines with the file's CRLF line breaks", () => {
    const readme = '---\r\ntitle: x\r\nsdk: gradio\r\nsdk_version: "5.49.1"\r\nhardware: zero-a10g\r\n---\r\n';
    const app = 'import gradio as gr\r\nimport torch\r\n\r\n@spaces.GPU\r\ndef f(x):\r\n    return x\r\n\r\ngr.Interface(fn=f, inputs="text", outputs="text").launch()\r\n';
    const dir = tempSpace({ 'README.md': readme, 'app.py': app });
    runCli(['--fix', dir]);
    const fixed = readFileSync(join(dir, 'app.py'), 'utf8');
    expect(fixed).toBe(`import spaces\r\n${app}`);
    // The fix texts that JSON shows (and editors apply) carry CRLF too.
    const json = parseJson(runCli(['--format', 'json', tempSpace({ 'README.md': readme, 'app.py': app })]).stdout);
    const fix = json.flatMap((f) => f.messages).find((m) => m.ruleId === 'zerogpu-spaces-not-imported')?.fix;
    expect(fix?.text).toBe('import spaces\r\n');
  });

  it('--fix and --fix-dry-run draw code frames from the fixed text, which the line numbers refer to', () => {
    // The fix deletes line 1 (`gradio`); the parse error on line 3 is then on line 2 of the fixed text.
    const files = { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': 'gradio\ntorch==2.8.0\nnumpy=>2\n' };
    for (const flag of ['--fix-dry-run', '--fix']) {
      const r = runCli([flag, tempSpace(files)]);
      expect(r.stdout, flag).toMatch(/2:\d+ +error +pip cannot read this line/);
      expect(r.stdout, flag).toContain('    > 2 | numpy=>2\n');
      expect(r.stdout, flag).toContain('      1 | torch==2.8.0\n');
    }
    const sarif = JSON.parse(runCli(['--fix-dry-run', '--format', 'sarif', tempSpace(files)]).stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; snippet?: { text: string } } } }[] }[] }[];
    };
    const parse = sarif.runs[0].results.find((r) => r.ruleId === 'parse-error')!.locations[0].physicalLocation.region;
    expect(parse.startLine).toBe(2);
    expect(parse.snippet?.text).toContain('numpy');
  });

  it('warns, as ESLint does, when a file named on the command line is ignored (.gitignore), and lints the others', () => {
    const dir = tempSpace({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'scratch.py': 'def f(:\n', 'logs/run.py': 'x = (\n', '.gitignore': 'scratch.py\nlogs/\n' });
    const r = runCli([join(dir, 'scratch.py'), join(dir, 'logs/run.py'), join(dir, 'app.py')]);
    expect(r.stderr).toContain(`spacelint: ${join(dir, 'scratch.py')}: File ignored because of a matching ignore pattern (.gitignore: scratch.py); it was not linted.`);
    expect(r.stderr).toContain(`spacelint: ${join(dir, 'logs/run.py')}: File ignored because of a matching ignore pattern (.gitignore: logs/); it was not linted.`);
    expect(r.stdout).not.toContain('parse-error');
    expect(r.status).toBe(0);
    // A named file that is linted, with or without findings, gets no such line.
    expect(runCli([join(dir, 'app.py')]).stderr).toBe('');
  });

  it('--fix-dry-run writes nothing and returns the output in json', () => {
    const text = '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n';
    const dir = tempSpace({ 'README.md': text, Dockerfile: 'FROM python:3.12\n' });
    const r = runCli(['--fix-dry-run', '-f', 'json', dir]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(text);
    const readme = parseJson(r.stdout).find((f) => f.filePath.endsWith('README.md'))!;
    expect(readme.output).toContain('app_port: 7860');
  });

  it('--fix on a read-only file reports an error, exits 2 and leaves it as it was', () => {
    const text = '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n';
    const dir = tempSpace({ 'README.md': text, Dockerfile: 'FROM python:3.12\n' });
    chmodSync(join(dir, 'README.md'), 0o444);
    const r = runCli(['--fix', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('README.md: not fixed: file is read-only');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(text);
  });

  const RACE = ['--import', join(REPO, 'apps/cli/test/fixtures/fs-race.mjs')];

  it('--fix on a file that vanishes before the write reports an error, exits 2 and creates nothing', () => {
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM python:3.12\n' });
    const r = runCli(['--fix', dir], { nodeArgs: RACE, env: { SPACELINT_RACE_PATH: join(dir, 'README.md'), SPACELINT_RACE_ACTION: 'delete' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('README.md: not fixed: file vanished before it could be fixed');
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('--fix on a file edited between the lint and the write keeps the edit and reports an error', () => {
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM python:3.12\n' });
    const edited = '---\ntitle: edited meanwhile\nsdk: docker\napp-port: 7860\n---\n';
    const r = runCli(['--fix', dir], { nodeArgs: RACE, env: { SPACELINT_RACE_PATH: join(dir, 'README.md'), SPACELINT_RACE_ACTION: 'rewrite', SPACELINT_RACE_TEXT: edited } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('README.md: not fixed: file changed on disk since it was read');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(edited);
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'README.md']);
  });

  it('--fix on a read-only file among fixable ones fixes the others and leaves it as it was', () => {
    const readme = '---\ntitle: x\nsdk: gradio\nsdk_version: "5.49.1"\napp-port: 7860\n---\n';
    const app = 'import gradio as gr  # spacelint-disable-line config-unknown-key\n';
    const dir = tempSpace({ 'README.md': readme, 'app.py': app });
    chmodSync(join(dir, 'app.py'), 0o444);
    const r = runCli(['--fix', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('app.py: not fixed: file is read-only');
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).toBe(app);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('app_port: 7860');
  });

  it('--fix through a symlinked README.md fixes the target and keeps the link', () => {
    const dir = tempSpace({ 'docs/README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM python:3.12\n' });
    symlinkSync('docs/README.md', join(dir, 'README.md'));
    const r = runCli(['--fix', dir]);
    expect(r.stderr).toBe('');
    expect(lstatSync(join(dir, 'README.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'docs/README.md'), 'utf8')).toContain('app_port: 7860');
  });

  it('--rule changes a level or turns a rule off; --quiet hides warnings', () => {
    const dir = tempSpace({ 'README.md': '---\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM x\n' });
    const asError = runCli(['-f', 'json', '--rule', 'config-unknown-key=error', dir]);
    expect(asError.status).toBe(1);
    expect(
      parseJson(asError.stdout)
        .flatMap((f) => f.messages)
        .find((m) => m.ruleId === 'config-unknown-key')?.level,
    ).toBe('error');
    const off = runCli(['-f', 'json', '--rule', 'config-unknown-key=off', dir]);
    expect(
      parseJson(off.stdout)
        .flatMap((f) => f.messages)
        .some((m) => m.ruleId === 'config-unknown-key'),
    ).toBe(false);
    const quiet = runCli(['-f', 'json', '--quiet', dir]);
    expect(
      parseJson(quiet.stdout)
        .flatMap((f) => f.messages)
        .every((m) => m.level === 'error'),
    ).toBe(true);
  });

  it('--max-warnings turns warnings into a failing exit code; info never counts', () => {
    const dir = tempSpace({ 'README.md': '---\nsdk: docker\napp-port: 7860\n---\n', Dockerfile: 'FROM x\n' });
    // JSON's warningCount counts info findings too (severity 1, as ESLint consumers read it); infoCount says how many.
    const warnings = parseJson(runCli(['-f', 'json', dir]).stdout).reduce((n, f) => n + f.warningCount - f.infoCount, 0);
    expect(warnings).toBeGreaterThan(0);
    expect(runCli(['--max-warnings', String(warnings), dir]).status).toBe(0);
    expect(runCli(['--max-warnings', String(warnings - 1), dir]).status).toBe(1);
  });

  it('reads .spacelint.yaml and lets --config and --rule override it', () => {
    const dir = tempSpace({
      'README.md': '---\nsdk: docker\napp-port: 7860\n---\n',
      Dockerfile: 'FROM x\n',
      '.spacelint.yaml': 'rules:\n  config-unknown-key: off\n',
      'strict.yaml': 'rules:\n  config-unknown-key: error\n',
    });
    expect(runCli([dir]).stdout).not.toContain('config-unknown-key');
    expect(runCli(['--config', join(dir, 'strict.yaml'), dir]).stdout).toContain('config-unknown-key');
    expect(runCli(['--config', join(dir, 'strict.yaml'), '--rule', 'config-unknown-key=off', dir]).stdout).not.toContain('config-unknown-key');
  });

  it('a file path lints its Space and reports that file only', () => {
    const dir = tempSpace({ 'README.md': '---\nsdk: gradio\nsdk_version: "5.49.1"\nbad-key: 1\n---\n', 'app.py': 'def f(:\n', 'other.py': 'x = (\n' });
    const r = runCli(['-f', 'json', join(dir, 'app.py')]);
    const files = parseJson(r.stdout).map((f) => f.filePath);
    expect(files).toEqual([join(dir, 'app.py')]);
  });

  it('usage errors exit 2 with one line and no stack', () => {
    for (const args of [['--rule', 'no-such-rule=off', '.'], ['--format', 'xml', '.'], ['/no/such/dir'], ['--bogus'], ['explain', 'nope']]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a broken .spacelint.yaml is a usage error naming the file', () => {
    const dir = tempSpace({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, '.spacelint.yaml': 'rules: [oops\n' });
    const r = runCli([dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.spacelint.yaml');
  });

  it('rules lists every rule; explain prints the rule doc', () => {
    const rules = runCli(['rules', '--format', 'json']);
    const list = JSON.parse(rules.stdout) as { id: string; docsUrl: string }[];
    expect(list.map((r) => r.id)).toContain('config-unknown-key');
    expect(list.every((r) => r.docsUrl.endsWith(`${r.id}.md`))).toBe(true);
    const explain = runCli(['explain', 'config-unknown-key']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('# config-unknown-key');
    expect(explain.stdout).toContain('## Why');
  });
});

describe('spacelint CLI on bad input', () => {
  it('reports binary, non-UTF-8 and huge files clearly and lints the rest', () => {
    const dir = tempSpace({
      'README.md': '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n',
      'app.py': GRADIO_APP,
      'helpers.py': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x3d, 0x20, 0x31, 0x0a]),
      'weights.py': new Uint8Array([0, 1, 2, 3, 0, 0]),
      'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'big.py': '#'.repeat(50 * 1024 * 1024),
      'empty.py': '',
    });
    const r = runCli(['-f', 'json', dir]);
    expect(r.stderr).toBe('');
    const byFile = Object.fromEntries(parseJson(r.stdout).map((f) => [f.filePath.slice(dir.length + 1), f.messages.map((m) => m.message)]));
    expect(byFile['helpers.py'][0]).toContain('not valid UTF-8');
    expect(byFile['weights.py'][0]).toContain('binary');
    expect(byFile['big.py'][0]).toContain('50.0 MB');
    expect(byFile['logo.png']).toBeUndefined();
    expect(byFile['empty.py']).toBeUndefined();
  });

  it('handles an empty README, a README that is only ---, and a YAML bomb', () => {
    for (const text of [
      '',
      '---',
      '---\n',
      '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nsdk: gradio\n---\n',
    ]) {
      const dir = tempSpace({ 'README.md': text, 'app.py': GRADIO_APP });
      const r = runCli(['-f', 'json', dir]);
      expect(r.status, JSON.stringify(text)).toBe(1);
      const messages = parseJson(r.stdout).flatMap((f) => f.messages);
      expect(
        messages.some((m) => m.ruleId === 'config-front-matter'),
        JSON.stringify(text),
      ).toBe(true);
    }
  });

  it('does not follow a symlink that leaves the Space', () => {
    const outside = tempSpace({ 'secret.py': 'TOKEN = "x"\n' });
    const dir = tempSpace({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    symlinkSync(join(outside, 'secret.py'), join(dir, 'linked.py'));
    const r = runCli(['-f', 'json', dir]);
    const linked = parseJson(r.stdout).find((f) => f.filePath.endsWith('linked.py'));
    expect(linked?.messages[0].message).toContain('outside the Space');
  });

  it('a Python file that does not parse is one finding; the other files are still linted', () => {
    const dir = tempSpace({ 'README.md': '---\nsdk: gradio\nsdk_version: "5.49.1"\nbad-key: 1\n---\n', 'app.py': GRADIO_APP, 'broken.py': 'def f(:\n  pass\nclass\n' });
    const results = parseJson(runCli(['-f', 'json', dir]).stdout);
    const broken = results.find((f) => f.filePath.endsWith('broken.py'))!;
    expect(broken.messages).toHaveLength(1);
    expect(broken.messages[0].ruleId).toBe('parse-error');
    expect(results.find((f) => f.filePath.endsWith('README.md'))!.messages.some((m) => m.ruleId === 'config-unknown-key')).toBe(true);
  });

  it('writes no temporary files when nothing is fixable', () => {
    const dir = tempSpace({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    runCli(['--fix', dir]);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'app.py']);
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
  });
});

describe('spacelint init', () => {
  it('writes a ZeroGPU Gradio Space that lints clean, and never overwrites', () => {
    const dir = join(tempSpace({}), 'new-space');
    const r = runCli(['init', dir, '--sdk', 'gradio', '--title', 'PDF Q&A', '--zerogpu', '--inputs', 'PDF up to 50 pages', '--secret', 'OPENAI_API_KEY', '--persistent-data']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Created a gradio Space');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('suggested_hardware: zero-a10g');
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).toMatch(/^import spaces/m);
    const lint = runCli([dir]);
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
    const again = runCli(['init', dir, '--sdk', 'gradio', '--title', 'Again']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('not overwriting');
  });

  it('writes clean Docker and static Spaces; bad answers are usage errors', () => {
    for (const sdk of ['docker', 'static']) {
      const dir = join(tempSpace({}), sdk);
      expect(runCli(['init', dir, '--sdk', sdk, '--title', `A ${sdk} Space`]).status).toBe(0);
      expect(runCli([dir]).status, sdk).toBe(0);
    }
    const bad = runCli(['init', join(tempSpace({}), 'x'), '--sdk', 'shiny', '--title', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('sdk must be');
    // Streamlit is deprecated on Spaces: point to the Hub's Docker template that runs it.
    const streamlit = runCli(['init', join(tempSpace({}), 's'), '--sdk', 'streamlit', '--title', 'x']);
    expect(streamlit.status).toBe(2);
    expect(streamlit.stderr).toMatch(/deprecated.*Docker Space.*https:\/\/huggingface\.co\/new-space.*Streamlit template.*app_port: 8501/);
    expect(streamlit.stderr.trim().split('\n')).toHaveLength(1);
    expect(runCli(['init', join(tempSpace({}), 'y')]).stderr).toContain('--sdk and --title');
  });
});

import { describe, expect, it } from 'vitest';
import { compileGitignoreLine } from '../src/config/glob.js';
import { IgnoreRules } from '../src/node/ignore-rules.js';
import { cleanLogLine } from '../src/diagnose/match-logs.js';
import { initParsers } from '../src/parse/python.js';
import { analyzePython } from '../src/python/analyze.js';
import { evaluateMarker } from '../src/parse/markers.js';
import { parseNumberLiteral, parseStringLiteral } from '../src/python/literals.js';
import { trimEndWhere } from '../src/text.js';
import { GRADIO_APP, GRADIO_README, lintFiles, readme } from './lint-files.js';
import { edit, ZEROGPU_APP, zeroGpuSpace } from './spaces/zerogpu.js';

// A long run of one character inside a line (200,000 here) must stay linear: `/[…]+$/` is retried by V8 at
// every character of such a run, so each case below took tens of seconds before (2 s at 50,000), and would
// now run into the test timeout if it came back. Found by `npm run fuzz` (a 51,117-character line of `(`).
const RUN = 200_000;
await initParsers();

describe('long runs of one character inside a line', () => {
  it('trimEndWhere drops only the trailing characters', () => {
    expect(trimEndWhere(`a${' '.repeat(RUN)}b  `, /\s/)).toBe(`a${' '.repeat(RUN)}b`);
    expect(trimEndWhere('  ', /\s/)).toBe('');
    expect(trimEndWhere('abc', /\s/)).toBe('abc');
  });

  it('a .gitignore line drops trailing blanks, keeps an escaped one, and keeps blanks inside', () => {
    // Compiled only: matching costs path length × glob length by design (config/glob.ts).
    expect(compileGitignoreLine(`a${' '.repeat(RUN)}b`)).toMatchObject({ negated: false, dirOnly: false });
    expect(compileGitignoreLine(`build/${' '.repeat(RUN)}`)).toMatchObject({ dirOnly: true });
    const inside = new IgnoreRules().add(['a  b   ']);
    expect(inside.ignores('a  b')).toBe(true);
    expect(inside.ignores('ab')).toBe(false);
    const escaped = new IgnoreRules().add(['name\\   ']);
    expect(escaped.ignores('name ')).toBe(true);
    expect(escaped.ignores('name')).toBe(false);
    expect(escaped.ignores('name  ')).toBe(false);
    expect(compileGitignoreLine(' '.repeat(RUN))).toBeUndefined();
  });

  it('a log line keeps what is inside its Rich frame', () => {
    expect(cleanLogLine(`│ a${' '.repeat(RUN)}b │`)).toBe(`a${' '.repeat(RUN)}b`);
    expect(cleanLogLine('│ ❱ 14 from gradio.routes import App │\n')).toBe('❱ 14 from gradio.routes import App');
  });

  it('a Dockerfile RUN word, a requirement with an option, and an unused directive are read in linear time', async () => {
    const docker = `FROM python:3.11\nRUN ${'('.repeat(RUN)}x\nCMD ["python", "app.py"]\n`;
    await expect(lintFiles({ 'README.md': readme('sdk: docker\napp_port: 7860'), Dockerfile: docker, 'app.py': GRADIO_APP })).resolves.toBeDefined();
    const requirements = `torch${' '.repeat(RUN)}--index-url https://download.pytorch.org/whl/cpu\n`;
    const [option] = await lintFiles({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': requirements }, { only: 'deps-pip-option-ignored' });
    expect(option.suggestions?.[0].fix.text).toBe('--index-url https://download.pytorch.org/whl/cpu\ntorch');
    // Every word of a packages.txt line is an entry: 30,000 on one line (one finding each) took ~14 s before.
    const packages = `${' \\'.repeat(30_000)} ffmpeg\n`;
    const words = await lintFiles({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'packages.txt': packages }, { only: 'deps-packages-txt' });
    expect(words.length).toBeGreaterThanOrEqual(30_000);
    const app = `${GRADIO_APP}x = 1${' '.repeat(RUN)}y = 2  # spacelint-disable-line gradio-share-true\n`;
    const unused = (await lintFiles({ 'README.md': GRADIO_README, 'app.py': app })).filter((d) => d.ruleId === 'unused-directive');
    expect(unused).toHaveLength(1);
  });
});

describe('a long callee', () => {
  it('is named by its last identifier in linear time', () => {
    // `items[0].run(x)` is an attribute callee that is not a dotted name: its name is read from the end of its text.
    // The old pattern was retried at every letter of a long word that is not the last one.
    const m = analyzePython('callee.py', `items[0].${'a'.repeat(RUN)}.run(1)\nitems[0].x${'2'.repeat(RUN)}(1)\nitems[0].run  (2)\n`);
    expect(m.calls.map((c) => c.name)).toEqual(['run', `x${'2'.repeat(RUN)}`, 'run']);
  });
});

describe('a long receiver of .compile()', () => {
  it('is judged by its last dotted part in linear time', async () => {
    // `/(^|\.)\w*(net|...)\w*$/` on the whole receiver backtracked through every `net` of the run (~1 s at 48,000 characters).
    const only = 'zerogpu-torch-compile';
    const withLine = (line: string) => zeroGpuSpace({ 'app.py': edit(ZEROGPU_APP, 'pipe.to(DEVICE)\n', `pipe.to(DEVICE)\n${line}\n`) });
    expect(await lintFiles(withLine(`${'net'.repeat(RUN / 3)}.x.compile()`), { only })).toEqual([]);
    expect(await lintFiles(withLine(`x.${'net'.repeat(RUN / 3)}.compile()`), { only })).toHaveLength(1);
  }, 5_000); // the old pattern took ~13 s here
});

describe('a GPU function returning after a long run of blanks', () => {
  it('is read in linear time, and the returned name is still found', async () => {
    // A lazy `([^\n#]+?)[ \t]*$` retried the blanks at every character (40,000 took 3.5 s).
    const only = 'zerogpu-cuda-tensor-return';
    const gpuApp = (line: string) => `import spaces\nimport torch\n\n@spaces.GPU(duration=20)\ndef embed(text):\n    x = torch.tensor([1.0]).to("cuda")\n${line}\n`;
    expect(await lintFiles(zeroGpuSpace({ 'app.py': gpuApp(`    return x${' '.repeat(RUN)}  # done`) }), { only })).toHaveLength(1);
    expect(await lintFiles(zeroGpuSpace({ 'app.py': gpuApp(`    return y${' '.repeat(RUN)}z`) }), { only })).toEqual([]);
  }, 5_000); // the old pattern took minutes here
});

describe('a banner comment of `#` inside brackets', () => {
  it('is read in linear time; a lone comma after comments and line joins is still a syntax error', () => {
    // `(?:\s|#[^\r\n]*)*,` could split a run of `#` in 2^n ways before failing: 24 took 1.9 s, these 32 take ~30 s.
    const banner = analyzePython('banner.py', `CONFIG = {\n    ${'#'.repeat(32)}\n    "a": 1,  # a, b\n}\nf(  # x, y\n  1)\n`);
    expect(banner.syntaxErrorCount).toBe(0);
    for (const lone of ['x = [\n  ####\n  ,]\n', 'f( \\\n , 1)\n', 'f(  # a, b\n  , 1)\n']) {
      expect(analyzePython('lone.py', lone).syntaxErrorCount, lone).toBeGreaterThan(0);
    }
  }, 5_000);
});

describe('runs found by a probe of every pattern in the sources (pumped strings, time growth)', () => {
  it('a WORKDIR, an HF_HOME value, a number literal and a long marker are read in linear time', async () => {
    expect(parseNumberLiteral(`${'1'.repeat(RUN)}j`)).toBeUndefined(); // `\d*\.?\d*` split a digit run n ways
    expect(parseNumberLiteral('1_000.5e3')).toBe(1_000_500);
    expect(parseNumberLiteral('.5')).toBe(0.5);
    expect(parseNumberLiteral('7.')).toBe(7);
    // `marker.slice(pos)` for every token: 40,000 tokens copied the rest 40,000 times.
    expect(evaluateMarker(`${'python_version >= "3" and '.repeat(20_000)}os_name == "posix"`, { python_version: '3.11', os_name: 'posix' })).toBe(true);
    const slashes = '/'.repeat(RUN);
    const docker = `FROM python:3.11\nWORKDIR /app${slashes}x\nENV HF_HOME=/data${slashes}x\nCOPY . .\nCMD ["python", "app.py"]\n`;
    await expect(lintFiles({ 'README.md': readme('sdk: docker\napp_port: 7860'), Dockerfile: docker, 'app.py': GRADIO_APP })).resolves.toBeDefined();
  }, 5_000);

  it('an f-string pip command with a long run of `{`', async () => {
    // A computed command (`+ name`) is read piece by piece; the f-string piece holds only escaped braces.
    const app = `import os\n${GRADIO_APP}name = "torch"\nos.system("pip install " + name + f"${'{'.repeat(RUN)}")\n`;
    const found = await lintFiles({ 'README.md': GRADIO_README, 'app.py': app }, { only: 'deps-runtime-pip-install' });
    expect(found).toHaveLength(1);
  }, 5_000);

  it('a preload_from_hub item with a long run of blanks (front matter stays under its 64 KB bound)', async () => {
    const preload = readme(
      `title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\npreload_from_hub:\n  - "org/model ${' '.repeat(60_000)}x"\n  - "org/model  ,  config.json, model.safetensors"`,
    );
    const found = await lintFiles({ 'README.md': preload, 'app.py': GRADIO_APP }, { only: 'config-preload-from-hub' });
    expect(found.map((d) => d.suggestions?.[0]?.desc)).toEqual(['Use `org/model,config.json,model.safetensors`']);
  }, 1_500); // ~50 ms now; the old patterns took ~3 s
});

describe('malformed string escapes (CPython: "truncated \\xXX escape")', () => {
  it('are no value, instead of a crash', () => {
    for (const literal of ['"\\x4"', '"te \\ \\xt"', '"\\u12"', '"\\U00110000"', '"\\x"']) expect(parseStringLiteral(literal)).toBeUndefined();
    expect(parseStringLiteral('"\\x41\\u00e9\\U0001F600\\101"')).toBe('Aé😀A');
  });

  it('leave the rest of the file analysed (the fuzz case that failed every Python rule)', () => {
    const m = analyzePython('escapes.py', 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="te \\ \\xt")\ndemo.launch()\n');
    expect(m.calls.map((c) => c.qualified)).toEqual(['gradio.Interface', 'demo.launch']);
    expect(m.calls[0].args.find((a) => a.name === 'outputs')?.value.kind).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { parseFrontMatter } from '../src/parse/frontmatter.js';
import { parsePackagesTxt } from '../src/parse/packages-txt.js';
import { initParsers } from '../src/parse/python.js';
import { normalizePackageName, parseRequirements } from '../src/parse/requirements.js';
import { analyzePython } from '../src/python/analyze.js';
import { LineIndex } from '../src/text.js';

describe('front matter', () => {
  it('shifts node positions into README.md', () => {
    const text = '---\ntitle: x\nsdk_version: 5.0\n---\nbody';
    const r = parseFrontMatter(text);
    if (!r.found) throw new Error('not found');
    const e = r.frontMatter.byKey.get('sdk_version')!;
    expect(text.slice(e.valueNode!.range[0], e.valueNode!.range[1])).toBe('5.0');
    expect(e.valueNode!.loc.start.line).toBe(3);
    expect(e.value).toBe(5);
  });

  it('handles CRLF', () => {
    const text = '---\r\ntitle: x\r\nsdk: gradio\r\n---\r\n';
    const r = parseFrontMatter(text);
    if (!r.found) throw new Error('not found');
    const e = r.frontMatter.byKey.get('sdk')!;
    expect(text.slice(...e.valueNode!.range)).toBe('gradio');
  });
});

describe('python', () => {
  it('reads every import form with positions in UTF-16 offsets', async () => {
    await initParsers();
    const text =
      's = "é"\nimport spaces as sp, os\nfrom spaces import GPU as gpu\nfrom . import helpers\nfrom .pkg.mod import *\ntry:\n    import spaces\nexcept ImportError:\n    spaces = None\ndef f():\n    import torch\n';
    const m = analyzePython('app.py', text);
    expect(m.syntaxError).toBeUndefined();
    const summary = m.imports.map((i) => [i.module, i.name ?? '', i.alias ?? '', i.level, i.guarded, i.nested]);
    expect(summary).toEqual([
      ['spaces', '', 'sp', 0, false, false],
      ['os', '', '', 0, false, false],
      ['spaces', 'GPU', 'gpu', 0, false, false],
      ['', 'helpers', '', 1, false, false],
      ['pkg.mod', '*', '', 1, false, false],
      ['spaces', '', '', 0, true, false],
      ['torch', '', '', 0, false, true],
    ]);
    const first = m.imports[0];
    expect(text.slice(...first.range)).toBe('spaces as sp');
    expect(new LineIndex(text).positionAt(first.range[0])).toEqual({ line: 2, column: 8 });
  });
});

describe('requirements', () => {
  it('parses names, extras, specifiers, markers, URLs, options and continuations', () => {
    const text =
      'Gradio_Client[extra]==1.3.0 ; python_version < "3.13"  # comment\n-r base.txt\n--index-url https://x\ntorch \\\n  >=2.8\ngit+https://github.com/a/b.git#egg=b\nname @ https://e.com/n.whl\n';
    const r = parseRequirements(text);
    expect(r.error).toBeUndefined();
    expect(r.lines.map((l) => [l.kind, l.normalizedName ?? l.target ?? l.url, l.specifier ?? ''])).toEqual([
      ['requirement', 'gradio-client', '==1.3.0'],
      ['include', 'base.txt', ''],
      ['option', 'https://x', ''],
      ['requirement', 'torch', '>=2.8'],
      ['url', 'b', ''],
      ['requirement', 'name', ''],
    ]);
    const first = r.lines[0];
    expect(first.extras).toEqual(['extra']);
    expect(first.marker).toBe('python_version < "3.13"');
    expect(text.slice(...first.specifierRange!)).toBe('==1.3.0');
    expect(normalizePackageName('Foo.Bar__baz')).toBe('foo-bar-baz');
  });

  it('reports the first line pip would reject', () => {
    const r = parseRequirements('ok==1\nbad=>2\n');
    expect(r.error?.message).toContain('bad');
  });
});

describe('packages.txt', () => {
  it('keeps comments as entries (apt receives them) and splits multi-package lines', () => {
    const entries = parsePackagesTxt('ffmpeg\n# tools\nlibgl1 libglib2.0-0\nBad_Name\n');
    expect(entries.map((e) => [e.kind, e.name, e.line])).toEqual([
      ['package', 'ffmpeg', 1],
      ['comment', '# tools', 2],
      ['package', 'libgl1', 3],
      ['package', 'libglib2.0-0', 3],
      ['invalid', 'Bad_Name', 4],
    ]);
  });
});

describe('Dockerfile', () => {
  it('reads instructions, flags, exec form, both ENV forms and continuations', () => {
    const text =
      'FROM python:3.12\nENV A=1 B="x y"\nENV HF_HOME /data/.huggingface\nRUN --mount=type=secret,id=HF_TOKEN \\\n    pip install x\nCMD ["uvicorn", "app:app", "--port", "7860"]\nEXPOSE 7860\n';
    const d = parseDockerfile(text);
    expect(d.error).toBeUndefined();
    expect(d.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ENV', 'ENV', 'RUN', 'CMD', 'EXPOSE']);
    expect(d.env.map((e) => [e.name, e.value])).toEqual([
      ['A', '1'],
      ['B', 'x y'],
      ['HF_HOME', '/data/.huggingface'],
    ]);
    const run = d.instructions[3];
    expect(run.flags).toEqual([{ name: 'mount', value: 'type=secret,id=HF_TOKEN', range: expect.any(Array) }]);
    expect(run.args).toBe('pip install x');
    expect([run.line, run.endLine]).toEqual([4, 5]);
    expect(d.instructions[4].exec).toEqual(['uvicorn', 'app:app', '--port', '7860']);
    const port = d.instructions[5].tokens[0];
    expect(text.slice(...port.range)).toBe('7860');
  });
});

describe('front matter tags', () => {
  it('applies explicit scalar tags', () => {
    const r = parseFrontMatter('---\nsdk_version: !!str 5.0\nport: !!int "7860"\n---\n');
    if (!r.found) throw new Error('not found');
    expect(r.frontMatter.data).toEqual({ sdk_version: '5.0', port: 7860 });
  });
});

import { describe, expect, it } from 'vitest';
import { initParsers } from '../parse/python.js';
import { keywordArgument, positionalArguments, argumentRemovalRange } from './arguments.js';
import { analyzePython } from './analyze.js';
import { constantOf, type PythonModule } from './module.js';

await initParsers();

const py = (text: string): PythonModule => analyzePython('app.py', text);
const slice = (text: string, range: [number, number]) => text.slice(range[0], range[1]);

describe('imports and aliases', () => {
  it('resolves every import form of spaces, torch, gradio and os', () => {
    const m = py(
      [
        'import spaces as sp, os',
        'import torch as T',
        'from torch import compile as jit',
        'import gradio',
        'import gradio as gr',
        'from gradio import Blocks, Interface as I',
        'from spaces import GPU as gpu',
        'import os as _os',
        'from os import environ',
        'import a.b.c',
        'from .local import helper',
      ].join('\n'),
    );
    expect(m.aliases).toMatchObject({
      sp: 'spaces',
      os: 'os',
      T: 'torch',
      jit: 'torch.compile',
      gradio: 'gradio',
      gr: 'gradio',
      Blocks: 'gradio.Blocks',
      I: 'gradio.Interface',
      gpu: 'spaces.GPU',
      _os: 'os',
      environ: 'os.environ',
      a: 'a',
      helper: '.local.helper',
    });
  });

  it('binds GPU for a wildcard import and keeps a guarded import with its stub', () => {
    const m = py('try:\n    import spaces\nexcept ImportError:\n    class spaces:\n        GPU = staticmethod(lambda f: f)\nfrom spaces import *\n');
    expect(m.aliases.spaces).toBe('spaces');
    expect(m.aliases.GPU).toBe('spaces.GPU');
    expect(m.imports[0]).toMatchObject({ module: 'spaces', guarded: true, nested: false, statementIndex: 0 });
    expect(m.bindings).toContain('spaces');
  });

  it('reads a wildcard import of a module named like an Object method (PyYAML: `from .constructor import *`)', () => {
    const m = py('from .constructor import *\nfrom toString import *\nimport hasOwnProperty\nx = constructor.y\n');
    expect(m.imports.map((i) => i.module)).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(m.aliases).toEqual({ hasOwnProperty: 'hasOwnProperty' });
  });

  it('marks imports in functions as nested and lets module-level ones win', () => {
    const m = py('import torch\n\ndef f():\n    import tensorflow as torch\n    import spaces\n');
    expect(m.aliases.torch).toBe('torch');
    expect(m.aliases.spaces).toBe('spaces');
    expect(m.imports.find((i) => i.module === 'spaces')).toMatchObject({ nested: true, statementIndex: 1 });
  });
});

describe('calls', () => {
  const text = 'import gradio as gr\nLIMIT = None\ndemo.queue(max_size=5).launch(share=True, **opts)\nbtn.click(fn, [a, b], out, concurrency_limit=LIMIT)\n';
  const m = py(text);

  it('resolves callees and links chained calls', () => {
    const launch = m.calls.find((c) => c.name === 'launch')!;
    const queue = m.calls[launch.receiverCall!];
    expect(queue).toMatchObject({ callee: 'demo.queue', receiver: 'demo', name: 'queue', qualified: 'demo.queue' });
    expect(launch.callee).toBeUndefined();
    expect(keywordArgument(queue, 'max_size')?.value).toMatchObject({ kind: 'number', value: 5 });
    expect(keywordArgument(launch, 'share')?.value).toMatchObject({ kind: 'bool', value: true });
    expect(launch.args[1].splat).toBe('**');
  });

  it('reads positional and keyword arguments with ranges and constants', () => {
    const click = m.calls.find((c) => c.name === 'click')!;
    expect(positionalArguments(click).map((a) => a.value.kind)).toEqual(['name', 'other', 'name']);
    const limit = keywordArgument(click, 'concurrency_limit')!;
    expect(slice(text, limit.range)).toBe('concurrency_limit=LIMIT');
    expect(constantOf(m, limit.value)).toMatchObject({ kind: 'none' });
    expect(slice(text, argumentRemovalRange(click, limit))).toBe(', concurrency_limit=LIMIT');
  });

  it('records the enclosing function and the top-level statement', () => {
    const t = 'def outer():\n    def inner():\n        print(1)\n    return inner\nx = [lambda: print(2)]\nprint(3)\n';
    const mm = py(t);
    const [p1, p2, p3] = mm.calls;
    expect(mm.functions[p1.function!].name).toBe('inner');
    expect(mm.functions[mm.functions[p1.function!].parent!].name).toBe('outer');
    expect(mm.functions[p2.function!].lambda).toBe(true);
    expect(p3.function).toBeUndefined();
    expect([p1.statementIndex, p2.statementIndex, p3.statementIndex]).toEqual([0, 1, 2]);
  });

  it('parses string and number literals', () => {
    const mm = py('f("a" "b", r"\\d", 1_000, 0x10, -2.5, f"x{y}", b"raw", """doc""")\n');
    const values = mm.calls[0].args.map((a) => (a.value.kind === 'other' ? a.value.nodeType : a.value.value));
    expect(values).toEqual(['ab', '\\d', 1000, 16, -2.5, 'string', 'string', 'doc']);
  });
});

describe('functions', () => {
  it('reads parameters, async, generators and decorators', () => {
    const t = '@spaces.GPU(duration=30)\n@other\nasync def f(a, b: int, /, c=1, *args, d, e: int = 2, **kw):\n    yield 1\n\ndef g(x, *, y): return x\n';
    const m = py(t);
    const [f, g] = m.functions;
    expect(f).toMatchObject({ name: 'f', async: true, generator: true });
    // biome-ignore format: a packed word list reads better than one word per line
    expect(f.params.map((p) => `${p.name}:${p.kind}${p.default ? '=' : ''}`)).toEqual([
      'a:positional-only', 'b:positional-only', 'c:positional=', 'args:var-positional', 'd:keyword-only', 'e:keyword-only=', 'kw:var-keyword',
    ]);
    expect(f.decorators.map((d) => d.qualified)).toEqual(['spaces.GPU', 'other']);
    expect(slice(t, f.decorators[0].range)).toBe('@spaces.GPU(duration=30)');
    expect(g.params.map((p) => p.kind)).toEqual(['positional', 'keyword-only']);
    expect(g.async).toBe(false);
  });

  it('knows methods from module functions', () => {
    const m = py('class A:\n    LIMIT = None\n    def run(self):\n        def inner(): pass\n');
    expect(m.functions.map((f) => [f.name, f.className])).toEqual([
      ['run', 'A'],
      ['inner', undefined],
    ]);
    expect(m.assignments[0]).toMatchObject({ targets: ['LIMIT'], inClass: true });
    expect(m.constants.LIMIT).toBeUndefined();
  });
});

describe('constants and env writes', () => {
  it('keeps module-level names with one literal value', () => {
    const m = py('A = None\nB = 1\nB = 2\nC: int | None = None\nD = "x"\nD = "x"\nE = f()\ndef h():\n    F = 1\nif x:\n    G = True\n');
    expect(Object.keys(m.constants).sort()).toEqual(['A', 'C', 'D', 'G']);
  });

  it('finds env writes through every form and alias', () => {
    const t = [
      'import os as _os',
      'from os import environ',
      '_os.environ["HF_HOME"] = "/data/.hf"',
      'environ.setdefault("GRADIO_DEFAULT_CONCURRENCY_LIMIT", "None")',
      '_os.environ.update({"A": "1", "B": VALUE})',
      '_os.environ.update(C="3")',
      '_os.putenv("D", "4")',
      'def f():',
      '    _os.environ["E"] = "5"',
      'other["X"] = "no"',
    ].join('\n');
    const m = py(t);
    expect(m.envWrites.map((w) => [w.name, w.method, w.value?.value ?? w.value?.name, w.function === undefined])).toEqual([
      ['HF_HOME', 'subscript', '/data/.hf', true],
      ['GRADIO_DEFAULT_CONCURRENCY_LIMIT', 'setdefault', 'None', true],
      ['A', 'update', '1', true],
      ['B', 'update', 'VALUE', true],
      ['C', 'update', '3', true],
      ['D', 'putenv', '4', true],
      ['E', 'subscript', '5', false],
    ]);
    expect(m.envWrites[0].statementIndex).toBe(2);
  });
});

describe('GPU references and applications', () => {
  const forms = (t: string) => {
    const m = py(t);
    return m.gpuApplications.map((a) => ({
      form: a.form,
      fn: a.function === undefined ? undefined : m.functions[a.function].name,
      duration: a.duration ? slice(t, a.duration.value.range) : undefined,
      size: a.size ? slice(t, a.size.value.range) : undefined,
    }));
  };

  it('reads every decorator form', () => {
    const t = [
      'import spaces',
      'from spaces import GPU',
      '@spaces.GPU',
      'def a(): ...',
      '@spaces.GPU()',
      'def b(): ...',
      '@spaces.GPU(45)',
      'def c(): ...',
      '@GPU(duration=60, size="xlarge")',
      'def d(): ...',
      '@spaces.GPU("xlarge")',
      'def e(): ...',
      '@spaces.GPU(duration=est)',
      'def f(x): ...',
    ].join('\n');
    expect(forms(t)).toEqual([
      { form: 'decorator', fn: 'a', duration: undefined, size: undefined },
      { form: 'decorator', fn: 'b', duration: undefined, size: undefined },
      { form: 'decorator', fn: 'c', duration: '45', size: undefined },
      { form: 'decorator', fn: 'd', duration: '60', size: '"xlarge"' },
      { form: 'decorator', fn: 'e', duration: undefined, size: '"xlarge"' },
      { form: 'decorator', fn: 'f', duration: 'est', size: undefined },
    ]);
  });

  it('reads wrapping calls', () => {
    const t =
      'import spaces as sp\nimport gradio as gr\ndef raw(x): ...\nfast = sp.GPU(raw)\nslow = sp.GPU(duration=30)(raw)\ngr.Interface(fn=sp.GPU(lambda x: x, duration=5), inputs="text", outputs="text")\nLATER = sp.GPU(duration=10)\n';
    expect(forms(t)).toEqual([
      { form: 'wrapper', fn: 'raw', duration: undefined, size: undefined },
      { form: 'wrapper', fn: 'raw', duration: '30', size: undefined },
      { form: 'wrapper', fn: '<lambda>', duration: '5', size: undefined },
    ]);
    expect(py(t).gpuReferences).toHaveLength(4);
  });

  it('tells spaces references from unbound lookalikes and other GPU names', () => {
    const m = py('import torch\n@spaces.GPU\ndef a(): ...\n@GPU\ndef b(): ...\n@torch.GPU\ndef c(): ...\nclass mylib:\n    GPU = 1\n@mylib.GPU\ndef d(): ...\n');
    expect(m.gpuReferences.map((r) => [r.text, r.binding, r.name])).toEqual([
      ['spaces.GPU', 'unbound', 'spaces'],
      ['GPU', 'unbound', 'GPU'],
    ]);
  });
});

describe('Gradio handlers', () => {
  it('finds handlers of interfaces, listeners, gr.on, demo.load and listener decorators', () => {
    const t = [
      'import gradio as gr',
      'import spaces, json, torch',
      'def a(x): ...',
      '@spaces.GPU',
      'def b(x): ...',
      'gr.Interface(a, "text", "text")',
      'gr.ChatInterface(fn=b)',
      'with gr.Blocks() as demo:',
      '    btn = gr.Button()',
      '    btn.click(a, inputs=x, outputs=y)',
      '    gr.Textbox().submit(b)',
      '    gr.on(triggers=[btn.click], fn=a)',
      '    demo.load(lambda: 1, outputs=y)',
      '    @btn.click(inputs=x, outputs=y)',
      '    def c(x): ...',
      'json.load(f)',
      'torch.load(path)',
      'df.select(cols)',
    ].join('\n');
    const m = py(t);
    expect(m.gradioNames.sort()).toEqual(['btn', 'demo']);
    expect(m.handlers.map((h) => [h.kind, h.event, h.function === undefined ? h.name : m.functions[h.function].name, h.gpu])).toEqual([
      ['interface', undefined, 'a', false],
      ['chat-interface', undefined, 'b', true],
      ['listener', 'click', 'a', false],
      ['listener', 'submit', 'b', true],
      ['on', undefined, 'a', false],
      ['listener', 'load', '<lambda>', false],
      ['listener-decorator', 'click', 'c', false],
    ]);
  });

  it('sees through spaces.GPU and functools.partial around a handler', () => {
    const m = py(
      'import gradio as gr, spaces\nfrom functools import partial\ndef run(x, y): ...\ngr.Interface(fn=spaces.GPU(run), inputs="text", outputs="text")\ngr.Interface(partial(run, y=1), "text", "text")\n',
    );
    expect(m.handlers.map((h) => [m.functions[h.function!].name, h.gpu])).toEqual([
      ['run', true],
      ['run', false],
    ]);
  });
});

describe('robustness', () => {
  it('extracts facts from a file with syntax errors', () => {
    const m = py('import spaces\n@spaces.GPU\ndef f(x:\n    return x\ngr.Interface(f)\n');
    expect(m.syntaxError).toBeDefined();
    expect(m.imports[0].module).toBe('spaces');
  });

  it('uses UTF-16 offsets', () => {
    const t = '# café ☕ 😀\nx = "é"\nprint(x)\n';
    const m = py(t);
    expect(slice(t, m.calls[0].range)).toBe('print(x)');
  });
});

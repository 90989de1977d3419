import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzePython } from '../python/analyze.js';
import { Extraction } from '../python/extraction.js';
import { initParsers, parsePythonTree, pythonQuery, pythonTreeReader } from './python.js';
import { asTreeSitterRuntime, NodeTreeReader, type PythonTreeReader, RuntimeTreeReader } from './python-tree.js';

await initParsers();

const SAMPLES = [
  'import os, sys as system\nfrom . import sibling\nfrom ..pkg.mod import (a, b as c)\nfrom gradio import *\n',
  '@spaces.GPU(duration=60)\n@other\nasync def f(x, /, y: int = 2, *args, z, **kw):\n    """doc"""\n    yield x\n',
  'class A(Base):\n    GPU = staticmethod(lambda f: f)\n    def m(self): return self.x\n',
  'x = y = 3\na, (b, c) = 1, (2, 3)\nos.environ["K"] = "v"\nos.environ.update({"A": "1", "B": x}, C="2")\n',
  'with torch.no_grad() as ng, open("f") as fh:\n    pass\nif __name__ == "__main__":\n    demo.launch(share=True)\nelse:\n    pass\n',
  'f(,)\n{,}\nx = [\n  # note\n  ,]\n',
  'def broken(:\n    return (1,\nprint("after")\n',
  'try:\n    import spaces\nexcept ImportError:\n    spaces = None\n',
  "s = f'{x!r:>{width}}' + b'\\x00' 'tail'\nlambda: (yield)\nz = not a\n",
  '# only a comment\n',
  '',
  'héllo = "wörld 🎉"\nprint(héllo, ünï="ç")\n',
  'def f(\n    a,\n    b=gr.Slider(0, 1),\n):\n    return g(a)(b).h(c)[0](d)\n',
];

/** Every node's reads, walking named children from the root, as one comparable list. */
function describeTree(r: PythonTreeReader, text: string): unknown[] {
  const out: unknown[] = [];
  const visit = (node: number, depth: number): void => {
    const children = r.namedChildren(node);
    out.push([
      depth,
      r.type(node),
      r.startIndex(node),
      r.endIndex(node),
      r.hasError(node),
      r.isMissing(node),
      children.length,
      r.firstNamedChild(node) && r.startIndex(r.firstNamedChild(node)),
      r.lastNamedChild(node) && r.endIndex(r.lastNamedChild(node)),
      r.children(node).map((child) => [r.type(child), r.startIndex(child), r.isMissing(child)]),
      r.parent(node) && r.type(r.parent(node)),
      ...['name', 'value', 'left', 'right', 'alias', 'object', 'module_name'].map((field) => {
        const child = r.childForFieldName(node, field);
        return child && text.slice(r.startIndex(child), r.endIndex(child));
      }),
    ]);
    for (const child of children) visit(child, depth + 1);
  };
  visit(r.root, 0);
  return out;
}

describe('Python tree readers', () => {
  it('reads through the runtime module when this web-tree-sitter was initialised here', () => {
    const tree = parsePythonTree('x = 1\n');
    try {
      expect(pythonTreeReader(tree)).toBeInstanceOf(RuntimeTreeReader);
      expect(pythonTreeReader(tree, true)).toBeInstanceOf(NodeTreeReader);
    } finally {
      tree.delete();
    }
  });

  it("reads every node of every sample as web-tree-sitter's Node API does", () => {
    for (const text of SAMPLES) {
      const tree = parsePythonTree(text);
      try {
        const viaRuntime = describeTree(pythonTreeReader(tree), text);
        expect(viaRuntime.length).toBeGreaterThan(0);
        expect(viaRuntime).toEqual(describeTree(pythonTreeReader(tree, true), text));
      } finally {
        tree.delete();
      }
    }
  });

  it('returns the same captures in the same order, and stops when the progress callback says so', () => {
    const query = pythonQuery('(call) @call\n(identifier) @name\n(ERROR) @error');
    const text = SAMPLES.join('\n').repeat(40);
    const tree = parsePythonTree(text);
    try {
      const runtime = pythonTreeReader(tree);
      const nodes = pythonTreeReader(tree, true);
      const a = runtime.captures(query);
      const b = nodes.captures(query);
      expect(a.names.length).toBeGreaterThan(50);
      expect(a.names).toEqual(b.names);
      expect(a.nodes.map((n) => [runtime.startIndex(n), runtime.endIndex(n)])).toEqual(b.nodes.map((n) => [nodes.startIndex(n), nodes.endIndex(n)]));
      let calls = 0;
      const stopped = runtime.captures(query, () => ++calls > 0);
      expect(calls).toBe(1);
      expect(stopped.names.length).toBeLessThan(a.names.length);
      // The callback is cleared afterwards: a later query runs to the end.
      expect(runtime.captures(query).names).toEqual(a.names);
    } finally {
      tree.delete();
    }
  });

  it('extracts the same facts through either reader', () => {
    for (const text of SAMPLES) {
      const facts = (viaNodes: boolean) => {
        const tree = parsePythonTree(text);
        try {
          const extraction = new Extraction('app.py', text);
          extraction.run(tree, viaNodes);
          return extraction.module;
        } finally {
          tree.delete();
        }
      };
      expect(facts(false)).toEqual(facts(true));
    }
  });

  it('reads a tree whose nodes outgrow the first table and WebAssembly memory that grows meanwhile', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `v${i} = call_${i}(a, b=[${i}, "s"], *rest)`).join('\n');
    const tree = parsePythonTree(text);
    try {
      const r = pythonTreeReader(tree);
      const statements = r.namedChildren(r.root);
      expect(statements).toHaveLength(3000);
      const last = statements[2999];
      expect(text.slice(r.startIndex(last), r.endIndex(last))).toBe('v2999 = call_2999(a, b=[2999, "s"], *rest)');
      expect(r.captures(pythonQuery('(call) @call')).nodes).toHaveLength(3000);
    } finally {
      tree.delete();
    }
  });

  it('reads through the Node API, with the same facts, when another copy of web-tree-sitter was initialised first', () => {
    // A separate process: web-tree-sitter's runtime is initialised once per process, by whoever comes first.
    const dist = new URL('../../dist/', import.meta.url).href;
    const script = `
      import { Parser } from 'web-tree-sitter';
      await Parser.init();
      const { initParsers } = await import('${dist}index.js');
      await initParsers();
      const { parsePythonTree, pythonTreeReader } = await import('${dist}parse/python.js');
      const { analyzePython } = await import('${dist}python/analyze.js');
      const tree = parsePythonTree('x = 1');
      const reader = pythonTreeReader(tree).constructor.name;
      tree.delete();
      const m = analyzePython('app.py', ${JSON.stringify(SAMPLES[1] + SAMPLES[3])});
      console.log(JSON.stringify({ reader, module: m }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../../', import.meta.url), encoding: 'utf8' }));
    expect(out.reader).toBe('NodeTreeReader');
    const here = JSON.parse(JSON.stringify(analyzePython('fallback.py', SAMPLES[1] + SAMPLES[3])));
    expect(out.module.envWrites.length).toBeGreaterThan(0);
    expect(out.module).toEqual({ ...here, path: 'app.py' });
  });

  it('accepts as the runtime only an object with every function the reader calls', () => {
    expect(asTreeSitterRuntime(undefined)).toBeUndefined();
    expect(asTreeSitterRuntime({})).toBeUndefined();
    expect(asTreeSitterRuntime({ HEAP32: new Int32Array(4), _ts_init: () => 0 })).toBeUndefined();
  });
});

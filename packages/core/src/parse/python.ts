import { Language, Parser, Query, type Tree } from 'web-tree-sitter';
import { asTreeSitterRuntime, NodeTreeReader, type PythonTreeReader, RuntimeTreeReader, type TreeSitterRuntime } from './python-tree.js';

/**
 * Python parsing with web-tree-sitter and the tree-sitter-python 0.25 grammar (ABI 15; pinned together with
 * web-tree-sitter 0.27 in package.json, since a grammar built for another runtime fails to load).
 * The WASM loads asynchronously, once per process: every surface awaits `initParsers()` before the
 * synchronous lint. Trees are read by src/python/ through python-tree.ts.
 */
let language: Language | undefined;
let parser: Parser | undefined;
let loading: Promise<void> | undefined;
/** web-tree-sitter's runtime module, when this copy of web-tree-sitter was initialised here (python-tree.ts). */
let runtimeModule: TreeSitterRuntime | undefined;

/** Where the grammar may be: next to a bundle (CLI, MCP), next to core's dist/, or in node_modules (dev). */
function grammarCandidates(): string[] {
  const list = [new URL('./tree-sitter-python.wasm', import.meta.url), new URL('../tree-sitter-python.wasm', import.meta.url)].map((u) => decodeURIComponent(u.pathname));
  try {
    list.push(decodeURIComponent(new URL(import.meta.resolve('tree-sitter-python/tree-sitter-python.wasm')).pathname));
  } catch {
    // not installed (published package): the copies above are used
  }
  return list;
}

/** A compiled `WebAssembly.Module` (core's lib settings declare no WebAssembly types, so they are spelled out here). */
export type CompiledWasm = object;
interface WasmApi {
  Module: abstract new (bytes: Uint8Array) => CompiledWasm;
  Instance: new (module: CompiledWasm, imports: object) => object;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * Where the two WebAssembly files are, for hosts that serve them as assets (the browser playground), or
 * the modules already compiled (the CLI starts compiling them before its lint code loads, so V8's
 * background threads compile the WebAssembly while the main thread compiles JavaScript). A promise that
 * settles to undefined falls back to the default files. Only the first call's options count.
 */
export interface ParserAssets {
  /** tree-sitter-python.wasm: a URL to fetch, its bytes, or the compiled module. */
  grammar?: string | URL | Uint8Array | Promise<CompiledWasm | undefined>;
  /** web-tree-sitter.wasm: a URL to fetch, or the compiled module. */
  runtime?: string | URL | Promise<CompiledWasm | undefined>;
}

export function initParsers(assets: ParserAssets = {}): Promise<void> {
  loading ??= (async () => {
    const [runtime, grammar] = await Promise.all([assets.runtime, assets.grammar]);
    // Emscripten turns the options object into the runtime module; it stays an empty object when another
    // copy of this web-tree-sitter in the process was initialised first (then trees are read through Node).
    const options = runtimeOptions(runtime);
    await Parser.init(options);
    runtimeModule = asTreeSitterRuntime(options);
    let candidates: (string | Uint8Array)[];
    if (grammar instanceof Wasm.Module) {
      language = Language.loadSync(grammar as Parameters<typeof Language.loadSync>[0]);
      candidates = [];
    } else candidates = grammar === undefined ? grammarCandidates() : [grammar instanceof URL ? grammar.href : (grammar as string | Uint8Array)];
    let lastError: unknown;
    for (const path of candidates) {
      try {
        language = await Language.load(path);
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!language) throw new Error(`spacelint: cannot load the Python grammar (tree-sitter-python.wasm): ${String(lastError)}`);
    parser = new Parser();
    parser.setLanguage(language);
  })();
  return loading;
}

/** Emscripten's options for web-tree-sitter's runtime: where to fetch it, or how to instantiate it when it is compiled already. */
function runtimeOptions(runtime: string | URL | CompiledWasm | undefined) {
  if (runtime instanceof Wasm.Module) {
    // Instantiated synchronously inside Emscripten's promise, so a failure rejects initParsers instead of hanging it.
    return { instantiateWasm: (imports: object, done: (instance: object, module: CompiledWasm) => void) => done(new Wasm.Instance(runtime, imports), runtime) };
  }
  return runtime === undefined ? {} : { locateFile: () => String(runtime) };
}

function ready(): { parser: Parser; language: Language } {
  if (!parser || !language) throw new Error('spacelint: call `await initParsers()` before linting Python');
  return { parser, language };
}

/**
 * Parses Python; the caller must `tree.delete()` when done (WASM memory is not garbage collected). With
 * `old`, a tree of an earlier text already given the edit (`tree.edit`), tree-sitter reuses its unchanged
 * parts: an edit in a 10 KB file reparses in a fraction of the time.
 */
export function parsePythonTree(text: string, old?: Tree): Tree {
  const tree = ready().parser.parse(text, old);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** A reader of `tree`'s nodes for the facts pass (python-tree.ts); `viaNodes` forces the slower public-API reader (tests). */
export function pythonTreeReader(tree: Tree, viaNodes = false): PythonTreeReader {
  return runtimeModule && !viaNodes ? new RuntimeTreeReader(runtimeModule, tree) : new NodeTreeReader(tree);
}

const queries = new Map<string, Query>();

/** A compiled query, cached by its source (compiling costs more than running). */
export function pythonQuery(source: string): Query {
  let q = queries.get(source);
  if (!q) {
    q = new Query(ready().language, source);
    queries.set(source, q);
  }
  return q;
}

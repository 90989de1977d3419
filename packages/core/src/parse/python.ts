import { Language, Parser, Query, type Tree } from 'web-tree-sitter';

/**
 * Python parsing with web-tree-sitter and the tree-sitter-python 0.25 grammar (ABI 15; pinned together with
 * web-tree-sitter 0.27 in package.json, since a grammar built for another runtime fails to load).
 * The WASM loads asynchronously, once per process: every surface awaits `initParsers()` before the
 * synchronous lint. Nothing here walks trees from JavaScript: callers run queries (src/python/).
 */
let language: Language | undefined;
let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Where the grammar may be: next to a bundle (CLI, MCP), next to core's dist/, or in node_modules (dev). */
function grammarCandidates(): string[] {
  const list = [
    new URL('./tree-sitter-python.wasm', import.meta.url),
    new URL('../tree-sitter-python.wasm', import.meta.url),
  ].map((u) => decodeURIComponent(u.pathname));
  try {
    list.push(decodeURIComponent(new URL(import.meta.resolve('tree-sitter-python/tree-sitter-python.wasm')).pathname));
  } catch {
    // not installed (published package): the copies above are used
  }
  return list;
}

export function initParsers(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    let lastError: unknown;
    for (const path of grammarCandidates()) {
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

export function parsersReady(): boolean {
  return parser !== undefined;
}

function ready(): { parser: Parser; language: Language } {
  if (!parser || !language) throw new Error('spacelint: call `await initParsers()` before linting Python');
  return { parser, language };
}

/** Parses Python; the caller must `tree.delete()` when done (WASM memory is not garbage collected). */
export function parsePythonTree(text: string): Tree {
  const tree = ready().parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
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

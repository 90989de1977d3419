import type { Language, Node, Query, Tree } from 'web-tree-sitter';

/**
 * Reading a Python tree from JavaScript, for the facts pass (python/extraction.ts). A node is a number, a
 * handle into the reader's table (0: no node), so reading a capture, a child or a field creates no object.
 *
 * Why not web-tree-sitter's Node: every Node is a class instance with seven fields (defining them was 4% of
 * the pass), every read marshals five numbers through Emscripten's generic `setValue`/`getValue` (5%), and
 * a query creates one Node per capture; together ~14% of the pass's time was spent in that glue and not in
 * tree-sitter. `RuntimeTreeReader` calls the same C functions web-tree-sitter's Node calls, with the same
 * transfer buffer layout, through the runtime's Emscripten module. `NodeTreeReader` does the same through
 * web-tree-sitter's public Node API: it is used when that module is not reachable (another copy of
 * web-tree-sitter in the process was initialised first), and tests check both read the same trees alike.
 * Those C functions are web-tree-sitter's own binding, not its public API: package.json pins web-tree-sitter
 * exactly, and python-tree.test.ts compares the two readers on every node, so an update that changes the
 * binding fails there. Measured on the bench corpus: the Python pass took 0.87 of its CPU time.
 */
export interface PythonTreeReader {
  readonly root: number;
  /** Runs a query without predicates from the root; captures in document order, cut short when `progress` returns true. */
  captures(query: Query, progress?: () => boolean): { names: string[]; nodes: number[] };
  /** The root and its descendants that are named nodes of these types (`ERROR` too), parents before children, in document order. */
  descendantsOfType(types: readonly string[]): number[];
  startIndex(node: number): number;
  endIndex(node: number): number;
  type(node: number): string;
  hasError(node: number): boolean;
  isMissing(node: number): boolean;
  namedChildren(node: number): number[];
  /** All children, anonymous tokens and MISSING nodes included, in order (one call, not a sibling walk). */
  children(node: number): number[];
  firstNamedChild(node: number): number;
  lastNamedChild(node: number): number;
  parent(node: number): number;
  childForFieldName(node: number, field: string): number;
}

/**
 * The functions of web-tree-sitter's runtime module read here (web-tree-sitter 0.27's binding, lib/tree-sitter.c
 * in its source map). Emscripten fills them into the options object given to `Parser.init`.
 */
export interface TreeSitterRuntime {
  HEAP32: Int32Array;
  currentQueryProgressCallback: (() => boolean) | null;
  _ts_init(): number;
  _malloc(size: number): number;
  _free(address: number): void;
  _ts_node_descendants_of_type_wasm(tree: number, symbols: number, count: number, startRow: number, startColumn: number, endRow: number, endColumn: number): void;
  _ts_query_captures_wasm(...args: number[]): void;
  _ts_node_end_index_wasm(tree: number): number;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_node_is_missing_wasm(tree: number): number;
  _ts_node_named_children_wasm(tree: number): void;
  _ts_node_children_wasm(tree: number): void;
  _ts_node_named_child_wasm(tree: number, index: number): void;
  _ts_node_named_child_count_wasm(tree: number): number;
  _ts_node_parent_wasm(tree: number): void;
  _ts_node_child_by_field_id_wasm(tree: number, field: number): void;
}

const RUNTIME_FUNCTIONS = [
  '_ts_init',
  '_malloc',
  '_free',
  '_ts_node_descendants_of_type_wasm',
  '_ts_query_captures_wasm',
  '_ts_node_end_index_wasm',
  '_ts_node_symbol_wasm',
  '_ts_node_has_error_wasm',
  '_ts_node_is_missing_wasm',
  '_ts_node_named_children_wasm',
  '_ts_node_children_wasm',
  '_ts_node_named_child_wasm',
  '_ts_node_named_child_count_wasm',
  '_ts_node_parent_wasm',
  '_ts_node_child_by_field_id_wasm',
] as const;

/** The runtime module when `candidate` (the object given to Parser.init) became it and has every function used here. */
export function asTreeSitterRuntime(candidate: unknown): TreeSitterRuntime | undefined {
  const runtime = candidate as Partial<Record<string, unknown>> | undefined;
  if (!runtime || !(runtime.HEAP32 instanceof Int32Array)) return undefined;
  return RUNTIME_FUNCTIONS.every((name) => typeof runtime[name] === 'function') ? (runtime as unknown as TreeSitterRuntime) : undefined;
}

/** The grammar's symbols of named nodes of `types`, ascending (the runtime's walk stops scanning at a larger one). */
function namedSymbols(language: Language, types: readonly string[]): Int32Array {
  const key = types.join(' ');
  let cached = symbolsByTypes.get(language)?.get(key);
  if (!cached) {
    const symbols: number[] = [];
    for (let id = 0; id < language.types.length; id++) {
      if (types.includes(language.types[id]) && language.nodeTypeIsNamed(id) && language.nodeTypeIsVisible(id)) symbols.push(id);
    }
    // ERROR is tree-sitter's builtin symbol, not the grammar's: the largest, so the list stays ascending.
    if (types.includes('ERROR')) symbols.push(ERROR_SYMBOL);
    cached = Int32Array.from(symbols);
    let forLanguage = symbolsByTypes.get(language);
    if (!forLanguage) symbolsByTypes.set(language, (forLanguage = new Map()));
    forLanguage.set(key, cached);
  }
  return cached;
}
const symbolsByTypes = new WeakMap<Language, Map<string, Int32Array>>();
/** tree-sitter's `ts_builtin_sym_error`. */
const ERROR_SYMBOL = 65535;

/** Numbers per node in the runtime's transfer buffer: id, start (UTF-16 units), row, column, and a context word. */
const NODE_INTS = 5;
/** web-tree-sitter keeps a wasm object's address at index 0 (tree, query, node's context word). */
type Addressed = { 0: number };

export class RuntimeTreeReader implements PythonTreeReader {
  readonly root: number;
  private readonly tree: number;
  /** The transfer buffer's index in HEAP32. */
  private readonly transfer: number;
  private readonly language: Language;
  private readonly types: string[];
  private readonly fields: string[];
  /** Five numbers per node; handle k is at k * 5 (slot 0 is "no node"). */
  private table = new Int32Array(NODE_INTS * 256);
  private count = 1;

  constructor(
    private readonly runtime: TreeSitterRuntime,
    tree: Tree,
  ) {
    this.tree = (tree as unknown as Addressed)[0];
    this.transfer = runtime._ts_init() >> 2;
    this.language = tree.language;
    this.types = tree.language.types as string[];
    this.fields = tree.language.fields as string[];
    const root = tree.rootNode;
    this.root = this.add(root.id, root.startIndex, root.startPosition.row, root.startPosition.column, (root as unknown as Addressed)[0]);
  }

  private add(id: number, start: number, row: number, column: number, context: number): number {
    if (id === 0) return 0;
    const handle = this.count++;
    let table = this.table;
    if (handle * NODE_INTS + NODE_INTS > table.length) {
      table = new Int32Array(table.length * 2);
      table.set(this.table);
      this.table = table;
    }
    const at = handle * NODE_INTS;
    table[at] = id;
    table[at + 1] = start;
    table[at + 2] = row;
    table[at + 3] = column;
    table[at + 4] = context;
    return handle;
  }

  /** Adds the node the runtime wrote at `address` (a byte address; HEAP32 is read afresh: memory may have grown). */
  private read(address: number): number {
    const heap = this.runtime.HEAP32;
    const i = address >> 2;
    return this.add(heap[i], heap[i + 1], heap[i + 2], heap[i + 3], heap[i + 4]);
  }

  /** Writes a node into the transfer buffer, where the runtime's node functions read it. */
  private put(node: number): number {
    const heap = this.runtime.HEAP32;
    const table = this.table;
    const at = node * NODE_INTS;
    const t = this.transfer;
    heap[t] = table[at];
    heap[t + 1] = table[at + 1];
    heap[t + 2] = table[at + 2];
    heap[t + 3] = table[at + 3];
    heap[t + 4] = table[at + 4];
    return this.tree;
  }

  captures(query: Query, progress?: () => boolean): { names: string[]; nodes: number[] } {
    const runtime = this.runtime;
    const captureNames = query.captureNames;
    runtime.currentQueryProgressCallback = progress ?? null;
    try {
      this.put(this.root);
      // Arguments as web-tree-sitter's Query#captures passes them with no options: no ranges, no limits.
      runtime._ts_query_captures_wasm((query as unknown as Addressed)[0], this.tree, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xffffffff, 0xffffffff);
    } finally {
      runtime.currentQueryProgressCallback = null;
    }
    const heap = runtime.HEAP32;
    const matches = heap[this.transfer];
    const start = heap[this.transfer + 1];
    const names: string[] = [];
    const nodes: number[] = [];
    // Each match: pattern index, capture count, index of the capture this entry is for, then per capture its
    // index and node. Entries arrive in document order; patterns here have one capture each.
    let i = start >> 2;
    for (let m = 0; m < matches; m++) {
      const captureCount = heap[i + 1];
      const which = heap[i + 2];
      i += 3;
      for (let c = 0; c < captureCount; c++) {
        if (c === which) {
          names.push(captureNames[heap[i]]);
          nodes.push(this.add(heap[i + 1], heap[i + 2], heap[i + 3], heap[i + 4], heap[i + 5]));
        }
        i += 1 + NODE_INTS;
      }
    }
    if (start) runtime._free(start);
    return { names, nodes };
  }

  descendantsOfType(types: readonly string[]): number[] {
    const runtime = this.runtime;
    const symbols = namedSymbols(this.language, types);
    const address = runtime._malloc(4 * Math.max(1, symbols.length));
    try {
      runtime.HEAP32.set(symbols, address >> 2);
      runtime._ts_node_descendants_of_type_wasm(this.put(this.root), address, symbols.length, 0, 0, 0, 0);
    } finally {
      runtime._free(address);
    }
    const heap = runtime.HEAP32;
    const count = heap[this.transfer];
    const buffer = heap[this.transfer + 1];
    const nodes = new Array<number>(count);
    for (let k = 0, i = buffer >> 2; k < count; k++, i += NODE_INTS) nodes[k] = this.add(heap[i], heap[i + 1], heap[i + 2], heap[i + 3], heap[i + 4]);
    if (buffer) runtime._free(buffer);
    return nodes;
  }

  startIndex(node: number): number {
    return this.table[node * NODE_INTS + 1];
  }

  endIndex(node: number): number {
    return this.runtime._ts_node_end_index_wasm(this.put(node));
  }

  type(node: number): string {
    return this.types[this.runtime._ts_node_symbol_wasm(this.put(node))] || 'ERROR';
  }

  hasError(node: number): boolean {
    return this.runtime._ts_node_has_error_wasm(this.put(node)) === 1;
  }

  isMissing(node: number): boolean {
    return this.runtime._ts_node_is_missing_wasm(this.put(node)) === 1;
  }

  namedChildren(node: number): number[] {
    this.runtime._ts_node_named_children_wasm(this.put(node));
    return this.childList();
  }

  children(node: number): number[] {
    this.runtime._ts_node_children_wasm(this.put(node));
    return this.childList();
  }

  /** The list a `_ts_node_*children_wasm` call left in the transfer buffer (then freed). */
  private childList(): number[] {
    const runtime = this.runtime;
    const heap = runtime.HEAP32;
    const count = heap[this.transfer];
    const buffer = heap[this.transfer + 1];
    const children = new Array<number>(count);
    for (let k = 0; k < count; k++) children[k] = this.read(buffer + k * NODE_INTS * 4);
    if (buffer) runtime._free(buffer);
    return children;
  }

  firstNamedChild(node: number): number {
    this.runtime._ts_node_named_child_wasm(this.put(node), 0);
    return this.read(this.transfer << 2);
  }

  lastNamedChild(node: number): number {
    const count = this.runtime._ts_node_named_child_count_wasm(this.put(node));
    this.runtime._ts_node_named_child_wasm(this.put(node), count - 1);
    return this.read(this.transfer << 2);
  }

  parent(node: number): number {
    this.runtime._ts_node_parent_wasm(this.put(node));
    return this.read(this.transfer << 2);
  }

  childForFieldName(node: number, field: string): number {
    const id = this.fields.indexOf(field);
    if (id < 0) return 0;
    this.runtime._ts_node_child_by_field_id_wasm(this.put(node), id);
    return this.read(this.transfer << 2);
  }
}

/** The same reads through web-tree-sitter's public Node API (slower; see the top of this file). */
export class NodeTreeReader implements PythonTreeReader {
  readonly root: number;
  private readonly nodes: (Node | null)[] = [null];

  constructor(tree: Tree) {
    this.root = this.add(tree.rootNode);
  }

  private add(node: Node | null | undefined): number {
    if (!node) return 0;
    return this.nodes.push(node) - 1;
  }

  private node(handle: number): Node {
    return this.nodes[handle] as Node;
  }

  captures(query: Query, progress?: () => boolean): { names: string[]; nodes: number[] } {
    const names: string[] = [];
    const nodes: number[] = [];
    for (const capture of query.captures(this.node(this.root), progress ? { progressCallback: progress } : {})) {
      names.push(capture.name);
      nodes.push(this.add(capture.node));
    }
    return { names, nodes };
  }

  descendantsOfType(types: readonly string[]): number[] {
    return this.node(this.root)
      .descendantsOfType(types as string[])
      .filter((node) => node?.isNamed)
      .map((node) => this.add(node));
  }

  startIndex(node: number): number {
    return this.node(node).startIndex;
  }

  endIndex(node: number): number {
    return this.node(node).endIndex;
  }

  type(node: number): string {
    return this.node(node).type;
  }

  hasError(node: number): boolean {
    return this.node(node).hasError;
  }

  isMissing(node: number): boolean {
    return this.node(node).isMissing;
  }

  namedChildren(node: number): number[] {
    return this.node(node).namedChildren.map((child) => this.add(child));
  }

  children(node: number): number[] {
    return this.node(node).children.map((child) => this.add(child));
  }

  firstNamedChild(node: number): number {
    return this.add(this.node(node).firstNamedChild);
  }

  lastNamedChild(node: number): number {
    return this.add(this.node(node).lastNamedChild);
  }

  parent(node: number): number {
    return this.add(this.node(node).parent);
  }

  childForFieldName(node: number, field: string): number {
    return this.add(this.node(node).childForFieldName(field));
  }
}

import type { Node } from 'web-tree-sitter';
import { parsePythonTree, pythonQuery } from '../parse/python.js';

/**
 * What the rules know about one Python file, extracted in one query pass; the tree is deleted right after.
 * Offsets are UTF-16 code units into the file's text (web-tree-sitter parses JS strings as UTF-16).
 */
export interface PythonImport {
  /** `import a.b as c` → module `a.b`, alias `c`; `from a import b as c` → module `a`, name `b`, alias `c`. */
  module: string;
  name?: string;
  alias?: string;
  /** `from . import x` / `from .pkg import x`: number of leading dots. */
  level: number;
  /** Index of the top-level statement that holds it (imports inside functions keep their top-level index). */
  statementIndex: number;
  /** True when the import sits inside a function or class body. */
  nested: boolean;
  /** True when inside a `try:` block (a guarded optional import). */
  guarded: boolean;
  range: [number, number];
  /** Range of the whole import statement. */
  statementRange: [number, number];
}

export interface PythonComment {
  text: string;
  range: [number, number];
}

export interface PythonSyntaxError {
  message: string;
  range: [number, number];
}

export interface PythonModule {
  path: string;
  /** First syntax error, when the file does not parse (facts are still extracted from what did parse). */
  syntaxError?: PythonSyntaxError;
  imports: PythonImport[];
  comments: PythonComment[];
  /** Ranges of the top-level statements, in order. */
  statements: [number, number][];
}

const IMPORT_QUERY = `
(import_statement) @import
(import_from_statement) @import
(comment) @comment
(ERROR) @error
(MISSING) @missing
`;

export function analyzePython(path: string, text: string): PythonModule {
  const tree = parsePythonTree(text);
  try {
    const root = tree.rootNode;
    const module: PythonModule = { path, imports: [], comments: [], statements: [] };
    for (const child of root.namedChildren) {
      if (child && child.type !== 'comment') module.statements.push([child.startIndex, child.endIndex]);
    }
    // Bounded: tree-sitter's query cursor is quadratic over some broken trees (a long run of `(` or `[`
    // makes one flat ERROR node: 100 KB took 16 s, 2 MB would take hours). Real files finish in
    // milliseconds; past the budget the captures so far are kept and the file is reported as broken.
    // Only broken trees are watched: the callback costs a call from WASM into JS every few nodes.
    const deadline = performance.now() + QUERY_BUDGET_MS + text.length / 1024;
    let cancelled = false;
    const captures = pythonQuery(IMPORT_QUERY).captures(
      root,
      root.hasError ? { progressCallback: () => (cancelled ||= performance.now() > deadline) } : {},
    );
    for (const capture of captures) {
      const node = capture.node;
      switch (capture.name) {
        case 'comment':
          module.comments.push({ text: node.text, range: [node.startIndex, node.endIndex] });
          break;
        case 'import':
          readImport(node, module);
          break;
        case 'error':
        case 'missing':
          if (!module.syntaxError || node.startIndex < module.syntaxError.range[0]) {
            module.syntaxError = syntaxErrorAt(text, node, capture.name === 'missing');
          }
          break;
      }
    }
    if (cancelled && root.hasError) {
      const first = firstErrorNode(root);
      if (!module.syntaxError || first.startIndex < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(text, first, first.isMissing);
    }
    return module;
  } finally {
    tree.delete();
  }
}

/** Milliseconds the query pass may take on one file, plus 1 ms per KB of text. */
const QUERY_BUDGET_MS = 1000;

/** The first ERROR or MISSING node in document order, found by descending into the first child that has one. */
function firstErrorNode(root: Node): Node {
  let node = root;
  for (;;) {
    if (node.type === 'ERROR' || node.isMissing) return node;
    let child = node.firstChild;
    while (child && !child.hasError) child = child.nextSibling;
    if (!child) return node;
    node = child;
  }
}

function syntaxErrorAt(text: string, node: Node, missing: boolean): PythonSyntaxError {
  const start = node.startIndex;
  const end = Math.max(node.endIndex, start + 1);
  if (missing) return { message: `Python syntax error: missing \`${node.type}\``, range: [start, end] };
  // From the file's text (offsets are UTF-16 units), not node.text: an ERROR node may span megabytes.
  const snippet = text.slice(start, Math.min(node.endIndex, start + 200)).split(/\r?\n/)[0].slice(0, 40);
  return { message: snippet ? `Python syntax error near \`${snippet}\`` : 'Python syntax error', range: [start, end] };
}

function topLevelIndex(node: Node, module: PythonModule): { index: number; nested: boolean; guarded: boolean } {
  let nested = false;
  let guarded = false;
  let current: Node | null = node;
  while (current?.parent && current.parent.type !== 'module') {
    const t = current.parent.type;
    if (t === 'function_definition' || t === 'class_definition') nested = true;
    if (t === 'try_statement' && current.type === 'block') guarded = true;
    current = current.parent;
  }
  const start = current?.startIndex ?? node.startIndex;
  return { index: statementIndexAt(module.statements, start), nested, guarded };
}

/**
 * Index of the top-level statement holding `offset` (statements are sorted and disjoint), or the count
 * when none does. Binary search: a file of many thousand imports must not cost imports × statements.
 */
function statementIndexAt(statements: [number, number][], offset: number): number {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = statements[mid];
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return statements.length;
}

function readImport(node: Node, module: PythonModule): void {
  const where = topLevelIndex(node, module);
  const base = {
    statementIndex: where.index,
    nested: where.nested,
    guarded: where.guarded,
    statementRange: [node.startIndex, node.endIndex] as [number, number],
  };
  if (node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'dotted_name') {
        module.imports.push({ ...base, module: child.text, level: 0, range: [child.startIndex, child.endIndex] });
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name');
        const alias = child.childForFieldName('alias');
        module.imports.push({ ...base, module: name?.text ?? '', alias: alias?.text, level: 0, range: [child.startIndex, child.endIndex] });
      }
    }
    return;
  }
  // from X import a, b as c / from X import * / from . import y
  const moduleNode = node.childForFieldName('module_name');
  let level = 0;
  let moduleName = '';
  if (moduleNode) {
    if (moduleNode.type === 'relative_import') {
      const prefix = moduleNode.namedChildren.find((c) => c?.type === 'import_prefix');
      level = prefix?.text.length ?? 0;
      moduleName = moduleNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
    } else {
      moduleName = moduleNode.text;
    }
  }
  let any = false;
  for (const child of node.namedChildren) {
    if (!child || child === moduleNode || child.startIndex === moduleNode?.startIndex) continue;
    if (child.type === 'dotted_name') {
      any = true;
      module.imports.push({ ...base, module: moduleName, name: child.text, level, range: [child.startIndex, child.endIndex] });
    } else if (child.type === 'aliased_import') {
      any = true;
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      module.imports.push({ ...base, module: moduleName, name: name?.text, alias: alias?.text, level, range: [child.startIndex, child.endIndex] });
    } else if (child.type === 'wildcard_import') {
      any = true;
      module.imports.push({ ...base, module: moduleName, name: '*', level, range: [child.startIndex, child.endIndex] });
    }
  }
  if (!any) module.imports.push({ ...base, module: moduleName, level, range: [node.startIndex, node.endIndex] });
}

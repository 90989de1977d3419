import { Edit, type Point, type Tree } from 'web-tree-sitter';
import { parsePythonTree, pythonTreeReader } from '../parse/python.js';
import type { PythonTreeReader } from '../parse/python-tree.js';
import { parsePythonDescent } from '../parse/python-descent.js';
import { Extraction } from './extraction.js';
import { buildGpuFacts } from './gpu-facts.js';
import { buildGradioFacts } from './gradio-facts.js';
import type { PythonModule } from './module.js';

/**
 * A Python file's facts (module.ts describes them): the generic extraction, then the GPU facts, then the
 * Gradio facts (handlers need to know which functions are GPU-decorated). Only plain data survives: the
 * tree is deleted, or kept as the file's last tree (below) to reparse the next edit of it incrementally.
 */
export function analyzePython(path: string, text: string): PythonModule {
  const parsedBefore = pythonParsed;
  pythonParsed += text.length;
  // The descent parser builds tree-sitter's very tree in JavaScript: once the process has parsed some
  // Python (its code is compiled and optimised by then) it is several times faster than tree-sitter's
  // WebAssembly parse, walk and free. Before that, running it in V8's interpreter cost a cold ESLint run
  // ~3% more than tree-sitter, which is loaded anyway; and an edit of the file an editor lints again is
  // reparsed faster by tree-sitter from its last tree. It declines syntax errors and rarer forms (tree-sitter
  // then). Both build the same tree (python-descent.test.ts), so the choice changes the time, not the facts.
  if (parsedBefore >= DESCENT_AFTER_CHARS && !isSmallEdit(path, text)) {
    const descent = descentOrUndefined(text);
    if (descent) return factsOf(path, text, descent);
  }
  const tree = parseAfterEdit(path, text);
  let keep = false;
  try {
    const module = factsOf(path, text, pythonTreeReader(tree));
    keep = true;
    return module;
  } finally {
    if (keep && text.length <= MAX_KEPT_TEXT) remember(path, text, tree);
    else tree.delete();
  }
}

/** Python characters analysed by this process so far; past DESCENT_AFTER_CHARS the descent parser is warm. */
let pythonParsed = 0;
/** About ten typical Spaces' Python: a one-Space CLI or ESLint run stays below it, a batch passes it early. */
const DESCENT_AFTER_CHARS = 128 * 1024;
/** An editor's edit: this share of the text is unchanged since the file's last tree (tree-sitter reparses it incrementally). */
const SMALL_EDIT_UNCHANGED_SHARE = 0.95;

function isSmallEdit(path: string, text: string): boolean {
  const last = lastTrees.get(path);
  if (!last) return false;
  const { prefix, suffix } = unchangedEnds(last.text, text);
  return prefix + suffix >= SMALL_EDIT_UNCHANGED_SHARE * text.length;
}

/** How many characters at the start and at the end two texts share (the end not overlapping the start). */
function unchangedEnds(before: string, after: string): { prefix: number; suffix: number } {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** A bug in the descent parser (its tests call it directly and see it) must not cost a lint its findings: tree-sitter parses the file then. */
function descentOrUndefined(text: string): PythonTreeReader | undefined {
  try {
    return parsePythonDescent(text);
  } catch {
    return undefined;
  }
}

function factsOf(path: string, text: string, reader: PythonTreeReader): PythonModule {
  const extraction = new Extraction(path, text);
  extraction.read(reader);
  const module = extraction.module;
  buildGpuFacts(module);
  buildGradioFacts(module);
  return module;
}

/**
 * The last tree of the few most recent paths: an editor (the ESLint plugin, the MCP server) lints the same
 * file again after each keystroke, and tree-sitter reparses an edited tree in a fraction of a full parse.
 * Bounded, since each tree holds WebAssembly memory until deleted.
 */
const lastTrees = new Map<string, { text: string; tree: Tree }>();
const LAST_TREES = 4;
/** A larger file's tree is not kept: its WebAssembly memory (tens of MB for a few MB of Python) is freed at once. */
const MAX_KEPT_TEXT = 512 * 1024;
/** Below this share of unchanged text a fresh parse is as fast, and keeps a batch of unrelated files independent. */
const MIN_UNCHANGED_SHARE = 0.5;

function parseAfterEdit(path: string, text: string): Tree {
  const last = lastTrees.get(path);
  if (last) lastTrees.delete(path);
  const edit = last && textEdit(last.text, text);
  if (!last || !edit) {
    last?.tree.delete();
    return parsePythonTree(text);
  }
  last.tree.edit(edit);
  const tree = parsePythonTree(text, last.tree);
  last.tree.delete();
  // Error recovery may settle differently on a reused tree than on a fresh one: a file with a syntax error
  // is parsed afresh, so its findings never depend on the edits that led to it.
  if (!tree.rootNode.hasError) return tree;
  tree.delete();
  return parsePythonTree(text);
}

function remember(path: string, text: string, tree: Tree): void {
  lastTrees.set(path, { text, tree });
  if (lastTrees.size > LAST_TREES) {
    const [oldest, entry] = lastTrees.entries().next().value as [string, { tree: Tree }];
    entry.tree.delete();
    lastTrees.delete(oldest);
  }
}

/**
 * The edit that turns `before` into `after` as tree-sitter wants it (offsets and columns in UTF-16 code
 * units, as web-tree-sitter counts): everything between their common prefix and common suffix changed.
 * Undefined when too little is unchanged to be worth reusing the old tree.
 */
export function textEdit(before: string, after: string): Edit | undefined {
  let { prefix, suffix } = unchangedEnds(before, after);
  // Never split a surrogate pair: the edit starts before a high surrogate and ends after a low one.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  if ((prefix + suffix) / Math.max(1, after.length) < MIN_UNCHANGED_SHARE) return undefined;
  const startPosition = pointAt(after, prefix);
  return new Edit({
    startIndex: prefix,
    oldEndIndex: before.length - suffix,
    newEndIndex: after.length - suffix,
    startPosition,
    oldEndPosition: pointAt(before, before.length - suffix),
    newEndPosition: pointAt(after, after.length - suffix),
  });
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Row (counted in `\n`, as tree-sitter counts) and column of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

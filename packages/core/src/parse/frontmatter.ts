import { parseForESLint, type AST } from 'yaml-eslint-parser';
import { collectAnchors, setOwn, unwrap, yamlValue, yamlValueBudget, YamlValueLimit } from './yaml-value.js';

export { unwrap };

/**
 * README.md front matter, parsed with yaml-eslint-parser (the AST the ESLint plugin shares). Every node's
 * `range` and `loc` are shifted in place so that they point into README.md itself, not into the YAML block.
 */
export interface FrontMatterEntry {
  key: string;
  pair: AST.YAMLPair;
  keyNode: AST.YAMLNode;
  /** The value node; for an anchored/tagged value this is the inner node. Null for `key:` with no value. */
  valueNode: AST.YAMLContent | null;
  /** The plain JavaScript value (aliases resolved within a budget). */
  value: unknown;
}

export interface FrontMatterProblem {
  message: string;
  range: [number, number];
}

export interface FrontMatter {
  /** Offsets of the YAML text inside README.md: after the opening `---` line, before the closing one. */
  yamlRange: [number, number];
  /** Offsets of the whole block including both `---` lines. */
  blockRange: [number, number];
  ast?: AST.YAMLProgram;
  /** Top-level keys in source order. Empty when the block did not parse or is not a mapping. */
  entries: FrontMatterEntry[];
  /** Lookup by key (first occurrence). */
  byKey: Map<string, FrontMatterEntry>;
  /** The whole block as a plain object (undefined when it did not parse into a mapping). */
  data?: Record<string, unknown>;
  problems: FrontMatterProblem[];
}

export type FrontMatterResult = { found: true; frontMatter: FrontMatter } | { found: false; problem: FrontMatterProblem };

const FENCE = /^---[ \t]*$/;
/**
 * Front matter larger than this is not parsed: the YAML library checks each new key of a mapping against
 * every earlier one (about 0.5 s at 10,000 keys, minutes for a 2 MB README). A Space config is a few KB.
 */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/**
 * The YAML parser recurses once per level of `[`/`{` nesting and overflows the stack at around a thousand
 * levels, at a depth that depends on how deep the caller's stack already is: the same README would parse
 * in one run and fail in another. Deeper nesting than this is reported without parsing, so the outcome is
 * the same everywhere. Counted without regard to quotes (a string holding 256 open brackets is no config).
 */
const MAX_FLOW_DEPTH = 256;

function flowDepth(yaml: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/**
 * The most `- ` sequence entries one line opens (`- - - x` is a list in a list in a list): like `[`, each
 * is a level of the YAML parser's recursion, so a long run overflowed the stack at a depth that depended
 * on the caller's stack (fuzz seed 65537: two lints of one README reported different positions).
 */
function compactSequenceDepth(yaml: string): number {
  let max = 0;
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 10 || c === 13) {
      atLineStart = true;
      depth = 0;
    } else if (!atLineStart) continue;
    else if (c === 45 && (yaml.charCodeAt(i + 1) === 32 || yaml.charCodeAt(i + 1) === 9)) {
      max = Math.max(max, ++depth);
      i++;
    } else if (c !== 32 && c !== 9) atLineStart = false;
  }
  return max;
}

export function parseFrontMatter(text: string): FrontMatterResult {
  const firstBreak = nextLineBreak(text, 0);
  const firstLine = text.slice(0, firstBreak.index);
  if (!FENCE.test(firstLine)) {
    const fenceAt = findFenceLine(text, 0);
    if (fenceAt !== undefined) {
      return {
        found: false,
        problem: {
          message: 'The front matter must be at the very top of README.md: move the `---` block to line 1 (the Hub ignores a block after other text).',
          range: [fenceAt, fenceAt + 3],
        },
      };
    }
    return {
      found: false,
      problem: {
        message: 'README.md has no front matter: the Space config is the YAML block between `---` lines at the top of README.md.',
        range: [0, Math.min(firstBreak.index, text.length)],
      },
    };
  }
  const yamlStart = firstBreak.next;
  const closing = findFenceLine(text, yamlStart);
  if (closing === undefined) {
    return {
      found: false,
      problem: {
        message: 'The front matter is not closed: add a `---` line after the last key.',
        range: [0, firstBreak.index],
      },
    };
  }
  const yamlText = text.slice(yamlStart, closing);
  const end = nextLineBreak(text, closing).index;
  const fm: FrontMatter = {
    yamlRange: [yamlStart, closing],
    blockRange: [0, end],
    entries: [],
    byKey: new Map(),
    problems: [],
  };
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    fm.problems.push({
      message: `The front matter is ${Math.round(yamlText.length / 1024)} KB: spacelint checks front matter up to ${MAX_FRONT_MATTER_CHARS / 1024} KB (a Space config is a few KB), so this one was not checked. Move long text into the README body.`,
      range: [yamlStart, Math.min(yamlStart + 1, text.length)],
    });
    return { found: true, frontMatter: fm };
  }
  if (flowDepth(yamlText) > MAX_FLOW_DEPTH || compactSequenceDepth(yamlText) > MAX_FLOW_DEPTH) {
    fm.problems.push({
      message: `The front matter nests \`[\` / \`{\` / \`- \` more than ${MAX_FLOW_DEPTH} levels deep; spacelint does not read it. Write the values out plainly.`,
      range: [yamlStart, Math.min(yamlStart + 1, text.length)],
    });
    return { found: true, frontMatter: fm };
  }
  let ast: AST.YAMLProgram;
  try {
    ast = parseForESLint(yamlText, { defaultYAMLVersion: '1.2' }).ast as AST.YAMLProgram;
  } catch (error) {
    if (error instanceof RangeError) {
      // The stack ran out (nesting of another shape): where it did depends on the caller, so the finding names the front matter, not a position in it.
      fm.problems.push({ message: 'The front matter nests too deeply for spacelint to read. Write the values out plainly.', range: [yamlStart, Math.min(yamlStart + 1, text.length)] });
      return { found: true, frontMatter: fm };
    }
    const e = error as { index?: number; message?: string };
    const at = yamlStart + Math.max(0, Math.min(e.index ?? 0, yamlText.length));
    const reason = String(e.message ?? error).split('\n')[0];
    fm.problems.push({
      message: /unique/i.test(reason) ? `Duplicate key in the front matter (${reason}): the Hub rejects the config; keep one.` : `The front matter is not valid YAML: ${reason}.`,
      range: [at, Math.min(at + 1, text.length)],
    });
    return { found: true, frontMatter: fm };
  }
  shiftPositions(ast, yamlStart, lineOf(text, yamlStart) - 1);
  fm.ast = ast;
  if (ast.body.length > 1) {
    const second = ast.body[1];
    fm.problems.push({ message: 'The front matter holds more than one YAML document; keep a single mapping.', range: second.range });
  }
  const doc = ast.body[0];
  const content = unwrap(doc?.content ?? null);
  if (!content) {
    fm.data = {};
    return { found: true, frontMatter: fm };
  }
  if (content.type !== 'YAMLMapping') {
    fm.problems.push({ message: 'The front matter must be a mapping of `key: value` lines.', range: content.range });
    return { found: true, frontMatter: fm };
  }
  const budget = yamlValueBudget();
  const anchors = collectAnchors(doc);
  const data: Record<string, unknown> = {};
  for (const pair of content.pairs) {
    const keyNode = unwrap(pair.key);
    if (keyNode?.type !== 'YAMLScalar' || keyNode.value === null) {
      fm.problems.push({ message: 'Front matter keys must be plain names.', range: pair.range });
      continue;
    }
    const key = String(keyNode.value);
    let value: unknown;
    try {
      value = yamlValue(pair.value, anchors, budget);
    } catch (error) {
      if (!(error instanceof YamlValueLimit)) throw error;
      fm.problems.push({
        message: `The value of \`${key}\` ${error.message}; write it out plainly.`,
        range: pair.range,
      });
      continue;
    }
    const entry: FrontMatterEntry = { key, pair, keyNode, valueNode: unwrap(pair.value), value };
    fm.entries.push(entry);
    if (!fm.byKey.has(key)) fm.byKey.set(key, entry);
    setOwn(data, key, value);
  }
  fm.data = data;
  return { found: true, frontMatter: fm };
}

/** Moves every node, token and comment from YAML-text coordinates into README coordinates. */
function shiftPositions(ast: AST.YAMLProgram, offset: number, lineDelta: number): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const node = value as Record<string, unknown> & Partial<AST.Locations>;
    if (Array.isArray(node.range) && node.loc) {
      node.range = [node.range[0] + offset, node.range[1] + offset];
      node.loc = {
        start: { line: node.loc.start.line + lineDelta, column: node.loc.start.column },
        end: { line: node.loc.end.line + lineDelta, column: node.loc.end.column },
      };
    }
    for (const key in node) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      visit(node[key]);
    }
  };
  visit(ast);
}

function nextLineBreak(text: string, from: number): { index: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { index: i, next: i + 1 };
    if (c === 13) return { index: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { index: text.length, next: text.length };
}

/** Offset of the next line (starting at a line start `from`) that is exactly `---`. */
function findFenceLine(text: string, from: number): number | undefined {
  let start = from;
  while (start < text.length) {
    const br = nextLineBreak(text, start);
    if (FENCE.test(text.slice(start, br.index))) return start;
    if (br.next === start) break;
    start = br.next;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

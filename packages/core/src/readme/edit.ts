import type { AST } from 'yaml-eslint-parser';
import type { Fix } from '../diagnostic.js';
import type { FrontMatter } from '../parse/frontmatter.js';
import type { Space } from '../space/space.js';
import { README } from './front-matter.js';

/**
 * Text edits of README front matter that keep everything else as the author wrote it: quoting a
 * scalar, replacing one in the author's quote style, inserting a key, removing a list item.
 */

/** The README source text of a node (what the author typed). */
export function sourceOf(space: Space, node: AST.YAMLNode): string {
  return space.text(README)!.slice(node.range[0], node.range[1]);
}

/** An unquoted, untagged scalar: its type is whatever YAML's resolution makes of the text. */
export function isPlainScalar(node: AST.YAMLContent | null | undefined): node is AST.YAMLPlainScalar {
  return node?.type === 'YAMLScalar' && node.style === 'plain' && !hasExplicitTag(node);
}

/**
 * The author chose the type with a tag (`!!str 5.0`, `!!float 3.10`): type rules leave such values
 * alone (quoting would not change a tagged value's type).
 */
export function hasExplicitTag(node: AST.YAMLContent | null | undefined): boolean {
  const parent = node?.parent as AST.YAMLNode | undefined;
  return parent?.type === 'YAMLWithMeta' && (parent as AST.YAMLWithMeta).tag !== null;
}

/** `text` as a YAML string scalar: double-quoted unless that needs escapes, then single-quoted. */
export function quoteYaml(text: string): string {
  if (!/["\\]/.test(text) && !/[\u0000-\u001f]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Fix that wraps a plain scalar's source text in quotes, so YAML reads exactly what was typed as a string
 * (`5.0` → `"5.0"`, not the float 5). Undefined for any other node.
 */
export function quoteScalarFix(space: Space, node: AST.YAMLContent | null | undefined): Fix | undefined {
  if (!isPlainScalar(node)) return undefined;
  return { range: node.range, text: quoteYaml(sourceOf(space, node)) };
}

/** Replaces a scalar with `value`, keeping its quote style (plain values that YAML would retype get quoted). */
export function replaceScalarFix(space: Space, node: AST.YAMLContent, value: string): Fix {
  const raw = sourceOf(space, node);
  if (raw.startsWith('"')) return { range: node.range, text: JSON.stringify(value) };
  if (raw.startsWith("'")) return { range: node.range, text: `'${value.replace(/'/g, "''")}'` };
  return { range: node.range, text: plainOrQuoted(value) };
}

/** A plain scalar when YAML 1.2 reads it back as the same string; quoted otherwise. */
export function plainOrQuoted(value: string): string {
  const retyped = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;
  const special = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s#|\s$|^$|:$/;
  return retyped.test(value) || special.test(value) ? quoteYaml(value) : value;
}

/** The newline style of README.md. */
function newline(space: Space): string {
  return space.text(README)!.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Fix that adds `key: value` as the last line of a block-style front matter. Undefined for a flow-style
 * (`{...}`) or empty front matter, where a new line would not be a mapping entry.
 */
export function insertKeyFix(space: Space, fm: FrontMatter, key: string, value: string): Fix | undefined {
  const content = fm.ast?.body[0]?.content;
  const mapping = content?.type === 'YAMLWithMeta' ? content.value : content;
  if (mapping?.type !== 'YAMLMapping' || mapping.style !== 'block') return undefined;
  const at = fm.yamlRange[1];
  const text = space.text(README)!;
  const nl = newline(space);
  const needsBreak = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  return { range: [at, at], text: `${needsBreak ? nl : ''}${key}: ${value}${nl}` };
}

/**
 * Fix that removes item `index` of a sequence: the whole line(s) of a block item, or the item and one
 * adjacent comma of a flow item. Undefined when that cannot be done cleanly (the only item of a block
 * list, whose key would turn into null).
 */
export function removeSequenceItemFix(space: Space, seq: AST.YAMLSequence, index: number): Fix | undefined {
  const item = seq.entries[index];
  if (!item) return undefined;
  const text = space.text(README)!;
  if (seq.style === 'block') {
    if (seq.entries.length === 1) return undefined;
    const lines = space.lines(README)!;
    const startLine = lines.positionAt(item.range[0]).line;
    const endLine = lines.positionAt(item.range[1]).line;
    const start = lines.lineRange(startLine)[0];
    const end = endLine < lines.lineCount ? lines.offsetAt(endLine + 1) : text.length;
    return { range: [start, end], text: '' };
  }
  const next = seq.entries[index + 1];
  if (next) return { range: [item.range[0], next.range[0]], text: '' };
  const prev = seq.entries[index - 1];
  if (prev) return { range: [prev.range[1], item.range[1]], text: '' };
  return { range: item.range, text: '' };
}

import type { Query } from 'web-tree-sitter';
import type { PythonTreeReader } from './python-tree.js';

/**
 * A hand-written recursive-descent parser for the Python that Spaces are made of, building the very tree
 * tree-sitter-python 0.25 builds (same node types, ranges, fields, anonymous tokens, and comments placed
 * where tree-sitter places them), read through the same `PythonTreeReader` interface, so the facts pass
 * cannot tell the two apart. Why: tree-sitter's WebAssembly parse, walk and free were 1.4 ms of the
 * 1.84 ms per Space that the batch throughput goal allows (bench/RESULTS.md); this parser builds the
 * same tree in JavaScript in a fraction of that.
 *
 * It declines (returns undefined) whatever it is not sure to build exactly as tree-sitter does: any syntax
 * error (tree-sitter's error recovery decides those trees), Python 2 statements, `match`, `type` aliases,
 * type parameters, non-ASCII names, and rarer forms listed at each `decline` call. Then tree-sitter parses
 * the file, as before. python-descent.test.ts compares both trees node by node on every Python file the
 * tests can find (examples, generated corpus Spaces and mutations of them, and the system's Python
 * standard library when it is installed): any difference is a bug here.
 */

class Decline extends Error {}
const DECLINE = new Decline();
function decline(): never {
  throw DECLINE;
}

/** Python's reserved words (grammar.js `reserved.global`): never identifiers. */
const RESERVED = new Set([
  'False',
  'await',
  'else',
  'import',
  'pass',
  'None',
  'break',
  'except',
  'in',
  'raise',
  'True',
  'class',
  'finally',
  'is',
  'return',
  'and',
  'continue',
  'for',
  'lambda',
  'try',
  'as',
  'def',
  'from',
  'nonlocal',
  'while',
  'assert',
  'del',
  'global',
  'not',
  'with',
  'async',
  'elif',
  'if',
  'or',
  'yield',
]);
/** Soft keywords that start statements of their own in tree-sitter-python: a statement starting with one is declined. */
const SOFT_STATEMENT_WORDS = new Set(['print', 'exec', 'match', 'type']);

const AUGMENTED = new Set(['+=', '-=', '*=', '/=', '@=', '//=', '%=', '**=', '>>=', '<<=', '&=', '^=', '|=']);
const COMPARISON = new Set(['<', '<=', '==', '!=', '>=', '>', 'in', 'is', 'not']);
/** Binary operators and tree-sitter-python's precedences (its PREC table, which differs from Python's for `^` and `&`). */
const BINARY_PRECEDENCE: Record<string, number> = {
  '|': 14,
  '&': 15,
  '^': 16,
  '<<': 17,
  '>>': 17,
  '+': 18,
  '-': 18,
  '*': 19,
  '@': 19,
  '/': 19,
  '%': 19,
  '//': 19,
  '**': 21,
};
/** Operators by their character codes (c0 | c1 << 8 | c2 << 16): the lexer finds one without slicing the text. */
const OPERATORS = new Map<number, string>();
for (const op of ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '@=', '%=', '&=', '^=', '|=', ...'+-*/%@&|^~<>()[]{},:;.=']) {
  OPERATORS.set(op.charCodeAt(0) | ((op.charCodeAt(1) || 0) << 8) | ((op.charCodeAt(2) || 0) << 16), op);
}

const NAME = 1;
const NUMBER = 2;
const STRING = 3;
const OP = 4;
const EOL = 5; // end of a logical line outside brackets (a `\n`, `\r` or the end of the text)
const EOF = 6;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** String prefix letters the scanner accepts before a quote: f F t T r R b B u U. */
const isPrefixLetter = (c: number) => c === 102 || c === 70 || c === 116 || c === 84 || c === 114 || c === 82 || c === 98 || c === 66 || c === 117 || c === 85;
const ESCAPE = /\\(?:u[a-fA-F\d]{4}|U[a-fA-F\d]{8}|x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\]|N\{[^}]+\})/y;

/** The tree: parallel arrays indexed by node handle (0: no node). */
export class DescentTree implements PythonTreeReader {
  readonly root: number;
  constructor(
    private readonly types: string[],
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly named: boolean[],
    private readonly kids: number[][],
    private readonly fields: (Fields | undefined)[],
    private readonly parents: number[],
    root: number,
  ) {
    this.root = root;
  }
  /** A tree from this parser has no lone comma (`f(,)`): the parser declines such texts, so no query matches. */
  captures(_query: Query): { names: string[]; nodes: number[] } {
    return { names: [], nodes: [] };
  }
  descendantsOfType(types: readonly string[]): number[] {
    // One pass over the node table, then document order with parents first: by start, then the longer
    // node, then the later-made one (a parent is made after its children; a wrapper can share their range).
    // Every node of the table is in the tree but line continuations dropped before a string (never asked for).
    const wanted = new Set(types);
    const { types: all, named, starts, ends } = this;
    const out: number[] = [];
    for (let node = 1; node < all.length; node++) if (named[node] && wanted.has(all[node])) out.push(node);
    return out.sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a] || b - a);
  }
  startIndex(node: number): number {
    return this.starts[node];
  }
  endIndex(node: number): number {
    return this.ends[node];
  }
  type(node: number): string {
    return this.types[node];
  }
  hasError(_node: number): boolean {
    return false;
  }
  isMissing(_node: number): boolean {
    return false;
  }
  namedChildren(node: number): number[] {
    return this.kids[node].filter((k) => this.named[k]);
  }
  children(node: number): number[] {
    return this.kids[node].slice();
  }
  firstNamedChild(node: number): number {
    for (const k of this.kids[node]) if (this.named[k]) return k;
    return 0;
  }
  lastNamedChild(node: number): number {
    const k = this.kids[node];
    for (let i = k.length - 1; i >= 0; i--) if (this.named[k[i]]) return k[i];
    return 0;
  }
  parent(node: number): number {
    return this.parents[node];
  }
  childForFieldName(node: number, field: string): number {
    const f = this.fields[node];
    if (!f) return 0;
    for (let i = 0; i < f.length; i++) if (f[i] === field) return this.kids[node][i];
    return 0;
  }
  /** The field name of `node` in its parent (tests). */
  fieldOf(node: number): string | undefined {
    const p = this.parents[node];
    if (!p) return undefined;
    const i = this.kids[p].indexOf(node);
    return this.fields[p]?.[i];
  }
  isNamed(node: number): boolean {
    return this.named[node];
  }
}

/** Parses `text`, or returns undefined when tree-sitter should (see the file comment). */
export function parsePythonDescent(text: string): DescentTree | undefined {
  try {
    return new Parser(text).parseModule();
  } catch (error) {
    if (error === DECLINE || error instanceof RangeError) return undefined; // RangeError: nesting deeper than the stack
    throw error;
  }
}

/** Field names parallel to a node's children; undefined for a node whose children have none (most). */
type Fields = (string | undefined)[];
/** The children and fields of every leaf: one shared empty list, so a token costs no array. */
const NO_KIDS: number[] = [];

class Parser {
  // The node table.
  private readonly types: string[] = [''];
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [0];
  private readonly named: boolean[] = [false];
  private readonly kids: number[][] = [[]];
  private readonly fields: (Fields | undefined)[] = [undefined];
  private readonly parents: number[] = [0];
  /** Comments and line continuations, in text order; each goes to the lowest node it sits inside (claim). */
  private readonly extras: number[] = [];
  private readonly extraOwned: boolean[] = [];
  /** For each extra, an index at or before the next unowned one (path-compressed): owned runs are skipped, so claiming stays linear. */
  private readonly nextUnowned: number[] = [];

  // The lexer: the current token, and where lexing goes on.
  private pos = 0;
  private kind = 0;
  private tokStart = 0;
  private tokEnd = 0;
  private tokValue = '';
  /** Open brackets: inside them line ends are blanks. */
  private depth = 0;
  private readonly indents: number[] = [0];
  /** The end of the last token or comment taken: where tree-sitter's zero-width NEWLINE, INDENT and DEDENT sit. */
  private lastEnd = 0;

  constructor(private readonly text: string) {}

  // ---- nodes

  private node(type: string, named: boolean, start: number, end: number, kids: number[], fields: Fields | undefined): number {
    const id = this.types.length;
    this.types.push(type);
    this.starts.push(start);
    this.ends.push(end);
    this.named.push(named);
    this.parents.push(0);
    for (const k of kids) this.parents[k] = id;
    this.kids.push(kids);
    this.fields.push(fields);
    return id;
  }

  /** A node whose children have no field names. */
  private plain(type: string, kids: number[]): number {
    return this.make(type, kids, undefined);
  }

  private leaf(type: string, named: boolean, start: number, end: number): number {
    return this.node(type, named, start, end, NO_KIDS, undefined);
  }

  /** A node over `kids` (its fields parallel), taking the comments inside its range that no child took. */
  private make(type: string, kids: number[], fields: Fields | undefined, end = this.ends[kids[kids.length - 1]]): number {
    const start = this.starts[kids[0]];
    this.claim(start, end, kids, fields);
    return this.node(type, true, start, end, kids, fields);
  }

  private claim(start: number, end: number, kids: number[], fields: Fields | undefined): void {
    const extras = this.extras;
    if (extras.length === 0) return;
    let lo = 0;
    let hi = extras.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[extras[mid]] < start) lo = mid + 1;
      else hi = mid;
    }
    let claimed: number[] | undefined;
    for (let i = this.unowned(lo); i < extras.length && this.ends[extras[i]] <= end; i = this.unowned(i + 1)) {
      this.extraOwned[i] = true;
      this.nextUnowned[i] = i + 1;
      (claimed ??= []).push(extras[i]);
    }
    if (!claimed) return;
    // Merge by start (both lists are in text order).
    const mergedKids: number[] = [];
    const mergedFields: Fields = [];
    let a = 0;
    let b = 0;
    while (a < kids.length || b < claimed.length) {
      if (b >= claimed.length || (a < kids.length && this.starts[kids[a]] <= this.starts[claimed[b]])) {
        mergedKids.push(kids[a]);
        mergedFields.push(fields?.[a]);
        a++;
      } else {
        mergedKids.push(claimed[b]);
        mergedFields.push(undefined);
        b++;
      }
    }
    // Copied in place (no spread: a module of 200,000 comments would pass that many arguments).
    for (let i = 0; i < mergedKids.length; i++) {
      kids[i] = mergedKids[i];
      if (fields) fields[i] = mergedFields[i];
    }
  }

  /** The first unowned extra at or after `i` (extras.length when none). */
  private unowned(i: number): number {
    let j = i;
    while (j < this.extras.length && this.extraOwned[j]) j = this.nextUnowned[j];
    // Path compression: every owned extra passed now points past the run.
    while (i < j && this.extraOwned[i]) {
      const next = this.nextUnowned[i];
      this.nextUnowned[i] = j;
      i = next;
    }
    return j;
  }

  private retype(node: number, type: string): void {
    this.types[node] = type;
  }

  // ---- lexer

  private extra(type: string, start: number, end: number): void {
    this.lastEnd = end;
    this.extras.push(this.leaf(type, true, start, end));
    this.extraOwned.push(false);
    this.nextUnowned.push(this.extras.length);
  }

  /** Skips blanks, comments and line continuations up to the next token; inside brackets line ends too. */
  private skip(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 12) this.pos++;
      else if (c === 35) {
        const start = this.pos;
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        this.extra('comment', start, end);
        this.pos = end;
      } else if (c === 92) {
        const next = text.charCodeAt(this.pos + 1);
        if (next === 10) {
          this.extra('line_continuation', this.pos, this.pos + 2);
          this.pos += 2;
        } else if (next === 13 && text.charCodeAt(this.pos + 2) === 10) {
          this.extra('line_continuation', this.pos, this.pos + 3);
          this.pos += 3;
        } else decline();
        // A join onto a blank line or the text's end: tree-sitter reads an error there.
        let p = this.pos;
        while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 12) p++;
        if (p >= text.length || text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13) decline();
      } else if ((c === 10 || c === 13) && this.depth > 0) {
        this.pos++;
        if (c === 10) this.checkBracketLine();
      } else if (c === 0xfeff && this.pos === 0) decline();
      else return;
    }
  }

  /**
   * After a line break inside brackets: a next line indented less than the enclosing block makes
   * tree-sitter's scanner emit a DEDENT wherever a closing bracket is not valid (`[x for x in\n y]` in a
   * function), an error there though Python reads it. Which bracket states those are is not copied here:
   * any such line is declined.
   */
  private checkBracketLine(): void {
    const block = this.indents[this.indents.length - 1];
    if (block === 0) return;
    const text = this.text;
    let indent = 0;
    for (let p = this.pos; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === 32) indent++;
      else if (c === 9) indent += 8;
      else if (c === 10 || c === 13 || c === 12) indent = 0;
      else break;
    }
    if (indent < block) decline();
  }

  /** True when a string starts at `pos` (prefix letters, then a quote). */
  private startsString(): boolean {
    const text = this.text;
    let p = this.pos;
    while (isPrefixLetter(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    return (c === 34 || c === 39) && (p === this.pos || !isNameChar(text.charCodeAt(this.pos - 1)));
  }

  /**
   * The scanner skips a line continuation before a string's start (it looks for the string past blanks and
   * `\` line joins), so there the join is part of the blanks before the string, not a node of its own.
   */
  private dropLineContinuations(from: number): void {
    for (let i = this.extras.length - 1; i >= from; i--) {
      if (this.types[this.extras[i]] !== 'line_continuation') break;
      this.extras.pop();
      this.extraOwned.pop();
      this.nextUnowned.pop();
    }
  }

  /** Lexes the next token from `pos`. */
  private next(): void {
    this.lastEnd = this.pos;
    const extrasBefore = this.extras.length;
    this.skip();
    if (this.extras.length > extrasBefore && this.startsString()) this.dropLineContinuations(extrasBefore);
    const text = this.text;
    const start = this.pos;
    this.tokStart = start;
    if (start >= text.length) {
      this.kind = this.depth > 0 ? decline() : EOF;
      this.tokEnd = start;
      return;
    }
    const c = text.charCodeAt(start);
    if (c === 10 || c === 13) {
      this.kind = EOL;
      this.tokEnd = start;
      return;
    }
    if (isNameStart(c)) {
      let end = start + 1;
      while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
      const after = text.charCodeAt(end);
      if (after > 127) decline();
      if (after === 34 || after === 39) {
        let prefix = true;
        for (let i = start; i < end; i++) if (!isPrefixLetter(text.charCodeAt(i))) prefix = false;
        if (prefix) {
          this.kind = STRING;
          this.tokEnd = end;
          return;
        }
      }
      this.kind = NAME;
      this.tokEnd = end;
      this.tokValue = text.slice(start, end);
      this.pos = end;
      return;
    }
    if (c === 34 || c === 39) {
      this.kind = STRING;
      this.tokEnd = start;
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(start + 1)))) {
      this.kind = NUMBER;
      this.tokEnd = this.pos = numberEnd(text, start);
      const after = text.charCodeAt(this.pos);
      if (isNameChar(after) || after === 46 || after > 127) decline(); // `1if`, `1..x`, `1_`…: rare, and lexed in ways not worth copying
      return;
    }
    if (c > 127) decline();
    if (c === 33) {
      // `!r` in an f-string's interpolation (read from the text there); `!=` below.
      if (text.charCodeAt(start + 1) !== 61) {
        this.kind = OP;
        this.tokValue = '!';
        this.tokEnd = this.pos = start + 1;
        return;
      }
    }
    if (c === 60 && text.charCodeAt(start + 1) === 62) decline(); // Python 2's `<>`
    // The longest operator: three characters, then two, then one (c1, c2 are 0 past the text's end or
    // for a non-ASCII character, which no operator has).
    const n1 = text.charCodeAt(start + 1);
    const n2 = text.charCodeAt(start + 2);
    const c1 = n1 < 128 ? n1 : 0;
    const c2 = n2 < 128 ? n2 : 0;
    const op = OPERATORS.get(c | (c1 << 8) | (c2 << 16)) ?? OPERATORS.get(c | (c1 << 8)) ?? OPERATORS.get(c);
    if (op === undefined) decline(); // `$`, `?`, a backquote…
    this.tokValue = op;
    this.kind = OP;
    this.tokEnd = this.pos = start + this.tokValue.length;
  }

  private is(value: string): boolean {
    return (this.kind === OP || this.kind === NAME) && this.tokValue === value;
  }

  private isOp(value: string): boolean {
    return this.kind === OP && this.tokValue === value;
  }

  private isKeyword(value: string): boolean {
    return this.kind === NAME && this.tokValue === value;
  }

  /** The current token as an anonymous node (a keyword or an operator), then the next token. */
  private take(value: string): number {
    if (!this.is(value)) decline();
    const id = this.leaf(value, false, this.tokStart, this.tokEnd);
    this.next();
    return id;
  }

  private open(value: string): number {
    this.depth++;
    return this.take(value);
  }

  private close(value: string): number {
    this.depth--;
    return this.take(value);
  }

  private identifier(): number {
    if (this.kind !== NAME || RESERVED.has(this.tokValue)) decline();
    const id = this.leaf('identifier', true, this.tokStart, this.tokEnd);
    this.next();
    return id;
  }

  // ---- layout (tree-sitter-python's external scanner: NEWLINE, INDENT, DEDENT)

  /**
   * Looks past the line end at `pos` as the scanner does: the indent of the next line that is not blank or
   * a comment, the indent of the first comment line on the way, and whether the text ends first.
   */
  private lookAhead(): { indent: number; firstComment: number; eof: boolean; at: number } {
    const text = this.text;
    const cached = this.nextCode;
    if (cached && this.pos >= cached.from && this.pos <= cached.at) {
      // Comment lines are taken one at a time: the next code line is the same, only the first comment moves.
      let p = this.pos;
      let indent = 0;
      for (;;) {
        const c = text.charCodeAt(p);
        if (p >= cached.at) return { ...cached, firstComment: -1 };
        if (c === 10 || c === 13 || c === 12) indent = 0;
        else if (c === 32) indent++;
        else if (c === 9) indent += 8;
        else if (c === 35) return { ...cached, firstComment: indent };
        p++;
      }
    }
    const found = this.scanAhead();
    this.nextCode = { from: this.pos, at: found.at, indent: found.indent, eof: found.eof, firstComment: -1 };
    return found;
  }

  /** The next code line after `pos`, as the scanner finds it (lookAhead caches it). */
  private nextCode: { from: number; at: number; indent: number; eof: boolean; firstComment: number } | undefined;

  private scanAhead(): { indent: number; firstComment: number; eof: boolean; at: number } {
    const text = this.text;
    let p = this.pos;
    let indent = 0;
    let firstComment = -1;
    for (;;) {
      const c = text.charCodeAt(p);
      if (p >= text.length) return { indent: 0, firstComment, eof: true, at: p };
      if (c === 10) {
        indent = 0;
        p++;
      } else if (c === 32) {
        indent++;
        p++;
      } else if (c === 13 || c === 12) {
        indent = 0;
        p++;
      } else if (c === 9) {
        indent += 8;
        p++;
      } else if (c === 35) {
        if (firstComment === -1) firstComment = indent;
        const nl = text.indexOf('\n', p);
        if (nl < 0) return { indent: 0, firstComment, eof: true, at: text.length };
        p = nl + 1;
        indent = 0;
      } else if (c === 92)
        decline(); // a line continuation on a line of its own
      else return { indent, firstComment, eof: false, at: p };
    }
  }

  /** At the end of a simple statement: the NEWLINE's position (zero width, after a trailing comment). */
  private endOfLine(): number {
    if (this.kind !== EOL && this.kind !== EOF) decline();
    return this.lastEnd;
  }

  /**
   * After a compound statement's block: true when its next clause (one of `words`, at the statement's
   * indent) follows, which is then the current token; the comment lines before it are taken.
   */
  private continues(words: readonly string[]): boolean {
    if (this.kind !== EOL) return false;
    const { indent, eof, at } = this.lookAhead();
    if (eof || indent !== this.indents[this.indents.length - 1]) return false;
    let end = at;
    while (isNameChar(this.text.charCodeAt(end))) end++;
    if (!words.includes(this.text.slice(at, end))) return false;
    while (this.kind === EOL) this.consumeLine();
    return true;
  }

  /**
   * At a statement's start in a block indented `indent`: true when the block ends here (a DEDENT, at the end
   * of the last token or comment), false when a statement follows (then it is the current token).
   * Comments on the way are taken as the scanner lets them: those indented at least as deep as the block
   * stay in it.
   */
  private blockEnds(): boolean {
    for (;;) {
      if (this.kind !== EOL && this.kind !== EOF) return false;
      const current = this.indents[this.indents.length - 1];
      const { indent, firstComment, eof } = this.lookAhead();
      if (indent < current && firstComment < current) {
        this.indents.pop();
        if (this.indents[this.indents.length - 1] < indent) decline(); // a dedent to no enclosing level
        return true;
      }
      if (eof && current === 0) {
        // The module's end: the rest is comments and blanks.
        this.pos = this.text.length;
        this.consumeTrailing();
        return true;
      }
      if (indent > current && firstComment === -1) decline(); // an unexpected indent
      // Take one comment line (or blanks up to the next statement), then look again.
      this.consumeLine();
    }
  }

  /** Skips blanks and line ends up to the next comment or token; a comment is taken, then the token after it lexed. */
  private consumeLine(): void {
    const text = this.text;
    let p = this.pos;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13 || c === 32 || c === 9 || c === 12) p++;
      else break;
    }
    this.pos = p;
    if (text.charCodeAt(p) === 35) {
      let end = text.indexOf('\n', p);
      if (end < 0) end = text.length;
      this.extra('comment', p, end);
      this.pos = end;
    }
    this.next();
  }

  /** Comments after the last statement of the module. */
  private consumeTrailing(): void {
    // lookAhead saw only blanks and comments: take the comments.
    const text = this.text;
    const re = /#[^\n]*/g;
    re.lastIndex = this.tokStart;
    for (let m = re.exec(text); m; m = re.exec(text)) this.extra('comment', m.index, m.index + m[0].length);
    this.kind = EOF;
  }

  // ---- statements

  parseModule(): DescentTree {
    const text = this.text;
    this.next();
    const kids: number[] = [];
    const fields: Fields = [];
    // Leading blank lines and comments before the first statement.
    while (this.kind === EOL) this.consumeLine();
    while (this.kind !== EOF) {
      if (this.kind === EOL) {
        if (this.blockEnds()) break;
        continue;
      }
      const line = this.lineStart(this.tokStart);
      if (this.tokStart - line !== 0 && text.slice(line, this.tokStart).trim() === '') decline(); // an indented first line
      this.statement(kids, fields);
    }
    // The root spans the whole text from its first token, comments included.
    let start = text.length;
    for (const k of kids) start = Math.min(start, this.starts[k]);
    for (const e of this.extras) start = Math.min(start, this.starts[e]);
    if (kids.length === 0 && this.extras.length === 0) start = text.length; // only blanks: an empty module at the end
    this.claim(0, text.length, kids, fields);
    const root = this.node('module', true, start, text.length, kids, fields);
    return new DescentTree(this.types, this.starts, this.ends, this.named, this.kids, this.fields, this.parents, root);
  }

  private lineStart(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** One statement line (simple statements) or one compound statement, appended to `kids`. */
  private statement(kids: number[], fields: Fields): void {
    if (this.kind === OP && this.tokValue === '@') {
      kids.push(this.decorated());
      fields.push(undefined);
      return;
    }
    if (this.kind === NAME) {
      switch (this.tokValue) {
        case 'if':
          kids.push(this.ifStatement());
          fields.push(undefined);
          return;
        case 'for':
        case 'while':
        case 'try':
        case 'with':
        case 'def':
        case 'class':
          kids.push(this.compound());
          fields.push(undefined);
          return;
        case 'async': {
          kids.push(this.compound());
          fields.push(undefined);
          return;
        }
      }
    }
    this.simpleStatements(kids, fields);
  }

  private compound(): number {
    switch (this.tokValue) {
      case 'for':
        return this.forStatement([]);
      case 'while':
        return this.whileStatement();
      case 'try':
        return this.tryStatement();
      case 'with':
        return this.withStatement([]);
      case 'def':
        return this.functionDefinition([]);
      case 'class':
        return this.classDefinition();
      case 'async': {
        const asyncToken = this.take('async');
        if (this.isKeyword('def')) return this.functionDefinition([asyncToken]);
        if (this.isKeyword('for')) return this.forStatement([asyncToken]);
        if (this.isKeyword('with')) return this.withStatement([asyncToken]);
        return decline();
      }
    }
    return decline();
  }

  /** `a; b; c` then the line's end: the statements go to `kids` (tree-sitter's hidden _simple_statements). */
  private simpleStatements(kids: number[], fields: Fields): number {
    for (;;) {
      kids.push(this.simpleStatement());
      fields.push(undefined);
      if (this.isOp(';')) {
        kids.push(this.take(';'));
        fields.push(undefined);
        if (this.kind === EOL || this.kind === EOF) break;
        continue;
      }
      break;
    }
    return this.endOfLine();
  }

  private simpleStatement(): number {
    if (this.kind === NAME) {
      const word = this.tokValue;
      switch (word) {
        case 'import':
          return this.importStatement();
        case 'from':
          return this.importFrom();
        case 'return': {
          const kids = [this.take('return')];
          if (!this.atStatementEnd()) kids.push(this.expressions());
          return this.plain('return_statement', kids);
        }
        case 'pass':
        case 'break':
        case 'continue': {
          const kids = [this.take(word)];
          return this.make(`${word}_statement`, kids, undefined);
        }
        case 'del': {
          const kids = [this.take('del'), this.expressions()];
          return this.make('delete_statement', kids, undefined);
        }
        case 'raise': {
          const kids = [this.take('raise')];
          const fields: Fields = [undefined];
          if (!this.atStatementEnd() && !this.isKeyword('from')) {
            kids.push(this.expressions());
            fields.push(undefined);
          }
          if (this.isKeyword('from')) {
            kids.push(this.take('from'), this.expression());
            fields.push(undefined, 'cause');
          }
          return this.make('raise_statement', kids, fields);
        }
        case 'global':
        case 'nonlocal': {
          const kids = [this.take(word), this.identifier()];
          while (this.isOp(',')) kids.push(this.take(','), this.identifier());
          return this.plain(`${word}_statement`, kids);
        }
        case 'assert': {
          const kids = [this.take('assert'), this.expression()];
          while (this.isOp(',')) kids.push(this.take(','), this.expression());
          return this.plain('assert_statement', kids);
        }
      }
      if (SOFT_STATEMENT_WORDS.has(word)) {
        // `print x`, `exec code`, `match x:`, `type X = …`: tree-sitter's own statements. A call or an
        // assignment (`print(…)`, `type = …`) is an expression statement: told apart by the next character.
        let at = this.tokEnd;
        while (this.text.charCodeAt(at) === 32 || this.text.charCodeAt(at) === 9) at++;
        const after = this.text[at] ?? '';
        if (after === '' || !'(.='.includes(after) || (after === '(' && (word === 'match' || word === 'type'))) decline();
      }
    }
    return this.expressionStatement();
  }

  private atStatementEnd(): boolean {
    return this.kind === EOL || this.kind === EOF || this.isOp(';');
  }

  private expressionStatement(): number {
    if (this.isKeyword('yield')) {
      const y = this.yieldExpression();
      return this.make('expression_statement', [y], undefined);
    }
    const first = this.starredExpression();
    if (this.isOp(',') || this.isOp('=') || this.isOp(':') || (this.kind === OP && AUGMENTED.has(this.tokValue))) {
      // A list of expressions, or an assignment's left side.
      const items = [first];
      const itemKids: number[] = [first];
      while (this.isOp(',')) {
        itemKids.push(this.take(','));
        if (this.atStatementEnd() || this.isOp('=') || this.isOp(':') || (this.kind === OP && AUGMENTED.has(this.tokValue))) break;
        const e = this.starredExpression();
        items.push(e);
        itemKids.push(e);
      }
      if (this.isOp('=') || this.isOp(':') || (this.kind === OP && AUGMENTED.has(this.tokValue))) {
        const multiple = itemKids.length > 1;
        const left = multiple ? this.patternList(itemKids) : this.toPattern(first);
        return this.make('expression_statement', [this.assignmentRest(left, multiple)], undefined);
      }
      for (const item of items) if (this.types[item] === 'list_splat') decline();
      return this.plain('expression_statement', itemKids);
    }
    if (this.types[first] === 'list_splat') decline();
    return this.make('expression_statement', [first], undefined);
  }

  /** After an assignment's left side: `= right`, `: type [= right]`, or an augmented operator. */
  private assignmentRest(left: number, multiple: boolean): number {
    if (this.kind === OP && AUGMENTED.has(this.tokValue)) {
      const op = this.leaf(this.tokValue, false, this.tokStart, this.tokEnd);
      this.next();
      const right = this.rightHandSide();
      return this.make('augmented_assignment', [left, op, right], ['left', 'operator', 'right']);
    }
    const kids = [left];
    const fields: Fields = ['left'];
    if (this.isOp(':')) {
      if (multiple) decline(); // `a, b: int`
      kids.push(this.take(':'), this.type());
      fields.push(undefined, 'type');
      if (!this.isOp('=')) return this.make('assignment', kids, fields);
    }
    kids.push(this.take('='), this.rightHandSide());
    fields.push(undefined, 'right');
    return this.make('assignment', kids, fields);
  }

  /** `_right_hand_side`: an expression, a list of them, a chained assignment, or a yield. */
  private rightHandSide(): number {
    if (this.isKeyword('yield')) return this.yieldExpression();
    const first = this.starredExpression();
    if (this.isOp('=') || (this.kind === OP && AUGMENTED.has(this.tokValue))) {
      return this.assignmentRest(this.toPattern(first), false);
    }
    if (!this.isOp(',')) {
      if (this.types[first] === 'list_splat') decline();
      return first;
    }
    const kids = [first];
    while (this.isOp(',')) {
      kids.push(this.take(','));
      if (this.atStatementEnd() || this.isOp('=') || this.isOp(')')) break;
      kids.push(this.starredExpression());
    }
    if (this.isOp('=') || (this.kind === OP && AUGMENTED.has(this.tokValue))) return this.assignmentRest(this.patternList(kids), true);
    return this.plain('expression_list', kids);
  }

  /** `_expressions`: an expression or an expression_list (return, del, for … in, raise). */
  private expressions(): number {
    const first = this.expression();
    if (!this.isOp(',')) return first;
    const kids = [first];
    while (this.isOp(',')) {
      kids.push(this.take(','));
      if (this.atStatementEnd() || this.isOp(':') || this.isKeyword('from')) break;
      kids.push(this.expression());
    }
    return this.plain('expression_list', kids);
  }

  private yieldExpression(): number {
    const kids = [this.take('yield')];
    if (this.isKeyword('from')) {
      kids.push(this.take('from'), this.expression());
    } else if (!this.atStatementEnd() && !this.isOp(')') && !this.isOp(']') && !this.isOp('}') && !this.isOp('=')) {
      kids.push(this.expressions());
    }
    return this.plain('yield', kids);
  }

  // ---- patterns (assignment targets)

  private patternList(items: number[]): number {
    for (const item of items) if (this.types[item] !== ',') this.toPattern(item);
    return this.plain('pattern_list', items);
  }

  /** Turns an expression parsed as a target into the pattern tree-sitter builds for it. */
  private toPattern(node: number): number {
    switch (this.types[node]) {
      case 'identifier':
      case 'attribute':
      case 'subscript':
        return node;
      case 'list_splat': {
        const inner = this.kids[node].find((k) => this.named[k]) as number;
        const t = this.types[inner];
        if (t !== 'identifier' && t !== 'attribute' && t !== 'subscript') decline();
        this.retype(node, 'list_splat_pattern');
        return node;
      }
      case 'tuple':
        this.retype(node, 'tuple_pattern');
        for (const k of this.kids[node]) if (this.named[k] && this.types[k] !== 'comment' && this.types[k] !== 'line_continuation') this.toPattern(k);
        return node;
      case 'list':
        this.retype(node, 'list_pattern');
        for (const k of this.kids[node]) if (this.named[k] && this.types[k] !== 'comment' && this.types[k] !== 'line_continuation') this.toPattern(k);
        return node;
    }
    return decline();
  }

  // ---- imports

  private importStatement(): number {
    const kids = [this.take('import')];
    const fields: Fields = [undefined];
    this.importList(kids, fields);
    return this.make('import_statement', kids, fields);
  }

  private importList(kids: number[], fields: Fields): void {
    for (;;) {
      const name = this.dottedName();
      if (this.isKeyword('as')) {
        const as = this.take('as');
        const alias = this.identifier();
        kids.push(this.make('aliased_import', [name, as, alias], ['name', undefined, 'alias']));
      } else kids.push(name);
      fields.push('name');
      if (!this.isOp(',')) return;
      kids.push(this.take(','));
      fields.push(undefined);
      if (this.atStatementEnd() || this.isOp(')')) return;
    }
  }

  private dottedName(): number {
    const kids = [this.identifier()];
    while (this.isOp('.')) kids.push(this.take('.'), this.identifier());
    return this.plain('dotted_name', kids);
  }

  private importFrom(): number {
    const kids = [this.take('from')];
    const fields: Fields = [undefined];
    let type = 'import_from_statement';
    if (this.isKeyword('__future__')) {
      type = 'future_import_statement';
      kids.push(this.take('__future__'));
      fields.push(undefined);
    } else if (this.isOp('.') || this.isOp('...')) {
      const dots: number[] = [];
      while (this.isOp('.') || this.isOp('...')) {
        // `...` is one token to the lexer, three `.` to the grammar (import_prefix: repeat1('.')).
        if (this.tokValue === '...') {
          for (let i = 0; i < 3; i++) dots.push(this.leaf('.', false, this.tokStart + i, this.tokStart + i + 1));
          this.next();
        } else dots.push(this.take('.'));
      }
      const prefix = this.plain('import_prefix', dots);
      const parts = [prefix];
      if (!this.isKeyword('import')) parts.push(this.dottedName());
      kids.push(this.plain('relative_import', parts));
      fields.push('module_name');
    } else {
      kids.push(this.dottedName());
      fields.push('module_name');
    }
    kids.push(this.take('import'));
    fields.push(undefined);
    if (this.isOp('*')) {
      if (type !== 'import_from_statement') decline();
      kids.push(this.wrappedToken('wildcard_import'));
      fields.push(undefined);
    } else if (this.isOp('(')) {
      kids.push(this.open('('));
      fields.push(undefined);
      this.importList(kids, fields);
      kids.push(this.close(')'));
      fields.push(undefined);
    } else this.importList(kids, fields);
    return this.make(type, kids, fields);
  }

  // ---- compound statements

  /** `:` then a suite: the block's node (`kids`/`fields` get the `:`, and the block under `field`). */
  private suite(kids: number[], fields: Fields, field: string | undefined): number {
    kids.push(this.take(':'));
    fields.push(undefined);
    let block: number;
    if (this.kind === EOL) {
      const current = this.indents[this.indents.length - 1];
      const { indent, eof } = this.lookAhead();
      if (eof || indent <= current) decline(); // an empty suite
      this.indents.push(indent);
      this.consumeLine();
      const blockKids: number[] = [];
      const blockFields: Fields = [];
      const level = this.indents.length;
      for (;;) {
        if (this.kind === EOL || this.kind === EOF) {
          if (this.indents.length < level) break;
          if (this.blockEnds()) break;
          continue;
        }
        if (this.indents.length < level) break;
        const line = this.lineStart(this.tokStart);
        if (this.columnOf(line, this.tokStart) !== this.indents[level - 1]) decline();
        this.statement(blockKids, blockFields);
      }
      if (blockKids.length === 0) decline();
      // The block ends at its DEDENT: where the last token or comment it holds ended.
      block = this.make('block', blockKids, blockFields, this.dedentAt());
    } else if (this.kind === EOF) {
      return decline();
    } else {
      const blockKids: number[] = [];
      const blockFields: Fields = [];
      const newline = this.simpleStatements(blockKids, blockFields);
      block = this.make('block', blockKids, blockFields, newline);
    }
    kids.push(block);
    fields.push(field);
    return block;
  }

  /** Where the DEDENT just produced sits: the end of the last token or comment before it. */
  private dedentAt(): number {
    return this.lastEnd;
  }

  private columnOf(line: number, at: number): number {
    let col = 0;
    for (let i = line; i < at; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 9) col += 8;
      else if (c === 32) col++;
      else if (c === 12) col = 0;
      else decline();
    }
    return col;
  }

  private ifStatement(): number {
    const kids = [this.take('if'), this.expression()];
    const fields: Fields = [undefined, 'condition'];
    this.suite(kids, fields, 'consequence');
    while (this.continues(['elif', 'else']) && this.isKeyword('elif')) {
      const k = [this.take('elif'), this.expression()];
      const f: Fields = [undefined, 'condition'];
      this.suite(k, f, 'consequence');
      kids.push(this.make('elif_clause', k, f));
      fields.push('alternative');
    }
    if (this.isKeyword('else')) {
      kids.push(this.elseClause());
      fields.push('alternative');
    }
    return this.make('if_statement', kids, fields);
  }

  private elseClause(): number {
    const k = [this.take('else')];
    const f: Fields = [undefined];
    this.suite(k, f, 'body');
    return this.make('else_clause', k, f);
  }

  private forStatement(kids: number[]): number {
    const fields: Fields = kids.map(() => undefined);
    kids.push(this.take('for'), this.targets('in'), this.take('in'), this.expressions());
    fields.push(undefined, 'left', undefined, 'right');
    this.suite(kids, fields, 'body');
    if (this.continues(['else'])) {
      kids.push(this.elseClause());
      fields.push('alternative');
    }
    return this.make('for_statement', kids, fields);
  }

  /** A `for` target up to `stop`: a pattern or a pattern_list. */
  private targets(stop: string): number {
    const items: number[] = [];
    for (;;) {
      let item: number;
      if (this.isOp('*')) {
        const star = this.take('*');
        item = this.make('list_splat', [star, this.identifier()], undefined);
      } else item = this.postfixExpression();
      items.push(item);
      if (!this.isOp(',')) break;
      items.push(this.take(','));
      if (this.isKeyword(stop)) break;
    }
    if (items.length === 1) return this.toPattern(items[0]);
    return this.patternList(items);
  }

  private whileStatement(): number {
    const kids = [this.take('while'), this.expression()];
    const fields: Fields = [undefined, 'condition'];
    this.suite(kids, fields, 'body');
    if (this.continues(['else'])) {
      kids.push(this.elseClause());
      fields.push('alternative');
    }
    return this.make('while_statement', kids, fields);
  }

  private tryStatement(): number {
    const kids = [this.take('try')];
    const fields: Fields = [undefined];
    this.suite(kids, fields, 'body');
    let clauses = 0;
    const next = ['except', 'else', 'finally'];
    while (this.continues(next) && this.isKeyword('except')) {
      clauses++;
      const k = [this.take('except')];
      const f: Fields = [undefined];
      if (this.isOp('*')) decline(); // except*
      if (!this.isOp(':')) {
        const value = this.expression();
        if (this.isKeyword('as')) {
          const as = this.take('as');
          const target = this.expression();
          const alias = this.make('as_pattern_target', [target], undefined);
          k.push(this.make('as_pattern', [value, as, alias], [undefined, undefined, 'alias']));
        } else k.push(value);
        f.push('value');
        if (this.isOp(',')) decline(); // Python 2's `except A, e`
      }
      this.suite(k, f, undefined);
      kids.push(this.make('except_clause', k, f));
      fields.push(undefined);
    }
    if (this.isKeyword('else')) {
      kids.push(this.elseClause());
      fields.push(undefined);
      this.continues(['finally']);
    }
    if (this.isKeyword('finally')) {
      clauses++;
      const k = [this.take('finally')];
      const f: Fields = [undefined];
      this.suite(k, f, undefined);
      kids.push(this.make('finally_clause', k, f));
      fields.push(undefined);
    }
    if (clauses === 0) decline();
    return this.make('try_statement', kids, fields);
  }

  private withStatement(kids: number[]): number {
    const fields: Fields = kids.map(() => undefined);
    kids.push(this.take('with'));
    fields.push(undefined);
    if (this.isOp('(')) decline(); // `with (a as b, c):` against a parenthesized expression: tree-sitter's conflict
    const items: number[] = [];
    for (;;) {
      const value = this.expression();
      let item = value;
      if (this.isKeyword('as')) {
        const as = this.take('as');
        const target = this.expression();
        const alias = this.make('as_pattern_target', [target], undefined);
        item = this.make('as_pattern', [value, as, alias], [undefined, undefined, 'alias']);
      }
      items.push(this.make('with_item', [item], ['value']));
      if (!this.isOp(',')) break;
      items.push(this.take(','));
      if (this.isOp(':')) decline();
    }
    kids.push(this.plain('with_clause', items));
    fields.push(undefined);
    this.suite(kids, fields, 'body');
    return this.make('with_statement', kids, fields);
  }

  private functionDefinition(kids: number[]): number {
    const fields: Fields = kids.map(() => undefined);
    kids.push(this.take('def'), this.identifier());
    fields.push(undefined, 'name');
    if (this.isOp('[')) decline(); // type parameters
    kids.push(this.parameters());
    fields.push('parameters');
    if (this.isOp('->')) {
      kids.push(this.take('->'), this.type());
      fields.push(undefined, 'return_type');
    }
    this.suite(kids, fields, 'body');
    return this.make('function_definition', kids, fields);
  }

  private parameters(): number {
    const kids = [this.open('(')];
    if (!this.isOp(')')) this.parameterList(kids, ')', false);
    kids.push(this.close(')'));
    return this.plain('parameters', kids);
  }

  /** `_parameters`, up to `end` (`)` for a def, `:` for a lambda, where annotations are not allowed). */
  private parameterList(kids: number[], end: string, lambda: boolean): void {
    for (;;) {
      kids.push(this.parameter(lambda));
      if (!this.isOp(',')) return;
      kids.push(this.take(','));
      if (this.isOp(end)) return;
    }
  }

  private parameter(lambda: boolean): number {
    if (this.isOp('/')) return this.wrappedToken('positional_separator');
    if (this.isOp('*') || this.isOp('**')) {
      const star = this.tokValue;
      const starStart = this.tokStart;
      const starEnd = this.tokEnd;
      this.next();
      if (star === '*' && (this.isOp(',') || this.isOp(')') || this.isOp(':'))) {
        return this.node('keyword_separator', true, starStart, starEnd, [this.leaf('*', false, starStart, starEnd)], undefined);
      }
      const starNode = this.leaf(star, false, starStart, starEnd);
      const name = this.identifier();
      const splat = this.make(star === '*' ? 'list_splat_pattern' : 'dictionary_splat_pattern', [starNode, name], undefined);
      if (!lambda && this.isOp(':')) {
        const colon = this.take(':');
        const type = this.type();
        return this.make('typed_parameter', [splat, colon, type], [undefined, undefined, 'type']);
      }
      return splat;
    }
    if (this.isOp('(')) decline(); // a tuple parameter (Python 2)
    const name = this.identifier();
    if (!lambda && this.isOp(':')) {
      const colon = this.take(':');
      const type = this.type();
      if (this.isOp('=')) {
        const eq = this.take('=');
        const value = this.expression();
        return this.make('typed_default_parameter', [name, colon, type, eq, value], ['name', undefined, 'type', undefined, 'value']);
      }
      return this.make('typed_parameter', [name, colon, type], [undefined, undefined, 'type']);
    }
    if (this.isOp('=')) {
      const eq = this.take('=');
      const value = this.expression();
      return this.make('default_parameter', [name, eq, value], ['name', undefined, 'value']);
    }
    return name;
  }

  private classDefinition(): number {
    const kids = [this.take('class'), this.identifier()];
    const fields: Fields = [undefined, 'name'];
    if (this.isOp('[')) decline(); // type parameters
    if (this.isOp('(')) {
      kids.push(this.argumentList());
      fields.push('superclasses');
    }
    this.suite(kids, fields, 'body');
    return this.make('class_definition', kids, fields);
  }

  private decorated(): number {
    const kids: number[] = [];
    const fields: Fields = [];
    while (this.isOp('@')) {
      const at = this.take('@');
      const expr = this.expression();
      const newline = this.endOfLine();
      kids.push(this.make('decorator', [at, expr], [undefined, undefined], newline));
      fields.push(undefined);
      // The next line: comments between decorators stay in decorated_definition.
      for (;;) {
        const { indent, eof, firstComment } = this.lookAhead();
        const current = this.indents[this.indents.length - 1];
        // A comment line less indented than the decorator between it and its def: tree-sitter reads an error.
        if (eof || indent !== current || (firstComment !== -1 && firstComment < current)) decline();
        this.consumeLine();
        if (this.kind !== EOL) break;
      }
    }
    let definition: number;
    if (this.isKeyword('def')) definition = this.functionDefinition([]);
    else if (this.isKeyword('class')) definition = this.classDefinition();
    else if (this.isKeyword('async')) {
      const asyncToken = this.take('async');
      if (!this.isKeyword('def')) decline();
      definition = this.functionDefinition([asyncToken]);
    } else return decline();
    kids.push(definition);
    fields.push('definition');
    return this.make('decorated_definition', kids, fields);
  }

  // ---- types

  /** A `type`: an expression, or `Name[…]` as a generic_type of types. */
  private type(unionRight = false): number {
    if (this.kind === NAME && !RESERVED.has(this.tokValue) && this.nextCharIs(this.tokEnd, 91)) {
      const name = this.identifier();
      const kids = [this.open('[')];
      for (;;) {
        if (this.isOp('*') || this.isOp('**')) decline();
        kids.push(this.type());
        if (!this.isOp(',')) break;
        kids.push(this.take(','));
        if (this.isOp(']')) break;
      }
      kids.push(this.close(']'));
      const parameter = this.plain('type_parameter', kids);
      const generic = this.make('type', [this.make('generic_type', [name, parameter], undefined)], undefined);
      if (this.isOp('|') && !unionRight) {
        // `A[x] | B`: a union_type of types (`None | A[x]` is an expression: binary_operator). Its right side
        // is one type; a generic there followed by another `|` (which way it nests) is declined.
        const bar = this.take('|');
        return this.make('type', [this.make('union_type', [generic, bar, this.type(true)], undefined)], undefined);
      }
      if (!(this.isOp(',') || this.isOp(']') || this.isOp(')') || this.isOp('=') || this.isOp(':') || this.atStatementEnd())) decline();
      return generic;
    }
    const expr = this.expression();
    return this.make('type', [expr], undefined);
  }

  // ---- expressions

  /** A splatted chain with a call in it: declined (see starredExpression). */
  private splatOperand(node: number): number {
    for (let n = node; ; ) {
      const t = this.types[n];
      if (t === 'call') decline();
      if (t === 'attribute' || t === 'subscript') n = this.kids[n][0];
      else return node;
    }
  }

  /**
   * An expression, or `*x` (a list_splat) where a collection element or a target may be one. tree-sitter
   * reads `*name` as a primary expression of its own (its list_splat_pattern), so what follows the splat
   * decides the tree: between brackets a postfix chain is splatted whole (`[*a.b(x)]`) unless an operator
   * follows (`[*a or b]` splats `a` alone); without brackets even `*a.b()` calls an attribute of a splatted
   * `a`. Only the forms whose tree is plain are built: a chain without calls followed by `,` or the bracket
   * (with a call, `f(*a.b())` and `f(x, *a.b())` were seen to differ), and without brackets a name followed
   * by `,`, `=` or the statement's end.
   */
  private starredExpression(close?: string): number {
    if (!this.isOp('*')) return this.expression();
    const star = this.take('*');
    const value = close ? this.splatOperand(this.postfixExpression()) : this.identifier();
    if (!(this.isOp(',') || (close ? this.isOp(close) : this.isOp('=') || this.atStatementEnd() || (this.kind === OP && AUGMENTED.has(this.tokValue))))) decline();
    return this.make('list_splat', [star, value], undefined);
  }

  /** `expression`: lambda, conditional, boolean and comparison operators, named expressions. */
  private expression(): number {
    if (this.isKeyword('lambda')) return this.lambda();
    if (this.kind === NAME && this.text.startsWith(':=', this.afterBlanks(this.tokEnd))) {
      const name = this.identifier();
      const op = this.take(':=');
      const value = this.expression();
      return this.make('named_expression', [name, op, value], ['name', undefined, 'value']);
    }
    const test = this.orTest();
    if (this.isKeyword('if')) {
      const kids = [test, this.take('if'), this.orTest()];
      if (!this.isKeyword('else')) decline();
      kids.push(this.take('else'), this.expression());
      return this.plain('conditional_expression', kids);
    }
    return test;
  }

  /** True when the first character after blanks from `at` is `code`; declines at a line break or join there (not copied). */
  private nextCharIs(at: number, code: number): boolean {
    let p = this.afterBlanks(at);
    let c = this.text.charCodeAt(p);
    // Inside brackets line breaks are blanks too; a comment or a line join there is declined.
    while (this.depth > 0 && (c === 10 || c === 13)) c = this.text.charCodeAt((p = this.afterBlanks(p + 1)));
    if (c === 92 || (c === 35 && this.depth > 0)) decline();
    return c === code;
  }

  private afterBlanks(at: number): number {
    for (let c = this.text.charCodeAt(at); c === 32 || c === 9 || c === 12; c = this.text.charCodeAt(++at));
    return at;
  }

  private lambda(): number {
    const kids = [this.take('lambda')];
    const fields: Fields = [undefined];
    if (!this.isOp(':')) {
      const params: number[] = [];
      this.parameterList(params, ':', true);
      kids.push(this.plain('lambda_parameters', params));
      fields.push('parameters');
    }
    kids.push(this.take(':'), this.expression());
    fields.push(undefined, 'body');
    return this.make('lambda', kids, fields);
  }

  private orTest(): number {
    let left = this.andTest();
    while (this.isKeyword('or')) {
      const op = this.take('or');
      const right = this.andTest();
      left = this.make('boolean_operator', [left, op, right], ['left', 'operator', 'right']);
    }
    return left;
  }

  private andTest(): number {
    let left = this.notTest();
    while (this.isKeyword('and')) {
      const op = this.take('and');
      const right = this.notTest();
      left = this.make('boolean_operator', [left, op, right], ['left', 'operator', 'right']);
    }
    return left;
  }

  private notTest(): number {
    if (this.isKeyword('not')) {
      const op = this.take('not');
      const argument = this.notTest();
      return this.make('not_operator', [op, argument], [undefined, 'argument']);
    }
    return this.comparison();
  }

  private comparison(): number {
    const first = this.binary(0);
    if (!this.isComparisonOperator()) return first;
    const kids = [first];
    const fields: Fields = [undefined];
    while (this.isComparisonOperator()) {
      const op = this.tokValue;
      const start = this.tokStart;
      if (op === 'not') {
        this.next();
        if (!this.isKeyword('in')) decline();
        kids.push(this.node('not in', false, start, this.tokEnd, [this.leaf('not', false, start, start + 3), this.leaf('in', false, this.tokStart, this.tokEnd)], undefined));
        this.next();
      } else if (op === 'is') {
        this.next();
        if (this.isKeyword('not')) {
          kids.push(this.node('is not', false, start, this.tokEnd, [this.leaf('is', false, start, start + 2), this.leaf('not', false, this.tokStart, this.tokEnd)], undefined));
          this.next();
        } else kids.push(this.leaf('is', false, start, start + 2));
      } else kids.push(this.take(op));
      fields.push('operators');
      kids.push(this.binary(0));
      fields.push(undefined);
    }
    return this.make('comparison_operator', kids, fields);
  }

  private isComparisonOperator(): boolean {
    return (this.kind === OP || this.kind === NAME) && COMPARISON.has(this.tokValue);
  }

  /** Binary operators by precedence climbing with tree-sitter-python's PREC table (`**` right-associative). */
  private binary(min: number): number {
    let left = this.unary();
    for (;;) {
      if (this.kind !== OP) return left;
      const op = this.tokValue;
      const precedence = BINARY_PRECEDENCE[op];
      if (precedence === undefined || precedence < min) return left;
      const opNode = this.leaf(op, false, this.tokStart, this.tokEnd);
      this.next();
      const right = op === '**' ? this.binary(precedence) : this.binary(precedence + 1);
      left = this.make('binary_operator', [left, opNode, right], ['left', 'operator', 'right']);
    }
  }

  private unary(): number {
    if (this.isOp('-') || this.isOp('+') || this.isOp('~')) {
      const op = this.leaf(this.tokValue, false, this.tokStart, this.tokEnd);
      this.next();
      const argument = this.binary(21);
      return this.make('unary_operator', [op, argument], ['operator', 'argument']);
    }
    if (this.isKeyword('await')) {
      const op = this.take('await');
      const argument = this.binary(21);
      return this.make('await', [op, argument], undefined);
    }
    return this.postfixExpression();
  }

  /** An atom followed by calls, attributes and subscripts. */
  private postfixExpression(): number {
    let node = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        const dot = this.take('.');
        const name = this.identifier();
        node = this.make('attribute', [node, dot, name], ['object', undefined, 'attribute']);
      } else if (this.isOp('(')) {
        const args = this.argumentList(true);
        node = this.make('call', [node, args], ['function', 'arguments']);
      } else if (this.isOp('[')) {
        const kids = [node, this.open('[')];
        const fields: Fields = ['value', undefined];
        for (;;) {
          kids.push(this.subscriptItem());
          fields.push('subscript');
          if (!this.isOp(',')) break;
          kids.push(this.take(','));
          fields.push(undefined);
          if (this.isOp(']')) break;
        }
        kids.push(this.close(']'));
        fields.push(undefined);
        node = this.make('subscript', kids, fields);
      } else return node;
    }
  }

  private subscriptItem(): number {
    const kids: number[] = [];
    if (!this.isOp(':')) {
      const e = this.expression();
      if (!this.isOp(':')) return e;
      kids.push(e);
    }
    kids.push(this.take(':'));
    if (!this.isOp(']') && !this.isOp(',') && !this.isOp(':')) kids.push(this.expression());
    if (this.isOp(':')) {
      kids.push(this.take(':'));
      if (!this.isOp(']') && !this.isOp(',')) kids.push(this.expression());
    }
    return this.plain('slice', kids);
  }

  /** `(…)` of a call (or a class's superclasses): an argument_list, or a generator_expression when `genexp`. */
  private argumentList(genexp = false): number {
    const kids = [this.open('(')];
    const fields: Fields = [undefined];
    if (!this.isOp(')')) {
      for (;;) {
        let item: number;
        if (this.isOp('*')) {
          const star = this.take('*');
          item = this.make('list_splat', [star, this.splatOperand(this.postfixExpression())], undefined);
          if (!this.isOp(',') && !this.isOp(')')) decline(); // `f(*a or b)`: see starredExpression
        } else if (this.isOp('**')) {
          const star = this.take('**');
          item = this.make('dictionary_splat', [star, this.expression()], undefined);
        } else if (this.kind === NAME && this.text.charCodeAt(this.afterBlanks(this.tokEnd)) === 61 && this.text.charCodeAt(this.afterBlanks(this.tokEnd) + 1) !== 61) {
          const name = this.identifier();
          const eq = this.take('=');
          item = this.make('keyword_argument', [name, eq, this.expression()], ['name', undefined, 'value']);
        } else {
          item = this.expression();
          if (genexp && kids.length === 1 && this.atComprehension()) {
            // f(x for x in y): the call's arguments are the generator expression itself.
            return this.comprehension('generator_expression', kids[0], item, ')');
          }
        }
        kids.push(item);
        fields.push(undefined);
        if (!this.isOp(',')) break;
        kids.push(this.take(','));
        fields.push(undefined);
        if (this.isOp(')')) break;
      }
    }
    kids.push(this.close(')'));
    fields.push(undefined);
    return this.make('argument_list', kids, fields);
  }

  /** The rest of a comprehension after its body: `for … in …` and `if …` clauses, then `close`. */
  private comprehension(type: string, open: number, body: number, close: string): number {
    const kids = [open, body];
    const fields: Fields = [undefined, 'body'];
    while (this.isKeyword('for') || this.isKeyword('async')) {
      const clause: number[] = [];
      const clauseFields: Fields = [];
      if (this.isKeyword('async')) {
        clause.push(this.take('async'));
        clauseFields.push(undefined);
      }
      clause.push(this.take('for'), this.targets('in'), this.take('in'));
      clauseFields.push(undefined, 'left', undefined);
      for (;;) {
        if (this.isKeyword('lambda')) decline();
        clause.push(this.orTest());
        clauseFields.push('right');
        if (!this.isOp(',')) break;
        decline(); // `for x in a, b` in a comprehension: rare
      }
      kids.push(this.make('for_in_clause', clause, clauseFields));
      fields.push(undefined);
      while (this.isKeyword('if')) {
        const k = [this.take('if'), this.orTest()];
        // `for x in a if b else c`: a conditional iterable or a clause? tree-sitter's choice, not copied.
        if (this.isKeyword('else')) decline();
        kids.push(this.make('if_clause', k, undefined));
        fields.push(undefined);
      }
    }
    kids.push(this.close(close));
    fields.push(undefined);
    return this.make(type, kids, fields);
  }

  /** At `for` or `async for`: a comprehension's first clause. */
  private atComprehension(): boolean {
    if (this.isKeyword('for')) return true;
    if (!this.isKeyword('async')) return false;
    let at = this.tokEnd;
    while (this.text.charCodeAt(at) === 32) at++;
    return this.text.startsWith('for', at) && !isNameChar(this.text.charCodeAt(at + 3));
  }

  private atom(): number {
    const start = this.tokStart;
    switch (this.kind) {
      case NAME: {
        const word = this.tokValue;
        switch (word) {
          case 'True':
            return this.leafToken('true');
          case 'False':
            return this.leafToken('false');
          case 'None':
            return this.leafToken('none');
        }
        if (RESERVED.has(word)) decline();
        return this.leafToken('identifier');
      }
      case NUMBER: {
        const t = this.text.slice(start, this.tokEnd);
        const isFloat = /^(?:0[xXoObB])/.test(t) ? false : /[.eE]/.test(t);
        return this.leafToken(isFloat ? 'float' : 'integer');
      }
      case STRING:
        return this.strings();
      case OP:
        switch (this.tokValue) {
          case '(':
            return this.parenthesized();
          case '[':
            return this.listDisplay();
          case '{':
            return this.dictOrSet();
          case '...':
            return this.leafToken('ellipsis');
        }
    }
    return decline();
  }

  /** A named node around the current token (tree-sitter wraps a token that other rules use too, such as `*`). */
  private wrappedToken(type: string): number {
    const token = this.leaf(this.tokValue, false, this.tokStart, this.tokEnd);
    const id = this.node(type, true, this.tokStart, this.tokEnd, [token], undefined);
    this.next();
    return id;
  }

  private leafToken(type: string): number {
    const id = this.leaf(type, true, this.tokStart, this.tokEnd);
    this.next();
    return id;
  }

  private parenthesized(): number {
    const open = this.open('(');
    if (this.isOp(')')) {
      const close = this.close(')');
      return this.make('tuple', [open, close], undefined);
    }
    if (this.isKeyword('yield')) {
      const y = this.yieldExpression();
      return this.make('parenthesized_expression', [open, y, this.close(')')], undefined);
    }
    const first = this.starredExpression(')');
    if (this.atComprehension()) {
      if (this.types[first] === 'list_splat') decline();
      return this.comprehension('generator_expression', open, first, ')');
    }
    if (this.isOp(')')) {
      if (this.types[first] === 'list_splat') decline(); // `(*a)`: parenthesized_list_splat
      return this.make('parenthesized_expression', [open, first, this.close(')')], undefined);
    }
    const kids = [open, first];
    this.collectionRest(kids, ')');
    kids.push(this.close(')'));
    return this.plain('tuple', kids);
  }

  /** `, element, …` up to `close` (not taken). */
  private collectionRest(kids: number[], close: string): void {
    while (this.isOp(',')) {
      kids.push(this.take(','));
      if (this.isOp(close)) return;
      if (this.isKeyword('yield')) decline();
      kids.push(this.starredExpression(close));
    }
    if (!this.isOp(close)) decline();
  }

  private listDisplay(): number {
    const open = this.open('[');
    if (this.isOp(']')) return this.make('list', [open, this.close(']')], undefined);
    if (this.isKeyword('yield')) decline();
    const first = this.starredExpression(']');
    if (this.atComprehension()) {
      if (this.types[first] === 'list_splat') decline();
      return this.comprehension('list_comprehension', open, first, ']');
    }
    const kids = [open, first];
    this.collectionRest(kids, ']');
    kids.push(this.close(']'));
    return this.plain('list', kids);
  }

  private dictOrSet(): number {
    const open = this.open('{');
    if (this.isOp('}')) return this.make('dictionary', [open, this.close('}')], undefined);
    let first = 0;
    if (!this.isOp('**')) {
      first = this.starredExpression('}');
      if (!this.isOp(':')) return this.setRest(open, first);
    }
    {
      const kids = [open];
      for (;;) {
        if (this.isOp('**')) {
          const star = this.take('**');
          kids.push(this.make('dictionary_splat', [star, this.expression()], undefined));
        } else {
          const key = first || this.expression();
          first = 0;
          if (this.types[key] === 'list_splat') decline();
          const colon = this.take(':');
          const value = this.expression();
          const pair = this.make('pair', [key, colon, value], ['key', undefined, 'value']);
          if (kids.length === 1 && this.atComprehension()) return this.comprehension('dictionary_comprehension', open, pair, '}');
          kids.push(pair);
        }
        if (!this.isOp(',')) break;
        kids.push(this.take(','));
        if (this.isOp('}')) break;
      }
      kids.push(this.close('}'));
      return this.plain('dictionary', kids);
    }
  }

  private setRest(open: number, first: number): number {
    if (this.atComprehension()) {
      if (this.types[first] === 'list_splat') decline();
      return this.comprehension('set_comprehension', open, first, '}');
    }
    const kids = [open, first];
    this.collectionRest(kids, '}');
    kids.push(this.close('}'));
    return this.plain('set', kids);
  }

  // ---- strings

  /** One string, or adjacent strings as a concatenated_string. */
  private strings(): number {
    const first = this.string();
    if (this.kind !== STRING) return first;
    const kids = [first];
    while (this.kind === STRING) kids.push(this.string());
    return this.plain('concatenated_string', kids);
  }

  /** A string at the current token (its prefix letters, then the quote). */
  private string(): number {
    const text = this.text;
    const start = this.tokStart;
    let p = start;
    let format = false;
    let raw = false;
    let bytes = false;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 102 || c === 70 || c === 116 || c === 84) format = true;
      else if (c === 114 || c === 82) raw = true;
      else if (c === 98 || c === 66) bytes = true;
      else if (c !== 117 && c !== 85) break;
      p++;
    }
    const quote = text.charCodeAt(p);
    const triple = text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote;
    p += triple ? 3 : 1;
    const kids = [this.leaf('string_start', true, start, p)];
    // Content pieces between interpolations: one string_content node each, escape sequences as its children.
    let contentStart = -1;
    let contentKids: number[] = [];
    // The scanner counts a raw string's backslash pairs as no content: a raw string holding only those is
    // all string_end after its string_start (tree-sitter-python's scanner; mirrored, not corrected).
    let rawHasContent = false;
    const flush = (end: number) => {
      if (contentStart >= 0) kids.push(this.node('string_content', true, contentStart, end, contentKids.length ? contentKids : NO_KIDS, undefined));
      contentStart = -1;
      contentKids = [];
    };
    for (;;) {
      if (p >= text.length) decline();
      const c = text.charCodeAt(p);
      if (c === quote && (!triple || (text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote))) {
        const end = p + (triple ? 3 : 1);
        if (raw && !rawHasContent && contentStart >= 0) {
          kids.push(this.leaf('string_end', true, contentStart, end));
          this.pos = end;
          break;
        }
        flush(p);
        kids.push(this.leaf('string_end', true, p, end));
        this.pos = end;
        break;
      }
      if ((c === 10 || c === 13) && !triple) decline();
      if (c === 92) {
        if (contentStart < 0) contentStart = p;
        if (raw) {
          p++;
          const n = text.charCodeAt(p);
          if (n === quote || n === 92) p++;
          if (text.charCodeAt(p) === 13) {
            p++;
            if (text.charCodeAt(p) === 10) p++;
          } else if (text.charCodeAt(p) === 10) p++;
          continue;
        }
        rawHasContent = true;
        const n = text.charCodeAt(p + 1);
        if (bytes && (n === 78 || n === 117 || n === 85)) {
          p += 2;
          continue;
        }
        ESCAPE.lastIndex = p;
        const m = ESCAPE.exec(text);
        if (m) {
          contentKids.push(this.leaf('escape_sequence', true, p, p + m[0].length));
          p += m[0].length;
        } else {
          // A backslash that escapes nothing: tree-sitter's `_not_escape_sequence`, an anonymous `\` token.
          contentKids.push(this.leaf('\\', false, p, p + 1));
          p++;
        }
        continue;
      }
      if (format && (c === 123 || c === 125)) {
        if (text.charCodeAt(p + 1) === c) {
          if (contentStart < 0) contentStart = p;
          contentKids.push(this.leaf('escape_interpolation', true, p, p + 2));
          p += 2;
          continue;
        }
        if (c === 125) decline(); // a lone `}`
        if (raw && !rawHasContent && contentStart >= 0) decline();
        flush(p);
        rawHasContent = false;
        this.pos = p;
        kids.push(this.interpolation('interpolation', triple));
        p = this.pos;
        continue;
      }
      if (contentStart < 0) contentStart = p;
      rawHasContent = true;
      p++;
    }
    const node = this.node('string', true, start, this.pos, kids, undefined);
    this.next();
    return node;
  }

  /** `{expression[=][!c][:spec]}` at `pos`; leaves `pos` after the `}`. */
  private interpolation(type: string, triple: boolean): number {
    const text = this.text;
    const savedDepth = this.depth;
    // Inside the braces line ends are blanks only in a triple-quoted string (as in the scanner's bracket rule).
    this.depth = triple ? 1 : 0;
    const open = this.leaf('{', false, this.pos, this.pos + 1);
    this.pos++;
    this.next();
    if (this.kind === EOL || this.kind === EOF) decline();
    const kids = [open];
    const fields: Fields = [undefined];
    if (this.isKeyword('yield')) decline();
    const first = this.expression();
    if (this.isOp(',')) decline(); // `{a, b}`: an expression_list or a pattern_list
    kids.push(first);
    fields.push('expression');
    if (this.isOp('=')) {
      kids.push(this.take('='));
      fields.push(undefined);
    }
    // `!r`, `:spec` and `}` are read from the text: the lexer has already looked past them.
    let p = this.tokStart;
    if (text.charCodeAt(p) === 33) {
      const c = text.charCodeAt(p + 1);
      if (!(c >= 97 && c <= 122)) decline();
      kids.push(this.leaf('type_conversion', true, p, p + 2));
      fields.push('type_conversion');
      p += 2;
    }
    if (text.charCodeAt(p) === 58) {
      const specKids = [this.leaf(':', false, p, p + 1)];
      p++;
      for (;;) {
        const c = text.charCodeAt(p);
        if (p >= text.length || c === 10 || c === 13) decline();
        if (c === 125) break;
        if (c === 123) {
          this.pos = p;
          specKids.push(this.interpolation('format_expression', triple));
          p = this.pos;
          continue;
        }
        p++;
      }
      const spec = this.node('format_specifier', true, this.starts[specKids[0]], p, specKids, undefined);
      kids.push(spec);
      fields.push('format_specifier');
    } else {
      // The lexer's view: only blanks may sit between the expression (or `=`, `!r`) and the `}`.
      while (text.charCodeAt(p) === 32) p++;
    }
    if (text.charCodeAt(p) !== 125) decline();
    kids.push(this.leaf('}', false, p, p + 1));
    fields.push(undefined);
    this.depth = savedDepth;
    this.pos = p + 1;
    const start = this.starts[open];
    this.claim(start, p + 1, kids, fields);
    return this.node(type, true, start, p + 1, kids, fields);
  }
}

/** The end of a number literal at `start` (tree-sitter-python's integer and float tokens). */
function numberEnd(text: string, start: number): number {
  let p = start;
  const c0 = text.charCodeAt(p);
  const c1 = text.charCodeAt(p + 1) | 32;
  if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    p += 2;
    const ok = c1 === 120 ? isHex : c1 === 111 ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
    const digitsStart = p;
    for (;;) {
      const c = text.charCodeAt(p);
      if (ok(c)) p++;
      else if (c === 95 && ok(text.charCodeAt(p + 1))) p++;
      else break;
    }
    if (p === digitsStart) decline();
    if ((text.charCodeAt(p) | 32) === 108) p++;
    return p;
  }
  const digits = () => {
    const from = p;
    for (;;) {
      const c = text.charCodeAt(p);
      if (isDigit(c)) p++;
      else if (c === 95 && isDigit(text.charCodeAt(p + 1))) p++;
      else break;
    }
    return p > from;
  };
  const intPart = digits();
  let isFloat = false;
  if (text.charCodeAt(p) === 46) {
    p++;
    digits();
    isFloat = true;
  }
  if (!intPart && !isFloat) decline();
  if ((text.charCodeAt(p) | 32) === 101) {
    const save = p;
    p++;
    const s = text.charCodeAt(p);
    if (s === 43 || s === 45) p++;
    if (!digits()) p = save;
    else isFloat = true;
  }
  const last = text.charCodeAt(p) | 32;
  if (last === 106) p++;
  else if (last === 108 && !isFloat) p++;
  return p;
}

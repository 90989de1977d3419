/**
 * The generic half of the Python facts: one pass over a file's tree (a walk, or a query when the tree has
 * syntax errors; nodes read through parse/python-tree.ts) that reads imports and
 * aliases, functions, calls, assignments, `with` targets, branches and comments, then resolves cross
 * references, qualified names, module constants and env writes. The GPU and Gradio facts are derived
 * from its result (gpu-facts.ts, gradio-facts.ts); analyze.ts runs the whole pass.
 */
import type { Tree } from 'web-tree-sitter';
import { pythonQuery, pythonTreeReader } from '../parse/python.js';
import type { PythonTreeReader } from '../parse/python-tree.js';
import { parseNumberLiteral, parseStringLiteral } from './literals.js';
import { isLiteral, qualify, type PythonAssignment, type PythonCall, type PythonFunction, type PythonModule, type PythonParameter, type PythonSyntaxError, type PythonValue } from './module.js';

/**
 * tree-sitter-python accepts `f(,)` and `{,}`; CPython does not. Found by a query, run only when the text
 * has a bracket followed by blanks, comments or line joins and then a comma (LONE_COMMA_CANDIDATE): the
 * query cannot match anywhere else, and real files rarely have one (its pattern under a wildcard parent
 * costs ~20 ms to compile, most of a one-Space cold run).
 */
const LONE_COMMA_QUERY = `
(_ ["(" "[" "{"] . "," @lone-comma)
(_ ["(" "[" "{"] . (comment) . "," @lone-comma)
`;
// A comment is taken whole (`(?![^\r\n])`): `#[^\r\n]*` that may stop anywhere made the loop ambiguous on a
// run of `#` (a `####` banner inside a dict took seconds, doubling with each `#`), and a comma inside a
// comment is not a token anyway.
const LONE_COMMA_CANDIDATE = /[([{](?:\s|\\\r?\n|#[^\r\n]*(?![^\r\n]))*,/;

/**
 * What the facts read, by node type: found by a plain walk (`descendantsOfType`), ~35% cheaper than a
 * query cursor, which computes each node's field and sibling status, and linear where the cursor is
 * quadratic (some broken trees). A broken tree adds its ERROR and MISSING nodes.
 */
const CAPTURE_OF_TYPE: Record<string, string> = {
  import_statement: 'import',
  import_from_statement: 'import',
  comment: 'comment',
  function_definition: 'def',
  lambda: 'lambda',
  class_definition: 'class',
  call: 'call',
  assignment: 'assign',
  with_item: 'with',
  if_statement: 'if',
  yield: 'yield',
};
const CAPTURED_TYPES = Object.keys(CAPTURE_OF_TYPE);
/** A broken tree is walked for the same nodes and its ERROR nodes; its MISSING nodes are found apart (missingNodes). */
const BROKEN_TYPES = [...CAPTURED_TYPES, 'ERROR'];

/** Names a wildcard import binds, for the packages rules care about. */
const WILDCARD_EXPORTS: Record<string, string[]> = {
  spaces: ['GPU', 'aoti_capture', 'aoti_compile', 'aoti_apply'],
  gradio: ['Blocks', 'Interface', 'ChatInterface', 'TabbedInterface', 'on', 'mount_gradio_app'],
};

const DOTTED = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;
/** `name=` at the start of an argument (not `==`); sticky, run at the argument's offset. */
const KEYWORD_ARGUMENT = /([A-Za-z_]\w*)\s*=(?!=)\s*/y;
/**
 * Text between a call's start and its arguments that is the callee plus blanks only: printable ASCII, no
 * comment (`#`) and no line continuation (`\\`), so trimming the blanks finds the callee's end.
 */
const PLAIN_CALLEE = /^[\x21-\x22\x24-\x5b\x5d-\x7e][\x20-\x22\x24-\x5b\x5d-\x7e\t\r\n]*$/;
/** Span keys are numbers below this text length (then start * (length + 1) + end is exact). */
const SPAN_KEY_LIMIT = 2 ** 26;
const STRING_PREFIX = /^[rRbBuUfFtT]{1,2}['"]/;
/** Words that look like names but are expressions of their own. */
const KEYWORDS = new Set(['not', 'await', 'lambda', 'yield', 'True', 'False', 'None']);

type FunctionScope = { index: number; end: number };
type ClassScope = { name: string; start: number; end: number };

/** Everything the pass collects before cross references are resolved. */
export class Extraction {
  readonly module: PythonModule;
  private statementCursor = 0;
  private readonly functionStack: FunctionScope[] = [];
  private readonly classStack: ClassScope[] = [];
  private readonly callIndex = new Map<number | string, number>();
  private readonly lambdaIndex = new Map<number | string, number>();
  /** Set by `run` when the tree has ERROR or MISSING nodes: then children are read from the tree, not inferred. */
  private broken = false;
  private readonly links: PythonValue[] = [];
  private readonly names: PythonValue[] = [];
  private readonly dictNodes = new Map<PythonValue, number>();
  /** The tree being read; nodes are its handles (parse/python-tree.ts), 0 for none. */
  private r!: PythonTreeReader;
  private readonly bound = new Set<string>();

  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.module = {
      path,
      syntaxErrorCount: 0,
      imports: [],
      comments: [],
      statements: [],
      aliases: {},
      bindings: [],
      functions: [],
      calls: [],
      assignments: [],
      constants: {},
      envWrites: [],
      branches: [],
      gpuReferences: [],
      gpuApplications: [],
      gradioNames: [],
      handlers: [],
    };
  }

  /** Reads `tree` (`viaNodes`: through web-tree-sitter's Node API, for tests comparing the two readers). */
  run(tree: Tree, viaNodes = false): void {
    this.read(pythonTreeReader(tree, viaNodes));
  }

  /** Reads a tree through `r`: tree-sitter's (python-tree.ts) or the descent parser's, the same tree either way. */
  read(r: PythonTreeReader): void {
    const module = this.module;
    this.r = r;
    const root = r.root;
    this.broken = r.hasError(root);
    for (const child of r.namedChildren(root)) {
      if (!child) continue;
      // A statement never starts with `#`: in a valid tree comments are told apart by their text, without a type lookup.
      const start = r.startIndex(child);
      if (this.broken ? r.type(child) !== 'comment' : this.text.charCodeAt(start) !== 35) module.statements.push([start, r.endIndex(child)]);
    }
    // Broken trees are walked too, not queried: tree-sitter's query cursor is quadratic over some of them
    // (a long run of `(` or `[`: 100 KB took 16 s; 27,000 nested `[` took 0.9 s for one trivial pattern,
    // against 4 ms for the walk), so the query's time budget decided what was found, and two lints of one
    // file could differ. The lone-comma query below keeps the budget: past it, the file is reported as broken.
    // Date.now, not performance.now: Node 20 loads perf_hooks on the first use of `performance` (~2 ms of
    // a cold ESLint run). A wall-clock step during one file's pass only moves its budget.
    const started = Date.now();
    const deadline = started + QUERY_BUDGET_MS + this.text.length / 1024;
    let cancelled = false;
    let ticks = 0;
    // Broken trees read the clock at every callback: there a single step between callbacks can be long.
    const mask = this.broken ? 0 : 63;
    const progressCallback = () => cancelled || ((++ticks & mask) === 0 && (cancelled = Date.now() > deadline));
    let names: string[];
    let nodes: number[];
    if (this.broken) {
      nodes = mergeByStart(r, r.descendantsOfType(BROKEN_TYPES), missingNodes(r, root));
      names = nodes.map((node) => {
        const type = r.type(node);
        return r.isMissing(node) ? 'missing' : type === 'ERROR' ? 'error' : CAPTURE_OF_TYPE[type];
      });
    } else {
      nodes = r.descendantsOfType(CAPTURED_TYPES);
      names = nodes.map((node) => CAPTURE_OF_TYPE[r.type(node)]);
    }
    if (LONE_COMMA_CANDIDATE.test(this.text)) {
      for (const node of r.captures(pythonQuery(LONE_COMMA_QUERY), progressCallback).nodes) this.syntaxErrorFound(node, 'lone-comma');
    }
    // Reading them has a budget of its own: a valid 100 KB chain of 20,000 calls (`a.b(1).b(1)…`) took
    // seconds, since each call's callee is the whole chain before it. The clock is read every 64th node.
    const readDeadline = Date.now() + QUERY_BUDGET_MS + this.text.length / 1024;
    let stopped = false;
    // Captures arrive in document order, so scopes and statements are tracked with stacks and a cursor.
    let read = 0;
    for (; read < nodes.length; read++) {
      if ((read & 63) === 63 && Date.now() > readDeadline) {
        stopped = true;
        break;
      }
      const node = nodes[read];
      const name = names[read];
      const start = r.startIndex(node);
      this.enter(start);
      switch (name) {
        case 'comment': {
          let end = r.endIndex(node);
          // tree-sitter's comment token runs to the `\n`, so in a CRLF file it ends with the `\r`: that
          // belongs to the line break (a fix that removes the comment must leave the CRLF whole).
          if (this.text.charCodeAt(end - 1) === 13) end--;
          module.comments.push({ text: this.text.slice(start, end), range: [start, end] });
          break;
        }
        case 'import':
          this.readImport(node);
          break;
        case 'error':
        case 'missing':
          this.syntaxErrorFound(node, name);
          break;
        case 'def':
          this.readFunction(node, false);
          break;
        case 'lambda':
          this.readFunction(node, true);
          break;
        case 'class': {
          const nameNode = r.childForFieldName(node, 'name');
          const className = nameNode ? this.textOf(nameNode) : undefined;
          if (className) this.bound.add(className);
          this.classStack.push({ name: className ?? '', start, end: r.endIndex(node) });
          break;
        }
        case 'call':
          this.readCall(node);
          break;
        case 'assign':
          this.readAssignment(node);
          break;
        case 'with':
          this.readWithItem(node);
          break;
        case 'if':
          this.readBranch(node);
          break;
        case 'yield': {
          const scope = this.functionStack[this.functionStack.length - 1];
          if (scope) module.functions[scope.index].generator = true;
          break;
        }
      }
    }
    if (cancelled && this.broken) {
      const first = firstErrorNode(r, root);
      module.syntaxErrorCount++;
      if (!module.syntaxError || r.startIndex(first) < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, r, first, r.isMissing(first) ? 'missing' : 'error');
    } else if (cancelled || stopped) {
      // A valid file too deep to analyse in time: what was found is kept, and parse-error says the rest is unchecked.
      const last = nodes[Math.min(read, nodes.length - 1)];
      const at = last ? r.startIndex(last) : 0;
      module.analysisStopped = { budgetMs: Math.round(deadline - started), range: [at, Math.min(at + 1, this.text.length)] };
    }
    this.resolve();
  }

  private syntaxErrorFound(node: number, kind: string): void {
    const module = this.module;
    module.syntaxErrorCount++;
    if (!module.syntaxError || this.r.startIndex(node) < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, this.r, node, kind);
  }

  /** A node's source text. */
  private textOf(node: number): string {
    return this.text.slice(this.r.startIndex(node), this.r.endIndex(node));
  }

  /** Moves the statement cursor and pops scopes that ended before `start`. */
  private enter(start: number): void {
    const statements = this.module.statements;
    while (this.statementCursor < statements.length && statements[this.statementCursor][1] <= start) this.statementCursor++;
    while (this.functionStack.length && this.functionStack[this.functionStack.length - 1].end <= start) this.functionStack.pop();
    while (this.classStack.length && this.classStack[this.classStack.length - 1].end <= start) this.classStack.pop();
  }

  private get currentFunction(): number | undefined {
    return this.functionStack[this.functionStack.length - 1]?.index;
  }

  /** True when the innermost scope is a class body (not a method inside it). */
  private get inClassBody(): boolean {
    const cls = this.classStack[this.classStack.length - 1];
    if (!cls) return false;
    const fn = this.functionStack[this.functionStack.length - 1];
    return !fn || this.module.functions[fn.index].range[0] < cls.start;
  }

  private readImport(node: number): void {
    const module = this.module;
    const r = this.r;
    const start = r.startIndex(node);
    const end = r.endIndex(node);
    // An import that starts a top-level statement is that statement: no def, class or try encloses it, so
    // its parents (each one a descent from the root in tree-sitter) need not be walked.
    const statement = module.statements[this.statementCursor];
    const { nested, guarded } = statement !== undefined && statement[0] === start ? TOP_LEVEL_IMPORT : importContext(r, node);
    const base = {
      statementIndex: this.statementCursor,
      nested: nested || this.functionStack.length > 0,
      guarded,
      statementRange: [start, end] as [number, number],
    };
    if (r.type(node) === 'import_statement') {
      for (const child of r.namedChildren(node)) {
        if (!child) continue;
        const type = r.type(child);
        const range: [number, number] = [r.startIndex(child), r.endIndex(child)];
        if (type === 'dotted_name') {
          module.imports.push({ ...base, module: this.text.slice(range[0], range[1]), level: 0, range });
        } else if (type === 'aliased_import') {
          const name = r.childForFieldName(child, 'name');
          const alias = r.childForFieldName(child, 'alias');
          module.imports.push({ ...base, module: name ? this.textOf(name) : '', alias: alias ? this.textOf(alias) : undefined, level: 0, range });
        }
      }
      return;
    }
    // from X import a, b as c / from X import * / from . import y
    const moduleNode = r.childForFieldName(node, 'module_name');
    const moduleStart = moduleNode ? r.startIndex(moduleNode) : undefined;
    let level = 0;
    let moduleName = '';
    if (moduleNode) {
      if (r.type(moduleNode) === 'relative_import') {
        const parts = r.namedChildren(moduleNode);
        const prefix = parts.find((c) => c && r.type(c) === 'import_prefix');
        level = prefix ? this.textOf(prefix).length : 0;
        const dotted = parts.find((c) => c && r.type(c) === 'dotted_name');
        moduleName = dotted ? this.textOf(dotted) : '';
      } else {
        moduleName = this.textOf(moduleNode);
      }
    }
    let any = false;
    for (const child of r.namedChildren(node)) {
      if (!child) continue;
      const childStart = r.startIndex(child);
      if (childStart === moduleStart) continue;
      const type = r.type(child);
      if (type === 'dotted_name') {
        any = true;
        const childEnd = r.endIndex(child);
        module.imports.push({ ...base, module: moduleName, name: this.text.slice(childStart, childEnd), level, range: [childStart, childEnd] });
      } else if (type === 'aliased_import') {
        any = true;
        const name = r.childForFieldName(child, 'name');
        const alias = r.childForFieldName(child, 'alias');
        module.imports.push({ ...base, module: moduleName, name: name ? this.textOf(name) : undefined, alias: alias ? this.textOf(alias) : undefined, level, range: [childStart, r.endIndex(child)] });
      } else if (type === 'wildcard_import') {
        any = true;
        module.imports.push({ ...base, module: moduleName, name: '*', level, range: [childStart, r.endIndex(child)] });
      }
    }
    if (!any) module.imports.push({ ...base, module: moduleName, level, range: [start, end] });
  }

  private readFunction(node: number, lambda: boolean): void {
    const module = this.module;
    const r = this.r;
    const start = r.startIndex(node);
    const end = r.endIndex(node);
    const nameNode = lambda ? 0 : r.childForFieldName(node, 'name');
    const nameRange: [number, number] = nameNode ? [r.startIndex(nameNode), r.endIndex(nameNode)] : [start, start + 6];
    const name = nameNode ? this.text.slice(nameRange[0], nameRange[1]) : '<lambda>';
    const cls = this.classStack[this.classStack.length - 1];
    const parent = this.currentFunction;
    const fn: PythonFunction = {
      name,
      lambda,
      async: !lambda && this.text.startsWith('async', start),
      generator: false,
      params: [],
      decorators: [],
      parent,
      className: cls && (parent === undefined || module.functions[parent].range[0] < cls.start) ? cls.name : undefined,
      statementIndex: this.statementCursor,
      range: [start, end],
      nameRange,
    };
    const params = r.childForFieldName(node, 'parameters');
    if (params) {
      fn.params = this.readParameters(params);
      fn.paramsRange = [r.startIndex(params), r.endIndex(params)];
    }
    if (!lambda) {
      const holder = r.parent(node);
      if (holder && r.type(holder) === 'decorated_definition') {
        for (const d of r.namedChildren(holder)) {
          if (!d || r.type(d) !== 'decorator') continue;
          const expr = r.namedChildren(d).find((c) => c && r.type(c) !== 'comment');
          if (expr) fn.decorators.push({ value: this.readValue(expr), range: [r.startIndex(d), r.endIndex(d)] });
        }
      }
    }
    if (nameNode && fn.className === undefined) this.bound.add(name);
    const index = module.functions.push(fn) - 1;
    if (lambda) this.lambdaIndex.set(this.spanKey(start, end), index);
    this.functionStack.push({ index, end });
  }

  private readParameters(params: number): PythonParameter[] {
    const r = this.r;
    const out: PythonParameter[] = [];
    let keywordOnly = false;
    for (const p of r.namedChildren(params)) {
      if (!p) continue;
      const range: [number, number] = [r.startIndex(p), r.endIndex(p)];
      const text = () => this.text.slice(range[0], range[1]);
      switch (r.type(p)) {
        case 'identifier':
          out.push({ name: text(), kind: keywordOnly ? 'keyword-only' : 'positional', range });
          break;
        case 'default_parameter':
        case 'typed_default_parameter': {
          const value = r.childForFieldName(p, 'value');
          const name = r.childForFieldName(p, 'name');
          out.push({
            name: name ? this.textOf(name) : '',
            kind: keywordOnly ? 'keyword-only' : 'positional',
            default: value ? this.readValue(value) : undefined,
            range,
          });
          break;
        }
        case 'typed_parameter': {
          const inner = r.firstNamedChild(p);
          const innerType = inner ? r.type(inner) : undefined;
          const innerText = inner ? this.textOf(inner) : '';
          if (innerType === 'list_splat_pattern') {
            keywordOnly = true;
            out.push({ name: innerText.replace(/^\*/, ''), kind: 'var-positional', range });
          } else if (innerType === 'dictionary_splat_pattern') {
            out.push({ name: innerText.replace(/^\*\*/, ''), kind: 'var-keyword', range });
          } else {
            out.push({ name: innerText, kind: keywordOnly ? 'keyword-only' : 'positional', range });
          }
          break;
        }
        case 'list_splat_pattern':
          keywordOnly = true;
          out.push({ name: text().replace(/^\*/, ''), kind: 'var-positional', range });
          break;
        case 'dictionary_splat_pattern':
          out.push({ name: text().replace(/^\*\*/, ''), kind: 'var-keyword', range });
          break;
        case 'keyword_separator':
          keywordOnly = true;
          break;
        case 'positional_separator':
          for (const q of out) if (q.kind === 'positional') q.kind = 'positional-only';
          break;
      }
    }
    return out;
  }

  /**
   * A node's span as one key for the call and lambda indexes: a number (building a string per call cost
   * more than the rest of the lookup), exact while `start * (length + 1) + end` stays below 2^53.
   */
  private spanKey(start: number, end: number): number | string {
    const base = this.text.length + 1;
    return base < SPAN_KEY_LIMIT ? start * base + end : `${start}:${end}`;
  }

  private readCall(node: number): void {
    const r = this.r;
    const start = r.startIndex(node);
    const end = r.endIndex(node);
    // A call is `function arguments`. In a valid tree the arguments are the last named child and the
    // callee ends where the text before them stops being blanks: one crossing instead of reading every
    // child. Broken trees, and callees with comments, continuations or non-ASCII text, ask the tree.
    // fnNode: undefined while not read, 0 when the call has none.
    let fnNode: number | undefined;
    let argsNode: number;
    let calleeEnd: number;
    if (this.broken) {
      const children = r.namedChildren(node);
      fnNode = children[0] ?? 0;
      argsNode = children.length > 1 ? children[children.length - 1] : 0;
      calleeEnd = fnNode ? r.endIndex(fnNode) : start;
    } else {
      argsNode = r.lastNamedChild(node);
      const argsStart = argsNode ? r.startIndex(argsNode) : end;
      const before = this.text.slice(start, argsStart);
      if (PLAIN_CALLEE.test(before)) {
        calleeEnd = start + before.trimEnd().length;
      } else {
        fnNode = r.firstNamedChild(node);
        calleeEnd = fnNode ? r.endIndex(fnNode) : start;
      }
    }
    const argsStart = argsNode ? r.startIndex(argsNode) : calleeEnd;
    const hasFunction = fnNode !== undefined ? fnNode !== 0 : calleeEnd > start;
    const call: PythonCall = {
      args: [],
      function: this.currentFunction,
      statementIndex: this.statementCursor,
      range: [start, end],
      calleeRange: [start, calleeEnd],
      argsRange: [argsStart, end],
    };
    if (hasFunction) {
      const calleeText = this.text.slice(start, calleeEnd);
      if (DOTTED.test(calleeText)) {
        const callee = calleeText.includes(' ') || calleeText.includes('\n') ? calleeText.replace(/\s+/g, '') : calleeText;
        call.callee = callee;
        const dot = callee.lastIndexOf('.');
        call.name = dot < 0 ? callee : callee.slice(dot + 1);
        if (dot > 0) call.receiver = callee.slice(0, dot);
      } else {
        fnNode ??= r.firstNamedChild(node);
        const type = fnNode ? r.type(fnNode) : undefined;
        if (type === 'attribute') {
          call.name = trailingName(calleeText);
          const object = r.childForFieldName(fnNode, 'object');
          if (object && r.type(object) === 'call') call.receiverCall = this.linkCall(object);
        } else if (type === 'call') {
          call.calleeCall = this.linkCall(fnNode);
        }
      }
    }
    if (argsNode) {
      const argsType = r.type(argsNode);
      if (argsType === 'argument_list') {
        // Arguments are told apart by their text (`name=`, `*`, `**`, `#`): one crossing (`endIndex`) per
        // argument instead of a type lookup plus field lookups.
        for (const a of r.namedChildren(argsNode)) {
          if (!a) continue;
          const start = r.startIndex(a);
          const end = r.endIndex(a);
          const range: [number, number] = [start, end];
          const first = this.text.charCodeAt(start);
          if (first === 35) continue; // a comment
          if (first === 42) {
            const type = this.text.charCodeAt(start + 1) === 42 ? 'dictionary_splat' : 'list_splat';
            call.args.push({ splat: type === 'list_splat' ? '*' : '**', value: other(type, range), range });
            continue;
          }
          KEYWORD_ARGUMENT.lastIndex = start;
          const kw = KEYWORD_ARGUMENT.exec(this.text);
          if (kw && kw.index === start && start + kw[0].length <= end) {
            const valueStart = start + kw[0].length;
            let value = valueStart < end ? this.valueFromText(valueStart, end) : undefined;
            if (!value) {
              const parts = r.namedChildren(a);
              const node = parts.length > 1 ? parts[parts.length - 1] : 0;
              value = node ? this.readValue(node, r.type(node)) : other('ERROR', range);
            }
            call.args.push({ name: kw[1], value, range });
          } else {
            call.args.push({ value: this.readValue(a), range });
          }
        }
      } else {
        const range: [number, number] = [argsStart, r.endIndex(argsNode)];
        call.args.push({ value: other(argsType, range), range });
      }
    }
    const index = this.module.calls.push(call) - 1;
    this.callIndex.set(this.spanKey(start, end), index);
  }

  /** A call node's index, resolved after the pass (an inner call may be captured after the outer one). */
  private linkCall(node: number): number {
    const value: PythonValue = { kind: 'call', nodeType: 'call', range: [this.r.startIndex(node), this.r.endIndex(node)] };
    this.links.push(value);
    return -1 - (this.links.length - 1);
  }

  private readAssignment(node: number): void {
    const r = this.r;
    const left = r.childForFieldName(node, 'left');
    const right = r.childForFieldName(node, 'right');
    if (!left) return;
    const assignment: PythonAssignment = {
      targets: [],
      kind: 'assign',
      function: this.currentFunction,
      inClass: this.inClassBody,
      statementIndex: this.statementCursor,
      range: [r.startIndex(node), r.endIndex(node)],
    };
    const type = r.type(left);
    // Class attributes (`class stub: GPU = ...`) do not bind module names.
    const binds = !assignment.inClass;
    if (type === 'identifier') {
      const name = this.textOf(left);
      assignment.targets.push(name);
      if (binds) this.bound.add(name);
    } else if (type === 'attribute') {
      const text = this.textOf(left);
      if (DOTTED.test(text)) assignment.targets.push(text.replace(/\s+/g, ''));
    } else if (type === 'pattern_list' || type === 'tuple_pattern' || type === 'list_pattern') {
      for (const c of r.namedChildren(left)) {
        if (c && r.type(c) === 'identifier') {
          const name = this.textOf(c);
          assignment.targets.push(name);
          if (binds) this.bound.add(name);
        }
      }
    } else if (type === 'subscript') {
      const object = r.childForFieldName(left, 'value');
      const key = r.childForFieldName(left, 'subscript');
      const objectText = object ? this.textOf(object) : '';
      if (key && DOTTED.test(objectText)) assignment.subscript = { object: objectText.replace(/\s+/g, ''), key: this.readValue(key) };
    }
    if (right && r.type(right) !== 'assignment') assignment.value = this.readValue(right);
    this.module.assignments.push(assignment);
  }

  private readWithItem(node: number): void {
    const r = this.r;
    const value = r.childForFieldName(node, 'value');
    if (!value || r.type(value) !== 'as_pattern') return;
    const alias = r.childForFieldName(value, 'alias');
    const expr = r.firstNamedChild(value);
    const name = alias ? r.firstNamedChild(alias) : 0;
    if (!expr || !name || r.type(name) !== 'identifier') return;
    const target = this.textOf(name);
    this.bound.add(target);
    this.module.assignments.push({
      targets: [target],
      value: this.readValue(expr),
      kind: 'with',
      function: this.currentFunction,
      inClass: this.inClassBody,
      statementIndex: this.statementCursor,
      range: [r.startIndex(node), r.endIndex(node)],
    });
  }

  private readBranch(node: number): void {
    const r = this.r;
    const condition = r.childForFieldName(node, 'condition');
    const body = r.childForFieldName(node, 'consequence');
    if (!condition || !body) return;
    const end = r.endIndex(node);
    const bodyEnd = r.endIndex(body);
    const conditionRange: [number, number] = [r.startIndex(condition), r.endIndex(condition)];
    this.module.branches.push({
      condition: this.text.slice(conditionRange[0], conditionRange[1]),
      conditionRange,
      body: [r.startIndex(body), bodyEnd],
      orelse: end > bodyEnd ? [bodyEnd, end] : undefined,
    });
  }

  /**
   * Literals and dotted names recognised from their source text, which saves the wasm crossings of
   * `node.type` for the most common arguments; anything else (calls, lambdas, lists, operators) is
   * left to `readValue`, which asks the tree.
   */
  private valueFromText(start: number, end: number): PythonValue | undefined {
    const text = this.text.slice(start, end);
    const range: [number, number] = [start, end];
    const c = text.charCodeAt(0);
    if (c === 34 || c === 39 || (STRING_PREFIX.test(text) && (text.includes('"') || text.includes("'")))) {
      const pieces = { count: 0 };
      const value = parseStringLiteral(text, pieces);
      if (value !== undefined) return { kind: 'string', value, nodeType: pieces.count > 1 ? 'concatenated_string' : 'string', range };
      return undefined;
    }
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      const value = parseNumberLiteral(text);
      if (value === undefined) return undefined;
      const nodeType = c === 45 || c === 43 ? 'unary_operator' : /^0[xXoObB]/.test(text) || !/[.eE]/.test(text) ? 'integer' : 'float';
      return { kind: 'number', value, nodeType, range };
    }
    if (text === 'True' || text === 'False') return { kind: 'bool', value: text === 'True', nodeType: text === 'True' ? 'true' : 'false', range };
    if (text === 'None') return { kind: 'none', nodeType: 'none', range };
    if (DOTTED.test(text) && !KEYWORDS.has(text)) {
      const value: PythonValue = { kind: 'name', name: text.replace(/\s+/g, ''), nodeType: text.includes('.') ? 'attribute' : 'identifier', range };
      this.names.push(value);
      return value;
    }
    return undefined;
  }

  private readValue(node: number, knownType?: string): PythonValue {
    const start = this.r.startIndex(node);
    const end = this.r.endIndex(node);
    if (knownType === undefined) {
      const fast = this.valueFromText(start, end);
      if (fast) return fast;
    }
    const type = knownType ?? this.r.type(node);
    const range: [number, number] = [start, end];
    switch (type) {
      case 'string':
      case 'concatenated_string': {
        const value = parseStringLiteral(this.text.slice(start, end));
        return value === undefined ? other(type, range) : { kind: 'string', value, nodeType: type, range };
      }
      case 'integer':
      case 'float':
      case 'unary_operator': {
        const value = parseNumberLiteral(this.text.slice(start, end));
        return value === undefined ? other(type, range) : { kind: 'number', value, nodeType: type, range };
      }
      case 'true':
      case 'false':
        return { kind: 'bool', value: type === 'true', nodeType: type, range };
      case 'none':
        return { kind: 'none', nodeType: type, range };
      case 'identifier':
      case 'attribute': {
        const text = this.text.slice(start, end);
        if (!DOTTED.test(text)) return other(type, range);
        const value: PythonValue = { kind: 'name', name: text.replace(/\s+/g, ''), nodeType: type, range };
        this.names.push(value);
        return value;
      }
      case 'call': {
        const value: PythonValue = { kind: 'call', nodeType: type, range };
        this.links.push(value);
        return value;
      }
      case 'lambda': {
        const value: PythonValue = { kind: 'lambda', nodeType: type, range };
        this.links.push(value);
        return value;
      }
      case 'dictionary': {
        const value: PythonValue = { kind: 'dict', nodeType: type, range };
        this.dictNodes.set(value, node);
        return value;
      }
      default:
        return other(type, range);
    }
  }

  /** Cross references, aliases and the derived facts (constants, env writes); the tree is still alive. */
  private resolve(): void {
    const module = this.module;
    for (const value of this.links) {
      const key = this.spanKey(value.range[0], value.range[1]);
      if (value.kind === 'call') value.call = this.callIndex.get(key);
      else value.function = this.lambdaIndex.get(key);
      if (value.call === undefined && value.function === undefined) value.kind = 'other';
    }
    for (const call of module.calls) {
      if (call.receiverCall !== undefined && call.receiverCall < 0) call.receiverCall = this.links[-1 - call.receiverCall].call;
      if (call.calleeCall !== undefined && call.calleeCall < 0) call.calleeCall = this.links[-1 - call.calleeCall].call;
    }
    this.buildAliases();
    module.bindings = [...this.bound];
    for (const value of this.names) value.qualified = qualify(module, value.name!);
    for (const call of module.calls) if (call.callee) call.qualified = qualify(module, call.callee);
    for (const fn of module.functions) {
      for (const d of fn.decorators) {
        const v = d.value;
        d.qualified = v.kind === 'name' ? v.qualified : v.kind === 'call' && v.call !== undefined ? module.calls[v.call].qualified : undefined;
      }
    }
    this.buildConstants();
    this.buildEnvWrites();
  }

  private buildAliases(): void {
    const module = this.module;
    const aliases: Record<string, string> = {};
    const fromTopLevel = new Set<string>();
    for (const imp of module.imports) {
      const prefix = '.'.repeat(imp.level);
      const bind = (name: string, target: string) => {
        // A module-level import is what names refer to; imports in functions only fill gaps.
        if (imp.nested && fromTopLevel.has(name)) return;
        aliases[name] = target;
        if (!imp.nested) fromTopLevel.add(name);
      };
      if (imp.name === undefined) {
        if (imp.level > 0) continue;
        if (imp.alias) bind(imp.alias, imp.module);
        else bind(imp.module.split('.')[0], imp.module.split('.')[0]);
      } else if (imp.name === '*') {
        // Own keys only: `from .constructor import *` must not read Object.prototype.constructor.
        const exported = Object.hasOwn(WILDCARD_EXPORTS, imp.module) ? WILDCARD_EXPORTS[imp.module] : [];
        for (const n of exported) if (!Object.hasOwn(aliases, n)) bind(n, `${imp.module}.${n}`);
      } else {
        const from = prefix + imp.module;
        bind(imp.alias ?? imp.name, from && !from.endsWith('.') ? `${from}.${imp.name}` : `${from}${imp.name}`);
      }
    }
    module.aliases = aliases;
  }

  private buildConstants(): void {
    const module = this.module;
    const seen = new Map<string, PythonValue | null>();
    for (const a of module.assignments) {
      if (a.function !== undefined || a.inClass) continue;
      for (const t of a.targets) {
        if (t.includes('.')) continue;
        const literal = a.targets.length === 1 && a.value && isLiteral(a.value) ? a.value : null;
        const previous = seen.get(t);
        if (previous === undefined) seen.set(t, literal);
        else if (!literal || !previous || previous.kind !== literal.kind || previous.value !== literal.value) seen.set(t, null);
      }
    }
    for (const [name, value] of seen) if (value) module.constants[name] = value;
  }

  private buildEnvWrites(): void {
    const module = this.module;
    for (const a of module.assignments) {
      if (!a.subscript || qualify(module, a.subscript.object) !== 'os.environ') continue;
      const key = a.subscript.key;
      module.envWrites.push({
        name: key.kind === 'string' ? (key.value as string) : undefined,
        value: a.value,
        method: 'subscript',
        function: a.function,
        statementIndex: a.statementIndex,
        range: a.range,
      });
    }
    for (const call of module.calls) {
      const q = call.qualified;
      if (q !== 'os.environ.setdefault' && q !== 'os.environ.update' && q !== 'os.putenv' && q !== 'os.environ.__setitem__') continue;
      const base = { function: call.function, statementIndex: call.statementIndex, range: call.range };
      if (q === 'os.environ.update') {
        for (const arg of call.args) {
          if (arg.name) {
            module.envWrites.push({ ...base, name: arg.name, value: arg.value, method: 'update' });
          } else if (arg.value.kind === 'dict') {
            for (const entry of this.readDict(arg.value)) {
              module.envWrites.push({ ...base, name: entry.key.kind === 'string' ? (entry.key.value as string) : undefined, value: entry.value, method: 'update' });
            }
          }
        }
        continue;
      }
      const [key, value] = call.args.filter((a) => !a.name && !a.splat);
      module.envWrites.push({
        ...base,
        name: key?.value.kind === 'string' ? (key.value.value as string) : undefined,
        value: value?.value,
        method: q === 'os.putenv' ? 'putenv' : q === 'os.environ.setdefault' ? 'setdefault' : 'subscript',
      });
    }
    module.envWrites.sort((a, b) => a.range[0] - b.range[0]);
  }

  /** Reads a dict literal's `key: value` pairs (only for the few dicts rules need, such as env updates). */
  private readDict(value: PythonValue): { key: PythonValue; value: PythonValue }[] {
    if (value.entries) return value.entries;
    const r = this.r;
    const node = this.dictNodes.get(value);
    const entries: { key: PythonValue; value: PythonValue }[] = [];
    for (const pair of node ? r.namedChildren(node) : []) {
      if (!pair || r.type(pair) !== 'pair') continue;
      const k = r.childForFieldName(pair, 'key');
      const v = r.childForFieldName(pair, 'value');
      if (k && v) entries.push({ key: this.readValue(k), value: this.readValue(v) });
    }
    for (const e of entries) if (e.value.kind === 'name') e.value.qualified = qualify(this.module, e.value.name!);
    value.entries = entries;
    return entries;
  }
}

/**
 * The name a callee text ends with (`a.b(x).name  ` → `name`), as `/([A-Za-z_]\w*)\s*$/` would find it, by
 * scanning back: that pattern is retried at every start of a long word run (a 60 KB callee took 6.9 s,
 * found by `npm run fuzz`).
 */
function trailingName(text: string): string | undefined {
  const end = text.trimEnd().length;
  let start = end;
  while (start > 0 && /\w/.test(text[start - 1])) start--;
  while (start < end && !/[A-Za-z_]/.test(text[start])) start++;
  return start < end ? text.slice(start, end) : undefined;
}

function other(nodeType: string, range: [number, number]): PythonValue {
  return { kind: 'other', nodeType, range };
}

const TOP_LEVEL_IMPORT = { nested: false, guarded: false };

function importContext(r: PythonTreeReader, node: number): { nested: boolean; guarded: boolean } {
  let nested = false;
  let guarded = false;
  let current = node;
  for (let parent = r.parent(current); parent; parent = r.parent(current)) {
    const t = r.type(parent);
    if (t === 'module') break;
    if (t === 'function_definition' || t === 'class_definition') nested = true;
    if (t === 'try_statement' && r.type(current) === 'block') guarded = true;
    current = parent;
  }
  return { nested, guarded };
}

/** Milliseconds the query pass may take on one file, plus 1 ms per KB of text. */
const QUERY_BUDGET_MS = 1000;

/**
 * The MISSING nodes (tokens tree-sitter assumed, zero-width) in document order, found down the branches whose
 * subtree holds an error only: linear in those branches. Children are listed in one call each, never by
 * sibling steps (each of which starts again from the parent in tree-sitter).
 */
function missingNodes(r: PythonTreeReader, root: number): number[] {
  const found: number[] = [];
  // A depth-first walk with its own stack (a broken file may nest 100,000 levels deep).
  const lists = [r.children(root)];
  const next = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    if (next[top] === lists[top].length) {
      lists.pop();
      next.pop();
      continue;
    }
    const child = lists[top][next[top]++];
    if (r.isMissing(child)) found.push(child);
    else if (r.hasError(child)) {
      lists.push(r.children(child));
      next.push(0);
    }
  }
  return found;
}

/** Two lists in document order as one; at the same start, `a`'s node first (an ERROR or statement around a MISSING token). */
function mergeByStart(r: PythonTreeReader, a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  const out: number[] = [];
  let j = 0;
  for (const node of a) {
    const start = r.startIndex(node);
    while (j < b.length && r.startIndex(b[j]) < start) out.push(b[j++]);
    out.push(node);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The first ERROR or MISSING node in document order, found by descending into the first child that has one. */
function firstErrorNode(r: PythonTreeReader, root: number): number {
  let node = root;
  for (;;) {
    if (r.type(node) === 'ERROR' || r.isMissing(node)) return node;
    // All children in one call: sibling steps each start again from the parent (quadratic on a flat ERROR node).
    const child = r.children(node).find((c) => r.hasError(c));
    if (!child) return node;
    node = child;
  }
}

function syntaxErrorAt(text: string, r: PythonTreeReader, node: number, kind: string): PythonSyntaxError {
  const start = r.startIndex(node);
  const nodeEnd = r.endIndex(node);
  const end = Math.max(nodeEnd, start + 1);
  // tree-sitter-python accepts `f(,)` and `{,}`; CPython does not ("invalid syntax").
  if (kind === 'lone-comma') return { message: 'Python syntax error: a comma with nothing before it', range: [start, end] };
  if (kind === 'missing') return { message: `Python syntax error: missing \`${r.type(node)}\``, range: [start, end] };
  // From the file's text (offsets are UTF-16 units), not node.text: an ERROR node may span megabytes.
  const snippet = text
    .slice(start, Math.min(nodeEnd, start + 200))
    .split(/\r?\n/)[0]
    .slice(0, 40);
  return { message: snippet ? `Python syntax error near \`${snippet}\`` : 'Python syntax error', range: [start, end] };
}

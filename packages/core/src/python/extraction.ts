/**
 * The generic half of the Python facts: one tree-sitter query pass over a file that reads imports and
 * aliases, functions, calls, assignments, `with` targets, branches and comments, then resolves cross
 * references, qualified names, module constants and env writes. The GPU and Gradio facts are derived
 * from its result (gpu-facts.ts, gradio-facts.ts); analyze.ts runs the whole pass.
 */
import type { Node } from 'web-tree-sitter';
import { pythonQuery } from '../parse/python.js';
import { parseNumberLiteral, parseStringLiteral } from './literals.js';
import { isLiteral, qualify, type PythonAssignment, type PythonCall, type PythonFunction, type PythonModule, type PythonParameter, type PythonSyntaxError, type PythonValue } from './module.js';

const MODULE_QUERY = `
(import_statement) @import
(import_from_statement) @import
(comment) @comment
(ERROR) @error
(MISSING) @missing
(function_definition) @def
(lambda) @lambda
(class_definition) @class
(call) @call
(assignment) @assign
(with_item) @with
(if_statement) @if
(yield) @yield
`;

/**
 * tree-sitter-python accepts `f(,)` and `{,}`; CPython does not. Kept out of MODULE_QUERY because a pattern
 * under a wildcard parent costs ~20 ms to compile (most of a one-Space cold run), and run only when the text
 * has a bracket followed by blanks, comments or line joins and then a comma (LONE_COMMA_CANDIDATE): the
 * query cannot match anywhere else, and real files rarely have one.
 */
const LONE_COMMA_QUERY = `
(_ ["(" "[" "{"] . "," @lone-comma)
(_ ["(" "[" "{"] . (comment) . "," @lone-comma)
`;
const LONE_COMMA_CANDIDATE = /[([{](?:\s|\\\r?\n|#[^\r\n]*)*,/;

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
  private readonly dictNodes = new Map<PythonValue, Node>();
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

  run(root: Node): void {
    const module = this.module;
    this.broken = root.hasError;
    for (const child of root.namedChildren) {
      // A statement never starts with `#`: in a valid tree comments are told apart by their text, without a type lookup.
      if (child && (this.broken ? child.type !== 'comment' : this.text.charCodeAt(child.startIndex) !== 35)) module.statements.push([child.startIndex, child.endIndex]);
    }
    // Bounded: tree-sitter's query cursor is quadratic over some broken trees (a long run of `(` or `[`
    // makes one flat ERROR node: 100 KB took 16 s, 2 MB would take hours). Real files finish in
    // milliseconds; past the budget the captures so far are kept and the file is reported as broken.
    // Valid trees are watched too: a 70,000-term `1+1+…` expression is a chain that deep, and the cursor
    // took 27 s over it. On valid trees the clock is read every 64th callback to keep the watch cheap on real files.
    const started = performance.now();
    const deadline = started + QUERY_BUDGET_MS + this.text.length / 1024;
    let cancelled = false;
    let ticks = 0;
    // Broken trees read the clock at every callback: there a single step between callbacks can be long.
    const mask = this.broken ? 0 : 63;
    const progressCallback = () => cancelled || ((++ticks & mask) === 0 && (cancelled = performance.now() > deadline));
    const captures = pythonQuery(MODULE_QUERY).captures(root, { progressCallback });
    if (LONE_COMMA_CANDIDATE.test(this.text)) {
      for (const capture of pythonQuery(LONE_COMMA_QUERY).captures(root, { progressCallback })) this.syntaxErrorFound(capture.node, 'lone-comma');
    }
    // Captures arrive in document order, so scopes and statements are tracked with stacks and a cursor.
    for (const capture of captures) {
      const node = capture.node;
      const start = node.startIndex;
      this.enter(start);
      switch (capture.name) {
        case 'comment':
          module.comments.push({ text: node.text, range: [start, node.endIndex] });
          break;
        case 'import':
          this.readImport(node);
          break;
        case 'error':
        case 'missing':
          this.syntaxErrorFound(node, capture.name);
          break;
        case 'def':
          this.readFunction(node, false);
          break;
        case 'lambda':
          this.readFunction(node, true);
          break;
        case 'class': {
          const name = node.childForFieldName('name')?.text;
          if (name) this.bound.add(name);
          this.classStack.push({ name: name ?? '', start, end: node.endIndex });
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
      const first = firstErrorNode(root);
      module.syntaxErrorCount++;
      if (!module.syntaxError || first.startIndex < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, first, first.isMissing ? 'missing' : 'error');
    } else if (cancelled) {
      // A valid file too deep to analyse in time: what was found is kept, and parse-error says the rest is unchecked.
      const last = captures[captures.length - 1]?.node;
      const at = last ? last.startIndex : 0;
      module.analysisStopped = { budgetMs: Math.round(deadline - started), range: [at, Math.min(at + 1, this.text.length)] };
    }
    this.resolve();
  }

  private syntaxErrorFound(node: Node, kind: string): void {
    const module = this.module;
    module.syntaxErrorCount++;
    if (!module.syntaxError || node.startIndex < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, node, kind);
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

  private readImport(node: Node): void {
    const module = this.module;
    // An import that starts a top-level statement is that statement: no def, class or try encloses it, so
    // its parents (each one a descent from the root in tree-sitter) need not be walked.
    const statement = module.statements[this.statementCursor];
    const { nested, guarded } = statement !== undefined && statement[0] === node.startIndex ? TOP_LEVEL_IMPORT : importContext(node);
    const base = {
      statementIndex: this.statementCursor,
      nested: nested || this.functionStack.length > 0,
      guarded,
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
      if (!child || child.startIndex === moduleNode?.startIndex) continue;
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

  private readFunction(node: Node, lambda: boolean): void {
    const module = this.module;
    const start = node.startIndex;
    const end = node.endIndex;
    const nameNode = lambda ? null : node.childForFieldName('name');
    const name = nameNode?.text ?? '<lambda>';
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
      nameRange: nameNode ? [nameNode.startIndex, nameNode.endIndex] : [start, start + 6],
    };
    const params = node.childForFieldName('parameters');
    if (params) {
      fn.params = this.readParameters(params);
      fn.paramsRange = [params.startIndex, params.endIndex];
    }
    if (!lambda) {
      const holder = node.parent;
      if (holder?.type === 'decorated_definition') {
        for (const d of holder.namedChildren) {
          if (d?.type !== 'decorator') continue;
          const expr = d.namedChildren.find((c) => c && c.type !== 'comment');
          if (expr) fn.decorators.push({ value: this.readValue(expr), range: [d.startIndex, d.endIndex] });
        }
      }
    }
    if (nameNode && fn.className === undefined) this.bound.add(name);
    const index = module.functions.push(fn) - 1;
    if (lambda) this.lambdaIndex.set(this.spanKey(start, end), index);
    this.functionStack.push({ index, end });
  }

  private readParameters(params: Node): PythonParameter[] {
    const out: PythonParameter[] = [];
    let keywordOnly = false;
    for (const p of params.namedChildren) {
      if (!p) continue;
      const range: [number, number] = [p.startIndex, p.endIndex];
      switch (p.type) {
        case 'identifier':
          out.push({ name: p.text, kind: keywordOnly ? 'keyword-only' : 'positional', range });
          break;
        case 'default_parameter':
        case 'typed_default_parameter': {
          const value = p.childForFieldName('value');
          out.push({
            name: p.childForFieldName('name')?.text ?? '',
            kind: keywordOnly ? 'keyword-only' : 'positional',
            default: value ? this.readValue(value) : undefined,
            range,
          });
          break;
        }
        case 'typed_parameter': {
          const inner = p.namedChildren[0];
          if (inner?.type === 'list_splat_pattern') {
            keywordOnly = true;
            out.push({ name: inner.text.replace(/^\*/, ''), kind: 'var-positional', range });
          } else if (inner?.type === 'dictionary_splat_pattern') {
            out.push({ name: inner.text.replace(/^\*\*/, ''), kind: 'var-keyword', range });
          } else {
            out.push({ name: inner?.text ?? '', kind: keywordOnly ? 'keyword-only' : 'positional', range });
          }
          break;
        }
        case 'list_splat_pattern':
          keywordOnly = true;
          out.push({ name: p.text.replace(/^\*/, ''), kind: 'var-positional', range });
          break;
        case 'dictionary_splat_pattern':
          out.push({ name: p.text.replace(/^\*\*/, ''), kind: 'var-keyword', range });
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

  private readCall(node: Node): void {
    const start = node.startIndex;
    const end = node.endIndex;
    // A call is `function arguments`. In a valid tree the arguments are the last named child and the
    // callee ends where the text before them stops being blanks: one crossing instead of reading every
    // child. Broken trees, and callees with comments, continuations or non-ASCII text, ask the tree.
    let fnNode: Node | null | undefined;
    let argsNode: Node | null;
    let calleeEnd: number;
    if (this.broken) {
      const children = node.namedChildren;
      fnNode = children[0];
      argsNode = children.length > 1 ? children[children.length - 1] : null;
      calleeEnd = fnNode?.endIndex ?? start;
    } else {
      argsNode = node.lastNamedChild;
      const argsStart = argsNode?.startIndex ?? end;
      const before = this.text.slice(start, argsStart);
      if (PLAIN_CALLEE.test(before)) {
        calleeEnd = start + before.trimEnd().length;
      } else {
        fnNode = node.firstNamedChild;
        calleeEnd = fnNode?.endIndex ?? start;
      }
    }
    const hasFunction = fnNode !== undefined ? fnNode !== null : calleeEnd > start;
    const call: PythonCall = {
      args: [],
      function: this.currentFunction,
      statementIndex: this.statementCursor,
      range: [start, end],
      calleeRange: [start, calleeEnd],
      argsRange: [argsNode?.startIndex ?? calleeEnd, end],
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
        fnNode ??= node.firstNamedChild;
        const type = fnNode?.type;
        if (type === 'attribute') {
          call.name = /([A-Za-z_]\w*)\s*$/.exec(calleeText)?.[1];
          const object = fnNode!.childForFieldName('object');
          if (object?.type === 'call') call.receiverCall = this.linkCall(object);
        } else if (type === 'call') {
          call.calleeCall = this.linkCall(fnNode!);
        }
      }
    }
    if (argsNode) {
      if (argsNode.type === 'argument_list') {
        // Arguments are told apart by their text (`name=`, `*`, `**`, `#`): one crossing (`endIndex`) per
        // argument instead of a type lookup plus field lookups.
        for (const a of argsNode.namedChildren) {
          if (!a) continue;
          const start = a.startIndex;
          const end = a.endIndex;
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
              const parts = a.namedChildren;
              const node = parts.length > 1 ? parts[parts.length - 1] : null;
              value = node ? this.readValue(node, node.type) : other('ERROR', range);
            }
            call.args.push({ name: kw[1], value, range });
          } else {
            call.args.push({ value: this.readValue(a), range });
          }
        }
      } else {
        const range: [number, number] = [argsNode.startIndex, argsNode.endIndex];
        call.args.push({ value: other(argsNode.type, range), range });
      }
    }
    const index = this.module.calls.push(call) - 1;
    this.callIndex.set(this.spanKey(start, end), index);
  }

  /** A call node's index, resolved after the pass (an inner call may be captured after the outer one). */
  private linkCall(node: Node): number {
    const value: PythonValue = { kind: 'call', nodeType: 'call', range: [node.startIndex, node.endIndex] };
    this.links.push(value);
    return -1 - (this.links.length - 1);
  }

  private readAssignment(node: Node): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left) return;
    const assignment: PythonAssignment = {
      targets: [],
      kind: 'assign',
      function: this.currentFunction,
      inClass: this.inClassBody,
      statementIndex: this.statementCursor,
      range: [node.startIndex, node.endIndex],
    };
    const type = left.type;
    // Class attributes (`class stub: GPU = ...`) do not bind module names.
    const binds = !assignment.inClass;
    if (type === 'identifier') {
      assignment.targets.push(left.text);
      if (binds) this.bound.add(left.text);
    } else if (type === 'attribute') {
      const text = left.text;
      if (DOTTED.test(text)) assignment.targets.push(text.replace(/\s+/g, ''));
    } else if (type === 'pattern_list' || type === 'tuple_pattern' || type === 'list_pattern') {
      for (const c of left.namedChildren) {
        if (c?.type === 'identifier') {
          assignment.targets.push(c.text);
          if (binds) this.bound.add(c.text);
        }
      }
    } else if (type === 'subscript') {
      const object = left.childForFieldName('value');
      const key = left.childForFieldName('subscript');
      const objectText = object?.text ?? '';
      if (key && DOTTED.test(objectText)) assignment.subscript = { object: objectText.replace(/\s+/g, ''), key: this.readValue(key) };
    }
    if (right && right.type !== 'assignment') assignment.value = this.readValue(right);
    this.module.assignments.push(assignment);
  }

  private readWithItem(node: Node): void {
    const value = node.childForFieldName('value');
    if (value?.type !== 'as_pattern') return;
    const alias = value.childForFieldName('alias');
    const expr = value.namedChildren[0];
    const name = alias?.namedChildren[0];
    if (!expr || name?.type !== 'identifier') return;
    this.bound.add(name.text);
    this.module.assignments.push({
      targets: [name.text],
      value: this.readValue(expr),
      kind: 'with',
      function: this.currentFunction,
      inClass: this.inClassBody,
      statementIndex: this.statementCursor,
      range: [node.startIndex, node.endIndex],
    });
  }

  private readBranch(node: Node): void {
    const condition = node.childForFieldName('condition');
    const body = node.childForFieldName('consequence');
    if (!condition || !body) return;
    const end = node.endIndex;
    const bodyEnd = body.endIndex;
    this.module.branches.push({
      condition: condition.text,
      conditionRange: [condition.startIndex, condition.endIndex],
      body: [body.startIndex, bodyEnd],
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

  private readValue(node: Node, knownType?: string): PythonValue {
    const start = node.startIndex;
    const end = node.endIndex;
    if (knownType === undefined) {
      const fast = this.valueFromText(start, end);
      if (fast) return fast;
    }
    const type = knownType ?? node.type;
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
        for (const n of WILDCARD_EXPORTS[imp.module] ?? []) if (!(n in aliases)) bind(n, `${imp.module}.${n}`);
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
    const node = this.dictNodes.get(value);
    const entries: { key: PythonValue; value: PythonValue }[] = [];
    for (const pair of node?.namedChildren ?? []) {
      if (pair?.type !== 'pair') continue;
      const k = pair.childForFieldName('key');
      const v = pair.childForFieldName('value');
      if (k && v) entries.push({ key: this.readValue(k), value: this.readValue(v) });
    }
    for (const e of entries) if (e.value.kind === 'name') e.value.qualified = qualify(this.module, e.value.name!);
    value.entries = entries;
    return entries;
  }
}

function other(nodeType: string, range: [number, number]): PythonValue {
  return { kind: 'other', nodeType, range };
}

const TOP_LEVEL_IMPORT = { nested: false, guarded: false };

function importContext(node: Node): { nested: boolean; guarded: boolean } {
  let nested = false;
  let guarded = false;
  let current: Node | null = node;
  while (current?.parent && current.parent.type !== 'module') {
    const t = current.parent.type;
    if (t === 'function_definition' || t === 'class_definition') nested = true;
    if (t === 'try_statement' && current.type === 'block') guarded = true;
    current = current.parent;
  }
  return { nested, guarded };
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

function syntaxErrorAt(text: string, node: Node, kind: string): PythonSyntaxError {
  const start = node.startIndex;
  const end = Math.max(node.endIndex, start + 1);
  // tree-sitter-python accepts `f(,)` and `{,}`; CPython does not ("invalid syntax").
  if (kind === 'lone-comma') return { message: 'Python syntax error: a comma with nothing before it', range: [start, end] };
  if (kind === 'missing') return { message: `Python syntax error: missing \`${node.type}\``, range: [start, end] };
  // From the file's text (offsets are UTF-16 units), not node.text: an ERROR node may span megabytes.
  const snippet = text
    .slice(start, Math.min(node.endIndex, start + 200))
    .split(/\r?\n/)[0]
    .slice(0, 40);
  return { message: snippet ? `Python syntax error near \`${snippet}\`` : 'Python syntax error', range: [start, end] };
}

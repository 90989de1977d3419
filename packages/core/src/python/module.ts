import type { Node } from 'web-tree-sitter';
import { parsePythonTree, pythonQuery } from '../parse/python.js';
import { parseNumberLiteral, parseStringLiteral } from './literals.js';

/**
 * What the rules know about one Python file, extracted in one query pass (src/python/README.md describes
 * every fact); the tree is deleted right after. Rules read these facts and never walk trees.
 *
 * Offsets are UTF-16 code units into the file's text (web-tree-sitter parses JS strings as UTF-16).
 * Cross references are indexes: `PythonCall.function` is an index into `functions`, `PythonValue.call`
 * an index into `calls`, and so on. Names are "qualified" through the file's imports: with
 * `import gradio as gr`, `gr.Interface` is qualified `gradio.Interface`.
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

/**
 * An expression as rules need it: literals with their value, names (dotted, as written and qualified),
 * calls and lambdas by index, anything else by its node type and range.
 */
export interface PythonValue {
  kind: 'string' | 'number' | 'bool' | 'none' | 'name' | 'call' | 'lambda' | 'dict' | 'other';
  /** The literal value (string, number, bool). */
  value?: string | number | boolean;
  /** For `name`: the dotted name as written (`LIMIT`, `torch.float16`). */
  name?: string;
  /** For `name`: the dotted name resolved through the imports (`T.float16` → `torch.float16`). */
  qualified?: string;
  /** For `call`: index into `calls`. */
  call?: number;
  /** For `lambda`: index into `functions`. */
  function?: number;
  /** For `dict` literals read on demand (env `update({...})`): string keys and their values. */
  entries?: { key: PythonValue; value: PythonValue }[];
  /** The tree-sitter node type (`string`, `binary_operator`, `conditional_expression`, ...). */
  nodeType: string;
  range: [number, number];
}

export interface PythonArgument {
  /** The keyword of a keyword argument (`share` in `share=True`). */
  name?: string;
  /** `*args` / `**kwargs` unpacking. */
  splat?: '*' | '**';
  value: PythonValue;
  /** The whole argument, keyword included. */
  range: [number, number];
}

export interface PythonCall {
  /** The callee as written when it is a dotted name (`gr.Interface`, `demo.launch`, `print`). */
  callee?: string;
  /** `callee` resolved through the imports (`gradio.Interface`); equals `callee` when its first name is not imported. */
  qualified?: string;
  /** The last name of the callee: the function or method called (`launch` in `demo.queue().launch()`). */
  name?: string;
  /** For method calls on a dotted receiver, the receiver as written (`demo` in `demo.launch()`). */
  receiver?: string;
  /** For chained calls, the call whose result is the receiver (`demo.queue()` in `demo.queue().launch()`). */
  receiverCall?: number;
  /** When the callee is itself a call (`spaces.GPU(duration=30)(fn)`), that call. */
  calleeCall?: number;
  /** Arguments in source order (positional and keyword). */
  args: PythonArgument[];
  /** Innermost enclosing function or lambda (index into `functions`); undefined at module or class level. */
  function?: number;
  /** Index of the top-level statement that holds the call. */
  statementIndex: number;
  range: [number, number];
  calleeRange: [number, number];
  /** Range of the parentheses and arguments. */
  argsRange: [number, number];
}

export interface PythonParameter {
  name: string;
  kind: 'positional-only' | 'positional' | 'keyword-only' | 'var-positional' | 'var-keyword';
  default?: PythonValue;
  range: [number, number];
}

export interface PythonDecorator {
  /** The decorator expression: a `name` (`@spaces.GPU`), a `call` (`@spaces.GPU(duration=60)`), or other. */
  value: PythonValue;
  /** The decorator's dotted name, qualified: `spaces.GPU` for both `@sp.GPU` and `@sp.GPU(60)`. */
  qualified?: string;
  /** The whole decorator, `@` included. */
  range: [number, number];
}

export interface PythonFunction {
  /** The function's name; `<lambda>` for lambdas. */
  name: string;
  lambda: boolean;
  async: boolean;
  /** The body contains `yield` (generator or async generator). */
  generator: boolean;
  params: PythonParameter[];
  /** The parameter list: `(...)` of a def, the parameters of a lambda (absent for `lambda: x`). */
  paramsRange?: [number, number];
  decorators: PythonDecorator[];
  /** Enclosing function (index), for nested functions and lambdas. */
  parent?: number;
  /** Name of the class whose body holds the definition (methods). */
  className?: string;
  statementIndex: number;
  /** From `def`/`async`/`lambda` to the end of the body (decorators excluded). */
  range: [number, number];
  nameRange: [number, number];
}

export interface PythonAssignment {
  /** Identifier and dotted targets as written (`x`, `a, b` → [`a`, `b`], `pipe.transformer`). */
  targets: string[];
  /** For `obj[key] = value`: the subscripted object as written and the key. */
  subscript?: { object: string; key: PythonValue };
  /** The assigned value (absent for bare annotations `x: int`). */
  value?: PythonValue;
  /** `assign` for `=` (also annotated), `with` for `with X() as name`. */
  kind: 'assign' | 'with';
  function?: number;
  /** True when directly in a class body. */
  inClass: boolean;
  statementIndex: number;
  range: [number, number];
}

/** An environment write: `os.environ["X"] = v`, `os.environ.setdefault("X", v)`, `os.environ.update(...)`, `os.putenv("X", v)`. */
export interface PythonEnvWrite {
  /** The variable name when it is a literal. */
  name?: string;
  value?: PythonValue;
  method: 'subscript' | 'setdefault' | 'update' | 'putenv';
  function?: number;
  statementIndex: number;
  /** The statement or call that writes. */
  range: [number, number];
}

/** An `if` statement, for guards such as `if os.environ.get("SPACES_ZERO_GPU"):`. */
export interface PythonBranch {
  condition: string;
  conditionRange: [number, number];
  /** The `if` body. */
  body: [number, number];
  /** `elif` / `else` parts, if any. */
  orelse?: [number, number];
}

/**
 * An expression that refers to the ZeroGPU decorator (spec §4.0): `spaces.GPU` through any alias of the
 * `spaces` module, a name imported as `GPU` from it, or a lookalike whose first name is bound by nothing
 * (`@spaces.GPU` without `import spaces`, which fails with NameError).
 */
export interface GpuReference {
  /** As written: `spaces.GPU`, `sp.GPU`, `gpu`. */
  text: string;
  /** `spaces`: bound by an import of the spaces package; `unbound`: nothing binds its first name. */
  binding: 'spaces' | 'unbound';
  /** The name that must be bound: `spaces`, `sp`, `GPU`. */
  name: string;
  function?: number;
  statementIndex: number;
  range: [number, number];
}

/** `@spaces.GPU` on a function, or `spaces.GPU(fn)` / `spaces.GPU(duration=30)(fn)` around one. */
export interface GpuApplication {
  form: 'decorator' | 'wrapper';
  /** Index into `gpuReferences`. */
  reference: number;
  /** The `GPU(...)` call holding the arguments; absent for a bare `@spaces.GPU`. */
  call?: number;
  /** `duration=` or the first positional non-string argument (spec §4.0). */
  duration?: PythonArgument;
  /** `size=` or the first positional string argument. */
  size?: PythonArgument;
  /** The decorated function, or the wrapped one when it resolves in this file. */
  function?: number;
  /** For wrappers: the wrapped expression (`fn` in `spaces.GPU(fn)`). */
  target?: PythonValue;
  /** The decorator (`@` included) or the wrapping call. */
  range: [number, number];
}

/** A function Gradio calls on events (spec §4.0 "Gradio event-handler discovery"). */
export interface GradioHandler {
  kind: 'interface' | 'chat-interface' | 'listener' | 'on' | 'listener-decorator';
  /** For listeners: the event (`click`, `submit`, `load`, ...). */
  event?: string;
  /** The call that registers the handler: `gr.Interface(...)`, `btn.click(...)`, `gr.on(...)`, or a decorator's call. */
  call: number;
  /** The handler as passed (absent for listener decorators, whose handler is the decorated function). */
  fn?: PythonValue;
  /** The handler function when it resolves in this file (a def by name, a lambda, the decorated or GPU-wrapped function). */
  function?: number;
  /** The handler's name as written, when given by name (it may be imported from another module). */
  name?: string;
  /** The handler is decorated with or wrapped in `spaces.GPU`. */
  gpu: boolean;
}

export interface PythonModule {
  path: string;
  /** First syntax error, when the file does not parse (facts are still extracted from what did parse). */
  syntaxError?: PythonSyntaxError;
  /**
   * Set when a valid file was too deep or large to analyse within the time budget: the facts cover the
   * code up to `range`, not after it (parse-error reports it as a warning).
   */
  analysisStopped?: { budgetMs: number; range: [number, number] };
  imports: PythonImport[];
  comments: PythonComment[];
  /** Ranges of the top-level statements, in order. */
  statements: [number, number][];
  /** Names bound by imports → what they refer to (`gr` → `gradio`, `jit` → `torch.compile`, `environ` → `os.environ`). */
  aliases: Record<string, string>;
  /** Names bound other than by imports: functions, classes, assignment and `with ... as` targets (any scope but class bodies). */
  bindings: string[];
  functions: PythonFunction[];
  calls: PythonCall[];
  assignments: PythonAssignment[];
  /** Module-level names assigned exactly one literal (string, number, bool, None) value: `LIMIT = None`. */
  constants: Record<string, PythonValue>;
  envWrites: PythonEnvWrite[];
  branches: PythonBranch[];
  gpuReferences: GpuReference[];
  gpuApplications: GpuApplication[];
  /** Names bound to Gradio objects: results of `gradio.*` calls (`demo`, `btn`), `with gr.Blocks() as demo`. */
  gradioNames: string[];
  handlers: GradioHandler[];
}

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

/** Names a wildcard import binds, for the packages rules care about. */
const WILDCARD_EXPORTS: Record<string, string[]> = {
  spaces: ['GPU', 'aoti_capture', 'aoti_compile', 'aoti_apply'],
  gradio: ['Blocks', 'Interface', 'ChatInterface', 'TabbedInterface', 'on', 'mount_gradio_app'],
};

/** Gradio event listener methods (gradio/events.py). */
export const GRADIO_EVENTS = new Set([
  'click', 'submit', 'change', 'input', 'upload', 'select', 'load', 'unload', 'release', 'stream', 'clear', 'like',
  'retry', 'undo', 'edit', 'blur', 'focus', 'play', 'pause', 'stop', 'end', 'start_recording', 'stop_recording',
  'pause_recording', 'key_up', 'tick', 'apply', 'copy', 'delete', 'double_click', 'expand', 'collapse',
  'option_select', 'example_select', 'login', 'logout',
]);
/** Event names too common elsewhere (`json.load`, `df.select`) to count without other evidence. */
const AMBIGUOUS_EVENTS = new Set(['change', 'input', 'select', 'load', 'unload', 'release', 'stream', 'clear', 'edit', 'play', 'pause', 'stop', 'end', 'apply', 'copy', 'delete', 'expand', 'collapse', 'blur', 'focus', 'login', 'logout']);
/** Keywords only Gradio event listeners take. */
const LISTENER_KEYWORDS = new Set(['fn', 'inputs', 'outputs', 'concurrency_limit', 'concurrency_id', 'api_name', 'show_progress', 'trigger_mode', 'queue', 'batch', 'max_batch_size', 'preprocess', 'postprocess', 'cancels', 'every', 'js', 'show_api', 'api_visibility', 'time_limit', 'stream_every']);

const DOTTED = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;
/** `name=` at the start of an argument (not `==`); sticky, run at the argument's offset. */
const KEYWORD_ARGUMENT = /([A-Za-z_]\w*)\s*=(?!=)\s*/y;
const STRING_PREFIX = /^[rRbBuUfFtT]{1,2}['"]/;
/** Words that look like names but are expressions of their own. */
const KEYWORDS = new Set(['not', 'await', 'lambda', 'yield', 'True', 'False', 'None']);

type FunctionScope = { index: number; end: number };
type ClassScope = { name: string; start: number; end: number };

/** Everything the pass collects before cross references are resolved. */
class Extraction {
  readonly module: PythonModule;
  private statementCursor = 0;
  private readonly functionStack: FunctionScope[] = [];
  private readonly classStack: ClassScope[] = [];
  private readonly callIndex = new Map<string, number>();
  private readonly lambdaIndex = new Map<string, number>();
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
    for (const child of root.namedChildren) {
      if (child && child.type !== 'comment') module.statements.push([child.startIndex, child.endIndex]);
    }
    // Bounded: tree-sitter's query cursor is quadratic over some broken trees (a long run of `(` or `[`
    // makes one flat ERROR node: 100 KB took 16 s, 2 MB would take hours). Real files finish in
    // milliseconds; past the budget the captures so far are kept and the file is reported as broken.
    // Valid trees are watched too: a 70,000-term `1+1+…` expression is a chain that deep, and the cursor
    // took 27 s over it. The clock is read every 64th callback to keep the watch cheap on real files.
    const started = performance.now();
    const deadline = started + QUERY_BUDGET_MS + this.text.length / 1024;
    let cancelled = false;
    let ticks = 0;
    const captures = pythonQuery(MODULE_QUERY).captures(root, {
      progressCallback: () => cancelled || ((++ticks & 63) === 0 && (cancelled = performance.now() > deadline)),
    });
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
          if (!module.syntaxError || start < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, node, capture.name === 'missing');
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
    if (cancelled && root.hasError) {
      const first = firstErrorNode(root);
      if (!module.syntaxError || first.startIndex < module.syntaxError.range[0]) module.syntaxError = syntaxErrorAt(this.text, first, first.isMissing);
    } else if (cancelled) {
      // A valid file too deep to analyse in time: what was found is kept, and parse-error says the rest is unchecked.
      const last = captures[captures.length - 1]?.node;
      const at = last ? last.startIndex : 0;
      module.analysisStopped = { budgetMs: Math.round(deadline - started), range: [at, Math.min(at + 1, this.text.length)] };
    }
    this.resolve();
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
    const { nested, guarded } = importContext(node);
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
    if (lambda) this.lambdaIndex.set(`${start}:${end}`, index);
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

  private readCall(node: Node): void {
    const start = node.startIndex;
    const end = node.endIndex;
    // One crossing for both children instead of two field lookups: a call is `function arguments`
    // (comments between them are rare and only cost the arguments of that call).
    const children = node.namedChildren;
    const fnNode = children[0];
    const argsNode = children.length > 1 ? children[children.length - 1] : null;
    const calleeEnd = fnNode?.endIndex ?? start;
    const call: PythonCall = {
      args: [],
      function: this.currentFunction,
      statementIndex: this.statementCursor,
      range: [start, end],
      calleeRange: [start, calleeEnd],
      argsRange: [argsNode?.startIndex ?? calleeEnd, end],
    };
    if (fnNode) {
      const calleeText = this.text.slice(start, calleeEnd);
      if (DOTTED.test(calleeText)) {
        const callee = calleeText.includes(' ') || calleeText.includes('\n') ? calleeText.replace(/\s+/g, '') : calleeText;
        call.callee = callee;
        const dot = callee.lastIndexOf('.');
        call.name = dot < 0 ? callee : callee.slice(dot + 1);
        if (dot > 0) call.receiver = callee.slice(0, dot);
      } else {
        const type = fnNode.type;
        if (type === 'attribute') {
          call.name = /([A-Za-z_]\w*)\s*$/.exec(calleeText)?.[1];
          const object = fnNode.childForFieldName('object');
          if (object?.type === 'call') call.receiverCall = this.linkCall(object);
        } else if (type === 'call') {
          call.calleeCall = this.linkCall(fnNode);
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
    this.callIndex.set(`${start}:${end}`, index);
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

  /** Cross references, aliases and the derived facts (constants, env writes, GPU, handlers); the tree is still alive. */
  private resolve(): void {
    const module = this.module;
    for (const value of this.links) {
      const key = `${value.range[0]}:${value.range[1]}`;
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
    buildGpuFacts(module);
    buildGradioFacts(module);
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

function isLiteral(v: PythonValue): boolean {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'bool' || v.kind === 'none';
}

/**
 * True when `name` (the first part of a dotted name) is bound by `import X` / `import X as name`, i.e. is a
 * module (`json` in `json.load`), not an object imported with `from X import name` (a `demo` built
 * elsewhere) nor a name the file assigns.
 */
export function isModuleName(module: Pick<PythonModule, 'imports' | 'bindings'>, name: string): boolean {
  if (module.bindings.includes(name)) return false;
  return module.imports.some((i) => i.name === undefined && (i.alias ?? i.module.split('.')[0]) === name);
}

/** `gr.Interface` → `gradio.Interface` through the file's imports; unchanged when the first name is not imported. */
export function qualify(module: Pick<PythonModule, 'aliases'>, dotted: string): string {
  const dot = dotted.indexOf('.');
  const first = dot < 0 ? dotted : dotted.slice(0, dot);
  const target = Object.hasOwn(module.aliases, first) ? module.aliases[first] : undefined;
  return target === undefined ? dotted : dot < 0 ? target : target + dotted.slice(dot);
}

const SPACES_GPU = /^spaces(?:\.\w+)*\.GPU$/;

/** Finds GPU references among callees and decorators, then the decorators and wrappers that apply them. */
function buildGpuFacts(module: PythonModule): void {
  const bound = new Set(module.bindings);
  const referenceOf = (text: string, range: [number, number], fn: number | undefined, statementIndex: number): number | undefined => {
    const parts = text.split('.');
    let binding: GpuReference['binding'];
    // Through any import form: `spaces.GPU`, `sp.GPU`, `from spaces import GPU as gpu` → `gpu`.
    if (Object.hasOwn(module.aliases, parts[0])) {
      if (!SPACES_GPU.test(qualify(module, text))) return undefined;
      binding = 'spaces';
    } else if (parts[parts.length - 1] === 'GPU' && parts.length <= 2 && !bound.has(parts[0])) binding = 'unbound';
    else return undefined;
    return module.gpuReferences.push({ text, binding, name: parts[0], function: fn, statementIndex, range }) - 1;
  };
  const callReference = new Map<number, number>();
  module.calls.forEach((call, i) => {
    if (!call.callee) return;
    const ref = referenceOf(call.callee, call.calleeRange, call.function, call.statementIndex);
    if (ref !== undefined) callReference.set(i, ref);
  });
  const decoratorCalls = new Set<number>();
  module.functions.forEach((fn, f) => {
    for (const d of fn.decorators) {
      const v = d.value;
      let reference: number | undefined;
      let call: number | undefined;
      if (v.kind === 'name') reference = referenceOf(v.name!, v.range, fn.parent, fn.statementIndex);
      else if (v.kind === 'call' && v.call !== undefined) {
        decoratorCalls.add(v.call);
        reference = callReference.get(v.call);
        call = v.call;
      }
      if (reference === undefined) continue;
      module.gpuApplications.push({ form: 'decorator', reference, call, function: f, range: d.range, ...gpuArguments(module, call, false) });
    }
  });
  const wrappedBy = new Map<number, number>();
  module.calls.forEach((call, i) => {
    if (call.calleeCall !== undefined) wrappedBy.set(call.calleeCall, i);
  });
  for (const [i, reference] of callReference) {
    if (decoratorCalls.has(i)) continue;
    const call = module.calls[i];
    const outer = wrappedBy.get(i);
    if (outer !== undefined) {
      // spaces.GPU(duration=30)(fn): the arguments are on the inner call, the function on the outer one.
      const target = module.calls[outer].args.find((a) => !a.name && !a.splat)?.value;
      module.gpuApplications.push({ form: 'wrapper', reference, call: i, target, function: functionOf(module, target), range: module.calls[outer].range, ...gpuArguments(module, i, false) });
      continue;
    }
    const first = call.args.find((a) => !a.name && !a.splat);
    if (!first || !isCallable(module, first.value)) continue; // spaces.GPU(duration=60) kept for later use: not applied here
    module.gpuApplications.push({ form: 'wrapper', reference, call: i, target: first.value, function: functionOf(module, first.value), range: call.range, ...gpuArguments(module, i, true) });
  }
  module.gpuApplications.sort((a, b) => a.range[0] - b.range[0]);
}

/** `duration` and `size` as the decorator reads them: keywords, else the first positional non-str / str (spec §4.0). */
function gpuArguments(module: PythonModule, call: number | undefined, skipTask: boolean): Pick<GpuApplication, 'duration' | 'size'> {
  if (call === undefined) return {};
  const args = module.calls[call].args;
  let duration = args.find((a) => a.name === 'duration');
  let size = args.find((a) => a.name === 'size');
  const positional = args.filter((a) => !a.name && !a.splat).slice(skipTask ? 1 : 0);
  for (const a of positional) {
    const isString = a.value.kind === 'string' || constantOf(module, a.value)?.kind === 'string';
    if (isString) size ??= a;
    else duration ??= a;
  }
  return { duration, size };
}

/** Whether a positional argument of `spaces.GPU(...)` is the task (a function) rather than a duration. */
function isCallable(module: PythonModule, v: PythonValue): boolean {
  if (v.kind === 'lambda') return true;
  if (v.kind === 'call') return true; // functools.partial(...), another decorator's result
  if (v.kind !== 'name') return false;
  if (constantOf(module, v)) return false;
  if (functionOf(module, v) !== undefined) return true;
  // A name bound by a plain assignment (`DURATION = int(...)`) is a value; an imported name may be a function.
  return !module.assignments.some((a) => a.function === undefined && a.targets.includes(v.name!));
}

/** The literal a name stands for, through module constants (`LIMIT = None`); the value itself if literal. */
export function constantOf(module: Pick<PythonModule, 'constants'>, v: PythonValue | undefined): PythonValue | undefined {
  if (!v) return undefined;
  if (isLiteral(v)) return v;
  if (v.kind === 'name' && v.name && Object.hasOwn(module.constants, v.name)) return module.constants[v.name];
  return undefined;
}

/** The function a value refers to in this file: a lambda, a def by name, a GPU-wrapped or `partial` function. */
export function functionOf(module: PythonModule, v: PythonValue | undefined, depth = 0): number | undefined {
  if (!v || depth > 3) return undefined;
  if (v.kind === 'lambda') return v.function;
  if (v.kind === 'name' && v.name && !v.name.includes('.')) {
    let found: number | undefined;
    module.functions.forEach((f, i) => {
      // Python binds the last definition; a module-level one wins over nested ones.
      if (f.name === v.name && !f.lambda && f.className === undefined && (found === undefined || f.parent === undefined || module.functions[found].parent !== undefined)) found = i;
    });
    if (found !== undefined) return found;
    // `fn = spaces.GPU(raw)` or `fn = lambda ...`: follow one module-level assignment.
    const a = module.assignments.find((x) => x.function === undefined && x.targets.length === 1 && x.targets[0] === v.name && x.value);
    return a ? functionOf(module, a.value, depth + 1) : undefined;
  }
  if (v.kind === 'call' && v.call !== undefined) {
    const call = module.calls[v.call];
    const first = call.args.find((a) => !a.name && !a.splat)?.value;
    if (call.qualified === 'functools.partial' || call.qualified === 'partial' || (call.qualified && SPACES_GPU.test(call.qualified))) return functionOf(module, first, depth + 1);
    if (call.calleeCall !== undefined) return functionOf(module, first, depth + 1);
  }
  return undefined;
}

/** Gradio objects, then the handlers registered on them (spec §4.0 "Gradio event-handler discovery"). */
function buildGradioFacts(module: PythonModule): void {
  const importsGradio = Object.values(module.aliases).some((t) => t === 'gradio' || t.startsWith('gradio.'));
  if (!importsGradio) return;
  const names = new Set<string>();
  const isGradioCall = (i: number | undefined) => i !== undefined && (module.calls[i].qualified?.startsWith('gradio.') ?? false);
  for (const a of module.assignments) {
    if (a.value?.kind === 'call' && isGradioCall(a.value.call)) for (const t of a.targets) names.add(t);
  }
  module.gradioNames = [...names];
  const gpuFunctions = new Set(module.gpuApplications.filter((g) => g.form === 'decorator').map((g) => g.function));
  const gpuCalls = new Set(module.gpuApplications.filter((g) => g.form === 'wrapper').map((g) => g.call));
  const isGpuValue = (v: PythonValue | undefined): boolean => {
    if (!v || v.kind !== 'call' || v.call === undefined) return false;
    const c = module.calls[v.call];
    return gpuCalls.has(v.call) || (c.calleeCall !== undefined && gpuCalls.has(c.calleeCall));
  };
  const handler = (kind: GradioHandler['kind'], call: number, fn: PythonValue | undefined, event?: string) => {
    if (!fn || fn.kind === 'none') return;
    const f = functionOf(module, fn);
    module.handlers.push({
      kind,
      event,
      call,
      fn,
      function: f,
      name: fn.kind === 'name' ? fn.name : undefined,
      gpu: isGpuValue(fn) || (f !== undefined && gpuFunctions.has(f)),
    });
  };
  const decoratorCalls = new Map<number, number>();
  module.functions.forEach((fn, f) => {
    for (const d of fn.decorators) if (d.value.kind === 'call' && d.value.call !== undefined) decoratorCalls.set(d.value.call, f);
  });
  module.calls.forEach((call, i) => {
    const q = call.qualified;
    const positional = call.args.filter((a) => !a.name && !a.splat);
    const keyword = (name: string) => call.args.find((a) => a.name === name)?.value;
    let kind: GradioHandler['kind'] | undefined;
    let fn: PythonValue | undefined;
    if (q === 'gradio.Interface' || q === 'gradio.ChatInterface') {
      kind = q === 'gradio.Interface' ? 'interface' : 'chat-interface';
      fn = keyword('fn') ?? positional[0]?.value;
    } else if (q === 'gradio.on') {
      kind = 'on';
      fn = keyword('fn') ?? positional[1]?.value;
    } else if (call.name && GRADIO_EVENTS.has(call.name) && isListener(module, call, names)) {
      kind = 'listener';
      fn = keyword('fn') ?? positional[0]?.value;
    }
    if (!kind) return;
    const decorated = decoratorCalls.get(i);
    if (decorated !== undefined && (kind === 'on' || kind === 'listener') && !fn) {
      const f = module.functions[decorated];
      module.handlers.push({ kind: 'listener-decorator', event: kind === 'on' ? undefined : call.name, call: i, function: decorated, name: f.name, gpu: gpuFunctions.has(decorated) });
      return;
    }
    handler(kind, i, fn, kind === 'listener' ? call.name : undefined);
  });
}

/** `btn.click(...)`, `demo.load(...)`, `gr.Button().click(...)`: an event method on something Gradio made. */
function isListener(module: PythonModule, call: PythonCall, gradioNames: Set<string>): boolean {
  if (call.receiverCall !== undefined) return module.calls[call.receiverCall].qualified?.startsWith('gradio.') ?? false;
  if (!call.receiver) return false;
  const root = call.receiver.split('.')[0];
  if (isModuleName(module, root)) return false; // json.load, torch.load, gr.load
  if (gradioNames.has(call.receiver) || gradioNames.has(root)) return true;
  if (call.args.some((a) => a.name && LISTENER_KEYWORDS.has(a.name))) return true;
  return !AMBIGUOUS_EVENTS.has(call.name!) && call.args.some((a) => !a.name && !a.splat);
}

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

function syntaxErrorAt(text: string, node: Node, missing: boolean): PythonSyntaxError {
  const start = node.startIndex;
  const end = Math.max(node.endIndex, start + 1);
  if (missing) return { message: `Python syntax error: missing \`${node.type}\``, range: [start, end] };
  // From the file's text (offsets are UTF-16 units), not node.text: an ERROR node may span megabytes.
  const snippet = text.slice(start, Math.min(node.endIndex, start + 200)).split(/\r?\n/)[0].slice(0, 40);
  return { message: snippet ? `Python syntax error near \`${snippet}\`` : 'Python syntax error', range: [start, end] };
}

export function analyzePython(path: string, text: string): PythonModule {
  const tree = parsePythonTree(text);
  try {
    const extraction = new Extraction(path, text);
    extraction.run(tree.rootNode);
    return extraction.module;
  } finally {
    tree.delete();
  }
}

/**
 * What the rules know about one Python file, extracted in one pass over its tree (src/python/README.md describes
 * every fact); the tree is deleted right after. Rules read these facts and never walk trees.
 *
 * Offsets are UTF-16 code units into the file's text (web-tree-sitter parses JS strings as UTF-16).
 * Cross references are indexes: `PythonCall.function` is an index into `functions`, `PythonValue.call`
 * an index into `calls`, and so on. Names are "qualified" through the file's imports: with
 * `import gradio as gr`, `gr.Interface` is qualified `gradio.Interface`.
 *
 * This file holds the facts' shape and the helpers that read them; analyze.ts computes them (extraction.ts,
 * gpu-facts.ts, gradio-facts.ts).
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
  /** How many syntax errors the file has (0 when it parses): `--fix` keeps no fix that raises it. */
  syntaxErrorCount: number;
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

export function isLiteral(v: PythonValue): boolean {
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

/** `spaces.GPU`, qualified (also through submodules such as `spaces.zero.GPU`). */
export const SPACES_GPU = /^spaces(?:\.\w+)*\.GPU$/;

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

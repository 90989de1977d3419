/**
 * What Gradio API each call of a file reaches, for the version-exact rules (gradio-unknown-argument,
 * gradio-unknown-attribute, gradio-invalid-argument-value, gradio-removed-queue-params).
 *
 * Resolution is deliberately literal: `gr.X(...)` and `from gradio import X` through the import aliases;
 * method and listener calls on names bound only to Gradio constructors (`demo = gr.Blocks()`,
 * `with gr.Blocks() as demo`, `btn = gr.Button()`), on chains (`gr.Interface(...).queue().launch()`,
 * `btn.click(...).then(...)`). A name assigned anything else anywhere in the file, a function parameter
 * or a dotted receiver (`self.demo`) resolves to nothing: rules stay silent rather than guess.
 */
import { gradioRelease, gradioTables, inReleases, type GradioCallable, type GradioRelease } from '../reference/gradio-api.js';
import type { Space } from '../space/space.js';
import type { PythonCall, PythonModule } from './module.js';

/** Classes whose instances are Blocks (`launch`, `queue`, `load` are Blocks methods there). */
const BLOCKS_CLASSES = new Set(['Blocks', 'Interface', 'ChatInterface', 'TabbedInterface']);
/** Gradio functions whose result is a Blocks (`gr.load("models/...")`). */
const RETURNS_BLOCKS = new Set(['load']);
/**
 * Namespaces of `gr.` whose members are checked (`inputs.X`, `outputs.X`). `themes.X` is left out: the
 * tables list `gradio.themes.__all__`, not the functions it also defines (`gr.themes.builder`).
 */
const NAMESPACES = new Set(['inputs', 'outputs']);

export interface GradioApiCall {
  /** Index into `module.calls`. */
  call: number;
  /**
   * The callable in the tables: a class or function (`Chatbot`, `on`, `inputs.Textbox`), `Blocks.launch`,
   * `Blocks.queue`, `Blocks.load`, or `listener` for event listeners (see `event`).
   */
  key: string;
  /** For listeners: the event (`click`, `then`) and the class whose event it is (`Button`, `Dependency`). */
  event?: string;
  owner?: string;
  /** How messages name the call: `gr.Chatbot`, `demo.launch`, `btn.click`. */
  display: string;
}

/** A `gr.X` name, a `from gradio import X`, a method (`.style()`, `gr.Textbox.update`) or an event used on an instance. */
export interface GradioAttributeUse {
  kind: 'name' | 'import' | 'method' | 'event';
  /** For names: `Box`, `inputs.Textbox`, `themes.Soft`. For methods and events: the class (`Textbox`). */
  name: string;
  /** For methods and events: the method (`style`, `update`, `like`). */
  member?: string;
  /** As written, for messages (`gr.Box`, `chatbot.style`). */
  text: string;
  range: [number, number];
}

export interface GradioUses {
  calls: GradioApiCall[];
  attributes: GradioAttributeUse[];
}

const resolved = new WeakMap<PythonModule, GradioUses>();

/** The Gradio API calls and attribute uses of a file (empty when it does not import gradio); computed once per module. */
export function gradioUses(module: PythonModule): GradioUses {
  let uses = resolved.get(module);
  if (!uses) {
    const gradio = Object.values(module.aliases).some((t) => t === 'gradio' || t.startsWith('gradio.'));
    uses = gradio ? new Resolver(module).run() : { calls: [], attributes: [] };
    resolved.set(module, uses);
  }
  return uses;
}

class Resolver {
  private readonly tables = gradioTables();
  private readonly callTypes = new Map<number, string | undefined>();
  private readonly nameTypes = new Map<string, string | undefined>();
  private readonly calls: GradioApiCall[] = [];
  private readonly attributes: GradioAttributeUse[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly module: PythonModule) {}

  run(): GradioUses {
    const { module } = this;
    for (const imp of module.imports) {
      if (imp.module !== 'gradio' || imp.level !== 0 || !imp.name || imp.name === '*') continue;
      if (this.tables.names[imp.name]) this.attribute({ kind: 'import', name: imp.name, text: `from gradio import ${imp.name}`, range: imp.range });
    }
    module.calls.forEach((call, index) => this.visitCall(call, index));
    // `gr.X` used as a value: `theme=gr.themes.Soft`, `isinstance(x, gr.Box)`, `x = gr.Box`.
    for (const call of module.calls) for (const arg of call.args) if (arg.value.kind === 'name') this.dottedName(arg.value.qualified, arg.value.name, arg.value.range);
    for (const a of module.assignments) if (a.value?.kind === 'name') this.dottedName(a.value.qualified, a.value.name, a.value.range);
    return { calls: this.calls, attributes: this.attributes };
  }

  private visitCall(call: PythonCall, index: number): void {
    const direct = this.gradioPath(call.qualified);
    if (direct !== undefined) {
      const parts = direct.split('.');
      const resolved = this.dottedName(call.qualified, call.callee, call.calleeRange);
      if (resolved && this.tables.callables[resolved]) this.calls.push({ call: index, key: resolved, display: call.callee ?? resolved });
      // `gr.Textbox.update(...)`: a method of a class, reached without an instance.
      if (parts.length === 2 && this.tables.methods[parts[0]]?.[parts[1]]) {
        this.attribute({ kind: 'method', name: parts[0], member: parts[1], text: call.callee!, range: call.calleeRange });
      }
      return;
    }
    if (!call.name) return;
    const owner = call.receiverCall !== undefined ? this.typeOfCall(call.receiverCall) : call.receiver && !call.receiver.includes('.') ? this.typeOfName(call.receiver, call) : undefined;
    if (!owner) return;
    const display = this.displayOf(index);
    const member = call.name;
    if (BLOCKS_CLASSES.has(owner) && (member === 'launch' || member === 'queue' || member === 'load')) {
      this.calls.push({ call: index, key: `Blocks.${member}`, display });
      return;
    }
    const eventClass = BLOCKS_CLASSES.has(owner) ? 'Blocks' : owner;
    if (this.tables.events[eventClass]?.[member]) {
      this.calls.push({ call: index, key: 'listener', event: member, owner: eventClass, display });
      this.attribute({ kind: 'event', name: eventClass, member, text: display, range: call.calleeRange });
      return;
    }
    if (this.tables.methods[owner]?.[member]) this.attribute({ kind: 'method', name: owner, member, text: display, range: call.calleeRange });
  }

  /** A call's callee as messages show it: `demo.launch`, `demo.queue(...).launch`, `btn.click(...).then`. */
  private displayOf(index: number, depth = 0): string {
    const call = this.module.calls[index];
    if (call.callee) return call.callee;
    const receiver = call.receiverCall !== undefined && depth < 5 ? `${this.displayOf(call.receiverCall, depth + 1)}(...)` : '';
    return receiver ? `${receiver}.${call.name ?? ''}` : (call.name ?? '');
  }

  /** `gradio.X.Y` → `X.Y` for a qualified name reached through an import of gradio. */
  private gradioPath(qualified: string | undefined): string | undefined {
    return qualified?.startsWith('gradio.') ? qualified.slice('gradio.'.length) : undefined;
  }

  /**
   * Records the `gr.X` / `gr.inputs.X` use of a qualified name and returns its key in the tables
   * (`Box`, `inputs.Textbox`), or undefined when the tables do not know it.
   */
  private dottedName(qualified: string | undefined, text: string | undefined, range: [number, number]): string | undefined {
    const path = this.gradioPath(qualified);
    if (path === undefined || !text) return undefined;
    const parts = path.split('.');
    const names = this.tables.names;
    if (!names[parts[0]]) return undefined;
    // `gr.inputs.Textbox`: the namespace itself may be what is missing, so record both. A bare imported
    // name (`from gradio import Box`; `Box()`) fails at its import, which is recorded there.
    if (text.includes('.'))
      this.attribute({
        kind: 'name',
        name: parts[0],
        text: text
          .split('.')
          .slice(0, -parts.length + 1 || undefined)
          .join('.'),
        range,
      });
    if (parts.length === 1) return parts[0];
    if (parts.length !== 2 || !names[path]) return undefined;
    if (NAMESPACES.has(parts[0])) this.attribute({ kind: 'name', name: path, text, range });
    return path;
  }

  private attribute(use: GradioAttributeUse): void {
    const key = `${use.kind}:${use.name}:${use.member ?? ''}:${use.range[0]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.attributes.push(use);
  }

  /** The Gradio class a call returns: a constructor's class, `Blocks` for `queue()`, `Dependency` for listeners. */
  private typeOfCall(index: number, depth = 0): string | undefined {
    if (this.callTypes.has(index)) return this.callTypes.get(index);
    this.callTypes.set(index, undefined); // cycles resolve to nothing
    const type = this.computeCallType(index, depth);
    this.callTypes.set(index, type);
    return type;
  }

  private computeCallType(index: number, depth: number): string | undefined {
    if (depth > 20) return undefined;
    const call = this.module.calls[index];
    const path = this.gradioPath(call.qualified);
    if (path !== undefined) {
      if (RETURNS_BLOCKS.has(path)) return 'Blocks';
      return /^[A-Z]/.test(path) && !path.includes('.') && this.tables.callables[path] ? path : undefined;
    }
    if (!call.name) return undefined;
    const owner =
      call.receiverCall !== undefined ? this.typeOfCall(call.receiverCall, depth + 1) : call.receiver && !call.receiver.includes('.') ? this.typeOfName(call.receiver, call, depth + 1) : undefined;
    if (!owner) return undefined;
    if (BLOCKS_CLASSES.has(owner) && call.name === 'queue') return owner;
    const eventClass = BLOCKS_CLASSES.has(owner) ? 'Blocks' : owner;
    if (this.tables.events[eventClass]?.[call.name] && !(BLOCKS_CLASSES.has(owner) && call.name === 'launch')) return 'Dependency';
    return undefined;
  }

  /**
   * The class of the Gradio object a plain name holds at `at`: every assignment of the name in the file
   * (any scope, `with ... as` included) is the same Gradio constructor; the name is not imported, not a
   * def/class, and not a parameter of a function around `at`.
   */
  private typeOfName(name: string, at: PythonCall, depth = 0): string | undefined {
    const { module } = this;
    if (module.aliases[name] !== undefined) return undefined;
    for (let f = at.function; f !== undefined; f = module.functions[f].parent) {
      if (module.functions[f].params.some((p) => p.name === name)) return undefined;
    }
    if (this.nameTypes.has(name)) return this.nameTypes.get(name);
    this.nameTypes.set(name, undefined);
    let type: string | undefined;
    let ok = !module.functions.some((f) => f.name === name);
    for (const a of module.assignments) {
      if (!ok) break;
      if (!a.targets.includes(name)) continue;
      if (a.targets.length !== 1 || a.subscript || a.inClass || a.value?.kind !== 'call' || a.value.call === undefined) {
        ok = false;
        break;
      }
      const t = this.typeOfCall(a.value.call, depth + 1);
      if (!t || (type !== undefined && t !== type)) ok = false;
      type = t;
    }
    const result = ok ? type : undefined;
    this.nameTypes.set(name, result);
    return result;
  }
}

/** The table entry a call is checked against at a release: per-event listeners in 3.0–3.20. */
export function callableAt(use: GradioApiCall, index: number): GradioCallable | undefined {
  const { callables, events } = gradioTables();
  if (use.event) {
    // An event the class lacks in this release is gradio-unknown-attribute's finding.
    if (use.owner && !inReleases(events[use.owner]?.[use.event], index)) return undefined;
    const perEvent = callables[`listener.${use.event}`];
    if (perEvent && inReleases(perEvent.present, index)) return perEvent;
  }
  const c = callables[use.key];
  return c && inReleases(c.present, index) ? c : undefined;
}

/**
 * The Space's Python files whose Gradio uses `has` selects, each with the Space's release: resolved once,
 * when the first such file is found; none when the release is outside the tables (2.x, pre-releases).
 */
export function gradioUsesWithRelease(space: Space, has: (uses: GradioUses) => boolean): { path: string; module: PythonModule; uses: GradioUses; release: GradioRelease }[] {
  const found: { path: string; module: PythonModule; uses: GradioUses; release: GradioRelease }[] = [];
  let release: GradioRelease | undefined | null = null;
  for (const path of space.pythonPaths) {
    const module = space.python(path);
    if (!module) continue;
    const uses = gradioUses(module);
    if (!has(uses)) continue;
    release ??= gradioRelease(space);
    if (!release) return [];
    found.push({ path, module, uses, release });
  }
  return found;
}

import type { Suggestion } from '../diagnostic.js';
import { argumentRemovalRange, positionalArguments } from '../python/arguments.js';
import { callableAt, gradioUsesWithRelease, type GradioApiCall } from '../python/gradio-calls.js';
import type { PythonArgument, PythonCall } from '../python/module.js';
import { describeHistory, GRADIO_DATA_AS_OF, gradioTables, inReleases, releaseAt, type GradioCallable, type GradioRelease } from '../reference/gradio-api.js';
import { closestMatch } from '../reference/closest-match.js';
import { defineRule, type Report } from './rule.js';

/** What `gradio-removed-queue-params` reports with its own message (spec catalogue-2 G1 notes). */
export const QUEUE_RULE_KEYWORDS: Record<string, string[]> = {
  'Blocks.queue': ['concurrency_count', 'default_enabled', 'client_position_to_load_data', 'default_concurrency_limit'],
  'Blocks.launch': ['enable_queue'],
};

/**
 * Successors of removed keywords, from Gradio's changelogs and migration guides (as of the data date).
 * `rename`: same meaning under a new name (offered as a suggestion); otherwise advice only.
 */
const SUCCESSORS: Record<string, Record<string, { advice: string; rename?: string }>> = {
  listener: {
    _js: { advice: 'use `js=` (renamed in Gradio 4.0.1)', rename: 'js' },
    show_api: { advice: 'use `api_visibility=` ("public", "private" or "undocumented"; Gradio 6)' },
    every: { advice: 'run periodic updates with `gr.Timer(seconds).tick(fn, ...)` (Gradio 5)' },
  },
  'Blocks.load': {
    _js: { advice: 'use `js=` (renamed in Gradio 4.0.1)', rename: 'js' },
    show_api: { advice: 'use `api_visibility=` ("public", "private" or "undocumented"; Gradio 6)' },
    every: { advice: 'run periodic updates with `gr.Timer(seconds).tick(fn, ...)` (Gradio 5)' },
  },
  'Blocks.launch': {
    show_api: { advice: 'hide endpoints with `api_visibility="private"` or `"undocumented"` on each event listener (Gradio 6)' },
  },
  Interface: {
    allow_flagging: { advice: 'use `flagging_mode=` ("never", "auto" or "manual"; Gradio 5)', rename: 'flagging_mode' },
  },
  Chatbot: {
    show_copy_button: { advice: 'use `buttons=["copy"]` (Gradio 6)' },
    type: { advice: 'remove it: Gradio 6 always uses the messages format (a list of `{"role", "content"}` dicts)' },
    bubble_full_width: { advice: 'remove it: Gradio 6 dropped the setting' },
  },
  ChatInterface: {
    type: { advice: 'remove it: Gradio 6 always uses the messages format (a list of `{"role", "content"}` dicts)' },
  },
};

/** Gradio 6.1 turned `Blocks(theme=, css=, ...)` from a TypeError into a warning (data README). */
const BLOCKS_MOVED_WARN_FROM = '6.1.0';

export default defineRule({
  meta: {
    id: 'gradio-unknown-argument',
    category: 'core',
    description: 'Gradio calls use only keyword arguments (and as many positional arguments) as the Gradio release of the Space accepts.',
    hasSuggestions: true,
    messages: {
      unknown: {
        level: 'error',
        text: '`{{call}}({{name}}=...)` {{history}}: Gradio {{version}} raises TypeError (unexpected keyword argument) at start-up.{{advice}}',
      },
      rejected: {
        level: 'error',
        text: '`{{call}}({{name}}=...)` {{history}}: Gradio {{version}} rejects extra keywords and the app crashes at start-up.{{advice}}',
      },
      raises: {
        level: 'error',
        text: '`{{call}}({{name}}=...)` is kept in Gradio {{version}} only to raise an error when set: the app crashes at start-up.{{advice}}',
      },
      ignored: {
        level: 'warning',
        text: '`{{call}}({{name}}=...)` {{history}}: Gradio {{version}} silently ignores unknown keywords, so this setting has no effect.{{advice}}',
      },
      moved: {
        level: 'warning',
        text: '`{{call}}({{name}}=...)` moved to `launch({{name}}=...)` in Gradio 6.0 (an error in 6.0.x); Gradio {{version}} only warns. Pass it to `launch()` instead.',
      },
      uncertain: {
        level: 'warning',
        text: '`{{call}}({{name}}=...)` {{history}}: with Gradio {{version}} the app crashes at start-up (TypeError).{{advice}}',
      },
      positional: {
        level: 'error',
        text: '`{{call}}(...)` takes at most {{max}} positional argument{{plural}} in Gradio {{version}} ({{params}}) and gets {{count}}: TypeError at start-up. Pass the others by keyword.',
      },
      positionalUncertain: {
        level: 'warning',
        text: '`{{call}}(...)` takes at most {{max}} positional argument{{plural}} in Gradio {{version}} ({{params}}) and gets {{count}}: TypeError at start-up. Pass the others by keyword.',
      },
    },
    docs: {
      rationale:
        "A Gradio Space runs exactly the Gradio of its `sdk_version`, and Gradio's keyword arguments change between releases: 4.0 removed the `**kwargs` that 3.x components and `Blocks` used to swallow, 6.0 removed `launch(show_api=)`, `Chatbot(type=, bubble_full_width=, show_copy_button=)`, `ChatInterface(type=)`, `Interface(allow_flagging=)` and moved `Blocks(theme=, css=, js=, head=)` to `launch()`. " +
        `The rule looks each keyword up in spacelint's vendored copy of Gradio's API per release (read from every gradio-app/gradio release tag, 3.0.0 to the newest, as of ${GRADIO_DATA_AS_OF}; regenerated by \`packages/core/scripts/vendor-gradio-data.mjs\`). ` +
        'Calls are resolved through the imports (`gr.Chatbot`, `from gradio import Chatbot`, any alias), names bound only to Gradio constructors (`demo = gr.Blocks()`, `with gr.Blocks() as demo`, `btn = gr.Button()`), chains (`gr.Interface(...).queue().launch()`) and event listeners (`btn.click(...)`, `.then(...)`, `gr.on(...)`, `demo.load(...)`). ' +
        'Levels follow what the release does: an error where it raises `TypeError` (no `**kwargs`, or `**kwargs` that it rejects, or a parameter kept only to raise); a warning where it silently swallows unknown keywords (every 3.x component and `Blocks` passes them to a parent that ignores them: the setting has no effect); a warning for `Blocks(theme=...)` and the other keywords moved to `launch()` from Gradio 6.1, which only warns (6.0.x raised). Calls whose `**kwargs` carry keywords on (`gr.update(...)`, `gr.load(...)`, and any 4.x+ call that still takes `**kwargs`) are not judged: the tables do not follow where they go. ' +
        'The version comes from `sdk_version`, else a `gradio==` pin, else it is unknown: then the newest release is assumed and errors become warnings that say so; releases published without a git tag are read at the nearest tagged release below. Never guessed: a name assigned anything but one Gradio constructor, a function parameter, `self.demo`, and whatever `**kwargs` spreads carry. ' +
        'The queue keywords that `gradio-removed-queue-params` explains (`concurrency_count`, `enable_queue`, ...) are left to it.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "6.0.0"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    chat = gr.Chatbot(type="messages", show_copy_button=True)\n\ndemo.launch(show_api=False)\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "6.0.0"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    chat = gr.Chatbot(buttons=["copy"])\n\ndemo.launch(theme=gr.themes.Soft())\n' },
      ],
      howToFix: "Use the keyword the Space's Gradio release has (the message names the successor when there is one), or change `sdk_version` to a release that has it.",
    },
  },
  check(space, report) {
    for (const { path, module, uses, release } of gradioUsesWithRelease(space, (u) => u.calls.length > 0)) {
      for (const use of uses.calls) checkCall(report, path, module.calls[use.call], use, release);
    }
  },
});

function checkCall(report: Report, path: string, call: PythonCall, use: GradioApiCall, release: GradioRelease): void {
  const c = callableAt(use, release.index);
  if (!c) return; // the callable itself is missing: gradio-unknown-attribute
  const skip = QUEUE_RULE_KEYWORDS[use.key] ?? [];
  const base = { call: use.display, version: release.label };
  for (const arg of call.args) {
    if (!arg.name || arg.splat || skip.includes(arg.name)) continue;
    const name = arg.name;
    if (inReleases(c.params[name], release.index)) {
      if (inReleases(c.raisesIfSet?.[name], release.index) && isTruthyLiteral(arg)) {
        report({
          messageId: release.uncertain ? 'uncertain' : 'raises',
          data: { ...base, name, history: 'is kept only to raise', advice: '' },
          file: path,
          range: arg.range,
          suggestions: [removal(call, arg)],
        });
      }
      continue;
    }
    const history = describeHistory(c.params[name], release.index) || `is not a parameter of \`${use.display}\` in any Gradio release up to ${GRADIO_DATA_AS_OF}`;
    const { advice, suggestions } = successor(use, c, call, arg, release);
    const data = { ...base, name, history, advice };
    if (movedToLaunch(use, c, name, release)) {
      const early = release.index < (releaseAt(BLOCKS_MOVED_WARN_FROM)?.index ?? Infinity);
      report({
        messageId: early ? (release.uncertain ? 'uncertain' : 'unknown') : 'moved',
        data: { ...data, advice: ' Pass it to `launch()` instead.' },
        file: path,
        range: arg.range,
        suggestions: [removal(call, arg)],
      });
      continue;
    }
    if (inReleases(c.kwargsRejected, release.index)) {
      report({ messageId: release.uncertain ? 'uncertain' : 'rejected', data, file: path, range: arg.range, suggestions });
    } else if (inReleases(c.varKwargs, release.index)) {
      // 3.x components and Blocks pass unknown keywords to a parent that swallows them. Other `**kwargs`
      // (`gr.update`, `gr.load`, anything in 4.x+) carry them somewhere the tables do not follow.
      if (release.major === 3 && inReleases(c.kwargsToParent, release.index)) report({ messageId: 'ignored', data, file: path, range: arg.range, suggestions });
    } else {
      report({ messageId: release.uncertain ? 'uncertain' : 'unknown', data, file: path, range: arg.range, suggestions });
    }
  }
  checkPositional(report, path, call, use, c, release);
}

function checkPositional(report: Report, path: string, call: PythonCall, use: GradioApiCall, c: GradioCallable, release: GradioRelease): void {
  if (call.args.some((a) => a.splat === '*') || inReleases(c.varArgs, release.index)) return;
  const params = c.positional.find(([, set]) => inReleases(set, release.index))?.[0];
  // 3.0–3.20 listeners are per-event methods: without that event's own entry, the count is unknown.
  if (!params || (use.key === 'listener' && !params.length)) return;
  // Listener decorators (`@btn.click(inputs=...)`) and bound-method listeners take the same arguments.
  const count = positionalArguments(call).length;
  if (count <= params.length) return;
  report({
    messageId: release.uncertain ? 'positionalUncertain' : 'positional',
    data: {
      call: use.display,
      version: release.label,
      max: params.length,
      plural: params.length === 1 ? '' : 's',
      params: params.length ? params.slice(0, 6).join(', ') + (params.length > 6 ? ', ...' : '') : 'none',
      count,
    },
    file: path,
    range: positionalArguments(call)[params.length].range,
  });
}

/** `Blocks(theme=...)` on 6.x (directly or through Interface's keywords): the keyword now belongs to `launch()`. */
function movedToLaunch(use: GradioApiCall, c: GradioCallable, name: string, release: GradioRelease): boolean {
  if (use.key !== 'Blocks' && !inReleases(c.kwargsToBlocks, release.index)) return false;
  const { callables } = gradioTables();
  const blocks = callables.Blocks;
  return !inReleases(blocks.params[name], release.index) && (blocks.params[name]?.length ?? 0) > 0 && inReleases(callables['Blocks.launch'].params[name], release.index);
}

function successor(use: GradioApiCall, c: GradioCallable, call: PythonCall, arg: PythonArgument, release: GradioRelease): { advice: string; suggestions: Suggestion[] } {
  const name = arg.name!;
  const known = SUCCESSORS[use.key]?.[name];
  const suggestions: Suggestion[] = [];
  if (known) {
    if (known.rename && inReleases(c.params[known.rename], release.index) && !call.args.some((a) => a.name === known.rename)) {
      suggestions.push({ desc: `Rename to \`${known.rename}=\``, fix: { range: [arg.range[0], arg.range[0] + name.length], text: known.rename } });
    }
    suggestions.push(removal(call, arg));
    return { advice: ` Instead, ${known.advice}.`, suggestions };
  }
  const current = Object.keys(c.params).filter((p) => inReleases(c.params[p], release.index) && !p.startsWith('_'));
  const close = closestMatch(name, current);
  if (close && !call.args.some((a) => a.name === close.match)) {
    suggestions.push({ desc: `Use \`${close.match}=\``, fix: { range: [arg.range[0], arg.range[0] + name.length], text: close.match } });
  }
  suggestions.push(removal(call, arg));
  return { advice: close ? ` Did you mean \`${close.match}=\`?` : '', suggestions };
}

function removal(call: PythonCall, arg: PythonArgument): Suggestion {
  return { desc: `Remove \`${arg.name}=\``, fix: { range: argumentRemovalRange(call, arg), text: '' } };
}

function isTruthyLiteral(arg: PythonArgument): boolean {
  const v = arg.value;
  if (v.kind === 'bool') return v.value === true;
  if (v.kind === 'number') return v.value !== 0;
  if (v.kind === 'string') return v.value !== '';
  return false;
}

import { gradioUsesWithRelease, type GradioAttributeUse } from '../python/gradio-calls.js';
import { describeHistory, GRADIO_DATA_AS_OF, gradioTables, type Releases } from '../reference/gradio-api.js';
import { defineRule } from './rule.js';

/** What to use instead, from Gradio's migration guides (4.0: gradio.app/guides/upgrading; 5.0; 6.0). */
const NAME_SUCCESSORS: Record<string, string> = {
  Box: 'use `gr.Group()` (Gradio 4.0 removed `gr.Box`)',
  inputs: 'use the components directly: `gr.Textbox(...)` instead of `gr.inputs.Textbox(...)` (Gradio 4.0 removed `gr.inputs`)',
  outputs: 'use the components directly: `gr.Textbox(...)` instead of `gr.outputs.Textbox(...)` (Gradio 4.0 removed `gr.outputs`)',
  LogoutButton: 'use `gr.LoginButton()`, which logs out once signed in (Gradio 5.0 removed `gr.LogoutButton`)',
  Variable: 'use `gr.State(...)`',
};
const METHOD_SUCCESSORS: Record<string, string> = {
  style: 'pass the styling as constructor arguments (`gr.Image(height=...)`, `gr.Gallery(columns=...)`); Gradio 4.0 removed `.style()`',
  update: 'return `gr.update(...)` or a new component (`gr.Textbox(value=...)`) from the handler; Gradio 4.0 removed the per-component `.update()`',
};

/**
 * Classes whose instances take events the tables cannot list, from a release on: Gradio 6's `gr.HTML`
 * triggers any event its `js_on_load` code fires (`buttons.click(...)` in the 6.x `super_html` demo).
 */
const OPEN_EVENTS: Record<string, string> = { HTML: '6.0.0' };

export default defineRule({
  meta: {
    id: 'gradio-unknown-attribute',
    category: 'core',
    description: 'The app uses only `gr.X` names, methods and events that the Gradio release of the Space has.',
    messages: {
      missing: {
        level: 'error',
        text: '`{{text}}` {{history}}: Gradio {{version}} has no `{{what}}`, so the app crashes at start-up ({{failure}}).{{advice}}',
      },
      uncertain: {
        level: 'warning',
        text: '`{{text}}` {{history}}: with Gradio {{version}} the app crashes at start-up ({{failure}}).{{advice}}',
      },
    },
    docs: {
      rationale:
        "Gradio removes and adds public names between releases: 4.0 removed `gr.Box`, `gr.inputs`/`gr.outputs`, the `.style()` method of components and per-component `.update()` (`gr.Textbox.update(...)`); `gr.LogoutButton` exists 3.40–4.44 only; `gr.ChatInterface`, `gr.on`, `gr.render`, `gr.Sidebar`, `gr.Timer` appear later. Using one the Space's release lacks fails at import time with AttributeError (ImportError for `from gradio import X`), so the Space never starts. " +
        `Names, methods and events come from spacelint's vendored copy of Gradio's API per release (every gradio-app/gradio release tag, as of ${GRADIO_DATA_AS_OF}). Only what some release had is reported: a name no release ever had might be a local attribute the tables cannot see, so it is left alone. Methods and events are checked on names bound only to Gradio constructors (as in \`gradio-unknown-argument\`). ` +
        'The version comes from `sdk_version`, else a `gradio==` pin; when unknown, the newest release is assumed and the finding is a warning that says so.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "4.44.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    with gr.Box():\n        img = gr.Image().style(height=300)\n\ndemo.launch()\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "4.44.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    with gr.Group():\n        img = gr.Image(height=300)\n\ndemo.launch()\n' },
      ],
      howToFix: "Use what the Space's Gradio release offers (the message names the successor), or set `sdk_version` to a release that has it.",
    },
  },
  check(space, report) {
    for (const { path, uses, release } of gradioUsesWithRelease(space, (u) => u.attributes.length > 0)) {
      const missingNames = new Set<string>();
      for (const use of uses.attributes) {
        const found = lookup(use, release.index);
        if (!found) continue;
        // `gr.inputs.Textbox`: when `gr.inputs` is missing, that is the one finding.
        if (use.kind === 'name' && use.name.includes('.') && missingNames.has(`${use.name.split('.')[0]}@${use.range[0]}`)) continue;
        if (use.kind === 'name') missingNames.add(`${use.name}@${use.range[0]}`);
        report({
          messageId: release.uncertain ? 'uncertain' : 'missing',
          data: {
            text: use.text,
            history: describeHistory(found, release.index),
            version: release.label,
            what: use.member ? `${use.name}.${use.member}` : `gr.${use.name}`,
            failure: use.kind === 'import' ? 'ImportError' : 'AttributeError',
            advice: advice(use),
          },
          file: path,
          range: use.range,
        });
      }
    }
  },
});

/** The releases that have what `use` names, when the release at `index` does not (and some release does). */
function lookup(use: GradioAttributeUse, index: number): Releases | undefined {
  const tables = gradioTables();
  const set = use.kind === 'name' || use.kind === 'import' ? tables.names[use.name] : use.kind === 'method' ? tables.methods[use.name]?.[use.member!] : tables.events[use.name]?.[use.member!];
  if (!set?.length) return undefined;
  // A class that is itself missing is reported once, as a name.
  if ((use.kind === 'method' || use.kind === 'event') && describeHistory(tables.names[use.name], index)) return undefined;
  if (use.kind === 'event' && OPEN_EVENTS[use.name] && index >= tables.versions.indexOf(OPEN_EVENTS[use.name])) return undefined;
  return describeHistory(set, index) ? set : undefined;
}

function advice(use: GradioAttributeUse): string {
  const text = use.member ? METHOD_SUCCESSORS[use.member] : NAME_SUCCESSORS[use.name.split('.')[0]];
  return text && use.kind !== 'event' ? ` Instead, ${text}.` : '';
}

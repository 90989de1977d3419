import { initParsers } from '../src/parse/python.js';
import { lintSnapshot, fixSnapshot } from '../src/engine.js';
import { snapshotFromEntries } from '../src/space/files.js';
import type { LintConfig } from '../src/config/config.js';
import type { Diagnostic } from '../src/diagnostic.js';

/**
 * Test helper: lint a small in-memory Space. `only` keeps the findings of one rule (the rule under test),
 * so a test states exactly what that rule reports.
 */
export async function lintFiles(files: Record<string, string | Uint8Array>, options: { only?: string; config?: LintConfig } = {}): Promise<Diagnostic[]> {
  await initParsers();
  const { diagnostics } = lintSnapshot(snapshotFromEntries(files), options.config);
  return options.only ? diagnostics.filter((d) => d.ruleId === options.only) : diagnostics;
}

/** Applies fixes like `spacelint --fix` and returns the new texts by path. */
export async function fixFiles(files: Record<string, string>, config?: LintConfig): Promise<Record<string, string>> {
  await initParsers();
  const { changes } = fixSnapshot(snapshotFromEntries(files), config);
  const out = { ...files };
  for (const [path, c] of changes) out[path] = c.text;
  return out;
}

/** A README with front matter from `key: value` lines. */
export function readme(yaml: string, body = '# Demo\n'): string {
  return `---\n${yaml.replace(/^\n/, '')}${yaml.endsWith('\n') ? '' : '\n'}---\n${body}`;
}

export const GRADIO_README = readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py');
export const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n';

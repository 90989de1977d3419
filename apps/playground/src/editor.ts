import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { python } from '@codemirror/lang-python';
import { bracketMatching, defaultHighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic } from '@spacelint/core';

/** Syntax highlighting by file name; files without a mode are plain text. */
function languageFor(path: string): Extension {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.py')) return python();
  // The language alone: markdown() would also bundle HTML, CSS and JavaScript parsers for fenced code.
  if (name.endsWith('.md')) return markdownLanguage;
  if (name.startsWith('Dockerfile') || name.endsWith('.dockerfile')) return StreamLanguage.define(dockerFile);
  if (/\.ya?ml$/.test(name)) return StreamLanguage.define(yaml);
  if (/\.(sh|bash)$/.test(name)) return StreamLanguage.define(shell);
  return [];
}

/** One EditorState per file, so each tab keeps its own undo history and selection. */
export function createFileState(path: string, text: string, onChange: (path: string) => void): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      lintGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      languageFor(path),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(path);
      }),
      EditorView.contentAttributes.of({ 'aria-label': `Contents of ${path}` }),
    ],
  });
}

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Core findings (1-based line/column, UTF-16 columns) as CodeMirror diagnostics (document offsets). */
export function editorDiagnostics(state: EditorState, findings: Diagnostic[]): EditorDiagnostic[] {
  const doc = state.doc;
  const offset = (line: number, column: number) => {
    const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
    return Math.min(l.from + Math.max(0, column - 1), l.to);
  };
  return findings.map((d) => {
    const from = offset(d.line, d.column);
    const to = Math.max(from, offset(d.endLine, d.endColumn));
    return { from, to, severity: SEVERITY[d.level], source: d.ruleId, message: d.message };
  });
}

export function showDiagnostics(view: EditorView, findings: Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, editorDiagnostics(view.state, findings)));
}

import {
  ConfigError,
  fileFromText,
  fixSnapshot,
  formatBytes,
  getRule,
  initParsers,
  lintSnapshot,
  listRules,
  renderRuleDoc,
  scaffoldSpace,
  type Diagnostic,
  type Fix,
  type Snapshot,
  type SpaceFile,
} from '@spacelint/core';
import grammarUrl from '@spacelint/core/tree-sitter-python.wasm?url';
import runtimeUrl from '@spacelint/core/web-tree-sitter.wasm?url';
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createFileState, showDiagnostics } from './editor.js';
import { importFiles, readDrop, readFileList } from './file-import.js';
import { HubLoadError, hubEndpoint, loadHubSpace, parseSpaceInput } from './hub-space.js';
import { renderMarkdown } from './rule-doc-view.js';
import { decodeShareFragment, encodeShareFragment } from './share-link.js';
import './style.css';

// The grammar download starts before anything else: it is the longest step to the first findings.
const parsers = initParsers({ grammar: grammarUrl, runtime: runtimeUrl });

/** Lint this long after the last keystroke: typing stays smooth, findings follow within a blink. */
const LINT_DEBOUNCE_MS = 100;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusEl = $<HTMLParagraphElement>('status');
const tabsEl = $<HTMLElement>('tabs');
const findingsEl = $<HTMLOListElement>('findings');
const countsEl = $<HTMLSpanElement>('counts');
const docPane = $<HTMLElement>('doc-pane');
const docEl = $<HTMLElement>('doc');

// ── the Space being edited ─────────────────────────────────────────────────────────────────────────
const states = new Map<string, EditorState>();
/** Files rules see by path only (binary, too large, not UTF-8). */
const listed = new Map<string, SpaceFile>();
/** The texts the current findings were computed on: a fix applies only to the text it was made for. */
const lintedTexts = new Map<string, string>();
let active = '';
let findings: Diagnostic[] = [];
let lintTimer: ReturnType<typeof setTimeout> | undefined;
let lintCount = 0;
let ready = false;

const view = new EditorView({ parent: $('editor') });

function textOf(path: string): string | undefined {
  if (path === active) return view.state.doc.toString();
  return states.get(path)?.doc.toString();
}

function orderedPaths(): string[] {
  return [...states.keys()].sort((a, b) => (a === 'README.md' ? -1 : b === 'README.md' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

function onEdit(): void {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(lintNow, LINT_DEBOUNCE_MS);
}

function replaceSpace(texts: Record<string, string>, others: Iterable<SpaceFile> = [], open?: string): void {
  states.clear();
  listed.clear();
  for (const [path, text] of Object.entries(texts)) states.set(path, createFileState(path, text, onEdit));
  for (const file of others) listed.set(file.path, file);
  active = '';
  const first = open && states.has(open) ? open : states.has('README.md') ? 'README.md' : orderedPaths()[0];
  switchTo(first ?? '');
  lintNow();
}

function switchTo(path: string): void {
  if (active && states.has(active)) states.set(active, view.state);
  active = path;
  const state = states.get(path);
  view.setState(state ?? createFileState('', '', () => undefined));
  view.contentDOM.setAttribute('contenteditable', state ? 'true' : 'false');
  renderTabs();
  showDiagnostics(view, findings.filter((d) => d.file === path));
}

function renderTabs(): void {
  tabsEl.replaceChildren();
  for (const path of orderedPaths()) {
    const tab = document.createElement('span');
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(path === active));
    tab.dataset.path = path;
    const open = button(path, () => switchTo(path));
    open.className = 'tab-open';
    const inFile = findings.filter((d) => d.file === path).length;
    if (inFile) open.append(Object.assign(document.createElement('span'), { className: 'badge', textContent: String(inFile), title: `${inFile} finding${inFile === 1 ? '' : 's'}` }));
    const close = button('×', () => removeFile(path));
    close.className = 'tab-close';
    close.title = `Remove ${path}`;
    close.setAttribute('aria-label', `Remove ${path}`);
    tab.append(open, close);
    tabsEl.append(tab);
  }
  for (const file of listed.values()) {
    const tab = document.createElement('span');
    tab.className = 'tab listed';
    tab.dataset.path = file.path;
    tab.title = file.detail ?? 'only listed: not a text file spacelint reads';
    tab.textContent = `${file.path} (${formatBytes(file.size)})`;
    const close = button('×', () => removeFile(file.path));
    close.className = 'tab-close';
    close.setAttribute('aria-label', `Remove ${file.path}`);
    tab.append(close);
    tabsEl.append(tab);
  }
  const form = document.createElement('form');
  form.className = 'new-file';
  const input = Object.assign(document.createElement('input'), { name: 'path', placeholder: '+ new file (e.g. packages.txt)', spellcheck: false });
  input.setAttribute('aria-label', 'New file name');
  form.append(input);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const path = input.value.trim().replace(/^\.?\/+/, '');
    if (!path || path.split('/').includes('..')) return setStatus('Give a file path inside the Space, like app.py or src/model.py.', 'error');
    if (!states.has(path)) states.set(path, createFileState(path, '', onEdit));
    listed.delete(path);
    switchTo(path);
    view.focus();
    lintNow();
  });
  tabsEl.append(form);
}

function removeFile(path: string): void {
  if (path === active) {
    states.delete(path);
    active = '';
    const next = orderedPaths()[0];
    switchTo(next ?? '');
  } else {
    states.delete(path);
    listed.delete(path);
  }
  lintNow();
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function setStatus(message: string, kind: 'info' | 'error' = 'info'): void {
  statusEl.hidden = !message;
  statusEl.textContent = message;
  statusEl.className = `status ${kind}`;
}

// ── lint ───────────────────────────────────────────────────────────────────────────────────────────
function snapshot(): Snapshot {
  const files = new Map<string, SpaceFile>(listed);
  for (const path of states.keys()) files.set(path, fileFromText(path, textOf(path)!));
  return { root: 'playground:', files };
}

function lintNow(): void {
  clearTimeout(lintTimer);
  if (!ready) return;
  performance.mark('spacelint:lint-start');
  const snap = snapshot();
  lintedTexts.clear();
  for (const [path, file] of snap.files) if (file.text !== undefined) lintedTexts.set(path, file.text);
  try {
    findings = lintSnapshot(snap).diagnostics;
    if (statusEl.dataset.source === 'config') setStatus('');
    delete statusEl.dataset.source;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    findings = [];
    setStatus(error.message, 'error');
    statusEl.dataset.source = 'config';
  }
  renderFindings();
  renderTabs();
  if (active) showDiagnostics(view, findings.filter((d) => d.file === active));
  const measure = performance.measure('spacelint:lint', 'spacelint:lint-start');
  lintCount++;
  findingsEl.dataset.lintCount = String(lintCount);
  findingsEl.dataset.lintMs = measure.duration.toFixed(2);
  if (lintCount === 1) performance.mark('spacelint:first-findings');
}

function renderFindings(): void {
  const count = { error: 0, warning: 0, info: 0 };
  for (const d of findings) count[d.level]++;
  countsEl.textContent = `${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info`;
  const items = findings.map((d) => {
    const li = document.createElement('li');
    li.className = `finding ${d.level}`;
    Object.assign(li.dataset, { ruleId: d.ruleId, file: d.file, line: String(d.line), column: String(d.column) });
    const level = Object.assign(document.createElement('span'), { className: 'level', textContent: d.level });
    const rule = document.createElement('a');
    rule.className = 'rule';
    rule.textContent = d.ruleId;
    const info = getRule(d.ruleId);
    if (info) {
      rule.href = info.docsUrl;
      rule.title = `${info.description} (click for the rule's page)`;
      rule.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        showRuleDoc(d.ruleId);
      });
    }
    const where = button(`${d.file}:${d.line}:${d.column}`, () => reveal(d));
    where.className = 'location';
    const message = Object.assign(document.createElement('p'), { className: 'message', textContent: d.message });
    li.append(level, rule, where, message);
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (d.fix) actions.append(Object.assign(button('Fix', () => applyFix(d.file, d.fix!)), { className: 'fix' }));
    for (const s of d.suggestions ?? []) actions.append(Object.assign(button(s.desc, () => applyFix(d.file, s.fix)), { className: 'suggestion', title: 'Suggestion: review the result' }));
    if (actions.childElementCount) li.append(actions);
    return li;
  });
  if (items.length === 0) items.push(Object.assign(document.createElement('li'), { className: 'clean', textContent: 'No findings: this Space lints clean.' }));
  findingsEl.replaceChildren(...items);
}

function reveal(d: Diagnostic): void {
  if (!states.has(d.file)) return;
  if (d.file !== active) switchTo(d.file);
  const doc = view.state.doc;
  const line = doc.line(Math.max(1, Math.min(d.line, doc.lines)));
  const from = Math.min(line.from + d.column - 1, line.to);
  view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  view.focus();
}

function applyFix(path: string, fix: Fix): void {
  const current = textOf(path);
  if (current === undefined || current !== lintedTexts.get(path)) {
    lintNow();
    setStatus(`${path} changed since its findings were computed; they are fresh now, apply the fix again.`);
    return;
  }
  const change = { from: fix.range[0], to: fix.range[1], insert: fix.text };
  if (path === active) view.dispatch({ changes: change, userEvent: 'input.spacelint-fix' });
  else states.set(path, states.get(path)!.update({ changes: change }).state);
  lintNow();
}

function fixAll(): void {
  lintNow();
  const result = fixSnapshot(snapshot());
  for (const [path, change] of result.changes) {
    const current = textOf(path)!;
    const edit = { changes: { from: 0, to: current.length, insert: change.text } };
    if (path === active) view.dispatch(edit);
    else states.set(path, states.get(path)!.update(edit).state);
  }
  lintNow();
  setStatus(result.fixCount ? `Applied ${result.fixCount} safe fix${result.fixCount === 1 ? '' : 'es'}; suggestions are left for you to review.` : 'Nothing to fix automatically.');
}

// ── rule docs ──────────────────────────────────────────────────────────────────────────────────────
function showRuleDoc(id: string): void {
  const info = getRule(id);
  if (!info) return;
  renderMarkdown(renderRuleDoc(info), docEl);
  const page = document.createElement('p');
  const link = Object.assign(document.createElement('a'), { href: info.docsUrl, target: '_blank', rel: 'noopener noreferrer', textContent: 'This page on the web ↗' });
  page.append(link);
  docEl.append(page);
  docPane.hidden = false;
  docPane.scrollTop = 0;
}

function showRuleList(): void {
  docEl.replaceChildren(Object.assign(document.createElement('h2'), { textContent: 'Rules' }));
  const list = document.createElement('ul');
  list.className = 'rule-list';
  for (const rule of listRules()) {
    const li = document.createElement('li');
    const open = button(rule.id, () => showRuleDoc(rule.id));
    open.className = 'rule';
    li.append(open, ` ${rule.description}`);
    list.append(li);
  }
  docEl.append(list);
  docPane.hidden = false;
}

// ── starting points: example, templates, share links, the Hub, files ────────────────────────────────
const EXAMPLE = Object.fromEntries(
  Object.entries(import.meta.glob('../../../examples/bad-gradio-zerogpu/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).map(
    ([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text],
  ),
);

function loadTemplate(name: string): void {
  if (name === 'example-bad') return replaceSpace(EXAMPLE);
  const sdk = name === 'gradio-zerogpu' ? 'gradio' : (name as 'gradio' | 'docker' | 'static');
  const result = scaffoldSpace({ sdk, title: 'My Space', zerogpu: name === 'gradio-zerogpu' });
  replaceSpace(result.files);
  setStatus(result.notes.length ? `Template "${name}". Next: ${result.notes.join(' ')}` : `Template "${name}".`);
}

function restoreFromFragment(): boolean {
  try {
    const shared = decodeShareFragment(location.hash);
    if (!shared) return false;
    replaceSpace(shared.files, Object.entries(shared.listed ?? {}).map(([path, size]) => ({ path, size })), shared.active);
    return true;
  } catch (error) {
    setStatus((error as Error).message, 'error');
    return false;
  }
}

async function share(): Promise<void> {
  if (active) states.set(active, view.state);
  const files: Record<string, string> = {};
  for (const path of orderedPaths()) files[path] = textOf(path)!;
  const sizes: Record<string, number> = {};
  for (const file of listed.values()) sizes[file.path] = file.size;
  const fragment = encodeShareFragment({ files, listed: sizes, active });
  history.replaceState(null, '', fragment);
  const link = location.href;
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No clipboard permission (an embedded frame, a headless browser): the address bar holds the link.
  }
  setStatus(`${copied ? 'Link copied' : 'Link ready in the address bar'} (${formatBytes(link.length)}): the files are inside the link itself; nothing was sent to a server.`);
}

async function loadFromHub(input: string): Promise<void> {
  const endpoint = hubEndpoint(location.search);
  let id: string;
  try {
    id = parseSpaceInput(input);
  } catch (error) {
    return setStatus((error as Error).message, 'error');
  }
  setStatus(`Loading ${id} from ${endpoint}…`);
  try {
    const space = await loadHubSpace(endpoint, id);
    replaceSpace(space.texts, space.listed);
    const count = Object.keys(space.texts).length + space.listed.length;
    setStatus(`Loaded ${id} from ${endpoint}: ${count} file${count === 1 ? '' : 's'}, read-only (nothing is written back to the Hub).${space.truncated ? ` Listing ${space.truncated}.` : ''}`);
  } catch (error) {
    if (!(error instanceof HubLoadError)) throw error;
    setStatus(error.message, 'error');
  }
}

async function openFiles(raw: Promise<{ path: string; bytes: Uint8Array }[]>): Promise<void> {
  try {
    const imported = importFiles(await raw);
    replaceSpace(imported.texts, imported.listed);
    setStatus(`Opened ${Object.keys(imported.texts).length + imported.listed.length} files; they stay in this browser.`);
  } catch (error) {
    setStatus((error as Error).message, 'error');
  }
}

// ── wiring ─────────────────────────────────────────────────────────────────────────────────────────
$('template').addEventListener('change', (event) => {
  const select = event.target as HTMLSelectElement;
  if (select.value) loadTemplate(select.value);
  select.value = '';
});
$('hub-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadFromHub($<HTMLInputElement>('hub-id').value);
});
for (const id of ['open-files', 'open-folder']) {
  $<HTMLInputElement>(id).addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.files?.length) void openFiles(readFileList(input.files));
    input.value = '';
  });
}
$('share').addEventListener('click', () => void share());
$('fix-all').addEventListener('click', fixAll);
$('rules').addEventListener('click', showRuleList);
$('doc-close').addEventListener('click', () => (docPane.hidden = true));
const overlay = $('drop-overlay');
window.addEventListener('dragover', (event) => {
  event.preventDefault();
  overlay.hidden = false;
});
window.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) overlay.hidden = true;
});
window.addEventListener('drop', (event) => {
  event.preventDefault();
  overlay.hidden = true;
  if (event.dataTransfer) void openFiles(readDrop(event.dataTransfer));
});
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#space=')) restoreFromFragment();
});

// The editor shows the files at once; findings follow when the parser is ready.
if (!restoreFromFragment()) replaceSpace(EXAMPLE);
findingsEl.replaceChildren(Object.assign(document.createElement('li'), { className: 'loading', textContent: 'Loading the Python parser…' }));
parsers.then(
  () => {
    ready = true;
    lintNow();
  },
  (error: unknown) => setStatus(`The Python parser could not load (${(error as Error).message}); reload the page.`, 'error'),
);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Precaches the build (dist/sw.js, written by vite.config.ts) so the playground opens offline later.
  window.addEventListener('load', () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined));
}

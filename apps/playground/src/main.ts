// First: starts the lint worker (engine + WebAssembly) before the editor's modules are evaluated.
import { callWorker, engineFacts } from './lint-client.js';
import type { Diagnostic, Fix, ScaffoldSdk } from '@spacelint/core';
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createFileState, showDiagnostics } from './editor.js';
import { readDrop, readFileList, type FolderLimits } from './file-reading.js';
import { hubEndpoint, parseSpaceInput } from './hub-endpoint.js';
import type { ListedFile, RuleSummary, SpaceContents } from './lint-protocol.js';
import { renderMarkdown } from './rule-doc-view.js';
import { decodeShareFragment, encodeShareFragment } from './share-link.js';
import './style.css';

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
const listed = new Map<string, ListedFile>();
/** The texts the current findings were computed on: a fix applies only to the text it was made for. */
const lintedTexts = new Map<string, string>();
let active = '';
let findings: Diagnostic[] = [];
let lintTimer: ReturnType<typeof setTimeout> | undefined;
let lintCount = 0;
/** The latest lint request: replies to older ones are dropped (the text moved on). */
let lintRequest = 0;
let ruleInfo = new Map<string, RuleSummary>();
/** Core's values arrive with the worker's hello (milliseconds after start); a drop before that skips these. */
let folderLimits: FolderLimits = { skippedDirs: ['.git', 'node_modules'], maxFiles: 20_000 };

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

function replaceSpace(texts: Record<string, string>, others: Iterable<ListedFile> = [], open?: string): void {
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
  showDiagnostics(
    view,
    findings.filter((d) => d.file === path),
  );
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
    tab.textContent = `${file.path} (${file.sizeText ?? `${file.size} B`})`;
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

// ── lint (in the worker) ─────────────────────────────────────────────────────────────────────────
function contents(): SpaceContents {
  const texts: Record<string, string> = {};
  for (const path of states.keys()) texts[path] = textOf(path)!;
  return { texts, listed: [...listed.values()] };
}

function lintNow(): void {
  clearTimeout(lintTimer);
  const request = ++lintRequest;
  const started = performance.now();
  const space = contents();
  callWorker('lint', space).then(
    ({ diagnostics, configError }) => {
      if (request !== lintRequest) return;
      lintedTexts.clear();
      for (const [path, text] of Object.entries(space.texts)) lintedTexts.set(path, text);
      findings = diagnostics;
      if (configError) {
        setStatus(configError, 'error');
        statusEl.dataset.source = 'config';
      } else if (statusEl.dataset.source === 'config') {
        setStatus('');
        delete statusEl.dataset.source;
      }
      renderFindings();
      renderTabs();
      if (active)
        showDiagnostics(
          view,
          findings.filter((d) => d.file === active),
        );
      // Keystroke to findings on screen: the request, the lint in the worker, the reply and the rendering.
      const duration = performance.now() - started;
      lintCount++;
      findingsEl.dataset.lintCount = String(lintCount);
      findingsEl.dataset.lintMs = duration.toFixed(2);
      if (lintCount === 1) performance.mark('spacelint:first-findings');
    },
    (error: Error) => setStatus(`Linting failed: ${error.message}`, 'error'),
  );
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
    const info = ruleInfo.get(d.ruleId);
    if (info) {
      rule.href = info.docsUrl;
      rule.title = `${info.description} (click for the rule's page)`;
      rule.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        void showRuleDoc(d.ruleId);
      });
    }
    const where = button(`${d.file}:${d.line}:${d.column}`, () => reveal(d));
    where.className = 'location';
    const message = Object.assign(document.createElement('p'), { className: 'message', textContent: d.message });
    li.append(level, rule, where, message);
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (d.fix)
      actions.append(
        Object.assign(
          button('Fix', () => applyFix(d.file, d.fix!)),
          { className: 'fix' },
        ),
      );
    for (const s of d.suggestions ?? [])
      actions.append(
        Object.assign(
          button(s.desc, () => applyFix(d.file, s.fix)),
          { className: 'suggestion', title: 'Suggestion: review the result' },
        ),
      );
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
    setStatus(`${path} changed since its findings were computed; they are being refreshed: apply the fix again.`);
    return;
  }
  const change = { from: fix.range[0], to: fix.range[1], insert: fix.text };
  if (path === active) view.dispatch({ changes: change, userEvent: 'input.spacelint-fix' });
  else states.set(path, states.get(path)!.update({ changes: change }).state);
  lintNow();
}

async function fixAll(): Promise<void> {
  const sent = contents();
  const result = await callWorker('fix', sent);
  for (const [path, text] of Object.entries(result.changes)) {
    const current = textOf(path);
    // Typed into while the fixes were computed: keep the person's text, the next lint shows what is left.
    if (current === undefined || current !== sent.texts[path]) continue;
    const edit = { changes: { from: 0, to: current.length, insert: text } };
    if (path === active) view.dispatch(edit);
    else states.set(path, states.get(path)!.update(edit).state);
  }
  lintNow();
  setStatus(result.fixCount ? `Applied ${result.fixCount} safe fix${result.fixCount === 1 ? '' : 'es'}; suggestions are left for you to review.` : 'Nothing to fix automatically.');
}

// ── rule docs ──────────────────────────────────────────────────────────────────────────────────────
async function showRuleDoc(id: string): Promise<void> {
  const info = ruleInfo.get(id);
  if (!info) return;
  const { markdown } = await callWorker('doc', { id });
  renderMarkdown(markdown, docEl);
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
  for (const rule of ruleInfo.values()) {
    const li = document.createElement('li');
    const open = button(rule.id, () => void showRuleDoc(rule.id));
    open.className = 'rule';
    li.append(open, ` ${rule.description}`);
    list.append(li);
  }
  docEl.append(list);
  docPane.hidden = false;
}

// ── starting points: example, templates, share links, the Hub, files ────────────────────────────────
const EXAMPLE = Object.fromEntries(
  Object.entries(import.meta.glob('../../../examples/bad-gradio-zerogpu/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).map(([path, text]) => [
    path.slice(path.lastIndexOf('/') + 1),
    text,
  ]),
);

async function loadTemplate(name: string): Promise<void> {
  if (name === 'example-bad') return replaceSpace(EXAMPLE);
  const sdk = (name === 'gradio-zerogpu' ? 'gradio' : name) as ScaffoldSdk;
  const result = await callWorker('scaffold', { sdk, title: 'My Space', zerogpu: name === 'gradio-zerogpu' });
  replaceSpace(result.files);
  setStatus(result.notes.length ? `Template "${name}". Next: ${result.notes.join(' ')}` : `Template "${name}".`);
}

function restoreFromFragment(): boolean {
  try {
    const shared = decodeShareFragment(location.hash);
    if (!shared) return false;
    replaceSpace(
      shared.files,
      Object.entries(shared.listed ?? {}).map(([path, size]) => ({ path, size })),
      shared.active,
    );
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
  setStatus(`${copied ? 'Link copied' : 'Link ready in the address bar'} (${Math.ceil(link.length / 1024)} KB): the files are inside the link itself; nothing was sent to a server.`);
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
    const space = await callWorker('hub', { endpoint, id });
    replaceSpace(space.texts, space.listed);
    const count = Object.keys(space.texts).length + space.listed.length;
    setStatus(`Loaded ${id} from ${endpoint}: ${count} file${count === 1 ? '' : 's'}, read-only (nothing is written back to the Hub).${space.truncated ? ` Listing ${space.truncated}.` : ''}`);
  } catch (error) {
    setStatus((error as Error).message, 'error');
  }
}

async function openFiles(raw: Promise<{ path: string; bytes: Uint8Array }[]>): Promise<void> {
  try {
    const files = await raw;
    const imported = await callWorker(
      'import',
      { files },
      files.map((f) => f.bytes.buffer),
    );
    replaceSpace(imported.texts, imported.listed);
    setStatus(`Opened ${Object.keys(imported.texts).length + imported.listed.length} files; they stay in this browser.`);
  } catch (error) {
    setStatus((error as Error).message, 'error');
  }
}

// ── wiring ─────────────────────────────────────────────────────────────────────────────────────────
$('template').addEventListener('change', (event) => {
  const select = event.target as HTMLSelectElement;
  if (select.value) loadTemplate(select.value).catch((error: Error) => setStatus(error.message, 'error'));
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
$('fix-all').addEventListener('click', () => void fixAll().catch((error: Error) => setStatus(error.message, 'error')));
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
  if (event.dataTransfer) void openFiles(readDrop(event.dataTransfer, folderLimits));
});
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#space=')) restoreFromFragment();
});

// The editor shows the files at once; findings follow when the worker has the parser ready.
findingsEl.replaceChildren(Object.assign(document.createElement('li'), { className: 'loading', textContent: 'Loading the Python parser…' }));
void engineFacts.then((facts) => {
  ruleInfo = facts.rules;
  folderLimits = facts.limits;
});
if (!restoreFromFragment()) replaceSpace(EXAMPLE);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Precaches the build (dist/sw.js, written by vite.config.ts) so the playground opens offline later.
  window.addEventListener('load', () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined));
}

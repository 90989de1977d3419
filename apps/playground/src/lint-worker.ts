/// <reference lib="webworker" />
import {
  ConfigError,
  fileFromText,
  fixSnapshot,
  formatBytes,
  getRule,
  initParsers,
  lintSnapshot,
  listRules,
  MAX_FILES,
  renderRuleDoc,
  scaffoldSpace,
  ScaffoldError,
  SKIPPED_DIRS,
  type Snapshot,
  type SpaceFile,
} from '@spacelint/core';
import grammarUrl from '@spacelint/core/tree-sitter-python.wasm?url';
import runtimeUrl from '@spacelint/core/web-tree-sitter.wasm?url';
import { importFiles } from './file-import.js';
import { HubLoadError } from './hub-endpoint.js';
import { loadHubSpace } from './hub-space.js';
import type { ListedFile, Requests, SpaceContents, WorkerMessage, WorkerRequest } from './lint-protocol.js';

/** The engine, off the page's thread: the same core as the CLI, nothing of the rules here. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const parsers = initParsers({ grammar: new URL(grammarUrl, scope.location.href), runtime: new URL(runtimeUrl, scope.location.href) });

const post = (message: WorkerMessage) => scope.postMessage(message);
post({
  type: 'hello',
  rules: listRules().map((r) => ({ id: r.id, description: r.description, docsUrl: r.docsUrl })),
  skippedDirs: [...SKIPPED_DIRS],
  maxFiles: MAX_FILES,
});

function snapshotOf(space: SpaceContents): Snapshot {
  const files = new Map<string, SpaceFile>();
  for (const file of space.listed) files.set(file.path, { path: file.path, size: file.size, ...(file.problem ? { problem: file.problem as SpaceFile['problem'], detail: file.detail } : {}) });
  for (const [path, text] of Object.entries(space.texts)) files.set(path, fileFromText(path, text));
  return { root: 'playground:', files };
}

const listedOf = (files: SpaceFile[]): ListedFile[] =>
  files.map((f) => ({ path: f.path, size: f.size, sizeText: formatBytes(f.size), ...(f.problem ? { problem: f.problem, detail: f.detail } : {}) }));

const handlers: { [K in keyof Requests]: (payload: Requests[K]['request']) => Promise<Requests[K]['response']> | Requests[K]['response'] } = {
  async lint(space) {
    await parsers;
    try {
      return { diagnostics: lintSnapshot(snapshotOf(space)).diagnostics };
    } catch (error) {
      if (error instanceof ConfigError) return { diagnostics: [], configError: error.message };
      throw error;
    }
  },
  async fix(space) {
    await parsers;
    const result = fixSnapshot(snapshotOf(space));
    return { changes: Object.fromEntries([...result.changes].map(([path, c]) => [path, c.text])), fixCount: result.fixCount };
  },
  scaffold: (answers) => scaffoldSpace(answers),
  doc({ id }) {
    const rule = getRule(id);
    if (!rule) throw new Error(`no rule ${id}`);
    return { markdown: renderRuleDoc(rule) };
  },
  import({ files }) {
    const imported = importFiles(files);
    return { texts: imported.texts, listed: listedOf(imported.listed) };
  },
  async hub({ endpoint, id }) {
    const space = await loadHubSpace(endpoint, id);
    return { texts: space.texts, listed: listedOf(space.listed), ...(space.truncated ? { truncated: space.truncated } : {}) };
  },
};

scope.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const { id, type, payload } = event.data;
  try {
    const value = await (handlers[type] as (p: unknown) => unknown)(payload);
    post({ type: 'reply', id, ok: true, value });
  } catch (error) {
    const user = error instanceof HubLoadError || error instanceof ScaffoldError || type === 'import';
    post({ type: 'reply', id, ok: false, message: (error as Error)?.message ?? String(error), user });
  }
});

import type { Diagnostic, ScaffoldAnswers } from '@spacelint/core';

/**
 * Messages between the page and the lint worker (src/lint-worker.ts), which alone loads the engine:
 * core evaluates and the parser's WebAssembly compiles on the other core while the page builds the
 * editor, and a lint never blocks typing.
 */

/** A file rules see by path only (binary, too large, not UTF-8); `sizeText` is for display. */
export interface ListedFile {
  path: string;
  size: number;
  /** Set by the worker (core's formatBytes); a share link restores files without it. */
  sizeText?: string;
  problem?: string;
  detail?: string;
}

export interface SpaceContents {
  texts: Record<string, string>;
  listed: ListedFile[];
}

export interface RuleSummary {
  id: string;
  description: string;
  docsUrl: string;
}

export interface Requests {
  lint: { request: SpaceContents; response: { diagnostics: Diagnostic[]; configError?: string } };
  fix: { request: SpaceContents; response: { changes: Record<string, string>; fixCount: number } };
  scaffold: { request: ScaffoldAnswers; response: { files: Record<string, string>; notes: string[] } };
  doc: { request: { id: string }; response: { markdown: string } };
  import: { request: { files: { path: string; bytes: Uint8Array }[] }; response: SpaceContents };
  hub: { request: { endpoint: string; id: string }; response: SpaceContents & { truncated?: string } };
}

export type RequestType = keyof Requests;

export type WorkerRequest = { [K in RequestType]: { id: number; type: K; payload: Requests[K]['request'] } }[RequestType];

export type WorkerMessage =
  | { type: 'hello'; rules: RuleSummary[]; skippedDirs: string[]; maxFiles: number }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  /** `user` errors are meant for the status line (bad zip, Hub unreachable, bad template answers). */
  | { type: 'reply'; id: number; ok: false; message: string; user: boolean };

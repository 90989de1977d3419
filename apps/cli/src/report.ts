import type { Diagnostic } from '@spacelint/core';

/** The findings of one file, as every formatter receives them. */
export interface FileReport {
  /** Absolute path, or `hf://spaces/owner/name/<path>` for a Hub Space. */
  filePath: string;
  /** Repo-relative path inside its Space. */
  relativePath: string;
  /** The Space root (absolute directory or hf:// URL). */
  spaceRoot: string;
  diagnostics: Diagnostic[];
  /** Findings hidden by the Space's spacelint-suppressions.json (not counted anywhere). */
  suppressed?: Diagnostic[];
  /** The text the findings' lines refer to (for code frames and snippets): after a fix, the fixed text. */
  source?: string;
  /** With --fix-dry-run: the fixed text. */
  output?: string;
}

/** What the formatters know about the run beyond the findings. */
export interface RunInfo {
  /** The working directory (SARIF and GitHub paths are relative to it). */
  cwd: string;
  /** Every Space linted, in the order given, including clean ones. */
  spaces: SpaceSummary[];
}

export interface SpaceSummary {
  /** The Space root (absolute directory or hf:// URL). */
  root: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings hidden by the Space's spacelint-suppressions.json. */
  suppressed: number;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export function totals(reports: FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.level === 'error') {
        t.errors++;
        if (d.fix) t.fixableErrors++;
      } else if (d.level === 'warning') {
        t.warnings++;
        if (d.fix) t.fixableWarnings++;
      } else t.infos++;
    }
  }
  return t;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

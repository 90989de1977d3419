/** What every surface (CLI, ESLint plugin, MCP server) reports. */
export type Level = 'error' | 'warning' | 'info';

export const LEVEL_RANK: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/** One ESLint-style text replacement over a file's text (without BOM). */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface Diagnostic {
  ruleId: string;
  level: Level;
  /** Repo-relative path with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

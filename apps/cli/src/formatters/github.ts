import { isAbsolute, relative, sep } from 'node:path';
import { redactSecrets, type Level } from '@spacelint/core';
import type { FileReport, RunInfo } from '../report.js';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding, which GitHub shows
 * as an annotation on the pull request's diff. Paths are relative to the working directory (a workflow
 * runs in the repository root).
 */
export function formatGithub(reports: FileReport[], run: RunInfo): string {
  const out: string[] = [];
  for (const r of reports) {
    const file = displayPath(r.filePath, run.cwd);
    for (const d of r.diagnostics) {
      const props = [`file=${file}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${d.ruleId}`]
        .map((p) => {
          const eq = p.indexOf('=');
          return `${p.slice(0, eq)}=${escapeProperty(p.slice(eq + 1))}`;
        })
        .join(',');
      out.push(`::${COMMAND[d.level]} ${props}::${escapeData(redactSecrets(d.message))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function displayPath(filePath: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : filePath;
}

/** The escaping of @actions/core's `command.ts`: data escapes %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`, which delimit the command's properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

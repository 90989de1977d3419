import { redactSecrets, type Diagnostic, type Fix, type Suggestion } from '@spacelint/core';
import type { FileReport } from '../report.js';

/**
 * ESLint's JSON result shape, plus `level` on each message and `infoCount` on each result. ESLint has no
 * info level and its consumers read severity 1 as a warning, so info findings are severity 1 and, as in
 * ESLint, `warningCount` / `fixableWarningCount` count every severity-1 message: info included, and
 * `infoCount` says how many of them are info (`warningCount - infoCount` is what `--max-warnings` counts).
 * Known secret shapes are masked in every text, fix texts and `output` included: a report ends up in CI logs.
 */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => {
      const message = (d: Diagnostic) => ({
        ruleId: d.ruleId,
        severity: d.level === 'error' ? 2 : 1,
        level: d.level,
        message: redactSecrets(d.message),
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.fix ? { fix: redactFix(d.fix) } : {}),
        ...(d.suggestions ? { suggestions: d.suggestions.map((s): Suggestion => ({ desc: redactSecrets(s.desc), fix: redactFix(s.fix) })) } : {}),
      });
      const messages = r.diagnostics.map(message);
      // As ESLint reports findings hidden by its bulk suppressions file.
      const suppressedMessages = (r.suppressed ?? []).map((d) => ({ ...message(d), suppressions: [{ kind: 'file', justification: '' }] }));
      const count = (levels: string[], fixable = false) => r.diagnostics.filter((d) => levels.includes(d.level) && (!fixable || d.fix)).length;
      return {
        filePath: r.filePath,
        messages,
        suppressedMessages,
        errorCount: count(['error']),
        fatalErrorCount: 0,
        warningCount: count(['warning', 'info']),
        infoCount: count(['info']),
        fixableErrorCount: count(['error'], true),
        fixableWarningCount: count(['warning', 'info'], true),
        ...(r.output !== undefined ? { output: redactSecrets(r.output) } : {}),
        usedDeprecatedRules: [],
      };
    }),
  );
}

function redactFix(fix: Fix): Fix {
  return { range: fix.range, text: redactSecrets(fix.text) };
}

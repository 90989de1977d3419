import { redactSecrets, type Fix } from '@spacelint/core';
import type { FileReport } from '../report.js';

/**
 * ESLint's JSON result shape, plus `level` on each message (ESLint has no info level: info is severity 1,
 * like a warning, and is counted in `infoCount`, not `warningCount`). Every text that could carry a secret
 * (messages, fix and suggestion texts, `--fix-dry-run` output) is redacted with core's detector: rules
 * never put a secret there, and this keeps it so for text that quotes the file.
 */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => {
      const messages = r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.level === 'error' ? 2 : 1,
        level: d.level,
        message: redactSecrets(d.message),
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.fix ? { fix: redactFix(d.fix) } : {}),
        ...(d.suggestions ? { suggestions: d.suggestions.map((s) => ({ desc: redactSecrets(s.desc), fix: redactFix(s.fix) })) } : {}),
      }));
      const count = (level: string, fixable = false) => r.diagnostics.filter((d) => d.level === level && (!fixable || d.fix)).length;
      return {
        filePath: r.filePath,
        messages,
        suppressedMessages: [],
        errorCount: count('error'),
        fatalErrorCount: 0,
        warningCount: count('warning'),
        infoCount: count('info'),
        fixableErrorCount: count('error', true),
        fixableWarningCount: count('warning', true),
        ...(r.output !== undefined ? { output: redactSecrets(r.output) } : {}),
        usedDeprecatedRules: [],
      };
    }),
  );
}

function redactFix(fix: Fix): Fix {
  return { range: fix.range, text: redactSecrets(fix.text) };
}

/**
 * spacelint levels in ESLint. ESLint gives every message of a rule the severity the rule is configured
 * with, but a spacelint rule's findings have their own levels (`config-invalid-value` is an error for an
 * unknown SDK and a warning for an unknown color). The `levels` processor, which the plugin's configs set,
 * lowers each message to its finding's level: error → "error", warning and info → "warn". It never raises a
 * message above the configured severity, so `"spacelint/x": "warn"` still caps rule x at warnings.
 * Without the processor every finding has the rule's configured severity.
 */
import type { LintMessage, Processor } from '@eslint/core';
import type { Level } from '@spacelint/core';

interface MessageKey {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

/** Files being linted through the processor, with the level of each reported message. */
const levelsByFile = new Map<string, Map<string, Level>>();

const keyOf = (m: MessageKey) => `${m.ruleId}\0${m.line}\0${m.column}\0${m.message}`;

/** Called by the rules for each report; kept only while the processor handles the file. */
export function recordLevel(filename: string, message: MessageKey, level: Level): void {
  levelsByFile.get(filename)?.set(keyOf(message), level);
}

const SEVERITY: Record<Level, 1 | 2> = { error: 2, warning: 1, info: 1 };

export function createLevelsProcessor(version: string): Processor {
  return {
    meta: { name: '@spacelint/eslint-plugin/levels', version },
    supportsAutofix: true,
    preprocess(text: string, filename: string) {
      levelsByFile.set(filename, new Map());
      return [text];
    },
    postprocess(messages: LintMessage[][], filename: string): LintMessage[] {
      const levels = levelsByFile.get(filename);
      levelsByFile.delete(filename);
      return messages.flat().map((m) => {
        const level = levels && m.ruleId ? levels.get(keyOf({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message })) : undefined;
        if (!level) return m;
        const severity = SEVERITY[level];
        return severity < m.severity ? { ...m, severity } : m;
      });
    },
  };
}

/**
 * One ESLint rule per core rule, generated from core's registry when the plugin is imported: rules added
 * to core appear here without any change to the plugin. A rule reports the findings core made for the
 * linted file under its id; it has no logic of its own.
 */
import type { RuleContext, RuleDefinition, RulesMeta } from '@eslint/core';
import { listRules, type Diagnostic, type RuleInfo } from '@spacelint/core';
import { recordLevel } from './levels.js';
import type { SpaceSourceCode } from './source-code.js';
import { findingsOf } from './spaces.js';

export interface SpaceRuleOptions {
  /** Report the rule's info-level findings (default true). `configs.recommended` turns it off. */
  reportInfo?: boolean;
}

/** `languages` of every rule: any rule may report on any file of a Space (a missing file on README.md). */
export const RULE_LANGUAGES = ['readme', 'python', 'requirements', 'packages', 'dockerfile', 'text'].map((l) => `spacelint/${l}`);

function createRule(info: RuleInfo): RuleDefinition {
  const meta: RulesMeta = {
    type: info.defaultLevel === 'error' ? 'problem' : 'suggestion',
    docs: { description: info.description, url: info.docsUrl, recommended: info.defaultLevel !== 'info' },
    // Core's message templates, for tools that list them; reports carry core's formatted text.
    messages: Object.fromEntries(Object.entries(info.messages).map(([id, m]) => [id, m.text])),
    schema: [
      {
        type: 'object',
        properties: { reportInfo: { type: 'boolean', description: 'Report info-level findings (off in configs.recommended).' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportInfo: true }],
    languages: RULE_LANGUAGES,
  };
  if (info.fixable) meta.fixable = 'code';
  if (info.hasSuggestions) meta.hasSuggestions = true;
  return {
    meta,
    create(context: RuleContext) {
      const view = (context.sourceCode as Partial<SpaceSourceCode>).view;
      const found = view ? findingsOf(view)?.get(info.id) : undefined;
      if (!found?.length) return {};
      const reportInfo = (context.options[0] as SpaceRuleOptions | undefined)?.reportInfo !== false;
      const rootType = (context.sourceCode as SpaceSourceCode).ast.type;
      return {
        [rootType]() {
          for (const d of found) {
            if (d.level === 'info' && !reportInfo) continue;
            report(context, d, info);
          }
        },
      };
    },
  };
}

function report(context: RuleContext, d: Diagnostic, info: RuleInfo): void {
  // ESLint throws on a fix or suggestion from a rule that does not declare them: keep only declared ones.
  const fix = info.fixable ? d.fix : undefined;
  const suggestions = info.hasSuggestions ? d.suggestions : undefined;
  context.report({
    message: d.message,
    // Core positions are 1-based; the languages count columns from 0.
    loc: { start: { line: d.line, column: d.column - 1 }, end: { line: d.endLine, column: d.endColumn - 1 } },
    fix: fix ? () => ({ range: fix.range, text: fix.text }) : undefined,
    suggest: suggestions?.map((s) => ({ desc: s.desc, fix: () => ({ range: s.fix.range, text: s.fix.text }) })),
  });
  recordLevel(context.filename, { ruleId: context.id, line: d.line, column: d.column, message: d.message }, d.level);
}

/** Every core rule, keyed by its id (ESLint names them `spacelint/<id>`). */
export function createRules(): Record<string, RuleDefinition> {
  return Object.fromEntries(listRules().map((info) => [info.id, createRule(info)]));
}

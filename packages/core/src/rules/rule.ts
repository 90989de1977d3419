import type { Fix, Level, Suggestion } from '../diagnostic.js';
import { LEVEL_RANK } from '../diagnostic.js';
import type { Space } from '../space/space.js';

export type Category = 'core' | 'config' | 'storage' | 'zerogpu' | 'concurrency' | 'dependencies' | 'docker' | 'security' | 'performance';

/** Where the generated rule docs live; every finding links there. */
export const DOCS_BASE_URL = 'https://github.com/spacelint/spacelint/blob/main/docs/rules/';

export interface MessageSpec {
  level: Level;
  /** ESLint-style template: `{{name}}` is replaced by `data.name`. */
  text: string;
}

export interface RuleExample {
  /** The file the example shows (README.md, app.py, Dockerfile, ...). */
  file: string;
  code: string;
}

export interface RuleDocs {
  /** Why the rule exists: what breaks on the Hub, with the source. Judgement calls say so and why. */
  rationale: string;
  /** Examples that are reported. */
  incorrect: RuleExample[];
  /** Examples that are not reported. */
  correct: RuleExample[];
  /** What to do about a finding. */
  howToFix: string;
  /** Options the rule takes, one line each. */
  options?: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  /** One line: what the rule checks. */
  description: string;
  /** The rule offers safe autofixes (`--fix`). */
  fixable?: boolean;
  /** The rule offers suggestions (editor quick fixes, MCP proposals) that a person checks. */
  hasSuggestions?: boolean;
  messages: Record<string, MessageSpec>;
  docs: RuleDocs;
  /**
   * What the rule needs to be right. `file` (the default): its findings hold on any subset of the
   * Space's files (a rule that reads another file stays silent when it is absent). `space`: it reports
   * what is absent from the Space (the app file the README names, a GPU function or `launch()` in none
   * of the app's modules), so it is right only on the whole Space: an adapter that lints some files
   * alone (the MCP `validate_space_config` tool, a README on its own) turns it off.
   */
  scope?: RuleScope;
}

export type RuleScope = 'file' | 'space';

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Repo-relative file the finding is in (a missing file is reported on the file that names it). */
  file: string;
  /** Offsets into the file's text; omitted means the start of the file. */
  range?: [number, number];
  fix?: Fix;
  suggestions?: Suggestion[];
}

export type Report = (descriptor: ReportDescriptor) => void;

export interface Rule {
  meta: RuleMeta;
  check(space: Space, report: Report, options: Record<string, unknown>): void;
}

export interface RuleInfo extends RuleMeta {
  /** The rule's highest message level. */
  defaultLevel: Level;
  scope: RuleScope;
  docsUrl: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function ruleInfo(meta: RuleMeta): RuleInfo {
  const levels = Object.values(meta.messages).map((m) => m.level);
  const defaultLevel = levels.reduce<Level>((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a), 'info');
  return { ...meta, defaultLevel, scope: meta.scope ?? 'file', docsUrl: docsUrl(meta.id) };
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export { LineIndex, type Location, type Position } from './text.js';
export { compareDiagnostics, LEVEL_RANK, type Diagnostic, type Fix, type Level, type Suggestion } from './diagnostic.js';
export {
  MemorySource,
  snapshotFromEntries,
  decodeFile,
  fileFromText,
  isTextCandidate,
  normalizePath,
  MAX_TEXT_BYTES,
  MAX_FILES,
  SKIPPED_DIRS,
  formatBytes,
  type FileSource,
  type Snapshot,
  type SpaceFile,
  type FileProblem,
} from './space/files.js';
export { Space, README } from './space/space.js';
export { ParseCache } from './space/parse-cache.js';
export { fileKind, type FileKind } from './space/file-kind.js';
export type { SpaceFacts } from './space/facts.js';
export { initParsers, type ParserAssets } from './parse/python.js';
export { parseFrontMatter, type FrontMatter, type FrontMatterEntry, type FrontMatterResult } from './parse/frontmatter.js';
// The parsed forms that `Space` hands out (space.requirements(path), space.dockerfile(path), ...).
export type { RequirementLine, RequirementsFile } from './parse/requirements.js';
export type { PackageEntry } from './parse/packages-txt.js';
export type { Dockerfile, DockerInstruction } from './parse/dockerfile.js';
export type {
  PythonModule,
  PythonImport,
  PythonCall,
  PythonArgument,
  PythonValue,
  PythonFunction,
  PythonParameter,
  PythonDecorator,
  PythonAssignment,
  PythonEnvWrite,
  PythonBranch,
  GpuReference,
  GpuApplication,
  GradioHandler,
} from './python/module.js';
export { lint, lintSnapshot, prepareSpace, fixSnapshot, applyFixes, type LintResult, type FixResult } from './engine.js';
export { ConfigError, parseConfigText, parseSetting, CONFIG_FILES, type LintConfig, type RuleSetting } from './config/config.js';
export { RULES, RULE_IDS, listRules, getRule } from './rules/index.js';
export { renderRuleDoc } from './rules/rule-doc.js';
export { closestMatch } from './reference/closest-match.js';
export { docsUrl, type Rule, type RuleInfo, type RuleMeta, type RuleScope, type Category } from './rules/rule.js';
export {
  REFERENCE_AS_OF,
  CONFIG_KEYS,
  MODEL_CARD_KEYS,
  MISLEADING_KEYS,
  SDKS,
  COLORS,
  HEADER_VALUES,
  STORAGE_TIERS,
  HARDWARE,
  CUSTOM_HEADERS,
  OAUTH_SCOPES,
  ZEROGPU,
  DEFAULT_PORT,
  CONFIG_LIMITS,
  type KeyInfo,
  type KeyType,
  type Sdk,
  type ReferenceExtension,
} from './reference/spaces.js';
export { redactSecrets, redactSlice, redactQuoted, maskSecret, findSecrets, isSecretName, type SecretMatch, type SecretPattern } from './security/redact.js';
export { matchSpaceLogs, type LogSignature, type LogStage, type LogCause, type LogMatchContext, type SpaceLogsInput } from './diagnose/index.js';
export { scaffoldSpace, ScaffoldError, type ScaffoldAnswers, type ScaffoldResult, type ScaffoldSdk } from './scaffold/scaffold.js';

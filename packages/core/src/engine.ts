import { mergeConfigs, parseConfigText, settingLevel, settingOptions, CONFIG_FILES, type LintConfig } from './config/config.js';
import { globMatcher } from './config/glob.js';
import { compareDiagnostics, type Diagnostic, type Fix, type Level } from './diagnostic.js';
import { applyDirectives, collectDirectives, takesDirectives, unusedDirectiveDiagnostics } from './directives.js';
import { parseDockerfile } from './parse/dockerfile.js';
import { parseRequirements } from './parse/requirements.js';
import { analyzePython } from './python/analyze.js';
import { DEFAULT_REFERENCE, extendReference } from './reference/spaces.js';
import { RULES, RULE_IDS } from './rules/index.js';
import { formatMessage, type ReportDescriptor } from './rules/rule.js';
import { redactQuoted, redactSecrets } from './security/redact.js';
import { fileKind } from './space/file-kind.js';
import type { Snapshot, SpaceFile } from './space/files.js';
import { Space } from './space/space.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  config: LintConfig;
}

/**
 * Runs every enabled rule over the Space and returns its findings, sorted by file and position, after
 * inline directives. Synchronous and pure: parsers must be initialised (`await initParsers()`).
 */
export function lint(space: Space, config: LintConfig = {}): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = config.rules?.[rule.meta.id];
    const level = settingLevel(setting);
    if (level === 'off') continue;
    const report = (d: ReportDescriptor) => {
      const spec = rule.meta.messages[d.messageId];
      if (!spec) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${d.messageId}`);
      found.push(toDiagnostic(space, rule.meta.id, level ?? spec.level, formatMessage(spec.text, d.data), d));
    };
    try {
      rule.check(space, report, settingOptions(setting));
    } catch (error) {
      // A rule bug must not hide the other rules' findings; say which rule failed and where.
      found.push({
        ruleId: 'internal-error',
        level: 'error',
        file: 'README.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: `spacelint rule \`${rule.meta.id}\` failed on this Space (${String((error as Error)?.message ?? error).split('\n')[0]}). Please report it; other rules ran.`,
      });
    }
  }
  const directiveFiles = new Set(found.map((d) => d.file));
  for (const path of space.files.keys()) if (takesDirectives(fileKind(path))) directiveFiles.add(path);
  const directives = collectDirectives(space, directiveFiles);
  let kept = applyDirectives(found, directives);
  const unusedSetting = settingLevel(config.rules?.['unused-directive']);
  if (unusedSetting !== 'off') {
    kept = kept.concat(unusedDirectiveDiagnostics(directives, space).map((d) => (unusedSetting ? { ...d, level: unusedSetting } : d)));
  }
  return kept.map((d) => redactDiagnostic(d, space)).sort(compareDiagnostics);
}

/**
 * Findings quote what they found (a key, a value, a line pip cannot read, a rule name from a directive),
 * and a secret may be what was found: redact messages and suggestion descriptions here, the one place
 * every surface (JSON, SARIF, MCP, ESLint) gets them from. The finding's file is scanned whole
 * (`space.secrets`), so a value quoted without its `PASSWORD=`, or cut by a rule's slice, is still masked;
 * then every known token shape is. Fix texts are left alone: they are the file's own content, written back.
 */
function redactDiagnostic(d: Diagnostic, space: Space): Diagnostic {
  const secrets = space.secrets(d.file);
  const redact = (text: string) => redactSecrets(secrets.length ? redactQuoted(text, secrets) : text);
  const message = redact(d.message);
  const suggestions = d.suggestions?.map((s) => {
    const desc = redact(s.desc);
    return desc === s.desc ? s : { ...s, desc };
  });
  if (message === d.message && suggestions?.every((s, i) => s === d.suggestions![i]) !== false) return d;
  return { ...d, message, ...(suggestions ? { suggestions } : {}) };
}

function toDiagnostic(space: Space, ruleId: string, level: Level, message: string, d: ReportDescriptor): Diagnostic {
  const lines = space.lines(d.file);
  const [start, end] = d.range ?? [0, 0];
  const loc = lines ? lines.location(start, end) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const diag: Diagnostic = { ruleId, level, file: d.file, ...loc, message };
  // Rules write `\n`; what they insert must use the file's own line breaks (a CRLF file stays CRLF).
  const crlf = (d.fix || d.suggestions?.length) && lines !== undefined && usesCrlf(space, d.file, lines.text);
  const ownBreaks = (fix: Fix): Fix => (crlf && fix.text.includes('\n') ? { ...fix, text: fix.text.replace(/\r?\n/g, '\r\n') } : fix);
  if (d.fix) diag.fix = ownBreaks(d.fix);
  if (d.suggestions?.length) diag.suggestions = crlf ? d.suggestions.map((s) => ({ ...s, fix: ownBreaks(s.fix) })) : d.suggestions;
  return diag;
}

/**
 * A file whose first line ends in CRLF is a CRLF file (git's autocrlf and Windows editors write them
 * whole). Not packages.txt: its lines go to xargs, which keeps the CR in the package name, so
 * deps-packages-txt's fix turns the whole file to LF.
 */
function usesCrlf(space: Space, path: string, text: string): boolean {
  if (fileKind(path) === 'packages-txt') return false;
  return space.memo(`crlf:${path}`, () => {
    const lf = text.indexOf('\n');
    return lf > 0 && text[lf - 1] === '\r';
  });
}

/**
 * The Space with its own `.spacelint.yaml` applied: `ignore` globs remove files, `reference` extends the
 * known values. `overrides` (CLI `--rule`, MCP `rules`, `--config FILE`) win over the file.
 * Precedence: overrides > explicit config file > .spacelint.yaml > defaults.
 */
export function prepareSpace(snapshot: Snapshot, ...overrides: (LintConfig | undefined)[]): { space: Space; config: LintConfig } {
  const configFile = CONFIG_FILES.find((f) => snapshot.files.get(f)?.text !== undefined);
  const fileConfig = configFile ? parseConfigText(snapshot.files.get(configFile)!.text!, configFile, RULE_IDS) : undefined;
  const config = mergeConfigs(fileConfig, ...overrides);
  let files = snapshot.files;
  if (config.ignore?.length) {
    const ignored = globMatcher(config.ignore);
    files = new Map([...files].filter(([path]) => !ignored(path)));
  }
  const reference = extendReference(DEFAULT_REFERENCE, config.reference);
  return { space: new Space({ ...snapshot, files }, { reference }), config };
}

/** snapshot → Space (with its config) → findings: the one lint path every surface uses. */
export function lintSnapshot(snapshot: Snapshot, ...overrides: (LintConfig | undefined)[]): LintResult {
  const { space, config } = prepareSpace(snapshot, ...overrides);
  return { diagnostics: lint(space, config), config };
}

/** Applies non-overlapping fixes (earliest first), like ESLint. Returns the new text and what was applied. */
export function applyFixes(text: string, fixes: Fix[]): { output: string; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let output = '';
  let last = 0;
  for (const fix of sorted) {
    const [s, e] = fix.range;
    if (s < last || s < 0 || e > text.length || e < s) continue; // overlaps an earlier fix: next pass
    output += text.slice(last, s) + fix.text;
    last = e;
    applied.push(fix);
  }
  return { output: output + text.slice(last), applied };
}

export interface FixResult {
  /** New texts of the files that changed (without BOM; `bom` says whether to write one). */
  changes: Map<string, { text: string; bom: boolean; before: string }>;
  /** Findings that remain after fixing. */
  diagnostics: Diagnostic[];
  /** How many fixes were applied in all. */
  fixCount: number;
}

const MAX_FIX_PASSES = 10;

/**
 * Lints, applies safe fixes, and lints again until nothing changes (at most 10 passes, like ESLint).
 * A fix is kept only when the file still parses as well as before, and, for README front matter, when
 * every other key keeps its parsed value. Nothing is written: the caller writes `changes`.
 */
export function fixSnapshot(snapshot: Snapshot, ...overrides: (LintConfig | undefined)[]): FixResult {
  let current = snapshot;
  const changes = new Map<string, { text: string; bom: boolean; before: string }>();
  let fixCount = 0;
  let result = lintSnapshot(current, ...overrides);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const byFile = new Map<string, Fix[]>();
    for (const d of result.diagnostics) {
      if (!d.fix) continue;
      const list = byFile.get(d.file);
      if (list) list.push(d.fix);
      else byFile.set(d.file, [d.fix]);
    }
    if (byFile.size === 0) break;
    const files = new Map(current.files);
    let changed = false;
    for (const [path, fixes] of byFile) {
      const file = files.get(path);
      // UTF-16 files are linted but not rewritten: writing them back would change their encoding.
      if (file?.text === undefined || file.encoding) continue;
      const accepted = safeFixes(path, file.text, fixes);
      if (accepted.applied.length === 0) continue;
      fixCount += accepted.applied.length;
      changed = true;
      files.set(path, { ...file, text: accepted.output } as SpaceFile);
      const before = changes.get(path)?.before ?? file.text;
      changes.set(path, { text: accepted.output, bom: file.bom ?? false, before });
    }
    if (!changed) break;
    current = { ...current, files };
    result = lintSnapshot(current, ...overrides);
  }
  for (const [path, c] of changes) if (c.text === c.before) changes.delete(path);
  return { changes, diagnostics: result.diagnostics, fixCount };
}

/** Applies the fixes together if the result is safe, else one at a time keeping each safe one (exported for tests). */
export function safeFixes(path: string, text: string, fixes: Fix[]): { output: string; applied: Fix[] } {
  const isSafe = safeChangeCheck(path, text);
  const all = applyFixes(text, fixes);
  if (isSafe(all.output, all.applied)) return all;
  let output = text;
  const applied: Fix[] = [];
  for (const fix of fixes) {
    // Later fixes' ranges refer to the original text; apply each on the original plus already-kept fixes.
    const trial = applyFixes(text, [...applied, fix]);
    if (trial.applied.length === applied.length + 1 && isSafe(trial.output, trial.applied)) {
      applied.push(fix);
      output = trial.output;
    }
  }
  return { output, applied };
}

/**
 * Whether a fixed text parses at least as well as `before` did (measured once, whatever the trials).
 * Python counts its syntax errors, so a fix in a file that already had one still cannot add another.
 */
function safeChangeCheck(path: string, before: string): (after: string, fixes: Fix[]) => boolean {
  const kind = fileKind(path);
  if (kind === 'readme') return (after, fixes) => frontMatterPreserved(before, after, fixes);
  if (kind === 'python') {
    const errors = (text: string) => analyzePython(path, text).syntaxErrorCount;
    const was = errors(before);
    return (after) => errors(after) <= was;
  }
  // Removing a comment line can join a `\` continuation onto the next line: such a fix must not turn a
  // requirements file or a Dockerfile that parsed into one that does not.
  if (kind === 'requirements') {
    const was = parseRequirements(before).error;
    return (after) => !(parseRequirements(after).error && !was);
  }
  if (kind === 'dockerfile') {
    const was = parseDockerfile(before).error;
    return (after) => !(parseDockerfile(after).error && !was);
  }
  return () => true;
}

/** Every key not touched by a fix keeps its value, and the front matter still parses. */
function frontMatterPreserved(before: string, after: string, fixes: Fix[]): boolean {
  const parse = (text: string) => new Space({ root: '', files: new Map([['README.md', { path: 'README.md', size: 0, text }]]) }).readme;
  const a = parse(before);
  const b = parse(after);
  if (!a?.found) return true; // nothing to preserve
  if (!b?.found) return false;
  const fa = a.frontMatter;
  const fb = b.frontMatter;
  if (fb.problems.length > fa.problems.length) return false;
  const touched = new Set(fa.entries.filter((e) => fixes.some((f) => f.range[0] < e.pair.range[1] + 1 && f.range[1] >= e.pair.range[0])).map((e) => e.key));
  for (const e of fa.entries) {
    if (touched.has(e.key)) continue;
    const other = fb.byKey.get(e.key);
    if (!other || JSON.stringify(other.value) !== JSON.stringify(e.value)) return false;
  }
  return true;
}

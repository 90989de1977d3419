import { isAbsolute, relative } from 'node:path';
import { findSecrets, LineIndex, redactSecrets, redactSlice, type SecretMatch } from '@spacelint/core';
import type { Colors } from '../color.js';
import { plural, totals, type FileReport, type RunInfo } from '../report.js';

/** ESLint-like stylish output with a code frame under each finding and one summary line. */
export function formatStylish(reports: FileReport[], colors: Colors, options: { codeFrames?: boolean; run?: RunInfo } = {}): string {
  const out: string[] = [];
  const frames = options.codeFrames !== false;
  for (const r of reports) {
    if (r.diagnostics.length === 0) continue;
    out.push('', colors.underline(r.filePath));
    const lines = r.source !== undefined ? new LineIndex(r.source) : undefined;
    let secrets: SecretMatch[] | undefined;
    // A line is masked by what the whole file shows (a secret's `PASSWORD=` or opening quote may lie on
    // another line), then by every known token shape.
    const shownLine = (n: number) => redactSecrets(redactSlice(lines!.text, ...lines!.lineRange(n), (secrets ??= findSecrets(lines!.text))));
    for (const d of r.diagnostics) {
      const level = d.level === 'error' ? colors.red('error') : d.level === 'warning' ? colors.yellow('warning') : colors.blue('info');
      const pad = d.level === 'error' ? '  ' : d.level === 'info' ? '   ' : '';
      out.push(`  ${colors.dim(`${d.line}:${d.column}`.padEnd(7))} ${level}${pad}  ${redactSecrets(d.message)}  ${colors.dim(d.ruleId)}`);
      if (frames && lines && d.line <= lines.lineCount) out.push(...codeFrame(lines, shownLine, d.line, d.column, d.endLine, d.endColumn, colors));
    }
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  if (problems === 0) return '';
  if (options.run && options.run.spaces.length > 1) out.push('', ...spaceSummaries(options.run, colors));
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos) parts.push(`${t.infos} info`);
  const mark = t.errors ? colors.red('✖') : t.warnings ? colors.yellow('⚠') : colors.blue('ℹ');
  out.push('', colors.bold(`${mark} ${plural(problems, 'problem')} (${parts.join(', ')})`));
  const fixable = t.fixableErrors + t.fixableWarnings;
  if (fixable) out.push(colors.dim(`  ${plural(t.fixableErrors, 'error')} and ${plural(t.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  return out.join('\n') + '\n';
}

/** One line per Space of a several-Space run, in the order the Spaces were given. */
function spaceSummaries(run: RunInfo, colors: Colors): string[] {
  const rows = run.spaces.map((s) => {
    const rel = relative(run.cwd, s.root);
    const name = s.root.startsWith('hf://') || rel.startsWith('..') || isAbsolute(rel) ? s.root : rel || '.';
    const parts = [];
    if (s.errors) parts.push(plural(s.errors, 'error'));
    if (s.warnings) parts.push(plural(s.warnings, 'warning'));
    if (s.infos) parts.push(`${s.infos} info`);
    const mark = s.errors ? colors.red('✖') : s.warnings ? colors.yellow('⚠') : s.infos ? colors.blue('ℹ') : colors.green('✔');
    const suppressed = s.suppressed ? colors.dim(` (${s.suppressed} suppressed)`) : '';
    return { name, text: `${parts.length ? parts.join(', ') : 'no problems'}${suppressed}`, mark };
  });
  const width = Math.max(...rows.map((r) => r.name.length));
  return [colors.bold(`${plural(run.spaces.length, 'Space')}:`), ...rows.map((r) => `  ${r.mark} ${r.name.padEnd(width)}  ${r.text}`)];
}

/** The finding's line with one line of context above, and a caret line under the reported span. */
function codeFrame(lines: LineIndex, shownLine: (line: number) => string, line: number, column: number, endLine: number, endColumn: number, colors: Colors): string[] {
  const width = String(Math.min(line + 1, lines.lineCount)).length;
  const out: string[] = [];
  for (let n = Math.max(1, line - 1); n <= line; n++) {
    // Redact before clipping: a clipped secret might no longer look like one.
    const text = clip(shownLine(n));
    const marker = n === line ? colors.red('>') : ' ';
    out.push(`    ${marker} ${colors.dim(`${String(n).padStart(width)} |`)} ${text}`);
  }
  const lineText = lines.lineText(line);
  // A redacted line is shorter than the file's: keep the carets under the text that is shown.
  const shown = shownLine(line).length;
  const spanEnd = Math.min(endLine === line ? endColumn : lineText.length + 1, shown === lineText.length ? Infinity : shown + 1);
  const caretCount = Math.max(1, Math.min(spanEnd - column, 120 - column));
  if (column <= 121) out.push(`      ${' '.repeat(width)} ${colors.dim('|')} ${' '.repeat(Math.max(0, column - 1))}${colors.red('^'.repeat(caretCount))}`);
  return out;
}

function clip(text: string): string {
  const t = text.replace(/\t/g, ' ');
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

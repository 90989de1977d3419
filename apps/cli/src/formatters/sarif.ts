import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';
import { findSecrets, LineIndex, listRules, redactSecrets, redactSlice, type Diagnostic, type Fix, type Level, type SecretMatch } from '@spacelint/core';
import type { FileReport, RunInfo } from '../report.js';
import { HOMEPAGE, VERSION } from '../version.js';

/** SARIF has no "info": its lowest level that still shows as a result is "note" (SARIF 2.1.0 §3.27.10). */
const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet?: { text: string };
}

/**
 * SARIF 2.1.0 (the format GitHub code scanning, Azure DevOps and most security dashboards import). The
 * driver lists every rule with its description, docs link and default level; each result carries its
 * location, and safe fixes and suggestions become SARIF `fixes`. Paths under the working directory are
 * relative to `%SRCROOT%` (= the working directory), which is how code scanning maps them onto the
 * repository; anything else is an absolute `file://` or `hf://` URI. Every text is redacted.
 */
export function formatSarif(reports: FileReport[], run: RunInfo): string {
  const rules = listRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors: object[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.docs.rationale },
    help: { text: r.docs.howToFix },
    helpUri: r.docsUrl,
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultLevel] },
    properties: { category: r.category, tags: [r.category], fixable: !!r.fixable, hasSuggestions: !!r.hasSuggestions },
  }));
  // Findings the engine makes outside any rule (a rule that crashed) still get a descriptor.
  for (const d of reports.flatMap((r) => r.diagnostics)) {
    if (ruleIndex.has(d.ruleId)) continue;
    ruleIndex.set(d.ruleId, descriptors.length);
    descriptors.push({ id: d.ruleId, shortDescription: { text: d.ruleId }, defaultConfiguration: { level: SARIF_LEVEL[d.level] } });
  }
  const results: object[] = [];
  for (const report of reports) {
    const location = artifactLocation(report.filePath, run.cwd);
    const lines = report.source !== undefined ? new LineIndex(report.source) : undefined;
    let secrets: SecretMatch[] | undefined;
    const fileSecrets = () => (secrets ??= findSecrets(lines!.text));
    for (const d of report.diagnostics) {
      const fixes = [
        ...(d.fix ? [sarifFix('Apply the safe fix (spacelint --fix)', d.fix, location, lines)] : []),
        ...(d.suggestions ?? []).map((s) => sarifFix(s.desc, s.fix, location, lines)),
      ].filter((f) => f !== undefined);
      results.push({
        ruleId: d.ruleId,
        ruleIndex: ruleIndex.get(d.ruleId),
        level: SARIF_LEVEL[d.level],
        message: { text: redactSecrets(d.message) },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(d, lines, fileSecrets) } }],
        ...(fixes.length ? { fixes } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'spacelint', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(run.cwd.endsWith(sep) ? run.cwd : run.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filePath)) return { uri: filePath }; // hf://spaces/...
  const rel = relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(filePath).href };
}

function region(d: Diagnostic, lines: LineIndex | undefined, fileSecrets: () => SecretMatch[]): Region {
  const r: Region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
  if (lines && d.line <= lines.lineCount) {
    let start = lines.offsetAt(d.line, d.column);
    let end = lines.offsetAt(d.endLine, d.endColumn);
    // The reported span, or the whole line for a point: what a reviewer needs to see. The span is often
    // the secret itself, so it is masked by what the whole file shows (`PASSWORD=` lies outside the span).
    if (end > start) end = Math.min(end, start + 500);
    else [start, end] = lines.lineRange(d.line);
    const text = redactSecrets(redactSlice(lines.text, start, end, fileSecrets()));
    if (text) r.snippet = { text };
  }
  return r;
}

function sarifFix(description: string, fix: Fix, location: ArtifactLocation, lines: LineIndex | undefined): object | undefined {
  if (!lines) return undefined;
  const deleted = lines.location(fix.range[0], fix.range[1]);
  return {
    description: { text: redactSecrets(description) },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: [
          {
            deletedRegion: { startLine: deleted.line, startColumn: deleted.column, endLine: deleted.endLine, endColumn: deleted.endColumn },
            insertedContent: { text: redactSecrets(fix.text) },
          },
        ],
      },
    ],
  };
}

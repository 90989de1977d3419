import { getRule, initParsers, lintSnapshot, matchSpaceLogs, prepareSpace, type Diagnostic, type LintConfig, type LogCause } from '@spacelint/core';
import type { HubClient, SpaceRuntimeInfo } from './client.js';
import { HubError } from './errors.js';
import { HubSpaceSource } from './hub-source.js';
import type { LogLine } from './logs.js';
import { parseHubSpaceUrl, parseSpaceId, type SpaceRef } from './space-ref.js';

export interface DiagnoseOptions {
  hub: HubClient;
  /** `owner/name` or `hf://spaces/owner/name[@revision]`. */
  space: string;
  /** Revision to lint (default: the Space's head). Logs and runtime are always the live ones. */
  revision?: string;
  /** How many recent lines of each log to read (default 200). */
  logLines?: number;
  /** Lint the Space's files too (default true). */
  lint?: boolean;
  lintConfig?: LintConfig;
  signal?: AbortSignal;
}

export interface DiagnosisCause {
  /** Where the cause was found: a log signature, or a lint finding alone. */
  source: 'log' | 'lint';
  /** Signature id (spec/log-signatures.md) for `log`, rule id for `lint`. */
  id: string;
  /** What happened. */
  title: string;
  /** The usual cause in the Space repo. */
  cause: string;
  fix: string;
  /** Rules that catch this before a push. */
  ruleIds: string[];
  /** The log line (or lint location) that shows it. */
  evidence: { from: 'build' | 'run' | 'runtime' | 'lint'; text: string };
  /** Summary lines ("exit code 1") whose real cause is elsewhere: ranked last. */
  umbrella: boolean;
  /** Lint findings of the tied rules: where in the repo to fix it. */
  diagnostics: Diagnostic[];
}

export interface DiagnoseResult {
  space: string;
  spaceUrl: string;
  sdk?: string;
  /** The commit that was linted. */
  commit?: string;
  runtime: SpaceRuntimeInfo;
  /** RUNNING with no failure in its logs. */
  healthy: boolean;
  /** Most likely first. */
  causes: DiagnosisCause[];
  /** The recent log lines that were read (redacted); `unavailable` says why a log could not be read. */
  logs: { build: LogLine[]; run: LogLine[]; unavailable: { build?: string; run?: string } };
  diagnostics: Diagnostic[];
  /** Set when the lint could not run (the causes then come from the logs alone). */
  lintError?: string;
  /** A few sentences for a person: stage, the most likely cause, its fix. */
  summary: string;
}

/**
 * Why a Space is failing: its runtime (stage, hardware, error message), its recent build and run logs,
 * and a lint of its files. Log lines are matched against the signature catalogue (core
 * `matchSpaceLogs`); each cause is tied to the lint rules that catch it, with those rules' findings
 * attached when the lint reports them. Error-level findings no log explains are causes of their own.
 */
export async function diagnoseSpace(options: DiagnoseOptions): Promise<DiagnoseResult> {
  const { hub } = options;
  const ref: SpaceRef = options.space.startsWith('hf://') ? parseHubSpaceUrl(options.space) : { id: parseSpaceId(options.space) };
  const revision = options.revision ?? ref.revision;
  const info = await hub.spaceInfo(ref.id, revision ? { revision } : {});
  const runtime = info.runtime ?? (await hub.getRuntime(ref.id));
  const lines = options.logLines ?? 200;

  const readLog = async (kind: 'build' | 'run'): Promise<{ lines: LogLine[]; unavailable?: string }> => {
    try {
      return { lines: await hub.tailLogs(ref.id, kind, { lines, signal: options.signal }) };
    } catch (error) {
      if (error instanceof HubError) return { lines: [], unavailable: error.message };
      throw error;
    }
  };
  const lintSpace = async (): Promise<{ diagnostics: Diagnostic[]; appPort?: number; sdk?: string; commit?: string; error?: string }> => {
    if (options.lint === false) return { diagnostics: [] };
    try {
      const source = new HubSpaceSource(hub, revision ? { id: ref.id, revision } : { id: ref.id });
      const snapshot = await source.snapshot();
      await initParsers();
      const { diagnostics } = lintSnapshot(snapshot, options.lintConfig);
      const { space } = prepareSpace(snapshot);
      const port = Number(space.config.app_port);
      return { diagnostics, appPort: Number.isInteger(port) && port > 0 ? port : undefined, sdk: space.facts.sdk, commit: source.commit };
    } catch (error) {
      if (error instanceof HubError) return { diagnostics: [], error: error.message };
      throw error;
    }
  };
  const [build, run, linted] = await Promise.all([readLog('build'), readLog('run'), lintSpace()]);

  const sdk = info.sdk ?? runtime.sdk ?? linted.sdk;
  const logCauses = matchSpaceLogs({
    stage: runtime.stage,
    errorMessage: runtime.errorMessage,
    buildLines: build.lines.map((l) => l.text),
    runLines: run.lines.map((l) => l.text),
    sdk,
    appPort: linted.appPort,
  });
  const causes = logCauses.map((c) => fromLog(c, linted.diagnostics));
  const explained = new Set(causes.flatMap((c) => c.ruleIds));
  for (const d of linted.diagnostics) {
    if (d.level !== 'error' || explained.has(d.ruleId)) continue;
    const existing = causes.find((c) => c.source === 'lint' && c.id === d.ruleId);
    if (existing) {
      existing.diagnostics.push(d);
      continue;
    }
    causes.push({
      source: 'lint',
      id: d.ruleId,
      title: d.message,
      cause: getRule(d.ruleId)?.description ?? d.message,
      fix: getRule(d.ruleId)?.docs.howToFix ?? 'See the finding.',
      ruleIds: [d.ruleId],
      evidence: { from: 'lint', text: `${d.file}:${d.line}:${d.column} ${d.message}` },
      umbrella: false,
      diagnostics: [d],
    });
  }
  // Log causes first (they are what failed), umbrellas after lint findings (they explain nothing).
  causes.sort((a, b) => rankOf(a) - rankOf(b));
  // A summary line ("Exit code: 137 …") that a specific cause already quotes says nothing more: one cause per line.
  const explainedLines = new Set(causes.filter((c) => !c.umbrella).map((c) => c.evidence.text));
  for (let i = causes.length - 1; i >= 0; i--) if (causes[i].umbrella && explainedLines.has(causes[i].evidence.text)) causes.splice(i, 1);

  const healthy = runtime.stage === 'RUNNING' && !causes.some((c) => c.source === 'log' && !c.umbrella);
  return {
    space: ref.id,
    spaceUrl: hub.spaceUrl(ref.id),
    ...(sdk ? { sdk } : {}),
    ...((linted.commit ?? info.sha) ? { commit: linted.commit ?? info.sha } : {}),
    runtime,
    healthy,
    causes,
    logs: {
      build: build.lines,
      run: run.lines,
      unavailable: { ...(build.unavailable ? { build: build.unavailable } : {}), ...(run.unavailable ? { run: run.unavailable } : {}) },
    },
    diagnostics: linted.diagnostics,
    ...(linted.error ? { lintError: linted.error } : {}),
    summary: summarize(ref.id, runtime, causes, healthy, { build: build.unavailable, run: run.unavailable }),
  };
}

function fromLog(cause: LogCause, diagnostics: Diagnostic[]): DiagnosisCause {
  return {
    source: 'log',
    id: cause.id,
    title: cause.meaning,
    cause: cause.cause,
    fix: cause.fix,
    ruleIds: [...cause.ruleIds],
    evidence: { from: cause.from, text: cause.line },
    umbrella: cause.umbrella,
    diagnostics: diagnostics.filter((d) => cause.ruleIds.includes(d.ruleId)),
  };
}

function rankOf(c: DiagnosisCause): number {
  if (c.source === 'log') return c.umbrella ? 2 : 0;
  return 1;
}

function summarize(id: string, runtime: SpaceRuntimeInfo, causes: DiagnosisCause[], healthy: boolean, unavailable: { build?: string; run?: string }): string {
  const unread = (['build', 'run'] as const).filter((k) => unavailable[k]);
  // Said first, in every output: a diagnosis without the logs is a weaker one.
  const note = unread.length ? ` The ${unread.join(' and ')} log${unread.length > 1 ? 's' : ''} could not be read (${unread.map((k) => unavailable[k]).join('; ')}).` : '';
  return summarizeFound(id, runtime, causes, healthy, unread.length > 0) + note;
}

function summarizeFound(id: string, runtime: SpaceRuntimeInfo, causes: DiagnosisCause[], healthy: boolean, logsMissing: boolean): string {
  const stage = `Space ${id} is ${runtime.stage}${runtime.hardware.current || runtime.hardware.requested ? ` on ${runtime.hardware.current ?? runtime.hardware.requested}` : ''}.`;
  if (healthy && causes.length === 0) return `${stage} No known failure in its logs, and its files lint clean of errors.`;
  const top = causes[0];
  if (!top) {
    const said = runtime.errorMessage ? ` (the Hub says: "${runtime.errorMessage}")` : '';
    return logsMissing ? `${stage} No known failure signature in what could be read${said}.` : `${stage} No known failure signature in its logs${said}; read the logs below.`;
  }
  const where = top.diagnostics[0] ? ` See ${top.diagnostics[0].file}:${top.diagnostics[0].line} (${top.diagnostics[0].ruleId}).` : '';
  const more = causes.length > 1 ? ` ${causes.length - 1} more possible cause${causes.length > 2 ? 's' : ''} listed.` : '';
  return `${stage} Most likely: ${top.title} Evidence: "${top.evidence.text}". Fix: ${top.fix}${where}${more}`;
}

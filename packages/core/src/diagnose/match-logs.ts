import { trimEndWhere } from '../text.js';
import { LOG_SIGNATURES, type LogSignature, type LogStage } from './signatures.js';

/** One recognised failure: the signature, and the log line that shows it. */
export interface LogCause {
  /** Signature id from spec/log-signatures.md, e.g. `runtime-memory-limit-exceeded`. */
  id: string;
  stage: LogStage;
  meaning: string;
  cause: string;
  fix: string;
  /** Lint rules that catch the cause before a push (spec §4.1 ids); empty when none applies. */
  ruleIds: readonly string[];
  /** A summary line whose real cause is printed elsewhere; ranked after specific causes. */
  umbrella: boolean;
  /** The matching line, ANSI-stripped (or `stage: X` for a cause read from the runtime stage alone). */
  line: string;
  /** Index of that line in the input (-1 for a stage-only cause). */
  index: number;
  /** The regular expression's capture groups (e.g. the memory limit, the package name). */
  captures: string[];
  /** Which input showed it. */
  from: 'build' | 'run' | 'runtime';
}

export interface LogMatchContext {
  /** Which log the lines come from: decides which signatures apply and where the last start banner is. */
  log?: 'build' | 'run' | 'any';
  /** The Space SDK, when known (some signatures only mean something for Docker Spaces). */
  sdk?: string;
  /** The Space's `app_port` (default 7860), for the wrong-port signature. */
  appPort?: number;
  /** Also report noise lines (log-fetch failures, shutdown notices); off by default: they are never causes. */
  includeNoise?: boolean;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;
// Rich tracebacks frame lines with box drawing (`│ ❱ 14 from gradio.routes import App │`).
// Box-drawing characters │┃║╭╰╮╯─, escaped so that the bundles stay ASCII (read faster: node/code-cache.ts).
// The frame's end is trimmed by trimEndWhere: `[…]+$` is quadratic on a long run inside a line.
const RICH_FRAME_START = /^[\s\u2502\u2503\u2551\u256d\u2570\u256e\u256f\u2500]+/;
const RICH_FRAME_CHAR = /[\s\u2502\u2503\u2551\u256d\u2570\u256e\u256f\u2500]/;

/** A log line as the signatures see it: no colour codes, no Rich frame, no trailing newline. */
export function cleanLogLine(line: string): string {
  return trimEndWhere(
    line
      .replace(ANSI, '')
      .replace(/\r?\n$/, '')
      .replace(RICH_FRAME_START, ''),
    RICH_FRAME_CHAR,
  );
}

const BUILD_BANNER = /^===== Build Queued at .+ =====$/;
const RUN_BANNER = /^===== Application Startup at .+ =====$/;

/**
 * The failures these log lines show, most useful first: specific causes in the order they appear (the
 * first fatal line is the primary cause, spec §3.5), then umbrella lines ("exit code 1"), whose real
 * cause is printed elsewhere. A run log is read from its last start banner (a restart loop prints several), a build
 * log from its last queued header. Each signature is reported once, at its first line.
 */
export function matchLogSignatures(lines: readonly string[], context: LogMatchContext = {}): LogCause[] {
  const log = context.log ?? 'any';
  const cleaned = lines.map(cleanLogLine);
  const banner = log === 'build' ? BUILD_BANNER : log === 'run' ? RUN_BANNER : undefined;
  let start = 0;
  if (banner)
    for (let i = cleaned.length - 1; i >= 0; i--)
      if (banner.test(cleaned[i])) {
        start = i;
        break;
      }
  const lastNonEmpty = findLastNonEmpty(cleaned);
  const candidates = LOG_SIGNATURES.filter((s) => appliesTo(s, log, context));
  const found = new Map<string, LogCause>();
  for (let i = start; i < cleaned.length; i++) {
    const text = cleaned[i];
    if (!text.trim()) continue;
    for (const signature of candidates) {
      if (found.has(signature.id)) continue;
      const captures = matchLine(signature, text, context);
      if (!captures) continue;
      if (signature.alone && i !== lastNonEmpty) continue;
      found.set(signature.id, toCause(signature, text, i, captures, log === 'build' ? 'build' : log === 'run' ? 'run' : 'runtime'));
    }
  }
  return rank([...found.values()]);
}

export interface SpaceLogsInput {
  /** Runtime stage (`BUILD_ERROR`, `RUNTIME_ERROR`, `NO_APP_FILE`, …). */
  stage?: string;
  /** The runtime's `errorMessage` (the banner text; for ZeroGPU the precise cause). */
  errorMessage?: string;
  buildLines?: readonly string[];
  runLines?: readonly string[];
  sdk?: string;
  appPort?: number;
}

/**
 * Causes for a Space from everything the Hub says about it: the runtime's error message first, then the
 * log that matches the stage (build log for BUILD_ERROR, run log otherwise), then the other log; config
 * stages that print nothing are classified from the stage alone. Deduplicated by signature id.
 */
export function matchSpaceLogs(input: SpaceLogsInput): LogCause[] {
  const context = { sdk: input.sdk, appPort: input.appPort };
  const fromMessage = input.errorMessage ? matchLogSignatures(input.errorMessage.split(/\r?\n/), { ...context, log: 'any' }).map((c) => ({ ...c, from: 'runtime' as const })) : [];
  const build = matchLogSignatures(input.buildLines ?? [], { ...context, log: 'build' });
  const run = matchLogSignatures(input.runLines ?? [], { ...context, log: 'run' });
  const ordered = input.stage === 'BUILD_ERROR' ? [...fromMessage, ...build, ...run] : [...fromMessage, ...run, ...build];
  const byId = new Map<string, LogCause>();
  for (const cause of ordered) if (!byId.has(cause.id)) byId.set(cause.id, cause);
  if (input.stage) {
    for (const signature of LOG_SIGNATURES) {
      if (!signature.stages?.includes(input.stage) || byId.has(signature.id)) continue;
      // A stage-only cause is a fallback: a config cause read from text already explains the stage.
      if ([...byId.values()].some((c) => c.stage === signature.stage && !c.umbrella)) continue;
      byId.set(signature.id, toCause(signature, `stage: ${input.stage}`, -1, [], 'runtime'));
    }
  }
  return rank([...byId.values()]);
}

function appliesTo(signature: LogSignature, log: 'build' | 'run' | 'any', context: LogMatchContext): boolean {
  if (signature.noise && !context.includeNoise) return false;
  if (signature.sdks && context.sdk && !signature.sdks.includes(context.sdk)) return false;
  if (log === 'build') return signature.stage === 'build';
  if (log === 'run') return signature.stage === 'runtime';
  return true;
}

function matchLine(signature: LogSignature, text: string, context: LogMatchContext): string[] | undefined {
  for (const pattern of signature.match) {
    if (typeof pattern === 'string') {
      if (text.includes(pattern)) return [];
      continue;
    }
    const m = pattern.exec(text);
    if (!m) continue;
    if (signature.portGroup !== undefined && Number(m[signature.portGroup]) === (context.appPort ?? 7860)) continue;
    return m.slice(1).map((c) => c ?? '');
  }
  return undefined;
}

function toCause(signature: LogSignature, line: string, index: number, captures: string[], from: LogCause['from']): LogCause {
  return {
    id: signature.id,
    stage: signature.stage,
    meaning: signature.meaning,
    cause: signature.cause,
    fix: signature.fix,
    ruleIds: signature.ruleIds,
    umbrella: signature.umbrella ?? false,
    line,
    index,
    captures,
    from,
  };
}

/** Specific causes first, then umbrellas; noise last. Stable otherwise (input order is line order). */
function rank(causes: LogCause[]): LogCause[] {
  const weight = (c: LogCause) => (LOG_SIGNATURES.find((s) => s.id === c.id)?.noise ? 2 : c.umbrella ? 1 : 0);
  return causes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => weight(a.c) - weight(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

function findLastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim()) return i;
  return -1;
}

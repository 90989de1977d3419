import type { HubClient, SpaceRuntimeInfo } from '@spacelint/hub';
import { z } from 'zod';
import { hubCall, withDeadline } from './hub-access.js';
import type { ToolContext } from './tool.js';

/** A Space's runtime as every observe/deploy tool returns it. */
export const runtimeSchema = z.object({
  stage: z.string().describe('BUILDING, APP_STARTING, RUNNING, RUNTIME_ERROR, BUILD_ERROR, CONFIG_ERROR, NO_APP_FILE, PAUSED, SLEEPING...'),
  hardware: z.object({ current: z.string().nullable(), requested: z.string().nullable() }),
  sleepTimeSeconds: z.number().nullable(),
  errorMessage: z.string().optional(),
  sdk: z.string().optional(),
});
export type SpaceRuntimeView = z.output<typeof runtimeSchema>;

export const spaceRuntimeOutput = z.object({ space: z.string(), runtime: runtimeSchema });

export function runtimeView(raw: SpaceRuntimeInfo): SpaceRuntimeView {
  const view: SpaceRuntimeView = {
    stage: String(raw.stage ?? 'UNKNOWN'),
    hardware: { current: raw.hardware?.current ?? null, requested: raw.hardware?.requested ?? null },
    sleepTimeSeconds: typeof raw.sleepTimeSeconds === 'number' ? raw.sleepTimeSeconds : null,
  };
  if (raw.errorMessage) view.errorMessage = raw.errorMessage;
  if (raw.sdk) view.sdk = raw.sdk;
  return view;
}

/** One line that says exactly what the structured runtime says (no hardware guessed from the request). */
export function runtimeText(space: string, r: SpaceRuntimeView): string {
  const { current, requested } = r.hardware;
  const hw = current ? `on ${current}${requested && requested !== current ? ` (${requested} requested)` : ''}` : requested ? `no hardware assigned yet (${requested} requested)` : 'hardware unknown';
  const sleep = r.sleepTimeSeconds === null ? '' : r.sleepTimeSeconds < 0 ? ', never sleeps' : `, sleeps after ${r.sleepTimeSeconds} s`;
  return `${space}: ${r.stage}, ${hw}${sleep}${r.errorMessage ? `\nError: ${r.errorMessage}` : ''}`;
}

export function runtimeResult(space: string, runtime: SpaceRuntimeView, context: ToolContext, prefix = '') {
  const safe = context.services.redactor.redactDeep(runtime);
  return { structured: { space, runtime: safe }, summary: prefix + runtimeText(space, safe) };
}

/** Caps on every log read: a Space that logs continuously must not hold a tool call or flood its result. */
export const LOG_LIMITS = { deadlineMs: 8_000, maxLines: 500, maxLineChars: 2_000, maxBytes: 64 * 1024 };

/**
 * The last `lines` lines of a log, read within LOG_LIMITS.deadlineMs (a snapshot of a Space that never stops
 * logging ends at the deadline with what came), each line and the whole tail capped.
 */
export async function readLogTail(client: HubClient, space: string, kind: 'build' | 'run', lines: number, context: ToolContext): Promise<{ lines: string[]; capped: boolean }> {
  const signal = withDeadline(context.signal, LOG_LIMITS.deadlineMs);
  const raw = await hubCall(context, client.tailLogs(space, kind, { lines: Math.min(lines, LOG_LIMITS.maxLines), signal }));
  const capped = signal.aborted && !context.signal.aborted;
  const tail = capLogLines(
    raw.map((l) => context.services.redactor.redact(l.text)),
    LOG_LIMITS.maxLineChars,
    LOG_LIMITS.maxBytes,
  );
  return { lines: tail.lines, capped: capped || tail.capped };
}

/** The end of a log within a size: each line cut at `maxLineChars`, older lines dropped past `maxBytes`. */
export function capLogLines(lines: readonly string[], maxLineChars: number, maxBytes: number): { lines: string[]; capped: boolean } {
  const out: string[] = [];
  let bytes = 0;
  let capped = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    let text = lines[i];
    if (text.length > maxLineChars) {
      text = `${text.slice(0, maxLineChars)}… [line cut at ${maxLineChars} characters]`;
      capped = true;
    }
    if (bytes + text.length > maxBytes) {
      capped = true;
      break;
    }
    bytes += text.length + 1;
    out.push(text);
  }
  return { lines: out.reverse(), capped };
}

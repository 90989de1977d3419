/**
 * Space build and run logs arrive as server-sent events (spec hub-api.md a.2 "Logs"): each event is
 * `data: {"data":"<log line>\n","timestamp":"<iso>"}` followed by a blank line; keep-alives are empty
 * `data:` events. This module turns bytes into log lines; the client handles connections and timeouts.
 */
export type LogKind = 'build' | 'run';

export interface LogLine {
  /** ISO timestamp the Hub gave the line (empty when it gave none). */
  timestamp: string;
  /** The line without its trailing newline, secrets redacted. */
  text: string;
}

/** The longest SSE line kept; the rest of a longer one is dropped. */
const MAX_LINE_CHARS = 1024 * 1024;
/** The most `data:` lines one event keeps (an event that never ends would otherwise grow without bound). */
const MAX_EVENT_LINES = 10_000;

/** One `data:` payload, or undefined for a keep-alive or a comment-only event. */
export type SseEvent = { data: string; timestamp: string };

/**
 * Incremental SSE decoder (https://html.spec.whatwg.org/multipage/server-sent-events.html): feed it
 * decoded text in any chunking, get complete events back. Lines end in LF, CRLF or CR; `data:` lines of
 * one event are joined with LF; `:` lines are comments; other fields (event, id, retry) are ignored.
 */
export class SseDecoder {
  private buffer = '';
  private data: string[] = [];

  push(chunk: string): (SseEvent | undefined)[] {
    this.buffer += chunk;
    const out: (SseEvent | undefined)[] = [];
    // A line that never ends (a hostile or broken stream) would grow without bound, even when followed:
    // past MAX_LINE_CHARS it is cut into a line of its own.
    if (this.buffer.length > MAX_LINE_CHARS && !/[\r\n]/.test(this.buffer)) this.buffer = `${this.buffer.slice(0, MAX_LINE_CHARS)}\n`;
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.buffer);
      // A lone CR at the end may be the first half of CRLF: wait for more.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (this.data.length > 0) out.push(parsePayload(this.data.join('\n')));
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data' && this.data.length < MAX_EVENT_LINES) this.data.push(value);
    }
    return out;
  }

  /** The event left unterminated when the stream ended (a server may close without the blank line). */
  end(): SseEvent | undefined {
    const rest = this.buffer;
    this.buffer = '';
    if (rest?.startsWith('data:')) this.data.push(rest.slice(5).replace(/^ /, ''));
    const pending = this.data.length > 0 ? parsePayload(this.data.join('\n')) : undefined;
    this.data = [];
    return pending;
  }
}

function parsePayload(payload: string): SseEvent | undefined {
  if (!payload.trim()) return undefined; // keep-alive
  if (payload.startsWith('{')) {
    try {
      const json = JSON.parse(payload) as { data?: unknown; timestamp?: unknown };
      if (typeof json.data === 'string') return { data: json.data, timestamp: typeof json.timestamp === 'string' ? json.timestamp : '' };
    } catch {
      // Not the documented JSON shape: keep the raw text rather than lose a log line.
    }
  }
  return { data: payload, timestamp: '' };
}

/** An event's text as log lines: one event may carry several lines, and ends with a newline. */
export function eventLines(event: SseEvent): string[] {
  const text = event.data.replace(/\r?\n$/, '');
  return text.split(/\r?\n/);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './state.js';

/** Reading requests and writing answers the way the Hub does (JSON errors with X-Error-* headers, ranges). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  sendJson(
    res,
    error.status,
    { error: error.message, ...error.extra },
    {
      'X-Error-Message': error.message.replace(/[^\x20-\x7e]/g, '?'),
      ...(error.errorCode ? { 'X-Error-Code': error.errorCode } : {}),
      ...headers,
    },
  );
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'Invalid JSON body');
}

export function sendFile(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, etag: string, extra: Record<string, string> = {}): void {
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  const headers = { 'Accept-Ranges': 'bytes', ETag: `"${etag}"`, 'Content-Type': 'application/octet-stream', ...extra };
  if (range && bytes.length > 0) {
    const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
    const end = range[1] ? (range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1) : bytes.length - 1;
    if (start >= bytes.length || end < start) {
      res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` });
      return void res.end();
    }
    const slice = bytes.subarray(start, end + 1);
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': slice.length });
    return void res.end(req.method === 'HEAD' ? undefined : slice);
  }
  if (range && bytes.length === 0) {
    // An empty file cannot satisfy bytes=0-0; say its size so the client still learns it.
    res.writeHead(200, { ...headers, 'Content-Range': 'bytes 0-0/0', 'Content-Length': 0 });
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

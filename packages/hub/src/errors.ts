import { redactSecrets } from '@spacelint/core';
import { SpaceRefError } from './space-ref.js';

/**
 * Every failure of a Hub operation is a HubError with a `code` a program can branch on and a message a
 * person can act on. Messages and fields are redacted (core's secret patterns plus the caller's token and
 * any secret value the operation carried), and the original error is not kept as `cause`: hub.js errors
 * hold request data, and nothing that could contain a token may travel with an error.
 */
export type HubErrorCode =
  | 'missing-token'
  | 'bad-token'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'bad-request'
  | 'invalid-response'
  | 'invalid-input'
  | 'aborted';

export interface HubErrorDetails {
  /** What was being done, e.g. `restart user/demo`. */
  operation: string;
  status?: number;
  requestId?: string;
  /** The Hub's own words (its `error` field), redacted. */
  hubMessage?: string;
  /** For `rate-limited`: the wait the Hub asked for, in seconds. */
  retryAfterSeconds?: number;
}

export class HubError extends Error {
  override name = 'HubError';
  readonly code: HubErrorCode;
  readonly operation: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly hubMessage?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: HubErrorCode, message: string, details: HubErrorDetails) {
    // Every text field may hold what the Hub (or a proxy posing as it) sent: redacted here too, so no
    // way of building an error can carry a token-shaped string.
    super(redactSecrets(message));
    this.code = code;
    this.operation = redactSecrets(details.operation);
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId) this.requestId = clipHubText(details.requestId, 200);
    if (details.hubMessage) this.hubMessage = clipHubText(details.hubMessage);
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      operation: this.operation,
      status: this.status,
      requestId: this.requestId,
      hubMessage: this.hubMessage,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

/** No token, a malformed token, or one the Hub rejects (401). */
export class HubAuthError extends HubError {
  override name = 'HubAuthError';
}
/** The token is valid but may not do this (403): read-only token, or a namespace it cannot write. */
export class HubPermissionError extends HubError {
  override name = 'HubPermissionError';
}
/** No such Space, revision or file (404), or a private one this token cannot see. */
export class HubNotFoundError extends HubError {
  override name = 'HubNotFoundError';
}
/** The Space already exists (409), or the branch moved since the commit was prepared (412). */
export class HubConflictError extends HubError {
  override name = 'HubConflictError';
}
/** 429 that outlasted the retry budget; `retryAfterSeconds` says when to come back. */
export class HubRateLimitError extends HubError {
  override name = 'HubRateLimitError';
}
/** 5xx that outlasted the retries (or was not retried: the operation is not idempotent). */
export class HubServerError extends HubError {
  override name = 'HubServerError';
}
/** No answer in time. */
export class HubTimeoutError extends HubError {
  override name = 'HubTimeoutError';
}
/** The Hub could not be reached (DNS, refused connection, TLS). */
export class HubNetworkError extends HubError {
  override name = 'HubNetworkError';
}
/** The request was rejected as invalid (400, 422), the answer was malformed, or the input was. */
export class HubRequestError extends HubError {
  override name = 'HubRequestError';
}

export interface ErrorContext {
  operation: string;
  /** What the operation is about, for messages: `Space user/demo`. */
  subject?: string;
  /** Values that must never appear in the error: the token, secret values sent with the request. */
  secrets: readonly (string | undefined)[];
}

/** Converts anything an operation threw (hub.js HubApiError, fetch errors, our own) into a redacted HubError. */
export function toHubError(error: unknown, context: ErrorContext): HubError {
  const redact = (text: string) =>
    redactSecrets(
      text,
      context.secrets.filter((s): s is string => !!s),
    );
  if (error instanceof HubError) return rebuild(error, redact);
  const e = error as { name?: string; message?: string; statusCode?: number; requestId?: string; data?: unknown };
  const operation = redact(context.operation);
  if (typeof e?.statusCode === 'number') {
    const hubMessage = redact(hubMessageOf(e));
    return fromStatus(e.statusCode, { operation, subject: context.subject, hubMessage, requestId: e.requestId && redact(String(e.requestId)) });
  }
  if (e?.name === 'TimeoutError') return new HubTimeoutError('timeout', `${operation}: the Hub did not answer in time.`, { operation });
  if (e?.name === 'AbortError') return new HubError('aborted', `${operation}: cancelled.`, { operation });
  if (e?.name === 'SyntaxError' || e?.name === 'InvalidApiResponseFormatError' || /malformed response/.test(e?.message ?? '')) {
    return new HubRequestError('invalid-response', `${operation}: the Hub sent an answer spacelint cannot read (${redact(firstLine(e?.message))}).`, { operation });
  }
  if (e?.name === 'TypeError' && /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket/i.test(`${e.message} ${causeText(error)}`)) {
    return new HubNetworkError('network', `${operation}: could not reach the Hub (${redact(causeText(error) || firstLine(e.message))}).`, { operation });
  }
  if (e?.name === 'TypeError' && /access token must start with 'hf_'/.test(e.message ?? '')) {
    return badTokenError(operation);
  }
  return new HubError('invalid-response', `${operation}: ${redact(firstLine(e?.message ?? String(error)))}`, { operation });
}

export function fromStatus(status: number, details: { operation: string; subject?: string; hubMessage?: string; requestId?: string; retryAfterSeconds?: number }): HubError {
  const { operation, subject } = details;
  const hubMessage = details.hubMessage ? clipHubText(details.hubMessage) : undefined;
  const said = hubMessage ? ` The Hub said: "${hubMessage}".` : '';
  const base = { operation, status, requestId: details.requestId, hubMessage, retryAfterSeconds: details.retryAfterSeconds };
  const about = subject ?? 'it';
  if (status === 401) {
    return new HubAuthError(
      'unauthorized',
      `${operation}: the Hub rejected the credentials (401): the token is invalid, expired or revoked, or ${about} is private and no token was sent. Set HF_TOKEN to a valid token.${said}`,
      base,
    );
  }
  if (status === 403) {
    return new HubPermissionError(
      'forbidden',
      `${operation}: the token is not allowed to do this (403). It may be a read-only token, or ${about} belongs to a namespace it cannot write to.${said}`,
      base,
    );
  }
  if (status === 404) {
    return new HubNotFoundError('not-found', `${operation}: ${subject ? `${subject} was` : 'nothing was'} not found (404), or it is private and this token cannot see it.${said}`, base);
  }
  if (status === 409 || status === 412) {
    const what = status === 409 ? `${about} already exists or another operation on it is in progress` : 'the branch moved since this commit was prepared';
    return new HubConflictError('conflict', `${operation}: conflict (${status}): ${what}.${said}`, base);
  }
  if (status === 429) {
    const wait = details.retryAfterSeconds !== undefined ? ` Retry after ${details.retryAfterSeconds} s.` : '';
    return new HubRateLimitError('rate-limited', `${operation}: the Hub rate limit was reached (429).${wait}${said}`, base);
  }
  if (status >= 300 && status < 400) {
    return new HubRequestError(
      'invalid-response',
      `${operation}: the Hub answered with a redirect (${status}) instead of doing it, so it was not done (or not confirmed). Check HF_ENDPOINT and the Space name.${said}`,
      base,
    );
  }
  if (status >= 500) {
    return new HubServerError('server-error', `${operation}: the Hub failed with ${status}; try again later.${said}`, base);
  }
  return new HubRequestError('bad-request', `${operation}: the Hub rejected the request (${status}).${said}`, base);
}

/** The same failure, told about `operation` (errors raised per HTTP request name the request). */
export function reframe(error: HubError, operation: string, subject?: string): HubError {
  if (error.operation === operation) return error;
  if (error.status !== undefined) {
    return fromStatus(error.status, { operation, subject, hubMessage: error.hubMessage, requestId: error.requestId, retryAfterSeconds: error.retryAfterSeconds });
  }
  const Ctor = error.constructor as new (code: HubErrorCode, message: string, details: HubErrorDetails) => HubError;
  const colon = error.message.indexOf(': ');
  const reason = colon === -1 ? error.message : error.message.slice(colon + 2);
  return new Ctor(error.code, `${operation}: ${reason}`, { operation, requestId: error.requestId });
}

/**
 * The one line a person sees for a failed Hub operation (the CLI's stderr, an MCP tool error): the
 * message of a HubError or a SpaceRefError, redacted; undefined for anything else (a bug, which the
 * caller reports as one). The CLI and the MCP server both use this, so they word failures alike.
 */
export function hubErrorMessage(error: unknown): string | undefined {
  if (error instanceof HubError || error instanceof SpaceRefError) return redactSecrets(error.message.split('\n')[0]);
  return undefined;
}

export function missingTokenError(operation: string): HubAuthError {
  return new HubAuthError(
    'missing-token',
    `${operation}: no Hugging Face token. Set HF_TOKEN to a token with write access (https://huggingface.co/settings/tokens), or log in with \`hf auth login\`.`,
    { operation },
  );
}

export function badTokenError(operation: string): HubAuthError {
  return new HubAuthError('bad-token', `${operation}: the token does not look like a Hugging Face access token (those start with \`hf_\`).`, { operation });
}

function rebuild(error: HubError, redact: (text: string) => string): HubError {
  const Ctor = error.constructor as new (code: HubErrorCode, message: string, details: HubErrorDetails) => HubError;
  return new Ctor(error.code, redact(error.message), {
    operation: redact(error.operation),
    status: error.status,
    requestId: error.requestId && redact(error.requestId),
    hubMessage: error.hubMessage && redact(error.hubMessage),
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/**
 * Text the Hub sent, fit for a message: its first line, redacted, then cut to `max` characters. Redaction
 * comes first: cutting first can leave a token's head (`hf_` + 29 characters) that no pattern matches.
 */
export function clipHubText(text: string, max = 500): string {
  const line = firstLine(text.slice(0, 16_384));
  const redacted = redactSecrets(line);
  return (redacted.length > max ? `${redacted.slice(0, max)}…` : redacted).replace(/\.+$/, '');
}

/** The Hub's `error` text without hub.js's `. URL: … Request ID: …` trailer. */
function hubMessageOf(e: { message?: string; data?: unknown }): string {
  const data = e.data as { error?: unknown; message?: unknown } | undefined;
  const fromData = typeof data?.error === 'string' ? data.error : Array.isArray(data?.error) ? data.error.join('; ') : typeof data?.message === 'string' ? data.message : undefined;
  const text = fromData ?? (e.message ?? '').replace(/\.? URL: \S+(?:\. Request ID: \S+)?$/, '');
  return firstLine(text);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause ? [cause.code, cause.message].filter(Boolean).join(' ') : '';
}

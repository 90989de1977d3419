import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks every HTTP request before the MCP transport sees it (spec 2025-11-25 basic/transports: local
 * servers MUST validate Origin; security best practices: DNS rebinding). The server binds 127.0.0.1 only;
 * a request must name that address (or localhost) and the server's port in Host, come from no Origin or a
 * loopback Origin, and carry the bearer token when one is configured.
 */
export interface GuardRefusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

export interface GuardSettings {
  port: number;
  /** Required bearer token, when configured. */
  token?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

export function checkRequest(headers: Record<string, string | string[] | undefined>, settings: GuardSettings): GuardRefusal | undefined {
  const host = single(headers.host);
  if (!host || !isAllowedHost(host, settings.port)) {
    return { status: 403, message: "Forbidden: the Host header must be 127.0.0.1 or localhost with this server's port (DNS rebinding protection)" };
  }
  const origin = single(headers.origin);
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
    return { status: 403, message: 'Forbidden: requests from web pages on other origins are refused (DNS rebinding protection)' };
  }
  if (settings.token !== undefined) {
    const auth = single(headers.authorization) ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || !sameSecret(m[1], settings.token)) {
      return {
        status: 401,
        message: 'Unauthorized: this server requires its bearer token (Authorization: Bearer <token>)',
        headers: { 'WWW-Authenticate': 'Bearer realm="spacelint-mcp"' },
      };
    }
  }
  return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isAllowedHost(host: string, port: number): boolean {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  return LOOPBACK_HOSTS.has(m[1]) && m[2] !== undefined && Number(m[2]) === port;
}

/** Constant-time comparison (hashes first, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

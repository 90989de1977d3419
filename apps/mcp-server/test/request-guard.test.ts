import { describe, expect, it } from 'vitest';
import { checkRequest } from '../src/request-guard.js';

describe('checkRequest', () => {
  const port = 4321;
  it('accepts loopback Host with the right port, with no Origin or a loopback Origin', () => {
    expect(checkRequest({ host: '127.0.0.1:4321' }, { port })).toBeUndefined();
    expect(checkRequest({ host: 'localhost:4321', origin: 'http://localhost:6274' }, { port })).toBeUndefined();
    expect(checkRequest({ host: 'LOCALHOST:4321', origin: 'http://127.0.0.1:4321' }, { port })).toBeUndefined();
  });

  it('refuses other hosts, other ports and missing Host with 403 (DNS rebinding)', () => {
    for (const host of ['evil.example.com', 'evil.example.com:4321', '127.0.0.1:80', '127.0.0.1', '10.0.0.1:4321', undefined]) {
      expect(checkRequest({ host }, { port })?.status, String(host)).toBe(403);
    }
  });

  it('refuses web pages on other origins with 403', () => {
    for (const origin of ['http://evil.example.com', 'null', 'http://127.0.0.1.evil.com', 'https://localhost.evil.com:4321', 'file://']) {
      expect(checkRequest({ host: '127.0.0.1:4321', origin }, { port })?.status, origin).toBe(403);
    }
  });

  it('requires the bearer token when one is set (401 with WWW-Authenticate)', () => {
    const token = 'secret-token-123';
    const refusal = checkRequest({ host: '127.0.0.1:4321' }, { port, token });
    expect(refusal?.status).toBe(401);
    expect(refusal?.headers?.['WWW-Authenticate']).toMatch(/^Bearer/);
    expect(checkRequest({ host: '127.0.0.1:4321', authorization: 'Bearer wrong' }, { port, token })?.status).toBe(401);
    expect(checkRequest({ host: '127.0.0.1:4321', authorization: `Basic ${token}` }, { port, token })?.status).toBe(401);
    expect(checkRequest({ host: '127.0.0.1:4321', authorization: `Bearer ${token}` }, { port, token })).toBeUndefined();
    expect(checkRequest({ host: '127.0.0.1:4321', authorization: `bearer ${token}` }, { port, token })).toBeUndefined();
    expect(refusal?.message).not.toContain(token);
  });
});

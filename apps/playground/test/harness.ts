import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const APP_DIR = new URL('..', import.meta.url).pathname;
export const DIST = join(APP_DIR, 'dist');

/** Debian's Chromium (apt-get install chromium); SPACELINT_CHROMIUM overrides. Never downloaded. */
export const CHROMIUM = process.env.SPACELINT_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `skipped: no Chromium at ${CHROMIUM} (install Debian's: apt-get install chromium; .ci/run does)`;

/** The built page; built here when a test runs before `npm run build`. */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) execFileSync('npm', ['run', 'build'], { cwd: APP_DIR, stdio: 'inherit' });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A plain static file server for dist/ on 127.0.0.1 (what a static Space host does); counts bytes sent. */
export async function serveDist(): Promise<{ url: string; bytesSent: () => number; close: () => Promise<void> }> {
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return void res.end('not found');
    }
    const body = readFileSync(file);
    // As a static host does: hashed assets are immutable, everything answers a revalidation with 304.
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const cache = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': cache });
      return void res.end();
    }
    sent += body.length;
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': cache, ETag: etag });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytesSent: () => sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Chromium as the machine notes say: headless, no sandbox (root), no GPU, and no background networking
 * (this machine has no network but loopback), with a fresh profile so every launch starts cold.
 */
export async function launchChromium(): Promise<Browser> {
  // playwright-core gives every launch a fresh temporary --user-data-dir; each newContext() starts cold.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

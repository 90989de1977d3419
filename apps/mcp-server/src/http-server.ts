import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest } from './request-guard.js';
import { HttpSessions, jsonRpcError, type ServerSetup } from './sdk-server.js';

/** Largest request body read (inline `files` of a Space fit well below). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
export const MCP_PATH = '/mcp';

export interface HttpServerOptions {
  port: number;
  token?: string;
}

/**
 * Streamable HTTP on 127.0.0.1 only. Every request passes the Host/Origin/bearer guard first; the body is
 * read with a size limit; then the MCP session handles it.
 */
export async function startHttpServer(setup: ServerSetup, options: HttpServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  let port = options.port;
  const sessions = new HttpSessions(setup);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const path = (req.url ?? '/').split('?')[0];
        const refusal = checkRequest(req.headers, { port, token: options.token });
        if (refusal) {
          setup.logger.log('warning', `refused ${req.method} ${path}: ${refusal.status} ${refusal.message}`);
          return jsonRpcError(res, refusal.status, -32000, refusal.message, refusal.headers);
        }
        if (path !== MCP_PATH) return jsonRpcError(res, 404, -32000, `Not found: the MCP endpoint is ${MCP_PATH}`);
        if (!['POST', 'GET', 'DELETE'].includes(req.method ?? '')) {
          return jsonRpcError(res, 405, -32000, 'Method not allowed', { Allow: 'GET, POST, DELETE' });
        }
        let body: unknown;
        if (req.method === 'POST') {
          const text = await readBody(req);
          if (text === undefined) return jsonRpcError(res, 413, -32000, `Request body over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
          try {
            body = JSON.parse(text);
          } catch {
            return jsonRpcError(res, 400, -32700, 'Parse error: the body is not JSON');
          }
        }
        await sessions.handle(req, res, body);
      } catch (error) {
        setup.logger.error(`HTTP request failed: ${(error as Error)?.stack ?? String(error)}`);
        jsonRpcError(res, 500, -32603, 'Internal error');
      }
    })();
  });
  // Long-lived SSE streams must not be cut by Node's request timeout.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}${MCP_PATH}`;
  return {
    url,
    async close() {
      await sessions.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

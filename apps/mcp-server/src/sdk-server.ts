import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest, ListToolsRequestSchema, type CallToolResult, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { deserializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { z } from 'zod';
import type { Logger } from './logger.js';
import type { PromptDefinition } from './prompts.js';
import type { ResourceDefinition } from './resources.js';
import { toolList, type ToolListEntry } from './tool-list.js';
import { ToolError, type LogLevel, type ServerServices, type ToolContext, type ToolDefinition } from './tool.js';

/**
 * The one module that touches the MCP SDK (@modelcontextprotocol/sdk 1.x): it turns the plain tool,
 * resource and prompt definitions into an MCP server and serves it over stdio or Streamable HTTP.
 * A move to SDK v2 (@modelcontextprotocol/server) changes this file only.
 */
export interface ServerSetup {
  name: string;
  version: string;
  instructions: string;
  tools: ToolDefinition[];
  resources: ResourceDefinition[];
  prompts: PromptDefinition[];
  services: ServerServices;
  logger: Logger;
  /** Called once, shortly after the first tools/list answer: loads what the first tool call needs. */
  warmUp?: () => void;
}

let warmUpScheduled = false;

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

declare const SPACELINT_TOOL_LIST: ToolListEntry[] | undefined;
const PRECOMPUTED_TOOL_LIST = typeof SPACELINT_TOOL_LIST === 'undefined' ? undefined : SPACELINT_TOOL_LIST;

/** One MCP server (one per stdio process, one per HTTP session), sharing the process-wide services. */
export function createMcpServer(setup: ServerSetup): McpServer {
  const server = new McpServer(
    { name: setup.name, version: setup.version, title: 'spacelint' },
    { capabilities: { tools: {}, resources: {}, prompts: {}, logging: {} }, instructions: setup.instructions },
  );
  const { redactor } = setup.services;

  for (const tool of setup.tools) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.inputSchema, outputSchema: tool.outputSchema, annotations: { title: tool.title, ...tool.annotations } },
      ((args: unknown, extra: Extra) => runTool(server, setup, tool, args, extra)) as never,
    );
  }
  let listed: ToolListEntry[] | undefined;
  // The SDK would advertise draft-07 schemas; this list says 2020-12. The bundle carries it precomputed
  // (scripts/bundle.mjs), so no schema is converted at run time.
  server.server.setRequestHandler(ListToolsRequestSchema, () => {
    if (setup.warmUp && !warmUpScheduled) {
      warmUpScheduled = true;
      // After the answer is on its way, not before: start-up and tools/list stay free of the parser.
      setTimeout(setup.warmUp, 20).unref();
    }
    return { tools: (listed ??= toolList(setup.tools, PRECOMPUTED_TOOL_LIST)) };
  });

  for (const resource of setup.resources) {
    const metadata = { title: resource.title, description: resource.description, mimeType: resource.mimeType };
    const read = async (uri: URL, variables: Record<string, string | string[]>) => {
      try {
        const text = redactor.redact(await resource.read(uri.href, variables));
        return { contents: [{ uri: uri.href, mimeType: resource.mimeType, text }] };
      } catch (error) {
        throw new Error(redactor.redact((error as Error).message));
      }
    };
    if (resource.uriTemplate) {
      const template = new ResourceTemplate(resource.uriTemplate, {
        list: async () => ({ resources: (await resource.list!()).map((r) => ({ ...r, mimeType: resource.mimeType })) }),
      });
      server.registerResource(resource.name, template, metadata, (uri, variables) => read(uri, variables));
    } else {
      server.registerResource(resource.name, resource.uri!, metadata, (uri) => read(uri, {}));
    }
  }

  for (const prompt of setup.prompts) {
    const shape: Record<string, z.ZodType<string | undefined>> = {};
    for (const a of prompt.arguments) shape[a.name] = a.required ? z.string().describe(a.description) : z.string().optional().describe(a.description);
    server.registerPrompt(prompt.name, { title: prompt.title, description: prompt.description, argsSchema: shape as never }, ((args: Record<string, string | undefined>) => ({
      description: prompt.description,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: redactor.redact(prompt.render(args)) } }],
    })) as never);
  }
  return server;
}

async function runTool(server: McpServer, setup: ServerSetup, tool: ToolDefinition, args: unknown, extra: Extra): Promise<CallToolResult> {
  const { redactor } = setup.services;
  const progressToken = extra._meta?.progressToken;
  const context: ToolContext = {
    services: setup.services,
    signal: extra.signal,
    async progress(progress, total, message) {
      if (progressToken === undefined) return;
      const params = { progressToken, progress, ...(total !== undefined ? { total } : {}), ...(message ? { message: redactor.redact(message) } : {}) };
      await extra.sendNotification({ method: 'notifications/progress', params }).catch(() => {});
      // Let the notification leave before more work: SDK clients drop a progress notification they read in
      // the same chunk as the response, since they handle notifications a tick later than responses.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async log(level: LogLevel, message: string) {
      setup.logger.log(level, `${tool.name}: ${message}`);
      await server.sendLoggingMessage({ level, logger: 'spacelint', data: redactor.redact(message) }, extra.sessionId).catch(() => {});
    },
  };
  const started = performance.now();
  try {
    const output = await tool.handler(args as never, context);
    setup.logger.log('debug', `${tool.name} answered in ${(performance.now() - started).toFixed(1)} ms`);
    return {
      content: [{ type: 'text', text: redactor.redact(output.summary) }],
      structuredContent: redactor.redactDeep(output.structured) as Record<string, unknown>,
    };
  } catch (error) {
    if (error instanceof ToolError) {
      setup.logger.log('debug', `${tool.name} refused: ${error.message}`);
      return { content: [{ type: 'text', text: redactor.redact(error.message) }], isError: true };
    }
    const message = (error as Error)?.message ?? String(error);
    setup.logger.error(`${tool.name} failed: ${(error as Error)?.stack ?? message}`);
    return {
      content: [{ type: 'text', text: redactor.redact(`${tool.name} failed unexpectedly: ${message.split('\n')[0]}. This is a spacelint bug; the server keeps running.`) }],
      isError: true,
    };
  }
}

/** The largest stdio message read (the SDK's own limit); a larger one gets a JSON-RPC error. */
export const MAX_STDIO_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The SDK's stdio transport closes the session when one message exceeds its buffer limit, silently. This one
 * reads line by line with the same limit, but skips the oversized line, answers it with a JSON-RPC error
 * (with the request's id when its envelope shows it) and keeps the session going.
 */
class BoundedStdioTransport extends StdioServerTransport {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** While skipping an oversized line: its first and last bytes, where the JSON-RPC envelope is. */
  private skipped?: { head: string; tail: string };

  constructor() {
    super();
    (this as unknown as { _ondata: (chunk: Buffer) => void })._ondata = (chunk) => this.take(chunk);
  }

  private take(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); ; nl = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (this.skipped) this.skipped.tail = (this.skipped.tail + part.toString('latin1')).slice(-512);
      else if (this.pendingBytes + part.length > MAX_STDIO_MESSAGE_BYTES) {
        const head = Buffer.concat([...this.pending, part])
          .subarray(0, 512)
          .toString('latin1');
        this.skipped = { head, tail: part.subarray(-512).toString('latin1') };
        this.pending = [];
        this.pendingBytes = 0;
      } else {
        this.pending.push(part);
        this.pendingBytes += part.length;
      }
      if (nl === -1) return;
      start = nl + 1;
      this.endLine();
    }
  }

  private endLine(): void {
    if (this.skipped) {
      const { head, tail } = this.skipped;
      this.skipped = undefined;
      const ids = [...tail.matchAll(/"id"\s*:\s*(-?\d+|"[^"\\]{0,200}")/g)];
      const found = ids.at(-1) ?? /"id"\s*:\s*(-?\d+|"[^"\\]{0,200}")/.exec(head);
      const id = found ? (JSON.parse(found[1]) as string | number) : null;
      void this.send({
        jsonrpc: '2.0',
        id,
        error: { code: -32600, message: `Message too large: over ${MAX_STDIO_MESSAGE_BYTES / 1024 / 1024} MB. Send less (e.g. a local \`path\` instead of inline \`files\`).` },
      } as never);
      return;
    }
    const line = Buffer.concat(this.pending).toString('utf8').replace(/\r$/, '');
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim() === '') return;
    try {
      this.onmessage?.(deserializeMessage(line));
    } catch (error) {
      this.onerror?.(error as Error);
    }
  }
}

/** Serves one MCP server over stdin/stdout. */
export async function serveStdio(setup: ServerSetup): Promise<{ close(): Promise<void> }> {
  const server = createMcpServer(setup);
  const transport = new BoundedStdioTransport();
  await server.connect(transport);
  return { close: () => server.close() };
}

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastUsed: number;
}

/**
 * Streamable HTTP sessions: each `initialize` opens a session with its own MCP server (the SDK binds one
 * server to one transport). Idle sessions are closed, and their number is capped.
 */
export class HttpSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly setup: ServerSetup,
    private readonly limits = { maxSessions: 100, idleMs: 30 * 60_000 },
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, limits.idleMs)).unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Handles one request whose body (for POST) is already parsed; guards have run. */
  async handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const header = req.headers['mcp-session-id'];
    const id = Array.isArray(header) ? header[0] : header;
    if (id) {
      const session = this.sessions.get(id);
      if (!session) return jsonRpcError(res, 404, -32001, 'Session not found: initialize a new session');
      session.lastUsed = Date.now();
      await session.transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
      return jsonRpcError(res, 400, -32000, 'Bad Request: send initialize first, then the Mcp-Session-Id it returns with every request');
    }
    if (this.sessions.size >= this.limits.maxSessions) this.closeOldest();
    // Loaded on the first session: stdio mode never pays for the HTTP transport (and its Hono adapter).
    const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
    const server = createMcpServer(this.setup);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        this.sessions.set(sessionId, { transport, server, lastUsed: Date.now() });
      },
      onsessionclosed: (sessionId) => {
        this.sessions.delete(sessionId);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.server.close().catch(() => {})));
  }

  private sweep(): void {
    const cutoff = Date.now() - this.limits.idleMs;
    for (const [id, s] of this.sessions) {
      if (s.lastUsed < cutoff) {
        this.sessions.delete(id);
        void s.server.close().catch(() => {});
      }
    }
  }

  private closeOldest(): void {
    let oldest: [string, Session] | undefined;
    for (const entry of this.sessions) if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (oldest) {
      this.sessions.delete(oldest[0]);
      void oldest[1].server.close().catch(() => {});
    }
  }
}

export function jsonRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

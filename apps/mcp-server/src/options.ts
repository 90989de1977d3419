import { readFileSync } from 'node:fs';
import { parseLogLevel } from './logger.js';
import { TOOL_GROUPS, type LogLevel, type ToolGroup } from './tool.js';

export const DEFAULT_PORT = 3737;

export interface ServerOptions {
  http: boolean;
  port: number;
  groups: ToolGroup[];
  readOnly: boolean;
  roots: string[];
  /** Bearer token HTTP clients must send (from --auth-token-file or SPACELINT_MCP_TOKEN). */
  authToken?: string;
  /** The server's own Hugging Face token (HF_TOKEN) and Hub endpoint (HF_ENDPOINT). */
  hfToken?: string;
  hfEndpoint?: string;
  logLevel: LogLevel;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: spacelint-mcp [options]

MCP server for spacelint: lint, explain, scaffold, deploy and troubleshoot Hugging Face Spaces.

Options:
  --http                   serve Streamable HTTP on 127.0.0.1 instead of stdio
  --port N                 HTTP port (default ${DEFAULT_PORT}; 0 picks a free port and prints the URL on stderr)
  --tools GROUPS           tool groups to offer, comma-separated: lint,observe,deploy (default: all)
  --read-only              offer no tool that changes files or Spaces
  --root DIR               folder local paths must stay in (repeatable; default: the working directory)
  --auth-token-file FILE   HTTP: require this bearer token (or set SPACELINT_MCP_TOKEN)
  --log-level LEVEL        stderr log level: debug, info, warning, error (default: info)
  -h, --help               show this help
  -v, --version            show the version

Environment:
  HF_TOKEN             the server's own Hugging Face token for Hub tools (never taken from clients)
  HF_ENDPOINT          the Hub to use (default https://huggingface.co)
  SPACELINT_MCP_TOKEN  bearer token required from HTTP clients
`;

/** Parses the command line and environment; throws UsageError with a clear message. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerOptions {
  const options: ServerOptions = {
    http: false,
    port: DEFAULT_PORT,
    groups: [...TOOL_GROUPS],
    readOnly: false,
    roots: [],
    logLevel: parseLogLevel(env.SPACELINT_MCP_LOG) ?? 'info',
    help: false,
    version: false,
  };
  let portGiven = false;
  let tokenFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--http':
        options.http = true;
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got ${raw})`);
        options.port = port;
        portGiven = true;
        break;
      }
      case '--tools': {
        const groups = value()
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean);
        const unknown = groups.filter((g) => !TOOL_GROUPS.includes(g as ToolGroup));
        if (unknown.length || groups.length === 0) throw new UsageError(`--tools takes ${TOOL_GROUPS.join(', ')} (comma-separated); got ${unknown.join(', ') || 'nothing'}`);
        options.groups = [...new Set(groups as ToolGroup[])];
        break;
      }
      case '--read-only':
        options.readOnly = true;
        break;
      case '--root':
        options.roots.push(value());
        break;
      case '--auth-token-file':
        tokenFile = value();
        break;
      case '--log-level': {
        const raw = value();
        const level = parseLogLevel(raw);
        if (!level) throw new UsageError(`--log-level takes debug, info, notice, warning or error (got ${raw})`);
        options.logLevel = level;
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (portGiven && !options.http) throw new UsageError('--port goes with --http');
  if (options.roots.length === 0) options.roots.push(cwd);
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(tokenFile, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --auth-token-file ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const token = text.trim();
    if (!token) throw new UsageError(`--auth-token-file ${tokenFile} is empty`);
    options.authToken = token;
  } else if (env.SPACELINT_MCP_TOKEN?.trim()) {
    options.authToken = env.SPACELINT_MCP_TOKEN.trim();
  }
  if (options.authToken !== undefined && /\s/.test(options.authToken)) throw new UsageError('the bearer token must not contain spaces');
  if (env.HF_TOKEN?.trim()) options.hfToken = env.HF_TOKEN.trim();
  if (env.HF_ENDPOINT?.trim()) options.hfEndpoint = env.HF_ENDPOINT.trim().replace(/\/+$/, '');
  return options;
}

import { buildSetup, VERSION } from './setup.js';
import { Logger } from './logger.js';
import { parseOptions, UsageError, USAGE, type ServerOptions } from './options.js';
import { Redactor } from './redaction.js';
import type { ServerSetup } from './sdk-server.js';

/** The `spacelint-mcp` command. */
async function main(): Promise<void> {
  let options: ServerOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`spacelint-mcp: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) return void process.stdout.write(USAGE);
  if (options.version) return void process.stdout.write(`${VERSION}\n`);

  const redactor = new Redactor([options.hfToken, options.authToken]);
  const logger = new Logger(redactor, options.logLevel);
  let setup: ServerSetup;
  try {
    setup = buildSetup(options, logger, redactor);
  } catch (error) {
    process.stderr.write(`spacelint-mcp: ${redactor.redact((error as Error).message)}\n`);
    process.exit(2);
  }
  process.on('unhandledRejection', (reason) => logger.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));

  // The SDK and transports load only now: `--help` and option errors stay instant.
  const sdk = await import('./sdk-server.js');
  let close: () => Promise<void>;
  if (options.http) {
    const { startHttpServer } = await import('./http-server.js');
    const http = await startHttpServer(setup, { port: options.port, token: options.authToken });
    if (!options.authToken && setup.tools.some((t) => t.group === 'deploy')) {
      // Always printed: any local process (another user's, a browser extension's helper) can reach the port.
      process.stderr.write(
        "spacelint-mcp: warning: --http without a bearer token lets any local process use the deploy tools with this server's HF_TOKEN; set --auth-token-file (or SPACELINT_MCP_TOKEN), or pass --read-only or --tools lint,observe\n",
      );
    }
    close = http.close;
    // Always printed, whatever the log level: with --port 0 this line is how a client learns the URL.
    process.stderr.write(`spacelint-mcp: listening on ${http.url} (${setup.tools.length} tools; roots ${options.roots.join(', ')}${options.authToken ? '; bearer token required' : ''})\n`);
  } else {
    if (options.authToken) logger.warn('a bearer token only applies to --http; stdio is reachable by the parent process alone');
    const stdio = await sdk.serveStdio(setup);
    close = stdio.close;
    logger.log('debug', `serving ${setup.tools.length} tools on stdio`);
    process.stdin.on('end', () => void shutdown());
  }
  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    await close().catch(() => {});
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main();

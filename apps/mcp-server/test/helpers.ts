import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(APP_ROOT, 'dist', 'spacelint-mcp.mjs');

/** The tests run the built server; build it when it is missing (npm test builds it first anyway). */
export function ensureBuilt(): void {
  if (existsSync(BUNDLE)) return;
  const result = spawnSync(process.execPath, [join(APP_ROOT, 'scripts', 'bundle.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bundle failed:\n${result.stderr}`);
}

/** A clean environment for spawned servers: the SDK's stdio transport would otherwise pass a reduced one. */
export function serverEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface StdioServer {
  client: Client;
  stderr(): string;
  /** Every message the server sent, in wire order (the SDK client handles notifications a tick late). */
  received: { method?: string; id?: unknown; params?: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function connectStdio(args: string[], env: Record<string, string>, cwd?: string): Promise<StdioServer> {
  ensureBuilt();
  const transport = new StdioClientTransport({ command: process.execPath, args: [BUNDLE, ...args], env, stderr: 'pipe', cwd });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'spacelint-test', version: '1.0.0' });
  await client.connect(transport);
  const received: StdioServer['received'] = [];
  const handle = transport.onmessage!;
  transport.onmessage = (message) => {
    received.push(message as StdioServer['received'][number]);
    handle(message);
  };
  return { client, stderr: () => stderr, received, close: () => client.close() };
}

export interface HttpServerProcess {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns `spacelint-mcp --http --port 0 ...` and reads the URL it prints on stderr. */
export async function startHttpServer(args: string[], env: Record<string, string>, cwd?: string): Promise<HttpServerProcess> {
  ensureBuilt();
  const child = spawn(process.execPath, [BUNDLE, '--http', '--port', '0', ...args], { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL on stderr within 10 s:\n${stderr}`)), 10_000);
    child.stderr!.on('data', (d) => {
      stderr += String(d);
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export async function connectHttp(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'spacelint-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A temporary folder (real path) to use as `--root`, with Spaces written into it. */
export function tempRoot(prefix = 'spacelint-mcp-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function writeSpace(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A Space with a few findings of each kind: two README problems, one of them fixable. */
export const BROKEN_SPACE = {
  'README.md': '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\ncolorfrom: red\nsuggested_hardware: a10g_small\n---\n# Demo\n',
  'app.py': 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10).launch()\n',
  'requirements.txt': 'numpy\n',
};

export const CLEAN_README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n# Demo\n';

/** Text content of a tool result. */
export function text(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((c) => c.text ?? '').join('\n');
}

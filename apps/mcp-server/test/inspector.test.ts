import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_SPACE, BUNDLE, ensureBuilt, startHttpServer, serverEnv, tempRoot, writeSpace, type HttpServerProcess } from './helpers.js';
import { INSPECTOR, NODE22, NODE22_MISSING, NODE22_SKIP_REASON } from './node22-tools.js';

/**
 * The official MCP Inspector CLI (2.x, an SDK v2 client on Node 22) against the built server: a newer
 * client must be able to list and call the tools, and its --strict check must find the schemas portable.
 */
const run = promisify(execFile);

if (NODE22_MISSING) console.warn(`inspector.test.ts: ${NODE22_SKIP_REASON}`);

describe.skipIf(NODE22_MISSING)(NODE22_MISSING ? `MCP Inspector CLI (skipped: ${NODE22_SKIP_REASON})` : 'MCP Inspector CLI 2.x', () => {
  let root: string;
  let home: string;
  let http: HttpServerProcess;

  beforeAll(async () => {
    ensureBuilt();
    root = tempRoot();
    home = join(root, 'home'); // the Inspector keeps a catalog under $HOME
    mkdirSync(home);
    writeSpace(join(root, 'broken'), BROKEN_SPACE);
    http = await startHttpServer(['--root', root], serverEnv());
  });
  afterAll(async () => http?.stop());

  /** Runs `inspector --cli --format json ...` and returns its exit code and parsed output. */
  async function inspector(args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
    const env = { PATH: `${join(NODE22, '..')}:${process.env.PATH}`, HOME: home };
    try {
      const { stdout, stderr } = await run(NODE22, [INSPECTOR, '--cli', '--format', 'json', ...args], { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
      return { code: 0, json: JSON.parse(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, json: e.stdout ? JSON.parse(e.stdout.trim().split('\n')[0]) : {}, stderr: e.stderr };
    }
  }

  const stdioServer = () => [process.execPath, BUNDLE, '--root', root];

  it('tools/list over stdio: every tool, and --strict finds no portability problem', async () => {
    const { code, json, stderr } = await inspector(['--strict', ...stdioServer(), '--method', 'tools/list']);
    expect(code, stderr).toBe(0);
    const tools = (json.result as { tools: { name: string; annotations?: { readOnlyHint?: boolean } }[] }).tools;
    expect(tools).toHaveLength(22);
    expect(tools[0]).toMatchObject({ name: 'lint_space', annotations: { readOnlyHint: true } });
    expect(stderr).not.toMatch(/Warning|Error/);
  });

  it('tools/call over stdio returns structured findings; a tool error exits 5 (tool_is_error)', async () => {
    const ok = await inspector([...stdioServer(), '--method', 'tools/call', '--tool-name', 'lint_space', '--tool-args-json', JSON.stringify({ path: 'broken' })]);
    expect(ok.code, ok.stderr).toBe(0);
    const result = ok.json.result as { structuredContent: { diagnostics: { ruleId: string }[] } };
    expect(result.structuredContent.diagnostics.map((d) => d.ruleId)).toContain('config-invalid-value');
    const refused = await inspector([...stdioServer(), '--method', 'tools/call', '--tool-name', 'lint_space', '--tool-args-json', JSON.stringify({ path: '/' })]);
    expect(refused.code).toBe(5);
  });

  it('tools/list and tools/call over Streamable HTTP', async () => {
    const list = await inspector([http.url, '--method', 'tools/list']);
    expect(list.code, list.stderr).toBe(0);
    expect((list.json.result as { tools: unknown[] }).tools).toHaveLength(22);
    const call = await inspector([http.url, '--method', 'tools/call', '--tool-name', 'explain_rule', '--tool-args-json', JSON.stringify({ rules: ['config-invalid-value'] })]);
    expect(call.code, call.stderr).toBe(0);
    expect((call.json.result as { structuredContent: { rules: { id: string }[] } }).structuredContent.rules[0].id).toBe('config-invalid-value');
  });
});

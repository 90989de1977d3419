import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, serverEnv, startHttpServer, tempRoot, type HttpServerProcess } from './helpers.js';
import { CONFORMANCE, NODE22, NODE22_MISSING, NODE22_SKIP_REASON } from './node22-tools.js';

/**
 * The official MCP conformance suite (server mode, Node 22) against `spacelint-mcp --http`. Known failures
 * are listed with their reasons in conformance-baseline.yml; the suite itself fails the run on a new
 * failure and on a baseline entry that starts passing.
 */
const run = promisify(execFile);
const BASELINE = join(APP_ROOT, 'test', 'conformance-baseline.yml');

/** Scenarios that apply to this server and must pass. */
const MUST_PASS = ['server-initialize', 'ping', 'logging-set-level', 'tools-list', 'tools-call-error', 'resources-list', 'prompts-list', 'server-sse-multiple-streams', 'dns-rebinding-protection'];

if (NODE22_MISSING) console.warn(`conformance.test.ts: ${NODE22_SKIP_REASON}`);

describe.skipIf(NODE22_MISSING)(NODE22_MISSING ? `MCP conformance suite (skipped: ${NODE22_SKIP_REASON})` : 'MCP conformance suite', () => {
  let http: HttpServerProcess;
  let out: string;

  beforeAll(async () => {
    http = await startHttpServer(['--root', tempRoot()], serverEnv());
    out = tempRoot('spacelint-conformance-');
  });
  afterAll(async () => http?.stop());

  /** Pass/fail per scenario from the suite's checks.json files. */
  function results(dir: string): Map<string, boolean> {
    const byScenario = new Map<string, boolean>();
    for (const entry of readdirSync(dir)) {
      const scenario = entry.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T.*$/, '');
      const checks = JSON.parse(readFileSync(join(dir, entry, 'checks.json'), 'utf8')) as { status: string }[];
      byScenario.set(scenario, (byScenario.get(scenario) ?? true) && checks.every((c) => c.status !== 'FAILURE'));
    }
    return byScenario;
  }

  async function conformance(args: string[], outDir: string): Promise<{ code: number; output: string }> {
    const env = { PATH: `${join(NODE22, '..')}:${process.env.PATH}`, HOME: outDir };
    try {
      const { stdout, stderr } = await run(NODE22, [CONFORMANCE, 'server', '--url', http.url, '-o', outDir, '--expected-failures', BASELINE, ...args], {
        env,
        timeout: 120_000,
        maxBuffer: 32 * 1024 * 1024,
      });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }

  it('passes every scenario that applies (active suite), with only the known failures of the baseline', async () => {
    const dir = join(out, 'active');
    const { code, output } = await conformance([], dir);
    const passed = results(dir);
    for (const scenario of MUST_PASS) expect(passed.get(scenario), `${scenario}\n${output.slice(-3000)}`).toBe(true);
    expect(code, output.slice(-3000)).toBe(0);
  }, 180_000);

  it('json-schema-2020-12 fails only for the missing fixture tool', async () => {
    const dir = join(out, 'json-schema');
    const { code, output } = await conformance(['--scenario', 'json-schema-2020-12'], dir);
    expect(code, output.slice(-2000)).toBe(0); // an expected failure
    const entry = readdirSync(dir)[0];
    const checks = JSON.parse(readFileSync(join(dir, entry, 'checks.json'), 'utf8')) as { status: string; errorMessage?: string }[];
    expect(checks.filter((c) => c.status === 'FAILURE').map((c) => c.errorMessage)).toEqual([expect.stringMatching(/json_schema_2020_12_tool' not found/)]);
  }, 60_000);
});

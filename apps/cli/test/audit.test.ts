/**
 * `spacelint audit` and `spacelint merge` against the fake Hub: 520+ seeded Spaces listed through the
 * paginated Hub API, 429/5xx faults injected (the Hub client retries them), a run killed with SIGKILL and
 * resumed (plus a torn last line) ending with every Space exactly once, shards that split the list
 * deterministically and merge back, and SARIF out of the merged results.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCliAsync as runCli } from './run-cli.js';

const TOKEN = 'hf_auditTestCanaryToken0123456789abcdef';
const ACME = 520;
const CLEAN_README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\n---\n';
const BAD_README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\npython_version: 3.10\n---\n';
const APP = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch()\n';

let fake: FakeHub;
let env: Record<string, string>;
let work: string;
const acmeIds: string[] = [];
const otherIds: string[] = [];

/** Every 4th Space has an unquoted python_version (an error); every 10th is a "chat" Space. */
function seed(owner: string, i: number): string {
  const id = `${owner}/${i % 10 === 0 ? 'chat' : 'space'}-${String(i).padStart(3, '0')}`;
  fake.seedSpace(id, { 'README.md': i % 4 === 0 ? BAD_README : CLEAN_README, 'app.py': APP });
  return id;
}

beforeAll(async () => {
  fake = await createFakeHub({ tokens: { [TOKEN]: { user: 'auditor', role: 'read' } }, pageSize: 100 });
  env = { HF_ENDPOINT: fake.url, HF_TOKEN: TOKEN };
  work = mkdtempSync(join(tmpdir(), 'spacelint-audit-'));
  for (let i = 0; i < ACME; i++) acmeIds.push(seed('acme', i));
  for (let i = 0; i < 30; i++) otherIds.push(seed('other', i));
});
afterAll(async () => {
  await fake?.close();
});

interface Line {
  space: string;
  status: 'ok' | 'failed';
  errors?: number;
  diagnostics?: { ruleId: string; level: string; file: string }[];
  error?: string;
}
const lines = (file: string): Line[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
const noLeak = (...texts: string[]) => texts.forEach((t) => expect(t).not.toContain(TOKEN));

/** Starts the CLI and SIGKILLs it once the output file holds `after` lines. */
function runUntilKilled(args: string[], file: string, after: number): Promise<{ killedAt: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let killedAt = -1;
    const poll = setInterval(() => {
      const n = existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
      if (n >= after && killedAt < 0) {
        killedAt = n;
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve({ killedAt, stderr });
    });
  });
}

describe('spacelint audit', () => {
  it(`lists ${ACME} Spaces page by page, survives 429/5xx, is killed, resumes, and ends with every Space exactly once`, { timeout: 180_000 }, async () => {
    const out = join(work, 'acme.jsonl');
    const before = fake.requests.length;
    // Faults the Hub client retries: each request meets at most 3 of them, under its 5 attempts.
    const faults = [
      fake.inject({ method: 'GET', path: '/api/spaces', status: 429, times: 2, retryAfter: 0 }),
      fake.inject({ method: 'GET', path: /^\/api\/spaces\/acme\/[^/]+\/revision\//, status: 429, times: 3, retryAfter: 0 }),
      fake.inject({ method: 'GET', path: /^\/api\/spaces\/acme\/[^/]+\/tree\//, status: 503, times: 3 }),
      fake.inject({ method: 'GET', path: /^\/spaces\/acme\/[^/]+\/resolve\//, status: 500, times: 3 }),
    ];
    const killed = await runUntilKilled(['audit', '--author', 'acme', '--out', out, '--concurrency', '8'], out, 150);
    expect(killed.killedAt).toBeGreaterThanOrEqual(150);
    const first = lines(out);
    expect(first.length).toBeLessThan(ACME); // it was killed before the end
    expect(faults.map((f) => f.hits)).toEqual([2, 3, 3, 3]);
    const served = fake.requests.slice(before);
    const listing = served.filter((r) => r.path === '/api/spaces');
    expect(listing.filter((r) => r.status === 200).length).toBe(Math.ceil((ACME + 0) / 100)); // 6 pages of 100
    expect(served.filter((r) => r.status === 429 || r.status >= 500).length).toBe(11);
    expect(killed.stderr).toContain('spacelint audit: listing the Spaces of acme');

    // A kill while a line was being written leaves it torn: resume drops it and redoes that Space.
    appendFileSync(out, '{"space":"acme/space-9');
    const resumed = await runCli(['audit', '--author', 'acme', '--out', out, '--resume', '--concurrency', '8'], { cwd: work, env });
    noLeak(resumed.stdout, resumed.stderr, readFileSync(out, 'utf8'));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${ACME} Spaces, ${first.length} already in the file`);
    expect(resumed.stderr).toMatch(new RegExp(`spacelint audit: ${ACME}/${ACME} Spaces\\n`));

    const all = lines(out);
    expect(all.map((l) => l.space).sort()).toEqual([...acmeIds].sort());
    expect(all.every((l) => l.status === 'ok')).toBe(true);
    // The findings are the lint's: every 4th Space has the unquoted python_version error, the rest none.
    for (const l of all) {
      const bad = Number(l.space.slice(-3)) % 4 === 0;
      expect(
        l.diagnostics!.filter((d) => d.level === 'error').map((d) => `${d.file} ${d.ruleId}`),
        l.space,
      ).toEqual(bad ? ['README.md config-python-version'] : []);
    }
    expect(resumed.stdout).toContain(`${ACME} Spaces: ${ACME} audited, 0 failed`);
    expect(resumed.stdout).toMatch(new RegExp(`^ +${ACME / 4} +${ACME / 4}  config-python-version +${ACME / 4} error$`, 'm'));

    // Nothing left: a second resume lints nothing and prints the same summary.
    const again = await runCli(['audit', '--author', 'acme', '--out', out, '--resume', '-f', 'json'], { cwd: work, env });
    expect(JSON.parse(again.stdout)).toMatchObject({ spaces: ACME, audited: ACME, failed: 0, withErrors: ACME / 4 });
    expect(lines(out)).toHaveLength(ACME);
  });

  it('a Space that keeps failing is recorded as failed (exit 1); --resume --retry-failed redoes only it', { timeout: 60_000 }, async () => {
    const out = join(work, 'failing.jsonl');
    const list = join(work, 'list.txt');
    writeFileSync(list, `# three Spaces\n${otherIds[1]}\nhf://spaces/${otherIds[2]}\nhttps://huggingface.co/spaces/${otherIds[3]}\n\n`);
    const fault = fake.inject({ method: 'GET', path: `/api/spaces/${otherIds[2]}/revision/*`, status: 429, times: Infinity, retryAfter: 0 });
    const r = await runCli(['audit', '--list', list, '--out', out], { cwd: work, env });
    expect(r.status, r.stderr).toBe(1);
    const failed = lines(out).filter((l) => l.status === 'failed');
    expect(failed.map((l) => l.space)).toEqual([otherIds[2]]);
    expect(failed[0].error).toMatch(/rate|429|too many/i);
    expect(r.stdout).toContain('3 Spaces: 2 audited, 1 failed');
    fake.inject({ reset: true });
    expect(fault.hits).toBeGreaterThanOrEqual(5);
    const retried = await runCli(['audit', '--list', list, '--out', out, '--resume', '--retry-failed'], { cwd: work, env });
    expect(retried.status, retried.stderr).toBe(0);
    expect(
      lines(out)
        .map((l) => `${l.space} ${l.status}`)
        .sort(),
    ).toEqual([otherIds[1], otherIds[2], otherIds[3]].map((id) => `${id} ok`).sort());
  });

  it('--search lists the matching Spaces of every author', { timeout: 60_000 }, async () => {
    const out = join(work, 'chat.jsonl');
    const r = await runCli(['audit', '--search', 'chat', '--out', out, '-f', 'json'], { cwd: work, env });
    expect(r.status, r.stderr).toBe(0);
    expect(
      lines(out)
        .map((l) => l.space)
        .sort(),
    ).toEqual([...acmeIds, ...otherIds].filter((id) => id.includes('chat')).sort());
  });

  it('--shard i/n splits the list deterministically; merge joins the shards (JSONL, SARIF)', { timeout: 120_000 }, async () => {
    const shards = [1, 2, 3].map((i) => join(work, `shards/other.${i}-of-3.jsonl`)); // the folder is created
    for (const [k, file] of shards.entries()) {
      const r = await runCli(['audit', '--author', 'other', '--shard', `${k + 1}/3`, '--out', file], { cwd: work, env });
      expect(r.status, r.stderr).toBe(0);
    }
    const parts = shards.map((f) => lines(f).map((l) => l.space));
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(parts.flat().sort()).toEqual([...otherIds].sort()); // disjoint and complete
    // Deterministic: the same shard again (a fresh file) holds the same Spaces.
    const again = join(work, 'other.again.jsonl');
    await runCli(['audit', '--author', 'other', '--shard', '2/3', '--out', again], { cwd: work, env });
    expect(
      lines(again)
        .map((l) => l.space)
        .sort(),
    ).toEqual([...parts[1]].sort());

    const merged = join(work, 'merged/other.jsonl');
    const m = await runCli(['merge', ...shards, '-o', merged], { cwd: work });
    expect(m.status, m.stderr).toBe(0);
    expect(lines(merged).map((l) => l.space)).toEqual([...otherIds].sort());
    expect(m.stdout).toContain('30 Spaces: 30 audited, 0 failed');
    // A Space in two inputs comes out once.
    const twice = await runCli(['merge', shards[0], shards[0], shards[1]], { cwd: work });
    expect(twice.stdout.trim().split('\n')).toHaveLength(parts[0].length + parts[1].length);

    const findings = lines(merged).flatMap((l) => l.diagnostics ?? []).length;
    const sarif = await runCli(['merge', ...shards, '--format', 'sarif', '-o', join(work, 'other.sarif')], { cwd: work });
    expect(sarif.status, sarif.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(work, 'other.sarif'), 'utf8')) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.runs[0].results).toHaveLength(findings);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^hf:\/\/spaces\/other\//);

    // SARIF files of several jobs merge into one run, every ruleIndex pointing at its rule.
    const perShard = await Promise.all(
      shards.map(async (f, i) => {
        const file = join(work, `shard-${i}.sarif`);
        await runCli(['merge', f, '--format', 'sarif', '-o', file], { cwd: work });
        return file;
      }),
    );
    const joined = await runCli(['merge', ...perShard], { cwd: work });
    const one = JSON.parse(joined.stdout) as typeof log;
    expect(one.runs).toHaveLength(1);
    expect(one.runs[0].results).toHaveLength(findings);
    for (const r of one.runs[0].results) expect(one.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('says what is wrong in one line (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['audit'], /needs --author, --search, --list or Space ids/],
      [['audit', '--author', 'acme', '--shard', '4/3'], /--shard must be i\/n/],
      [['audit', 'not a space'], /is not a Space id/],
      [['audit', '--author', 'acme', '--retry-failed'], /--retry-failed goes with --resume/],
      [['merge'], /usage: spacelint merge/],
      [['merge', join(work, 'list.txt')], /neither a spacelint audit JSONL file nor a SARIF file/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: work, env });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(work, 'exists.jsonl'), '');
    const exists = await runCli(['audit', '--author', 'acme', '--out', 'exists.jsonl'], { cwd: work, env });
    expect(exists.stderr).toMatch(/exists.jsonl already exists: --resume continues it/);
  });
});

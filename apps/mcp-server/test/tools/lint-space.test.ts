import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, connectStdio, serverEnv, tempRoot, text, type StdioServer } from '../helpers.js';

describe('lint_space shrinks its result on request', () => {
  let server: StdioServer;
  beforeAll(async () => {
    const root = tempRoot();
    // The example with a finding of most kinds (20 findings).
    cpSync(join(APP_ROOT, '../../examples/bad-gradio-zerogpu'), join(root, 'broken'), { recursive: true });
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());
  const lint = async (args: Record<string, unknown>) => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'broken', ...args } });
    return { result, out: result.structuredContent as { diagnostics: { ruleId: string; level: string }[]; total: number; summary: { errors: number; warnings: number; infos: number } } };
  };

  it('min_level, rule_ids, limit and offset', async () => {
    const { out: all } = await lint({});
    expect(all.total).toBeGreaterThan(10);
    const { out: errors } = await lint({ min_level: 'error' });
    expect(errors.diagnostics.every((d) => d.level === 'error')).toBe(true);
    expect(errors.summary).toMatchObject({ warnings: 0, infos: 0 });
    const { out: one } = await lint({ rule_ids: ['config-unknown-key'] });
    expect(new Set(one.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['config-unknown-key']));
    const { result, out: page } = await lint({ limit: 1, offset: 1 });
    expect(page.diagnostics).toEqual([all.diagnostics[1]]);
    expect(page.total).toBe(all.total);
    expect(text(result)).toMatch(new RegExp(`showing 2-2 of ${all.total}`));
    expect(text(result)).toMatch(/call again with offset 2/);
  });

  it('says "did you mean" for a mistyped rule id', async () => {
    const { result } = await lint({ rule_ids: ['config-unknwn-key'] });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/unknown rule `config-unknwn-key` in `rule_ids` \(did you mean `config-unknown-key`\?\)/);
  });
});

import { getRule, renderRuleDoc } from '@spacelint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStdio, serverEnv, tempRoot, text, type StdioServer } from '../helpers.js';

describe('explain_rule', () => {
  let server: StdioServer;
  beforeAll(async () => {
    server = await connectStdio(['--root', tempRoot()], serverEnv());
  });
  afterAll(async () => server?.close());

  it("prints core's one rule doc, the text of `spacelint explain` and of the rule resource, naming fix_space for the autofix", async () => {
    const result = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ['gradio-share-true'] } });
    const doc = renderRuleDoc(getRule('gradio-share-true')!).replaceAll('`--fix`', '`fix_space`');
    expect(getRule('gradio-share-true')!.fixable).toBe(true);
    expect(doc).toContain('autofix (`fix_space`)');
    expect(text(result)).toBe(doc);
    const resource = await server.client.readResource({ uri: 'spacelint://rules/gradio-share-true' });
    expect((resource.contents[0] as { text: string }).text).toBe(doc);
  });

  it('brief mode, several rules per call', async () => {
    const result = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ['config-unknown-key', 'gradio-share-true'], brief: true } });
    const out = result.structuredContent as { rules: { id: string; doc?: string; howToFix: string }[] };
    expect(out.rules.map((r) => r.id)).toEqual(['config-unknown-key', 'gradio-share-true']);
    expect(out.rules.every((r) => r.doc === undefined && r.howToFix.length > 10)).toBe(true);
    expect(text(result).length).toBeLessThan(2000);
    expect(text(result)).toMatch(/^config-unknown-key \(warning[^\n]*\nFix: /);
  });
});

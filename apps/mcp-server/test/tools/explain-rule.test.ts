import { join } from 'node:path';
import { getRule, listRules, renderRuleDoc } from '@spacelint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_README, connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from '../helpers.js';

/** A CLI invocation in backticks (`spacelint init`, `spacelint --fix`) or the CLI's fix flag. */
const CLI_WORDS = /`spacelint [a-z-]|--fix/;

describe('explain_rule', () => {
  let server: StdioServer;
  let root: string;
  beforeAll(async () => {
    root = tempRoot();
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

  it('prints core\'s one rule doc, the text of `spacelint explain` and of the rule resource, naming fix_space for the autofix', async () => {
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

  it('no rule doc or how-to-fix names a CLI command: the autofix is fix_space', async () => {
    const ids = listRules().map((r) => r.id);
    let docs = '';
    for (let i = 0; i < ids.length; i += 20) {
      const result = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ids.slice(i, i + 20) } });
      expect(result.isError, text(result)).toBeFalsy();
      docs += JSON.stringify(result);
    }
    expect(docs).not.toMatch(CLI_WORDS);
    // Rules whose how-to-fix says `--fix` for the CLI and ESLint say fix_space here.
    const brief = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ['gradio-share-true', 'unused-directive'], brief: true } });
    expect((brief.structuredContent as { rules: { howToFix: string }[] }).rules.map((r) => r.howToFix)).toEqual([
      expect.stringContaining('(`fix_space` does it)'),
      expect.stringContaining('(`fix_space` does it)'),
    ]);
  });

  it('findings and fix_space guidance name MCP tools: set_space_hardware for a `hardware:` key, fix_space for the autofix', async () => {
    const readme = CLEAN_README.replace('app_file: app.py\n', 'app_file: app.py\nhardware: t4-small\n');
    const app = 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").queue(max_size=8).launch(share=True)\n';
    writeSpace(join(root, 'words'), { 'README.md': readme, 'app.py': app });
    const lint = await server.client.callTool({ name: 'lint_space', arguments: { path: join(root, 'words') } });
    const findings = (lint.structuredContent as { diagnostics: { ruleId: string; message: string }[] }).diagnostics;
    expect(findings.find((f) => f.ruleId === 'config-unknown-key')?.message).toMatch(/`set_space_hardware` tool/);
    expect(text(lint)).not.toMatch(CLI_WORDS);
    const fix = await server.client.callTool({ name: 'fix_space', arguments: { path: join(root, 'words'), dry_run: true } });
    expect(fix.isError, text(fix)).toBeFalsy();
    expect(text(fix)).not.toMatch(CLI_WORDS);
    const guidance = (fix.structuredContent as { guidance: Record<string, string> }).guidance;
    expect(Object.keys(guidance)).toContain('config-unknown-key');
    expect(JSON.stringify(guidance)).not.toMatch(CLI_WORDS);
  });
});

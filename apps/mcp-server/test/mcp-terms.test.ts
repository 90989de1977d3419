import { join } from 'node:path';
import { listRules } from '@spacelint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_README, connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from './helpers.js';

/** A CLI invocation in backticks (`spacelint init`, `spacelint --fix`) or the CLI's fix flag. */
const CLI_WORDS = /`spacelint [a-z-]|--fix/;

/**
 * Rule texts are shared with the CLI and ESLint; what this server sends names its own tools: `fix_space`
 * for the autofix, the MCP tools for what a README key cannot do.
 */
describe('results name MCP tools, not CLI commands', () => {
  let server: StdioServer;
  let root: string;
  beforeAll(async () => {
    root = tempRoot();
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

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
    // The CLI's "fixable with --fix" line, in MCP terms: which tool applies what.
    expect(text(lint)).toMatch(/\nfix_space applies the \[fixable\] fixes; apply_suggestions: \["config-unknown-key", "gradio-share-true"\] applies the suggestions\.$/);
    const fix = await server.client.callTool({ name: 'fix_space', arguments: { path: join(root, 'words'), dry_run: true } });
    expect(fix.isError, text(fix)).toBeFalsy();
    expect(text(fix)).not.toMatch(CLI_WORDS);
    const guidance = (fix.structuredContent as { guidance: Record<string, string> }).guidance;
    expect(Object.keys(guidance)).toContain('config-unknown-key');
    expect(JSON.stringify(guidance)).not.toMatch(CLI_WORDS);
  });
});

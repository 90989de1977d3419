import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDWARE } from '@spacelint/core';
import { toolList } from '../src/tool-list.js';
import { BROKEN_SPACE, CLEAN_README, connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from './helpers.js';

/** The built server over real stdio, driven by the official SDK client. */

const EXPECTED_TOOLS: Record<string, { readOnlyHint: boolean; destructiveHint?: boolean; openWorldHint: boolean }> = {
  lint_space: { readOnlyHint: true, openWorldHint: true },
  fix_space: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
  explain_rule: { readOnlyHint: true, openWorldHint: false },
  list_rules: { readOnlyHint: true, openWorldHint: false },
  validate_space_config: { readOnlyHint: true, openWorldHint: false },
  scaffold_space: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  whoami: { readOnlyHint: true, openWorldHint: true },
  space_status: { readOnlyHint: true, openWorldHint: true },
  wait_for_space: { readOnlyHint: true, openWorldHint: true },
  space_logs: { readOnlyHint: true, openWorldHint: true },
  diagnose_space: { readOnlyHint: true, openWorldHint: true },
  read_space_files: { readOnlyHint: true, openWorldHint: true },
  create_space: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  deploy_space: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  set_space_secret: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  delete_space_secret: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  set_space_variable: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  delete_space_variable: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  set_space_hardware: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  set_space_sleep_time: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  restart_space: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  pause_space: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
};

/** MCP's defaults for the hints: tools/list leaves out a hint that has its default value. */
const HINT_DEFAULTS = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
const withDefaults = (annotations: object | undefined) => ({ ...HINT_DEFAULTS, ...annotations });

describe('spacelint-mcp over stdio', () => {
  let server: StdioServer;
  let root: string;

  beforeAll(async () => {
    root = tempRoot();
    writeSpace(join(root, 'broken'), BROKEN_SPACE);
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

  it('lists every tool with a 2020-12 input and output schema and the annotations that fit it', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(Object.keys(EXPECTED_TOOLS));
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description!.length, tool.name).toBeGreaterThan(30);
      // 2020-12 is MCP's default dialect: no `$schema` repeated in every schema of the list.
      expect(tool.inputSchema.$schema, tool.name).toBeUndefined();
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(JSON.stringify(tool), `${tool.name}: no safe-integer bounds`).not.toContain('9007199254740991');
      expect(withDefaults(tool.annotations), tool.name).toMatchObject(EXPECTED_TOOLS[tool.name]);
      // Every argument is described.
      for (const [arg, schema] of Object.entries(tool.inputSchema.properties ?? {}) as [string, { description?: string }][]) {
        expect(schema.description, `${tool.name}.${arg} description`).toBeTruthy();
      }
      for (const arg of Object.keys(tool.inputSchema.properties ?? {})) expect(arg, `${tool.name} argument`).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
    const props = (name: string) => Object.keys(tools.find((t) => t.name === name)!.inputSchema.properties ?? {}).sort();
    expect(props('lint_space')).toEqual(['files', 'limit', 'min_level', 'offset', 'path', 'revision', 'rule_ids', 'rules', 'space']);
    expect(tools.find((t) => t.name === 'lint_space')!.inputSchema.oneOf).toEqual([{ required: ['path'] }, { required: ['space'] }, { required: ['files'] }]);
    expect(props('deploy_space')).toEqual(['delete_removed', 'dry_run', 'force', 'message', 'path', 'space']);
    expect(props('set_space_secret')).toEqual(['description', 'key', 'space', 'value']);
    expect(props('restart_space')).toEqual(['factory', 'space']);
    expect(props('space_logs')).toEqual(['kind', 'lines', 'space']);
    expect(props('scaffold_space')).toEqual(['hardware', 'inputs', 'path', 'persistent_data', 'sdk', 'secrets', 'title', 'zerogpu']);
    expect(props('fix_space')).toEqual(['apply_suggestions', 'dry_run', 'include_diff', 'path']);
    // Enums an agent can pick from rather than guess.
    const hardware = (tools.find((t) => t.name === 'create_space')!.inputSchema.properties as Record<string, { enum?: string[] }>).hardware;
    expect(hardware.enum).toContain('zero-a10g');
    expect(props('create_space')).toEqual(['hardware', 'private', 'sdk', 'space']);
  });

  it('advertises exactly the schemas of the tool definitions (the bundle embeds them precomputed)', async () => {
    const { tools } = await server.client.listTools();
    // The bundler defines the flavor list from core (scripts/bundle.mjs); from the sources, the global does.
    (globalThis as { SPACELINT_HARDWARE?: string[] }).SPACELINT_HARDWARE = HARDWARE.current;
    const { ALL_TOOLS } = await import('../src/tool-catalog.js');
    const expected = toolList(ALL_TOOLS);
    expect(tools.map(({ name, inputSchema, outputSchema, annotations }) => ({ name, inputSchema, outputSchema, annotations }))).toEqual(
      expected.map(({ name, inputSchema, outputSchema, annotations }) => ({ name, inputSchema, outputSchema, annotations })),
    );
  });

  it('lint_space lints a local folder and returns findings with the CLI field names, plus progress', async () => {
    const before = server.received.length;
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'broken' } }, undefined, { onprogress: () => {} });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as { root: string; diagnostics: Record<string, unknown>[]; summary: { errors: number; warnings: number; infos: number } };
    expect(out.root).toBe(join(root, 'broken'));
    const ids = out.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('config-invalid-value');
    expect(ids).toContain('config-unknown-key');
    const invalid = out.diagnostics.find((d) => d.ruleId === 'config-invalid-value')!;
    expect(invalid).toMatchObject({ severity: 2, level: 'error', file: 'README.md', line: 6, fixable: false });
    expect(Object.keys(invalid).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'fixable', 'level', 'line', 'message', 'ruleId', 'severity', 'suggestions']);
    expect((result.structuredContent as { docs: Record<string, string> }).docs['config-invalid-value']).toMatch(/config-invalid-value\.md$/);
    expect(out.summary.errors).toBeGreaterThanOrEqual(1);
    expect(text(result)).toContain('README.md:6:');
    // Text carries what the structured result holds: the docs link once per rule, fixable markers, suggestions.
    expect(text(result).match(/config-invalid-value\.md/g)).toHaveLength(1);
    expect(text(result)).toMatch(/suggestion: /);
    expect(text(result)).toMatch(/\[fixable\]/);
    // On the wire: increasing progress notifications, then the result.
    const sent = server.received.slice(before);
    const progress = sent.filter((m) => m.method === 'notifications/progress').map((m) => m.params!.progress as number);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(sent[sent.length - 1].id).toBeDefined();
  });

  it('lint_space lints inline files and applies rule overrides', async () => {
    const files = { 'README.md': BROKEN_SPACE['README.md'], 'app.py': BROKEN_SPACE['app.py'] };
    const all = await server.client.callTool({ name: 'lint_space', arguments: { files } });
    expect((all.structuredContent as { root: string }).root).toBe('inline files');
    expect(text(all)).toMatch(/^spacelint inline files: /);
    expect(text(all)).not.toContain('memory:');
    const ids = (all.structuredContent as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('config-invalid-value');
    const off = await server.client.callTool({ name: 'lint_space', arguments: { files, rules: { 'config-invalid-value': 'off', 'config-unknown-key': 'info' } } });
    const diagnostics = (off.structuredContent as { diagnostics: { ruleId: string; level: string; severity: number }[] }).diagnostics;
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('config-invalid-value');
    expect(diagnostics.find((d) => d.ruleId === 'config-unknown-key')).toMatchObject({ level: 'info', severity: 1 });
    const clean = await server.client.callTool({ name: 'lint_space', arguments: { files: { 'README.md': CLEAN_README, 'app.py': BROKEN_SPACE['app.py'] } } });
    expect((clean.structuredContent as { summary: object }).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('lint_space refuses unclear input as a tool error, not a crash', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /exactly one of `path`.*got none/],
      [{ path: 'broken', files: { 'README.md': '' } }, /exactly one of .*`path` and `files`/],
      [{ files: { 'README.md': CLEAN_README }, revision: 'main' }, /`revision` goes with `space`/],
      [{ files: { '../etc/passwd': 'x' } }, /repo-relative path/],
      [{ files: {} }, /`files` is empty/],
      [{ path: 'broken', rules: { 'config-unknwn-key': 'off' } }, /unknown rule `config-unknwn-key`.*did you mean `config-unknown-key`/],
      [{ path: 'broken', rules: { 'config-unknown-key': 'loud' } }, /Input validation error/],
      [{ path: 'broken', dryRun: true }, /Input validation error/],
      [{ space: 'not a space id' }, /owner\/name/],
      [{ path: 'missing-folder' }, /does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await server.client.callTool({ name: 'lint_space', arguments: args });
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(text(result), JSON.stringify(args)).toMatch(message);
    }
  });

  it('list_rules and explain_rule return the rule catalogue and docs', async () => {
    const list = await server.client.callTool({ name: 'list_rules', arguments: {} });
    const rules = (list.structuredContent as { rules: { id: string; category: string; severity: string; docsUrl: string }[] }).rules;
    expect(rules.map((r) => r.id)).toContain('config-unknown-key');
    expect(rules.every((r) => r.docsUrl.endsWith(`${r.id}.md`))).toBe(true);
    const config = await server.client.callTool({ name: 'list_rules', arguments: { category: 'config' } });
    expect((config.structuredContent as { rules: { category: string }[] }).rules.every((r) => r.category === 'config')).toBe(true);

    const doc = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ['config-unknown-key'] } });
    const rule = (doc.structuredContent as { rules: { id: string; doc: string; howToFix: string }[] }).rules[0];
    expect(rule.id).toBe('config-unknown-key');
    expect(rule.howToFix.length).toBeGreaterThan(20);
    expect(text(doc)).toContain('# config-unknown-key');
    expect(text(doc)).toContain('## Why');
    const unknown = await server.client.callTool({ name: 'explain_rule', arguments: { rules: ['config-unknow-key'] } });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/did you mean `config-unknown-key`/);
  });

  it('validate_space_config checks README front matter alone and returns the parsed config', async () => {
    const bad = await server.client.callTool({ name: 'validate_space_config', arguments: { readme: BROKEN_SPACE['README.md'] } });
    const out = bad.structuredContent as { diagnostics: { ruleId: string }[]; config: Record<string, unknown> };
    expect(out.diagnostics.map((d) => d.ruleId)).toContain('config-invalid-value');
    expect(out.diagnostics.map((d) => d.ruleId)).not.toContain('config-app-file-missing');
    expect(out.config).toMatchObject({ sdk: 'gradio', sdk_version: '5.49.1' });
    const good = await server.client.callTool({ name: 'validate_space_config', arguments: { readme: CLEAN_README } });
    expect((good.structuredContent as { diagnostics: unknown[] }).diagnostics).toEqual([]);
    // Only the config rules of scope `file` run: the ZeroGPU, launch and app-file rules (scope `space`) would
    // each report what the missing app.py would have answered.
    const zeroGpu = CLEAN_README.replace('app_file: app.py\n', 'app_file: app.py\nsuggested_hardware: zero-a10g\n');
    const alone = await server.client.callTool({ name: 'validate_space_config', arguments: { readme: zeroGpu } });
    expect((alone.structuredContent as { diagnostics: unknown[]; config: Record<string, unknown> }).diagnostics).toEqual([]);
    expect((alone.structuredContent as { config: Record<string, unknown> }).config.suggested_hardware).toBe('zero-a10g');
    const none = await server.client.callTool({ name: 'validate_space_config', arguments: { readme: '# no front matter\n' } });
    expect((none.structuredContent as { config: unknown }).config).toBeNull();
  });

  it('scaffold_space returns files that lint clean (in the text too), or writes them into a new folder', async () => {
    const result = await server.client.callTool({
      name: 'scaffold_space',
      arguments: { sdk: 'gradio', title: 'PDF reader', zerogpu: true, inputs: 'PDF up to 50 pages', secrets: ['OPENAI_API_KEY'], persistent_data: true },
    });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as { files: Record<string, string>; notes: string[]; diagnostics: unknown[] };
    expect(Object.keys(out.files).sort()).toEqual(['README.md', 'app.py', 'requirements.txt']);
    expect(out.files['app.py']).toContain('@spaces.GPU(duration=');
    expect(out.diagnostics).toEqual([]);
    expect(out.notes.join(' ')).toContain('OPENAI_API_KEY');
    // Written by the caller, the files lint clean on disk too.
    writeSpace(join(root, 'scaffolded'), out.files);
    const lint = await server.client.callTool({ name: 'lint_space', arguments: { path: 'scaffolded' } });
    expect((lint.structuredContent as { diagnostics: unknown[] }).diagnostics).toEqual([]);
    // A client that forwards only text still gets every file.
    for (const [name, body] of Object.entries(out.files)) expect(text(result)).toContain(`=== ${name} ===\n${body.trimEnd()}`);

    const args = { sdk: 'gradio', title: 'Written', zerogpu: true, path: 'written/space' };
    const written = await server.client.callTool({ name: 'scaffold_space', arguments: args });
    expect(written.isError, text(written)).toBeFalsy();
    expect(written.structuredContent).toMatchObject({ written: join(root, 'written/space') });
    const onDisk = await server.client.callTool({ name: 'lint_space', arguments: { path: 'written/space' } });
    expect((onDisk.structuredContent as { total: number }).total).toBe(0);
    const again = await server.client.callTool({ name: 'scaffold_space', arguments: args });
    expect(again.isError).toBe(true);
    expect(text(again)).toMatch(/already exists.*nothing was written/);
    const outside = await server.client.callTool({ name: 'scaffold_space', arguments: { ...args, path: '../elsewhere' } });
    expect(text(outside)).toMatch(/outside the allowed roots/);

    const refused = await server.client.callTool({ name: 'scaffold_space', arguments: { sdk: 'docker', title: 'X', zerogpu: true } });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/Gradio SDK/);
  });

  it('fix_space shows the diff in a dry run and writes only when dry_run is false', async () => {
    const dir = writeSpace(join(root, 'fixable'), BROKEN_SPACE);
    const before = readFileSync(join(dir, 'README.md'), 'utf8');
    const dry = await server.client.callTool({ name: 'fix_space', arguments: { path: 'fixable' } });
    const out = dry.structuredContent as { dry_run: boolean; written: boolean; fixCount: number; diff: string; changed: string[] };
    expect(out.dry_run).toBe(true);
    expect(out.written).toBe(false);
    expect(out.fixCount).toBeGreaterThan(0);
    expect(out.diff).toMatch(/^--- a\/README\.md\n\+\+\+ b\/README\.md\n@@ /);
    expect(out.diff).toContain('-colorfrom: red');
    expect(out.diff).toContain('+colorFrom: red');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(before);

    await server.client.setLoggingLevel('info');
    const sentBefore = server.received.length;
    const wet = await server.client.callTool({ name: 'fix_space', arguments: { path: 'fixable', dry_run: false } });
    expect(wet.structuredContent).toMatchObject({ written: true, changed: ['README.md'] });
    // Writing: no diff unless asked, and what is left comes with how to fix it.
    expect((wet.structuredContent as { diff?: string }).diff).toBeUndefined();
    expect(Object.keys((wet.structuredContent as { guidance: object }).guidance)).toContain('config-invalid-value');
    expect(text(wet)).toContain('How to fix what is left:');
    const logs = server.received.slice(sentBefore).filter((m) => m.method === 'notifications/message');
    expect(logs.map((m) => m.params)).toContainEqual(expect.objectContaining({ level: 'info', logger: 'spacelint', data: expect.stringMatching(/^wrote 1 file/) }));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('colorFrom: red');
    const again = await server.client.callTool({ name: 'fix_space', arguments: { path: 'fixable', dry_run: false } });
    expect((again.structuredContent as { fixCount: number; written: boolean }).fixCount).toBe(0);
  });

  it('serves rule docs and the config reference as resources, and two prompts', async () => {
    const { resources } = await server.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('spacelint://reference/spaces-config');
    expect(uris).toContain('spacelint://rules/config-unknown-key');
    const { resourceTemplates } = await server.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('spacelint://rules/{id}');
    const doc = await server.client.readResource({ uri: 'spacelint://rules/config-invalid-value' });
    expect(doc.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect(String((doc.contents[0] as { text: string }).text)).toMatch(/^# config-invalid-value/);
    const reference = await server.client.readResource({ uri: 'spacelint://reference/spaces-config' });
    expect(String((reference.contents[0] as { text: string }).text)).toContain('zero-a10g');
    await expect(server.client.readResource({ uri: 'spacelint://rules/no-such-rule' })).rejects.toThrow(/no rule/);

    const { prompts } = await server.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['create_zerogpu_space', 'troubleshoot_space']);
    const prompt = await server.client.getPrompt({ name: 'troubleshoot_space', arguments: { space: 'julien/demo' } });
    expect(String((prompt.messages[0].content as { text: string }).text)).toContain('diagnose_space with space "julien/demo"');
  });

  it('accepts logging/setLevel and ping', async () => {
    await expect(server.client.setLoggingLevel('debug')).resolves.toBeDefined();
    await expect(server.client.ping()).resolves.toBeDefined();
  });
});

describe('spacelint-mcp --tools and --read-only', () => {
  it('offers only the selected groups, and no changing tool when read-only', async () => {
    const server = await connectStdio(['--tools', 'lint', '--read-only'], serverEnv(), tempRoot());
    try {
      const { tools } = await server.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['lint_space', 'explain_rule', 'list_rules', 'validate_space_config']);
      const refused = await server.client.callTool({ name: 'fix_space', arguments: { path: '.' } });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(/fix_space not found/);
    } finally {
      await server.close();
    }
  });

  it('uses the working directory as the root by default', async () => {
    const cwd = tempRoot();
    writeSpace(join(cwd, 'space'), BROKEN_SPACE);
    const server = await connectStdio([], serverEnv(), cwd);
    try {
      const inside = await server.client.callTool({ name: 'lint_space', arguments: { path: 'space' } });
      expect(inside.isError).toBeFalsy();
      const outside = await server.client.callTool({ name: 'lint_space', arguments: { path: '..' } });
      expect(outside.isError).toBe(true);
      expect(text(outside)).toMatch(/outside the allowed roots/);
    } finally {
      await server.close();
    }
  });
});

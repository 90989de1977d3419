import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from '../helpers.js';

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

describe('lint_space with a folder that holds several Spaces', () => {
  let server: StdioServer;
  beforeAll(async () => {
    const root = tempRoot();
    writeSpace(join(root, 'spaces'), {
      'README.md': '# Our Spaces (no front matter: not a Space)\n',
      'gradio/README.md': '---\ntitle: Gradio\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n',
      'gradio/app.py': 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(max_size=10)\ndemo.launch()\n',
      'docker/README.md': '---\ntitle: Docker\napp_port: 7860\n---\n',
      'docker/Dockerfile': 'FROM python:3.11-slim\nCMD ["python", "-m", "http.server", "7860"]\n',
      'static/README.md': '---\ntitle: Static\nsdk: static\n---\n',
      'static/index.html': '<!doctype html><title>hi</title>\n',
      'notes/todo.py': 'def broken(:\n',
      'node_modules/pkg/README.md': '---\nsdk: gradio\n---\n',
    });
    writeSpace(join(root, 'docs'), { 'guide.md': '# Guide\n' });
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());

  it('lints each Space with its own root; finding files are relative to the folder', async () => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'spaces', min_level: 'warning' } });
    expect(result.isError, text(result)).toBeFalsy();
    const out = result.structuredContent as { root: string; spaces: string[]; diagnostics: { file: string; ruleId: string }[] };
    expect(out.spaces).toEqual(['docker', 'gradio', 'static']);
    expect(out.diagnostics.map((d) => `${d.file} ${d.ruleId}`).sort()).toEqual(['docker/README.md config-missing-required', 'gradio/README.md config-app-file-missing']);
    expect(text(result)).toContain('3 Spaces: docker, gradio, static');
    expect(text(result)).not.toContain('has no README.md');
  });

  it('one Space given by its folder keeps the one-Space result', async () => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'spaces/gradio', min_level: 'warning' } });
    const out = result.structuredContent as { spaces?: string[]; diagnostics: { file: string }[] };
    expect(out.spaces).toBeUndefined();
    expect(out.diagnostics.map((d) => d.file)).toEqual(['README.md']);
  });

  it('a folder with no Space is a one-line tool error', async () => {
    const result = await server.client.callTool({ name: 'lint_space', arguments: { path: 'docs' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^no Space found in `docs`: a Space is a folder whose README\.md front matter has `sdk:`/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from '../helpers.js';

const README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n';
const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.queue(concurrency_count=4).launch()\n';

describe('fix_space', () => {
  let server: StdioServer;
  let root: string;
  beforeAll(async () => {
    root = tempRoot();
    server = await connectStdio(['--root', root], serverEnv());
  });
  afterAll(async () => server?.close());
  const fix = (args: Record<string, unknown>) => server.client.callTool({ name: 'fix_space', arguments: args });

  it('applies the suggestions of the rules it is given, and only those', async () => {
    const dir = writeSpace(join(root, 'queue'), { 'README.md': README, 'app.py': APP, 'requirements.txt': 'gradio==5.49.1\n' });
    const plain = await fix({ path: 'queue' });
    // Safe fixes only: the suggestion that changes behaviour is listed, not applied.
    expect((plain.structuredContent as { diff: string }).diff).not.toContain('concurrency_count');
    expect(text(plain)).toMatch(/gradio-removed-queue-params[\s\S]*suggestion: /);
    expect(text(plain)).toMatch(/How to fix what is left:\n- /);
    const chosen = await fix({ path: 'queue', apply_suggestions: ['gradio-removed-queue-params'], dry_run: false });
    expect(chosen.isError, text(chosen)).toBeFalsy();
    expect(chosen.structuredContent).toMatchObject({ written: true, changed: expect.arrayContaining(['app.py']) });
    const app = readFileSync(join(dir, 'app.py'), 'utf8');
    expect(app).toContain('queue(default_concurrency_limit=4)');
    // gradio-unbounded-queue was not chosen: its suggestion (max_size) is not applied.
    expect(app).not.toContain('max_size');
  });

  it('refuses a mistyped rule id with a did-you-mean, before touching anything', async () => {
    const result = await fix({ path: 'queue', apply_suggestions: ['gradio-removed-queue-param'], dry_run: false });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/did you mean `gradio-removed-queue-params`/);
  });
});

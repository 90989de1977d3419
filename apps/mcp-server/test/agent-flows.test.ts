import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { connectStdio, serverEnv, tempRoot, text, writeSpace, type StdioServer } from './helpers.js';

/**
 * The three jobs of issue 20, run the way an agent runs them: the official SDK client over stdio, the built
 * server, the fake Hub, and nothing else (no file written by the test once the job starts). Each flow counts
 * its tool calls and the bytes of their results against a budget (measured 2026-12-06: job 1 4 calls / 10.0 KB,
 * job 2 9 calls / 3.9 KB, job 3 5 calls / 5.8 KB).
 */

const TOKEN = 'hf_fake_write_token_for_agent_flows';

/** A ZeroGPU Space with what people get wrong: every finding is a safe fix or a suggestion. */
const BROKEN_ZEROGPU = {
  'README.md':
    '---\ntitle: Caption Studio\nemoji: 🖼️\ncolorFrom: blue\ncolorTo: green\nsdk: gradio\nsdk_version: 5.0\npython_version: 3.10\napp_file: app.py\npreload_from_hub:\n  - Salesforce/blip-image-captioning-base\n---\n\n# Caption Studio\n',
  'app.py':
    'import torch\nimport gradio as gr\nfrom transformers import pipeline\n\ntorch.cuda.init()\nimport spaces\n\ncaptioner = pipeline("image-to-text", model="Salesforce/blip-image-captioning-base", device="cuda")\n\n\n@spaces.GPU\ndef caption(image):\n    return captioner(image)[0]["generated_text"]\n\n\ndemo = gr.Interface(caption, gr.Image(type="pil"), "text")\ndemo.queue(concurrency_count=4).launch(share=True)\n',
  'requirements.txt': 'gradio==4.44.1\ntransformers\ntorch\n',
};

/** Counts what an agent pays: calls and result bytes (what the client receives, JSON). */
class Budget {
  calls = 0;
  bytes = 0;
  constructor(private readonly server: StdioServer) {}
  async call(name: string, args: Record<string, unknown>) {
    const result = await this.server.client.callTool({ name, arguments: args }, undefined, { onprogress: () => {}, timeout: 120_000 });
    this.calls++;
    this.bytes += Buffer.byteLength(JSON.stringify(result));
    expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
    return result as { structuredContent: Record<string, unknown>; content: { text: string }[] };
  }
}

describe('agent flows over stdio against the fake Hub', () => {
  let fake: FakeHub;
  let root: string;
  let server: StdioServer;

  beforeAll(async () => {
    fake = await createFakeHub({ tokens: { [TOKEN]: { user: 'ada', role: 'write', orgs: ['lab'] } }, buildPolls: 1 });
    root = tempRoot();
    server = await connectStdio(['--root', root], serverEnv({ HF_TOKEN: TOKEN, HF_ENDPOINT: fake.url }));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('tools/list costs at most 4k tokens (UTF-8 bytes / 4)', async () => {
    const { tools } = await server.client.listTools();
    const bytes = Buffer.byteLength(JSON.stringify(tools));
    // bytes/4 is the usual estimate for English text and JSON with BPE tokenizers (cl100k, o200k): stated, not exact.
    expect(Math.ceil(bytes / 4), `${bytes} bytes`).toBeLessThanOrEqual(4000);
  });

  it('job 1: fixes a broken ZeroGPU Space to clean', async () => {
    const dir = writeSpace(join(root, 'caption-studio'), BROKEN_ZEROGPU);
    const agent = new Budget(server);
    const lint = await agent.call('lint_space', { path: 'caption-studio' });
    const found = lint.structuredContent.diagnostics as { ruleId: string; fixable: boolean; suggestions?: string[] }[];
    // What the text says is enough to act: fixable markers and suggestions are in it.
    expect(lint.content[0].text).toMatch(/\[fixable\]/);
    expect(lint.content[0].text).toMatch(/suggestion: Move `import spaces`/);
    const suggestable = [...new Set(found.filter((f) => !f.fixable && f.suggestions?.length).map((f) => f.ruleId))];
    expect(suggestable).toEqual(expect.arrayContaining(['zerogpu-cuda-before-spaces-import', 'gradio-removed-queue-params', 'deps-sdk-managed-packages']));
    const preview = await agent.call('fix_space', { path: 'caption-studio', apply_suggestions: suggestable });
    expect(preview.structuredContent.diff).toContain('+import spaces');
    const written = await agent.call('fix_space', { path: 'caption-studio', apply_suggestions: suggestable, dry_run: false });
    expect(written.structuredContent).toMatchObject({ written: true, summary: { errors: 0, warnings: 0, infos: 0 } });
    const after = await agent.call('lint_space', { path: 'caption-studio' });
    expect(after.structuredContent.total).toBe(0);
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).toMatch(/^import spaces\n/);
    expect(agent.calls).toBeLessThanOrEqual(4);
    expect(agent.bytes, `${agent.bytes} bytes`).toBeLessThanOrEqual(12_000);
  }, 60_000);

  it('job 2: scaffold, create, deploy, secret, variable, hardware, wait until RUNNING', async () => {
    const agent = new Budget(server);
    const me = await agent.call('whoami', {});
    const owner = (me.structuredContent.namespaces as string[])[0];
    expect(owner).toBe('ada');
    const space = `${owner}/pdf-qa`;
    const scaffold = await agent.call('scaffold_space', { sdk: 'gradio', title: 'PDF QA', zerogpu: true, inputs: 'PDF up to 20 pages', secrets: ['OPENAI_API_KEY'], path: 'pdf-qa' });
    expect(scaffold.structuredContent.diagnostics).toEqual([]);
    await agent.call('create_space', { space, sdk: 'gradio' });
    const plan = await agent.call('deploy_space', { path: 'pdf-qa', space, dry_run: true });
    expect(plan.structuredContent.uploaded).toEqual(expect.arrayContaining(['README.md', 'app.py', 'requirements.txt']));
    expect(fake.space(space)!.commits.length).toBe(1);
    const deployed = await agent.call('deploy_space', { path: 'pdf-qa', space });
    expect(deployed.structuredContent.commitUrl).toBeTruthy();
    await agent.call('set_space_secret', { space, key: 'OPENAI_API_KEY', value: 'sk-test-value-for-the-flow-0001' });
    await agent.call('set_space_variable', { space, key: 'MAX_PAGES', value: '20' });
    await agent.call('set_space_hardware', { space, flavor: 'zero-a10g' });
    const waited = await agent.call('wait_for_space', { space, timeout_seconds: 60 });
    expect(waited.structuredContent).toMatchObject({ done: true, runtime: { stage: 'RUNNING' } });
    expect(fake.space(space)).toMatchObject({ secrets: { OPENAI_API_KEY: 'sk-test-value-for-the-flow-0001' }, variables: { MAX_PAGES: '20' }, hardware: 'zero-a10g' });
    expect(agent.calls).toBeLessThanOrEqual(9);
    expect(agent.bytes, `${agent.bytes} bytes`).toBeLessThanOrEqual(6_000);
  }, 90_000);

  it('job 3: a failing build is diagnosed, fixed, redeployed and RUNNING', async () => {
    const files = {
      'README.md': '---\ntitle: Edges\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n',
      'app.py': 'import cv2\nimport gradio as gr\n\n\ndef edges(image):\n    return cv2.Canny(image, 100, 200)\n\n\ngr.Interface(edges, "image", "image").queue(max_size=16).launch()\n',
      'requirements.txt': 'opencv-python\n',
      'packages.txt': 'libgl1-mesa-glx\n',
    };
    writeSpace(join(root, 'edges'), files);
    const space = 'ada/edges';
    // Deployed earlier as is: the build failed.
    fake.seedSpace(space, files, { sdk: 'gradio' });
    const agent = new Budget(server);
    const waited = await agent.call('wait_for_space', { space, timeout_seconds: 60 });
    expect(waited.structuredContent).toMatchObject({ done: true, runtime: { stage: 'BUILD_ERROR' } });
    const diagnosis = await agent.call('diagnose_space', { space });
    const causes = diagnosis.structuredContent.causes as { ruleIds: string[]; fix: string }[];
    expect(causes[0].ruleIds).toContain('deps-packages-txt');
    await agent.call('fix_space', { path: 'edges', dry_run: false });
    await agent.call('deploy_space', { path: 'edges', space });
    const running = await agent.call('wait_for_space', { space, timeout_seconds: 60 });
    expect(running.structuredContent).toMatchObject({ done: true, runtime: { stage: 'RUNNING' } });
    expect(agent.calls).toBeLessThanOrEqual(5);
    expect(agent.bytes, `${agent.bytes} bytes`).toBeLessThanOrEqual(8_000);
  }, 90_000);
});

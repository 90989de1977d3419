import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HubClient, type HubClientOptions } from '../src/index.js';
import { createFakeHub, type FakeHub, type FakeHubOptions } from '../src/testing/index.js';

export const WRITE = 'hf_fake_write';
export const READ = 'hf_fake_read';

/** Small thresholds so LFS, multipart and paging paths run with a few KB. */
export const SMALL_LFS: FakeHubOptions = { lfsThreshold: 1024, multipartThreshold: 8192, multipartChunk: 3000, buildPolls: 1 };

/** Fast retries: the policy's shape is what is tested, not its default delays. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 3000, maxElapsedMs: 10_000, maxAttempts: 4 };

export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  return createFakeHub({
    tokens: { [WRITE]: 'write', [READ]: 'read', hf_fake_other: { user: 'other', role: 'write', orgs: [] } },
    ...SMALL_LFS,
    ...options,
  });
}

export function client(fake: FakeHub, options: HubClientOptions = {}): HubClient {
  return new HubClient({ endpoint: fake.url, token: WRITE, env: {}, retry: FAST_RETRY, timeoutMs: 5000, logIdleTimeoutMs: 150, ...options });
}

/** Writes a Space folder (string or bytes per path; a `{ symlink }` entry makes a symlink). */
export async function spaceDir(files: Record<string, string | Uint8Array | { symlink: string }>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'spacelint-hub-'));
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    await mkdir(dirname(abs), { recursive: true });
    if (typeof content === 'object' && 'symlink' in content) await symlink(content.symlink, abs);
    else await writeFile(abs, content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function readme(yaml: string, body = '# Demo\n'): string {
  return `---\n${yaml.trim()}\n---\n${body}`;
}

export const GRADIO_README = readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py');
export const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n';

/** Deterministic pseudo-random bytes (incompressible, no accidental text). */
export function bytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const decode = (b: Uint8Array | undefined | null) => (b ? new TextDecoder().decode(b) : undefined);

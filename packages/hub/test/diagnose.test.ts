import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSpace, type HubClient } from '../src/index.js';
import type { FakeHub } from '../src/testing/index.js';
import { client, GRADIO_APP, GRADIO_README, readme, spaceDir, startFakeHub } from './helpers.js';

let fake: FakeHub;
let hub: HubClient;
beforeAll(async () => {
  // buildPolls 0: a commit's build outcome is visible at once (the BUILDING phase is tested elsewhere).
  fake = await startFakeHub({ buildPolls: 0 });
  hub = client(fake);
});
afterAll(async () => {
  await fake.close();
});

/** Commits a folder through the real client, so the fake's builder decides what happens. */
async function push(space: string, files: Record<string, string>, options: { hardware?: string } = {}): Promise<void> {
  const sdk = /sdk:\s*(\w+)/.exec(files['README.md'] ?? '')?.[1] as 'gradio' | 'docker';
  await hub.createSpace(space, { sdk, ...(options.hardware ? { hardware: options.hardware } : {}) });
  const { dir, cleanup } = await spaceDir(files);
  try {
    await hub.uploadSpace(space, dir);
  } finally {
    await cleanup();
  }
}

describe('diagnoseSpace', () => {
  it('a build failing on the obsolete libgl1-mesa-glx apt package', async () => {
    await push('user/apt', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'packages.txt': 'ffmpeg\nlibgl1-mesa-glx\n' });
    const result = await diagnoseSpace({ hub, space: 'user/apt' });
    expect(result.runtime.stage).toBe('BUILD_ERROR');
    expect(result.healthy).toBe(false);
    const [top, ...rest] = result.causes;
    expect(top).toMatchObject({
      source: 'log',
      id: 'build-apt-no-installation-candidate',
      ruleIds: ['deps-packages-txt'],
      evidence: { from: 'build', text: "E: Package 'libgl1-mesa-glx' has no installation candidate" },
      umbrella: false,
    });
    expect(top.fix).toContain('libgl1');
    // The umbrella lines (step failed, exit code 100, job failed) come after the real cause.
    expect(rest.map((c) => c.id)).toEqual(expect.arrayContaining(['build-docker-step-failed', 'build-apt-exit-100', 'build-job-failed']));
    expect(rest.every((c) => c.umbrella)).toBe(true);
    expect(result.summary).toMatch(/^Space user\/apt is BUILD_ERROR .*Most likely: apt cannot install/);
    expect(result.logs.build.some((l) => l.text.startsWith('===== Build Queued at'))).toBe(true);
  });

  it('a run log with Memory limit exceeded (16Gi)', async () => {
    fake.seedSpace(
      'user/oom',
      { 'README.md': GRADIO_README, 'app.py': GRADIO_APP },
      {
        runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Memory limit exceeded (16Gi)' },
        runLogs: ['===== Application Startup at 2024-08-22 18:01:14 =====', 'Loading checkpoint shards: 100%|██████████| 4/4', 'Memory limit exceeded (16Gi)'],
      },
    );
    const result = await diagnoseSpace({ hub, space: 'hf://spaces/user/oom' });
    expect(result.causes[0]).toMatchObject({ id: 'runtime-memory-limit-exceeded', evidence: { from: 'runtime', text: 'Memory limit exceeded (16Gi)' } });
    expect(result.causes[0].ruleIds).toContain('perf-model-load-per-request');
    expect(result.causes.filter((c) => c.id === 'runtime-memory-limit-exceeded')).toHaveLength(1); // deduplicated across message and log
  });

  it('a Docker Space serving on the wrong port', async () => {
    const dockerfile = 'FROM python:3.12\nRUN pip install fastapi uvicorn\nCOPY . /app\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n';
    await push('user/port', { 'README.md': readme('title: API\nsdk: docker'), Dockerfile: dockerfile, 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
    const result = await diagnoseSpace({ hub, space: 'user/port' });
    expect(result.runtime).toMatchObject({ stage: 'RUNTIME_ERROR', errorMessage: 'Launch timed out, workload was not healthy after 30 min' });
    expect(result.causes.map((c) => c.id)).toEqual(['runtime-launch-timeout', 'runtime-docker-wrong-port']);
    expect(result.causes[1]).toMatchObject({ ruleIds: ['docker-port-mismatch'], evidence: { from: 'run', text: expect.stringContaining('Uvicorn running on http://0.0.0.0:8000') } });
    expect(result.causes[0].ruleIds).toContain('docker-port-mismatch');

    // The same app with app_port: 8000 is healthy: the port check reads app_port from the README.
    await push('user/port-ok', { 'README.md': readme('title: API\nsdk: docker\napp_port: 8000'), Dockerfile: dockerfile, 'main.py': 'x = 1\n' });
    const ok = await diagnoseSpace({ hub, space: 'user/port-ok' });
    expect(ok.runtime.stage).toBe('RUNNING');
    expect(ok.causes.filter((c) => c.source === 'log')).toEqual([]);
    expect(ok.healthy).toBe(true);
  });

  it('a ZeroGPU Space without a @spaces.GPU function', async () => {
    await push('user/zero', { 'README.md': GRADIO_README, 'app.py': `import spaces\n${GRADIO_APP}` }, { hardware: 'zero-a10g' });
    const result = await diagnoseSpace({ hub, space: 'user/zero' });
    expect(result.runtime).toMatchObject({ stage: 'RUNTIME_ERROR', hardware: { requested: 'zero-a10g' } });
    expect(result.causes[0]).toMatchObject({
      id: 'zerogpu-no-gpu-function',
      evidence: { from: 'runtime', text: 'No @spaces.GPU function detected during startup' },
    });
    expect(result.causes[0].ruleIds).toEqual(['zerogpu-no-gpu-function', 'zerogpu-non-gradio-sdk']);
    // The run log looked healthy: no other log cause.
    expect(result.causes.filter((c) => c.source === 'log')).toHaveLength(1);
    expect(result.logs.run.map((l) => l.text)).toContain('Stopping Node.js server...');
  });

  it('ties a log cause to the lint findings of its rules (NO_APP_FILE ↔ config-app-file-missing)', async () => {
    await push('user/noapp', { 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py'), 'app.py': GRADIO_APP });
    const result = await diagnoseSpace({ hub, space: 'user/noapp' });
    expect(result.runtime.stage).toBe('NO_APP_FILE');
    const [top] = result.causes;
    expect(top).toMatchObject({ id: 'config-no-app-file', ruleIds: ['config-app-file-missing'] });
    expect(top.diagnostics).toEqual([expect.objectContaining({ ruleId: 'config-app-file-missing', file: 'README.md', level: 'error' })]);
    // The finding is attached to the log cause, not repeated as a lint-only cause.
    expect(result.causes.filter((c) => c.id === 'config-app-file-missing')).toEqual([]);
    expect(result.summary).toContain('README.md:');
  });

  it('reports error-level findings no log explains as lint causes', async () => {
    fake.seedSpace(
      'user/lintonly',
      { 'README.md': readme('title: Demo\nsdk: gradio\napp_file: main.py'), 'app.py': GRADIO_APP },
      { runtime: { stage: 'RUNNING' }, runLogs: ['* Running on local URL:  http://0.0.0.0:7860'] },
    );
    const result = await diagnoseSpace({ hub, space: 'user/lintonly' });
    expect(result.causes).toEqual([expect.objectContaining({ source: 'lint', id: 'config-app-file-missing', evidence: expect.objectContaining({ from: 'lint' }) })]);
    expect(result.causes[0].fix.length).toBeGreaterThan(0);
  });

  it('a healthy Space', async () => {
    await push('user/fine', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP });
    const result = await diagnoseSpace({ hub, space: 'user/fine' });
    expect(result).toMatchObject({ healthy: true, causes: [], runtime: { stage: 'RUNNING' } });
    expect(result.summary).toBe('Space user/fine is RUNNING on cpu-basic. No known failure in its logs, and its files lint clean of errors.');
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('still diagnoses from the runtime when the logs cannot be read', async () => {
    fake.seedSpace('user/oom2', { 'README.md': GRADIO_README, 'app.py': GRADIO_APP }, { runtime: { stage: 'RUNTIME_ERROR', errorMessage: 'Memory limit exceeded (32Gi)' } });
    // Another user's token: the Space is public (runtime readable) but its logs are not.
    const result = await diagnoseSpace({ hub: client(fake, { token: 'hf_fake_other' }), space: 'user/oom2' });
    expect(result.logs.unavailable.run).toMatch(/403/);
    expect(result.logs.run).toEqual([]);
    expect(result.causes[0]).toMatchObject({ id: 'runtime-memory-limit-exceeded' });
  });

  it('a Space that does not exist is an error', async () => {
    await expect(diagnoseSpace({ hub, space: 'user/ghost' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

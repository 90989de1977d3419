import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, ZEROGPU_APP, ZEROGPU_README, zeroGpuSpace } from '../../test/spaces/zerogpu.js';
import { ZEROGPU } from '../reference/spaces.js';

const only = 'zerogpu-unsupported-versions';

describe(only, () => {
  it('fires (error) on a torch pin outside the supported list when ZeroGPU is confirmed, with the "as of" date', async () => {
    const [d, ...rest] = await lintFiles(zeroGpuSpace({ 'requirements.txt': 'diffusers\ntorch==2.4.0\n' }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'requirements.txt', line: 2, column: 6 });
    expect(d.message).toContain(`as of ${ZEROGPU.asOf}`);
    expect(d.message).toContain('2.8.0, 2.9.1, 2.10.0, 2.11.0');
    expect(d.suggestions?.map((s) => s.fix.text)).toEqual(['==2.11.0', '']);
  });

  it('is a warning when ZeroGPU is only likely, and covers upper bounds and unlisted patches', async () => {
    for (const pin of ['torch<2.8', 'torch==2.9.0', 'torch~=2.7.0', 'torch>=2.0,<2.8']) {
      const found = await lintFiles(cpuSpace(ZEROGPU_APP, { 'requirements.txt': `${pin}\n` }), { only });
      expect(
        found.map((d) => d.level),
        pin,
      ).toEqual(['warning']);
    }
  });

  it('fires on Gradio below 4 from sdk_version or a gradio pin', async () => {
    const [d] = await lintFiles(zeroGpuSpace({ 'README.md': ZEROGPU_README.replace('5.49.1', '3.50.2') }), { only });
    expect(d).toMatchObject({ level: 'error', file: 'README.md', line: 7, message: expect.stringContaining('Gradio 3.50.2') });
    const files = cpuSpace(ZEROGPU_APP, { 'README.md': '---\nsdk: gradio\n---\n', 'requirements.txt': 'gradio==3.41.0\n' });
    const [e] = await lintFiles(files, { only });
    expect(e).toMatchObject({ file: 'requirements.txt', message: expect.stringContaining('gradio==3.41.0') });
  });

  it('stays silent on supported and unpinned torch, off ZeroGPU, and with versions added in .spacelint.yaml', async () => {
    for (const req of ['torch==2.9.1\n', 'torch>=2.8\n', 'torch\n', 'torch==2.11.0\n', 'torch==2.4.0 ; sys_platform == "darwin"\n']) {
      expect(await lintFiles(zeroGpuSpace({ 'requirements.txt': req }), { only }), req).toEqual([]);
    }
    expect(await lintFiles(cpuSpace('import torch\n', { 'requirements.txt': 'torch==2.4.0\n' }), { only })).toEqual([]);
    const extended = zeroGpuSpace({ 'requirements.txt': 'torch==2.12.0\n', '.spacelint.yaml': 'reference:\n  zerogpu_torch: ["2.12.0"]\n' });
    expect(await lintFiles(extended, { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'docker-build-time-runtime-only';
const space = (dockerfile: string, files: Record<string, string> = {}, front = readme('sdk: docker')) => ({ 'README.md': front, Dockerfile: dockerfile, ...files });

describe(only, () => {
  it('reports /data used at build time (download, write, cd, python -c)', async () => {
    const cases = [
      'RUN wget -O /data/model.bin https://example.com/model.bin',
      'RUN cd /data && git clone https://github.com/org/repo',
      "RUN mkdir -p /data/cache && python -c \"from huggingface_hub import snapshot_download; snapshot_download('org/m', cache_dir='/data/cache')\"",
      'RUN ["python", "-c", "open(\'/data/x\', \'w\')"]',
      'RUN echo hi > /data/log.txt',
    ];
    for (const run of cases) {
      const found = await lintFiles(space(`FROM python:3.12\n${run}\n`), { only });
      expect(
        found.map((d) => [d.level, d.line, d.message.includes('uses `/data` while the image builds')]),
        run,
      ).toEqual([['warning', 2, true]]);
    }
    const [d] = await lintFiles(space(`FROM python:3.12\n${cases[2]}\n`), { only });
    expect(d.column).toBe(cases[2].indexOf("/data/cache'") + 1); // points at the path inside the python code
  });

  it("allows the docs' permission steps and other folders (relative ./data, /home/user/data, /database)", async () => {
    const ok = [
      'RUN mkdir -p /data && chmod 777 /data',
      'RUN chown -R 1000:1000 /data',
      'RUN wget -O /home/user/app/models/model.bin https://example.com/model.bin',
      'RUN python download.py --out ./data',
      'RUN mkdir -p /home/user/data /database',
    ];
    for (const run of ok) expect(await lintFiles(space(`FROM python:3.12\n${run}\n`), { only }), run).toEqual([]);
  });

  it('reports GPU use at build, with a suggestion to drop a check-only step', async () => {
    const dockerfile = 'FROM python:3.12\nRUN python -c "import torch; assert torch.cuda.is_available()"\nRUN nvidia-smi && pip install x\n';
    const found = await lintFiles(space(dockerfile), { only });
    expect(found.map((d) => [d.line, d.message.slice(0, 40)])).toEqual([
      [2, '`torch.cuda.is_available()` runs while t'],
      [3, '`nvidia-smi` runs while the image builds'],
    ]);
    expect(applyFixes(dockerfile, [found[0].suggestions![0].fix]).output).toBe('FROM python:3.12\nRUN nvidia-smi && pip install x\n');
    expect(found[1].suggestions).toBeUndefined();
  });

  it('reports `torch.cuda.` with nothing readable after it instead of failing (found by npm run fuzz, seed 4242)', async () => {
    for (const call of ['torch.cuda.\ud800is_available()', 'torch.cuda.']) {
      const found = await lintFiles(space(`FROM python:3.12\nRUN python -c "import torch; print(${call})"\n`), { only });
      expect(found.map((d) => [d.ruleId, d.line, d.message.slice(0, 29)])).toEqual([[only, 2, '`torch.cuda.` runs while the ']]);
    }
  });

  it('reads repo scripts run with python (facts, not regexes)', async () => {
    const script = 'import torch\nfrom huggingface_hub import snapshot_download\nDEST = "/data/models"\nsnapshot_download("org/m", local_dir=DEST)\n';
    const [d] = await lintFiles(space('FROM python:3.12\nCOPY . .\nRUN python download.py\n', { 'download.py': script }), { only });
    expect(d.message).toContain('uses `/data`');
    const gpu = 'import torch\nprint(torch.cuda.get_device_name())\n';
    const [g] = await lintFiles(space('FROM python:3.12\nCOPY . .\nRUN python check.py\n', { 'check.py': gpu }), { only });
    expect(g.message).toContain('`torch.cuda.get_device_name()` in check.py');
    // A download into the image is fine.
    expect(
      await lintFiles(
        space('FROM python:3.12\nCOPY . .\nRUN python download.py\n', { 'download.py': 'from huggingface_hub import snapshot_download\nsnapshot_download("org/m", local_dir="models")\n' }),
        { only },
      ),
    ).toEqual([]);
  });

  it('reports a Hub download after ENV HF_HOME points into /data', async () => {
    const dockerfile = 'FROM python:3.12\nENV HF_HOME=/data/.huggingface\nRUN huggingface-cli download org/model\n';
    const [d] = await lintFiles(space(dockerfile), { only });
    expect(d).toMatchObject({ line: 3, message: expect.stringContaining('`HF_HOME` points into `/data` (line 2)') });
    expect(await lintFiles(space('FROM python:3.12\nENV HF_HOME=/home/user/.cache/hf\nRUN hf download org/model\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nRUN hf download org/model\nENV HF_HOME=/data/.huggingface\n'), { only })).toEqual([]);
  });

  it('reports COPY into /data, and only checks Docker Spaces', async () => {
    const [d] = await lintFiles(space('FROM python:3.12\nCOPY seed.db /data/seed.db\n'), { only });
    expect(d.message).toContain('`COPY` puts files into `/data`');
    expect(await lintFiles(space('FROM python:3.12\nRUN wget -O /data/x https://e.com/x\n', {}, readme('sdk: gradio')), { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { cpuSpace, zeroGpuSpace } from '../../test/spaces/zerogpu.js';

const only = 'zerogpu-process-pool';
const gpu = (body: string, before = '') =>
  `import spaces\nimport multiprocessing as mp\nfrom concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor\nimport torch.multiprocessing as tmp\n${before}\n@spaces.GPU(duration=60)\ndef generate(prompt):\n${body}\n`;

describe(only, () => {
  it('fires on process pools inside the GPU function, through aliases', async () => {
    for (const body of [
      '    with ProcessPoolExecutor(4) as ex:\n        return list(ex.map(f, prompt))',
      '    with mp.Pool(2) as p:\n        return p.map(f, prompt)',
      '    tmp.spawn(worker, nprocs=2)',
      '    p = mp.Process(target=f)\n    p.start()',
    ]) {
      const found = await lintFiles(zeroGpuSpace({ 'app.py': gpu(body) }), { only });
      expect(
        found.map((d) => d.level),
        body,
      ).toEqual(['error']);
      expect(found[0].message).toContain('daemonic processes are not allowed to have children');
    }
  });

  it('follows calls into functions of the same file, nested defs and methods', async () => {
    const helper = 'def render_all(xs):\n    with ProcessPoolExecutor() as ex:\n        return list(ex.map(str, xs))\n\ndef middle(xs):\n    return render_all(xs)\n';
    const [d] = await lintFiles(zeroGpuSpace({ 'app.py': gpu('    return middle(prompt)', helper) }), { only });
    expect(d.message).toContain('through `render_all`');
    const nested = await lintFiles(zeroGpuSpace({ 'app.py': gpu('    def inner():\n        return mp.Pool(2)\n    return inner()') }), { only });
    expect(nested).toHaveLength(1);
    const method =
      'import spaces, multiprocessing\nclass Model:\n    def _pool(self):\n        return multiprocessing.Pool(2)\n    @spaces.GPU\n    def run(self, x):\n        return self._pool().map(f, x)\n';
    expect(await lintFiles(zeroGpuSpace({ 'app.py': method }), { only })).toHaveLength(1);
  });

  it('stays silent on threads, pools outside the GPU call path, other modules, and off ZeroGPU', async () => {
    const threads = gpu(
      '    with ThreadPoolExecutor() as ex:\n        return list(ex.map(f, prompt))',
      'def preprocess(xs):\n    with ProcessPoolExecutor() as ex:\n        return list(ex.map(str, xs))\nDATA = mp.Pool(2)\n',
    );
    expect(await lintFiles(zeroGpuSpace({ 'app.py': threads }), { only })).toEqual([]);
    const other = {
      'app.py': 'import spaces\nfrom work import render_all\n@spaces.GPU\ndef g(x):\n    return render_all(x)\n',
      'work.py': 'from multiprocessing import Pool\ndef render_all(x):\n    return Pool(2).map(str, x)\n',
    };
    expect(await lintFiles(zeroGpuSpace(other), { only })).toEqual([]);
    expect(await lintFiles(cpuSpace('import multiprocessing\ndef g(x):\n    return multiprocessing.Pool(2).map(str, x)\n'), { only })).toEqual([]);
  });
});

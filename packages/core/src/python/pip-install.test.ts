import { describe, expect, it } from 'vitest';
import { initParsers } from '../parse/python.js';
import { analyzePython } from './analyze.js';
import { runtimePipInstalls } from './pip-install.js';

await initParsers();

const installs = (text: string) => runtimePipInstalls(analyzePython('app.py', text), text).map(({ packages, complete }) => ({ packages, complete }));

describe('runtimePipInstalls', () => {
  it('reads string, list, sys.executable and chained commands', () => {
    expect(installs('import os\nos.system("pip install -U Sentence_Transformers==3.0 einops")')).toEqual([{ packages: ['sentence-transformers', 'einops'], complete: true }]);
    expect(installs('import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "--no-deps", "demucs"])')).toEqual([{ packages: ['demucs'], complete: true }]);
    expect(installs('from subprocess import run\nrun("apt-get update && python3 -m pip install timm && echo ok", shell=True)')).toEqual([{ packages: ['timm'], complete: true }]);
    expect(installs('import os\nos.system("pip install -e ./vendor/lib git+https://github.com/org/x.git")')).toEqual([
      { packages: ['./vendor/lib', 'git+https://github.com/org/x.git'], complete: true },
    ]);
  });

  it('marks computed commands and requirement files as incomplete', () => {
    expect(installs('import os\nos.system(f"pip install {PKG}")')).toEqual([{ packages: [], complete: false }]);
    expect(installs('import os\nos.system("pip install " + name)')).toEqual([{ packages: [], complete: false }]);
    expect(installs('import os\nos.system("pip install -r extra.txt")')).toEqual([{ packages: [], complete: false }]);
  });

  it('ignores other commands and strings that only mention pip', () => {
    expect(installs('import os, subprocess\nos.system("pip show torch")\nsubprocess.run(["git", "clone", "x"])\nprint("pip install torch")\nos.system("ffmpeg -i a b")')).toEqual([]);
  });
});

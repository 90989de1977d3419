import { describe, expect, it } from 'vitest';
import { parseRequirements } from './requirements.js';

/** Every line form pip's requirements-file format accepts must parse (no `error`). */
const PIP_ACCEPTS = [
  'requests==2.32.3 --hash=sha256:e3c9b5a2f1d1c1c9d7d8c4f6a1e0b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3',
  'requests==2.32.3 \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\n    # via -r requirements.in',
  'torch --index-url https://download.pytorch.org/whl/cpu',
  'torch==2.4.0 --extra-index-url https://download.pytorch.org/whl/cu121',
  'pkg --config-settings="--build-option=--foo"',
  'pkg -C editable_mode=compat',
  'pkg --global-option="--no-user-cfg"',
  '--index-url https://download.pytorch.org/whl/cpu\ntorch',
  '-i https://pypi.org/simple',
  '--extra-index-url=https://download.pytorch.org/whl/cu121',
  '-f https://data.pyg.org/whl/torch-2.4.0+cu121.html\ntorch-scatter',
  '--find-links ./wheels',
  '--trusted-host download.pytorch.org',
  '--pre\ngradio',
  '--prefer-binary',
  '--no-binary :all:',
  '--only-binary=:all:',
  '-c constraints.txt',
  '-r other.txt',
  '-e git+https://github.com/user/repo.git#egg=repo',
  'numpy>=1.24; python_version >= "3.10"',
  'numpy ; sys_platform == "linux" --hash=sha256:abcd',
  'name @ https://example.com/name-1.0-py3-none-any.whl',
  'https://example.com/pkg-1.0-py3-none-any.whl',
  'git+https://github.com/huggingface/transformers.git@main',
  './local_pkg',
];

describe('requirements: what pip accepts parses', () => {
  for (const text of PIP_ACCEPTS) {
    it(JSON.stringify(text), () => {
      const parsed = parseRequirements(text);
      expect(parsed.error, JSON.stringify(parsed.lines)).toBeUndefined();
    });
  }

  it('keeps the requirement of a line with per-requirement options', () => {
    const [line] = parseRequirements('requests==2.32.3 --hash=sha256:aaaa --hash=sha256:bbbb').lines;
    expect(line).toMatchObject({ kind: 'requirement', name: 'requests', specifier: '==2.32.3' });
    expect(line.options?.map((o) => [o.name, o.value])).toEqual([
      ['--hash', 'sha256:aaaa'],
      ['--hash', 'sha256:bbbb'],
    ]);
  });

  it('maps option ranges through backslash continuations', () => {
    const text = 'requests==2.32.3 \\\n    --hash=sha256:aaaa \\\n    --index-url https://x.example/simple\n';
    const [line] = parseRequirements(text).lines;
    expect(line.name).toBe('requests');
    expect(line.options?.map((o) => text.slice(...o.range))).toEqual(['--hash=sha256:aaaa', '--index-url https://x.example/simple']);
    expect(text.slice(...line.specifierRange!)).toBe('==2.32.3');
  });

  it('reads a separate-value option after a requirement', () => {
    const [line] = parseRequirements('torch --index-url https://download.pytorch.org/whl/cpu').lines;
    expect(line).toMatchObject({ kind: 'requirement', name: 'torch', specifier: undefined });
    expect(line.options).toEqual([expect.objectContaining({ name: '--index-url', value: 'https://download.pytorch.org/whl/cpu' })]);
  });

  it('still rejects what pip rejects', () => {
    expect(parseRequirements('numpy=1.0').error).toBeDefined();
    expect(parseRequirements('numpy ==> 1').error).toBeDefined();
    expect(parseRequirements('!!!').error).toBeDefined();
  });
});

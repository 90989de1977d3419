import { describe, expect, it } from 'vitest';
import { normalizePackageName } from '../parse/requirements.js';
import { dependencyClosure, importDistributions } from './python-imports.js';
import { stdlibStatus } from './python-stdlib.js';
import { gradioRequires, sdkPreinstalled } from './sdk-preinstalled.js';

describe('import → distribution tables', () => {
  const { imports, dependencies } = importDistributions();

  it('holds a few hundred import names, with PEP 503 distribution names', () => {
    expect(imports.size).toBeGreaterThan(350);
    for (const [name, dists] of imports) {
      expect(dists.length, name).toBeGreaterThan(0);
      for (const d of dists) expect(d, name).toBe(normalizePackageName(d));
    }
    for (const [name, deps] of dependencies) for (const d of [name, ...deps]) expect(d, name).toBe(normalizePackageName(d));
    expect(imports.get('cv2')).toContain('opencv-python-headless');
    expect(imports.get('PIL')).toEqual(['pillow']);
    expect(imports.get('sklearn')).toEqual(['scikit-learn']);
    expect(imports.get('fitz')).toEqual(['pymupdf']);
  });

  it('follows dependencies transitively and says which are unknown', () => {
    const { installed, unknown } = dependencyClosure(['transformers', 'some-unknown-package']);
    for (const d of ['numpy', 'tokenizers', 'huggingface-hub', 'requests', 'urllib3', 'safetensors']) expect(installed.has(d), d).toBe(true);
    expect(unknown).toContain('some-unknown-package');
  });
});

describe('what the SDK preinstalls', () => {
  it('differs by Gradio major (matplotlib left with 5.0) and adds torch only on ZeroGPU', () => {
    expect(gradioRequires('4.44.1')).toContain('matplotlib');
    expect(gradioRequires('5.49.1')).not.toContain('matplotlib');
    expect(gradioRequires(undefined)).toContain('matplotlib');
    const cpu = sdkPreinstalled('gradio', '5.49.1', false)!;
    expect(['gradio', 'spaces', 'numpy', 'pandas', 'pillow', 'huggingface-hub', 'httpx', 'pydantic', 'jinja2'].filter((d) => !cpu.distributions.has(d))).toEqual([]);
    expect(cpu.distributions.has('torch')).toBe(false);
    expect(sdkPreinstalled('gradio', '5.49.1', true)!.distributions.has('torch')).toBe(true);
    expect(sdkPreinstalled('gradio', '5.49.1', true)!.distributions.has('torchvision')).toBe(false);
    expect(sdkPreinstalled('docker', undefined, false)).toBeUndefined();
  });
});

describe('standard library per Python', () => {
  it('knows modules added and removed', () => {
    expect(stdlibStatus('json', 10).kind).toBe('stdlib');
    expect(stdlibStatus('numpy', 10).kind).toBe('not-stdlib');
    expect(stdlibStatus('tomllib', 10)).toMatchObject({ kind: 'not-in-this-python', added: 11, replacement: 'tomli' });
    expect(stdlibStatus('tomllib', 11).kind).toBe('stdlib');
    expect(stdlibStatus('imghdr', 12).kind).toBe('stdlib');
    expect(stdlibStatus('imghdr', 13)).toMatchObject({ kind: 'not-in-this-python', removed: 13 });
    expect(stdlibStatus('distutils', 12)).toMatchObject({ removed: 12, replacement: 'setuptools' });
  });
});

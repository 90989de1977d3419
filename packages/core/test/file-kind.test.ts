import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/index.js';

describe('fileKind', () => {
  it('names the files core gives a meaning to', () => {
    expect(fileKind('README.md')).toBe('readme');
    expect(fileKind('app.py')).toBe('python');
    expect(fileKind('src/pkg/__init__.py')).toBe('python');
    expect(fileKind('requirements.txt')).toBe('requirements');
    expect(fileKind('pre-requirements.txt')).toBe('requirements');
    expect(fileKind('deps/requirements-dev.txt')).toBe('requirements');
    expect(fileKind('packages.txt')).toBe('packages-txt');
    expect(fileKind('Dockerfile')).toBe('dockerfile');
    expect(fileKind('docker/Dockerfile')).toBe('dockerfile');
    expect(fileKind('Dockerfile.dev')).toBe('dockerfile-variant');
    expect(fileKind('.spacelint.yaml')).toBe('config');
    expect(fileKind('.spacelint.yml')).toBe('config');
  });

  it('keeps root-only names at the root, and leaves everything else as other', () => {
    expect(fileKind('docs/README.md')).toBe('other');
    expect(fileKind('readme.md')).toBe('other');
    expect(fileKind('apt/packages.txt')).toBe('other');
    expect(fileKind('sub/.spacelint.yaml')).toBe('other');
    expect(fileKind('requirements.in')).toBe('other');
    expect(fileKind('my-requirements.txt')).toBe('other');
    expect(fileKind('dockerfile')).toBe('other');
    expect(fileKind('app.pyc')).toBe('other');
    expect(fileKind('model.safetensors')).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { isPep440Specifier, isPep440Version, specifierAllows, specifiersIntersect } from './pep440.js';

describe('pep440', () => {
  it('validates versions and specifiers', () => {
    expect(isPep440Version('5.49.1')).toBe(true);
    expect(isPep440Version('6.0.0b1')).toBe(true);
    expect(isPep440Version('latest')).toBe(false);
    expect(isPep440Specifier('>=4,<5')).toBe(true);
    expect(isPep440Specifier('==5.*')).toBe(true);
    expect(isPep440Specifier('=>5')).toBe(false);
  });

  it('evaluates specifiers like pip, zero-padding and wildcards included', () => {
    expect(specifierAllows('==5.0', '5.0.0')).toBe(true);
    expect(specifierAllows('==4.16.0', '4.44.1')).toBe(false);
    expect(specifierAllows('>=4,<5', '4.44.1')).toBe(true);
    expect(specifierAllows('~=5.0', '5.49.1')).toBe(true);
    expect(specifierAllows('~=5.0.0', '5.49.1')).toBe(false);
    expect(specifierAllows('==5.*', '5.9.1')).toBe(true);
    expect(specifierAllows('!=5.9.1', '5.9.1')).toBe(false);
    expect(specifierAllows('', '5.9.1')).toBe(true);
    // The builder names the pre-release exactly, so a range that covers it allows it.
    expect(specifierAllows('>=5', '6.0.0b1')).toBe(true);
    expect(specifierAllows('>=5', 'not-a-version')).toBeUndefined();
  });

  it('finds whether two specifier sets share a version', () => {
    expect(specifiersIntersect('>=1.0', '<1.0')).toBe(false);
    expect(specifiersIntersect('==0.36.0', '>=0.33.5,<1.0')).toBe(true);
    expect(specifiersIntersect('==0.26.0', '>=0.33.5,<1.0')).toBe(false);
    expect(specifiersIntersect('>0.33,<0.34', '>=0.33.5,<1.0')).toBe(true);
    expect(specifiersIntersect('~=1.0', '<1.0')).toBe(false);
    expect(specifiersIntersect('', '<1.0')).toBe(true);
    expect(specifiersIntersect('>=0.20', '<1.0')).toBe(true);
    // PEP 440: `<1.0` excludes pre-releases of 1.0 (the Qwen3-VL conflict: hub==1.0.0.rc6 vs gradio's <1.0).
    expect(specifiersIntersect('==1.0.0rc6', '<1.0')).toBe(false);
    expect(specifiersIntersect('=>1', '<1.0')).toBeUndefined();
  });
});

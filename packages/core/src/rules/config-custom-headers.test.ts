import { describe, expect, it } from 'vitest';
import { fixFiles, lintFiles, readme } from '../../test/lint-files.js';

const only = 'config-custom-headers';
const files = (yaml: string) => ({ 'README.md': readme(`sdk: static\n${yaml}`), 'index.html': '<p>x</p>' });

describe(only, () => {
  it('autofixes uppercase header names and values to lowercase', async () => {
    const space = files('custom_headers:\n  Cross-Origin-Opener-Policy: Same-Origin\n  cross-origin-embedder-policy: "REQUIRE-CORP"');
    const found = await lintFiles(space, { only });
    expect(found).toHaveLength(3);
    expect(found.every((d) => d.level === 'error' && d.fix)).toBe(true);
    const fixed = await fixFiles(space);
    expect(fixed['README.md']).toContain('  cross-origin-opener-policy: same-origin\n  cross-origin-embedder-policy: "require-corp"\n');
    expect(await lintFiles(fixed, { only })).toEqual([]);
  });

  it('rejects other headers and wrong values with suggestions', async () => {
    const [value, header] = await lintFiles(files('custom_headers:\n  cross-origin-embedder-policy: require_corp\n  x-frame-options: deny'), { only });
    expect(value).toMatchObject({ message: expect.stringContaining('did you mean `require-corp`') });
    expect(value.fix).toBeUndefined();
    expect(value.suggestions?.[0].fix.text).toBe('require-corp');
    expect(header.message).toContain('`x-frame-options` is not allowed');
  });

  it('does not autofix a name onto one that is already there', async () => {
    const found = await lintFiles(files('custom_headers:\n  cross-origin-opener-policy: same-origin\n  Cross-Origin-Opener-Policy: unsafe-none'), { only });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });

  it('wants a mapping', async () => {
    const [d] = await lintFiles(files('custom_headers: [cross-origin-opener-policy]'), { only });
    expect(d.message).toContain('must be a mapping');
  });

  it('stays silent on allowed headers', async () => {
    expect(
      await lintFiles(files('custom_headers:\n  cross-origin-embedder-policy: require-corp\n  cross-origin-opener-policy: same-origin\n  cross-origin-resource-policy: cross-origin'), { only }),
    ).toEqual([]);
    expect(await lintFiles(files('# custom_headers:\n#   X-Frame-Options: deny'), { only })).toEqual([]);
  });
});

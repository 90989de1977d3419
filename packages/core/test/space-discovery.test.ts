/** Which folders are Spaces, and finding every Space under a folder with the file-set walk. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSpaces } from '../src/node/space-discovery.js';
import { listSpaceFiles } from '../src/node/space-files.js';
import { findSpaceRoot, isSpaceFolder } from '../src/node/space-root.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spacelint-discovery-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('isSpaceFolder', () => {
  const dir = tree({
    'sdk/README.md': '\uFEFF---\ntitle: x\nsdk: gradio\n---\n',
    'quoted/README.md': '---\n"sdk": "static"\n---\n',
    'docker/README.md': '---\ntitle: x\ncolorFrom: blue\n---\n',
    'docker/Dockerfile': 'FROM python:3.11\n',
    'static/README.md': '---\ntitle: x\nemoji: 🤗\n---\n',
    'static/index.html': '<html></html>\n',
    'site/README.md': '---\nlayout: home\ntitle: x\n---\n',
    'site/index.html': '<html></html>\n',
    'tool/README.md': '---\ntitle: x\n---\n',
    'tool/Dockerfile': 'FROM python:3.11\n',
    'card-key-only/README.md': '---\nemoji: 🤗\napp_port: 8080\n---\n',
    'model/README.md': '---\nlicense: mit\ntags: [a]\n---\n',
    'model/app.py': '',
    'body/README.md': '# Title\n\n---\nsdk: gradio\n',
    'after/README.md': '---\ntitle: x\n---\n\nsdk: gradio in the body\n',
    'nested-key/README.md': '---\nmodels:\n  sdk: gradio\n---\n',
    'no-front-matter/README.md': '# Docker app\n',
    'no-front-matter/Dockerfile': 'FROM python:3.11\n',
    'none/app.py': '',
  });
  it('is a README.md front matter with `sdk`, or with a Space card key beside a Dockerfile or index.html', () => {
    for (const yes of ['sdk', 'quoted', 'docker', 'static']) expect(isSpaceFolder(join(dir, yes)), yes).toBe(true);
  });
  it('is not a model card, a site or tool front matter beside index.html/Dockerfile, card keys alone, `sdk` outside or nested', () => {
    for (const no of ['model', 'site', 'tool', 'card-key-only', 'body', 'after', 'nested-key', 'no-front-matter', 'none', 'missing']) expect(isSpaceFolder(join(dir, no)), no).toBe(false);
  });
  it('is the rule the walk up from a file uses (ESLint, pre-commit)', () => {
    expect(findSpaceRoot(join(dir, 'docker/Dockerfile'), { walk: true })).toBe(join(dir, 'docker'));
    expect(findSpaceRoot(join(dir, 'model/app.py'), { walk: true })).not.toBe(join(dir, 'model'));
  });
});

describe('findSpaces', () => {
  it('finds every Space under a folder, honouring .gitignore, .git, node_modules and symlinked folders', () => {
    const dir = tree({
      'README.md': '# a repository\n',
      '.gitignore': 'archive/\n',
      'spaces/a/README.md': '---\nsdk: gradio\n---\n',
      'spaces/b/README.md': '---\nsdk: docker\n---\n',
      'spaces/b/sub/README.md': '---\nsdk: static\n---\n',
      'archive/old/README.md': '---\nsdk: gradio\n---\n',
      'node_modules/x/README.md': '---\nsdk: gradio\n---\n',
      '.git/y/README.md': '---\nsdk: gradio\n---\n',
      '.venv/z/README.md': '---\nsdk: gradio\n---\n',
      'tools/run.py': '',
    });
    symlinkSync(join(dir, 'spaces'), join(dir, 'linked'));
    expect(findSpaces(dir)).toEqual({ spaces: ['spaces/a', 'spaces/b', 'spaces/b/sub'].map((p) => join(dir, p)) });
    expect(findSpaces(join(dir, 'spaces/b')).spaces).toEqual([join(dir, 'spaces/b'), join(dir, 'spaces/b/sub')]);
  });

  it("a folder with a Space's files but no Space is that Space being written; a folder without them holds none", () => {
    const dir = tree({ 'new/app.py': '', 'new/requirements.txt': '', 'docs/guide.md': '', 'docs/README.md': '---\nlicense: mit\n---\n' });
    expect(findSpaces(join(dir, 'new')).spaces).toEqual([join(dir, 'new')]);
    expect(findSpaces(join(dir, 'docs')).spaces).toEqual([join(dir, 'docs')]); // a README: its findings say what is missing
    mkdirSync(join(dir, 'empty/deep/er'), { recursive: true });
    expect(findSpaces(join(dir, 'empty'))).toEqual({ spaces: [] });
  });

  it('stops on a tree of more folders than a Space may hold, and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spacelint-wide-'));
    for (let i = 0; i < 20_001; i++) mkdirSync(join(dir, `d${i}`));
    const started = performance.now();
    const found = findSpaces(dir);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found.spaces).toEqual([]);
    expect(found.truncated).toMatch(/stopped listing after 20000 folders/);
  }, 30_000);
});

describe('the file set of a Space holding a Space', () => {
  it('leaves the nested Space out (listed, and excluded for a deploy), keeps other folders with a README', () => {
    const dir = tree({
      'README.md': '---\nsdk: gradio\n---\n',
      'app.py': '',
      'demos/inner/README.md': '---\nsdk: gradio\n---\n',
      'demos/inner/app.py': '',
      'docs/README.md': '# docs\n',
    });
    const listing = listSpaceFiles(dir);
    expect(listing.files.map((f) => f.path)).toEqual(['README.md', 'app.py', 'docs/README.md']);
    expect(listing.nestedSpaces).toEqual(['demos/inner']);
    expect(listing.skipped).toContainEqual(expect.objectContaining({ path: 'demos/inner', reason: 'nested-space' }));
    expect(listing.isExcluded('demos/inner/app.py')).toBe(true);
    expect(listing.isExcluded('demos/other.py')).toBe(false);
  });
});

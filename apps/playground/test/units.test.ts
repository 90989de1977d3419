import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/file-import.js';
import { decodeShareFragment, encodeShareFragment } from '../src/share-link.js';

describe('share links', () => {
  it('round-trip every text exactly (unicode, CRLF, empty files) and the listed files', () => {
    const space = {
      files: { 'README.md': '---\r\nsdk: gradio\r\n---\r\n', 'app.py': 'print("ünïcode ✓ 🚀")\n', 'empty.txt': '' },
      listed: { 'weights/model.bin': 123456 },
      active: 'app.py',
    };
    const fragment = encodeShareFragment(space);
    expect(fragment).toMatch(/^#space=[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(fragment)).toEqual(space);
  });

  it('compress: a typical Space fits in a short link', () => {
    const app = 'import gradio as gr\n\n' + 'def greet(name):\n    return "Hello " + name\n\n'.repeat(40);
    expect(encodeShareFragment({ files: { 'app.py': app } }).length).toBeLessThan(app.length / 4);
  });

  it('ignore other fragments and reject damaged ones with a sentence', () => {
    expect(decodeShareFragment('')).toBeUndefined();
    expect(decodeShareFragment('#section-2')).toBeUndefined();
    expect(() => decodeShareFragment('#space=AAAA')).toThrow(/damaged/);
    const future = Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 2, files: {} })))).toString('base64url');
    expect(() => decodeShareFragment(`#space=${future}`)).toThrow(/another version of the playground/);
  });
});

describe('opening files', () => {
  const bytes = (text: string) => strToU8(text);

  it('unpacks a zip, drops its top folder and what a Space never holds, and lists binaries by size', () => {
    const zip = zipSync({
      'space/README.md': bytes('---\nsdk: static\n---\n'),
      'space/index.html': bytes('<h1>hi</h1>\n'),
      'space/img/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      'space/.git/config': bytes('[core]\n'),
      'space/__pycache__/x.pyc': new Uint8Array(10),
      '__MACOSX/space/._README.md': bytes('x'),
    });
    const result = importFiles([{ path: 'space.zip', bytes: zip }]);
    expect(Object.keys(result.texts).sort()).toEqual(['README.md', 'index.html']);
    expect(result.listed).toEqual([{ path: 'img/logo.png', size: 7 }]);
  });

  it('keeps loose files where they are and reports undecodable text as a problem, not a crash', () => {
    const result = importFiles([
      { path: 'README.md', bytes: bytes('---\nsdk: gradio\n---\n') },
      { path: 'app.py', bytes: new Uint8Array([0x70, 0xff, 0xfe, 0x0a]) },
    ]);
    expect(Object.keys(result.texts)).toEqual(['README.md']);
    expect(result.listed).toEqual([expect.objectContaining({ path: 'app.py', problem: 'non-utf8' })]);
  });

  it('says so when a zip cannot be read or holds nothing', () => {
    expect(() => importFiles([{ path: 'broken.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) }])).toThrow(/not a zip file that can be read/);
    expect(() => importFiles([{ path: 'empty.zip', bytes: zipSync({}) }])).toThrow(/Nothing to lint/);
  });
});

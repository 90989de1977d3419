import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'config-static-build';
const PKG = '{"name": "site", "scripts": {"dev": "vite", "build": "vite build"}}\n';
const VITE_PAGE = '<!doctype html>\n<html><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n';

describe(only, () => {
  it('reports a dist/ app file with a build script but no app_build_command, suggesting one', async () => {
    const text = readme('sdk: static\napp_file: dist/index.html');
    const [d, ...rest] = await lintFiles({ 'README.md': text, 'package.json': PKG }, { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'README.md', line: 3, message: expect.stringContaining('Add `app_build_command: npm run build`') });
    expect(applyFixes(text, [d.suggestions![0].fix]).output).toContain('app_file: dist/index.html\napp_build_command: npm run build\n---');
  });

  it('reports an unbuilt Vite or CRA source page served as the app file', async () => {
    const [d] = await lintFiles({ 'README.md': readme('sdk: static'), 'package.json': PKG, 'index.html': VITE_PAGE }, { only });
    expect(d).toMatchObject({ level: 'error', message: expect.stringContaining('loads `/src/main.tsx`') });
    const cra = await lintFiles(
      { 'README.md': readme('sdk: static\napp_file: public/index.html'), 'package.json': PKG, 'public/index.html': '<link rel="icon" href="%PUBLIC_URL%/favicon.ico">' },
      { only },
    );
    expect(cra).toHaveLength(1);
  });

  it('stays silent with app_build_command, committed output, plain pages, no build script, and other SDKs', async () => {
    expect(await lintFiles({ 'README.md': readme('sdk: static\napp_build_command: npm run build\napp_file: dist/index.html'), 'package.json': PKG }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static\napp_file: dist/index.html'), 'package.json': PKG, 'dist/index.html': '<html></html>' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static'), 'package.json': PKG, 'index.html': '<html><script src="app.js"></script></html>' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static'), 'package.json': '{"scripts": {"start": "serve"}}', 'index.html': VITE_PAGE }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: static\napp_file: dist/index.html'), 'package.json': '{broken' }, { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio'), 'package.json': PKG, 'index.html': VITE_PAGE }, { only })).toEqual([]);
  });
});

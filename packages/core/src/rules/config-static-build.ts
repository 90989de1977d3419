import type { Suggestion } from '../diagnostic.js';
import { insertKeyFix } from '../readme/edit.js';
import { configAnchor, entry, frontMatterOf, valueRange } from '../readme/front-matter.js';
import { README } from '../space/space.js';
import type { Space } from '../space/space.js';
import { defineRule } from './rule.js';

/** A page whose scripts are sources for a bundler: `<script type="module" src="/src/main.tsx">`, CRA's `%PUBLIC_URL%`. */
const SOURCE_PAGE = /<script\b[^>]*\bsrc=["']\.?\/?src\/[^"']+\.(?:tsx?|jsx|vue|svelte|mjs)["']|%PUBLIC_URL%/i;
const BUILD_OUTPUT = /^(?:\.\/)?(?:dist|build|out)\//;

export default defineRule({
  meta: {
    id: 'config-static-build',
    category: 'config',
    description: 'A static Space that needs a build (a `dist/` app file, or a bundler project) has `app_build_command`.',
    hasSuggestions: true,
    messages: {
      outputWithoutBuild: {
        level: 'error',
        text: '`app_file: {{file}}` is a build output, but there is no `app_build_command`, so the Hub never builds it and the Space has nothing to serve. Add `app_build_command: {{command}}`.',
      },
      sourcePage: {
        level: 'error',
        text: '`{{file}}` is the unbuilt source page of a bundler project (it loads `{{script}}`), and without `app_build_command` the Hub serves it as is: browsers cannot run it and the page stays blank. Add `app_build_command: {{command}}` and `app_file: dist/index.html`.',
      },
    },
    docs: {
      rationale:
        'Static Spaces can build their site on the Hub: "app_build_command: npm run build" with "app_file: dist/index.html" (https://huggingface.co/docs/hub/spaces-sdks-static, "Static HTML Spaces with a build step"; https://huggingface.co/docs/hub/spaces-config-reference). Without `app_build_command` nothing is built: an `app_file` under `dist/`, `build/` or `out/` that is not committed does not exist, and a bundler project\'s root `index.html` (Vite\'s `<script type="module" src="/src/main.tsx">`, Create React App\'s `%PUBLIC_URL%`) is served unbuilt, so the page stays blank. Reported on README.md for `sdk: static` without `app_build_command`: an `app_file` under a build folder that the repository does not contain while package.json has a `build` script, and an `app_file` (default index.html) that is such a source page while package.json has a `build` script. A committed build output is fine. A suggestion adds `app_build_command: npm run build`.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: static\napp_file: dist/index.html\n---\n' },
        { file: 'package.json', code: '{"scripts": {"build": "vite build"}, "devDependencies": {"vite": "^7.0.0"}}\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: static\napp_build_command: npm run build\napp_file: dist/index.html\n---\n' },
        { file: 'package.json', code: '{"scripts": {"build": "vite build"}, "devDependencies": {"vite": "^7.0.0"}}\n' },
      ],
      howToFix: 'Add `app_build_command: npm run build` (your build script) and point `app_file` at the built page (`dist/index.html`), or commit the built files.',
    },
  },
  check(space, report) {
    const config = space.config;
    if (space.facts.sdk !== 'static' || config.app_build_command !== undefined) return;
    const build = buildScript(space);
    if (!build) return;
    const file = space.facts.appFile ?? 'index.html';
    const fileEntry = entry(space, 'app_file');
    const range = fileEntry ? valueRange(fileEntry) : configAnchor(space);
    const suggestions = addBuildCommand(space);
    if (BUILD_OUTPUT.test(file)) {
      if (!space.has(file.replace(/^\.\//, ''))) report({ messageId: 'outputWithoutBuild', data: { file, command: 'npm run build' }, file: README, range, suggestions });
      return;
    }
    const script = SOURCE_PAGE.exec(space.text(file) ?? '')?.[0];
    if (!script) return;
    const shown = /src=["']([^"']+)/.exec(script)?.[1] ?? script;
    report({ messageId: 'sourcePage', data: { file, script: shown, command: 'npm run build' }, file: README, range, suggestions });
  },
});

/** package.json's `scripts.build`, when there is one. */
function buildScript(space: Space): string | undefined {
  const text = space.text('package.json');
  if (!text) return undefined;
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown> };
    return typeof pkg.scripts?.build === 'string' ? pkg.scripts.build : undefined;
  } catch {
    return undefined;
  }
}

function addBuildCommand(space: Space): Suggestion[] {
  const fm = frontMatterOf(space);
  const fix = fm && insertKeyFix(space, fm, 'app_build_command', 'npm run build');
  return fix ? [{ desc: 'Add `app_build_command: npm run build`', fix }] : [];
}

import type { Space } from '../space/space.js';
import { configAnchor, entry, frontMatterOf, README, valueRange } from '../readme/front-matter.js';
import { defineRule, type ReportDescriptor } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-app-file-missing',
    category: 'config',
    scope: 'space',
    description: 'The file the Space runs (app_file, app.py, index.html or Dockerfile) exists.',
    hasSuggestions: true,
    messages: {
      missing: { level: 'error', text: 'The app file `{{file}}` does not exist{{hint}}: the Space stops in the NO_APP_FILE stage.' },
      missingDockerfile: { level: 'error', text: 'A Docker Space needs a `Dockerfile` at the repository root{{hint}}.' },
      absolute: { level: 'error', text: '`app_file: {{file}}` must be a path relative to the repository root (no leading `/`, no `..`).' },
      extension: { level: 'warning', text: '`app_file: {{file}}` should be a {{expected}} file for a {{sdk}} Space.' },
      buildManifest: { level: 'warning', text: '`app_build_command` is set but there is no `package.json` to build from: `{{file}}` is the build output, so the build has nothing to run.' },
    },
    docs: {
      rationale:
        'huggingface_hub lists `NO_APP_FILE` as a Space stage (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/_space_api.py): a Gradio Space runs `app_file` (default `app.py`: the docs name no default, every Gradio example uses `app.py`, and spacelint assumes it), a static Space serves `app_file` or `index.html` (https://huggingface.co/docs/hub/spaces-sdks-static), a Docker Space builds the root `Dockerfile` (https://huggingface.co/docs/hub/spaces-sdks-docker). Paths are "relative to the root of the repository" and matched case-sensitively, as git does. Exception: a static Space with `app_build_command` names a build output (`dist/index.html`) that does not exist before the build, so instead a `package.json` is expected (spacelint\'s judgement: the documented example is `npm run build`, which needs one). The suggestion points at a candidate: a Python file that imports gradio and calls `.launch(`, or an HTML file at the root. The finding is reported on README.md, the file that names the app file.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: main.py\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ngr.Interface(lambda x: x, "text", "text").launch()\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'dockerfile', code: 'FROM python:3.12\nCMD ["python", "app.py"]\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: static\napp_build_command: npm run build\napp_file: dist/index.html\n---\n' },
        { file: 'package.json', code: '{ "scripts": { "build": "vite build" } }\n' },
      ],
      howToFix: 'Point `app_file` at the file that exists, or rename the file.',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const sdk = space.facts.sdk;
    if (!sdk) return; // C5 reports a missing sdk
    if (sdk === 'docker') {
      if (space.has('Dockerfile')) return;
      const other = [...space.files.keys()].find((p) => p.toLowerCase() === 'dockerfile' || p.toLowerCase() === 'containerfile');
      report({
        messageId: 'missingDockerfile',
        data: { hint: other ? ` (found \`${other}\`: the name is case-sensitive; rename it to \`Dockerfile\`)` : '' },
        file: README,
        range: fm.byKey.get('sdk')!.valueNode?.range ?? configAnchor(space),
      });
      return;
    }
    if (sdk !== 'gradio' && sdk !== 'static' && sdk !== 'streamlit') return;
    const appEntry = entry(space, 'app_file');
    const declared = typeof appEntry?.value === 'string' ? appEntry.value.trim() : undefined;
    const file = declared ?? space.facts.appFile!;
    const range = appEntry ? valueRange(appEntry) : fm.byKey.get('sdk')!.pair.range;
    if (declared && (declared.startsWith('/') || declared.split('/').includes('..'))) {
      report({ messageId: 'absolute', data: { file: declared }, file: README, range });
      return;
    }
    const expected = sdk === 'static' ? '.html' : '.py';
    if (declared && !declared.toLowerCase().endsWith(expected) && !(sdk === 'static' && declared.toLowerCase().endsWith('.htm'))) {
      report({ messageId: 'extension', data: { file: declared, expected, sdk }, file: README, range });
    }
    const normalized = file.replace(/^\.\//, '');
    if (sdk === 'static' && typeof fm.data?.app_build_command === 'string') {
      if (!space.has('package.json')) report({ messageId: 'buildManifest', data: { file: normalized }, file: README, range: fm.byKey.get('app_build_command')!.pair.range });
      return;
    }
    if (space.has(normalized)) return;
    const candidates = candidatesFor(space, sdk, normalized);
    const d: ReportDescriptor = {
      messageId: 'missing',
      data: { file: normalized, hint: candidates.length ? ` (found \`${candidates[0]}\`)` : '' },
      file: README,
      range,
    };
    if (candidates.length) {
      d.suggestions = candidates.slice(0, 3).map((c) => ({
        desc: `Use \`app_file: ${c}\``,
        fix: appEntry?.valueNode ? { range: appEntry.valueNode.range, text: c } : { range: [fm.yamlRange[1], fm.yamlRange[1]] as [number, number], text: `app_file: ${c}\n` },
      }));
    }
    report(d);
  },
});

function candidatesFor(space: Space, sdk: string, missing: string): string[] {
  const lower = missing.toLowerCase();
  const paths = [...space.files.keys()];
  const sameName = paths.filter((p) => p.toLowerCase() === lower);
  if (sdk === 'static') return [...sameName, ...paths.filter((p) => /^[^/]+\.html?$/i.test(p) && !sameName.includes(p))];
  const gradioApps = paths.filter((p) => {
    if (!p.endsWith('.py') || sameName.includes(p)) return false;
    const text = space.text(p) ?? '';
    return /\bgradio\b/.test(text) && /\.launch\(/.test(text);
  });
  return [...sameName, ...gradioApps.sort((a, b) => a.split('/').length - b.split('/').length)];
}

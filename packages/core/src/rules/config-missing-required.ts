import type { Suggestion } from '../diagnostic.js';
import { DEFAULT_PORT } from '../reference/spaces.js';
import type { Space } from '../space/space.js';
import { insertKeyFix, quoteYaml } from '../readme/edit.js';
import { frontMatterOf, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-missing-required',
    category: 'config',
    description: 'The README sets `sdk`, a Gradio Space sets `sdk_version`, and a Docker Space says which port it serves on.',
    hasSuggestions: true,
    messages: {
      sdk: { level: 'error', text: 'The front matter has no `sdk`{{hint}}: nothing else tells the Hub how to run this repository. Add `sdk: gradio`, `docker` or `static`.' },
      sdkVersion: {
        level: 'warning',
        text: 'This Gradio Space has no `sdk_version`{{hint}}: the Gradio version is whatever was filled in at creation, not one you chose. Add `sdk_version: "<version>"`.',
      },
      appPort: {
        level: 'info',
        text: 'No `app_port`: the Hub sends traffic to port {{port}}, and the Dockerfile does not show which port the app listens on. Set `app_port` if it is not {{port}}.',
      },
    },
    docs: {
      rationale:
        'The config reference (https://huggingface.co/docs/hub/spaces-config-reference) marks no key as required, so the levels are spacelint\'s judgement of what breaks. `sdk` selects the runtime and every docs example sets it: without it the Space cannot run (error). `sdk_version` is "the version of Gradio to use" and is pre-filled at creation "to ensure that your Space stays on the same SDK version" (Spaces changelog, 2022-03-04: https://huggingface.co/docs/hub/spaces-changelog); a README without it runs an unknown version, so a warning; when requirements.txt pins `gradio==X` the suggestion moves that version into `sdk_version` (and `deps-sdk-managed-packages` then reports the pin). A Docker Space serves on `app_port`, default 7860 (https://huggingface.co/docs/hub/spaces-config-reference): when the Dockerfile shows no port at all this is only an info; when it shows 7860 nothing is reported, and when it shows another port `docker-port-mismatch` reports it, so this rule stays silent. Empty values (`sdk:`) count as missing. A commented-out key (`# sdk_version: "5.0"`) is a YAML comment, so it counts as missing too.',
      incorrect: [
        { file: 'README.md', code: '---\ntitle: Demo\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\n# sdk_version: "5.49.1"\n---\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'README.md', code: '---\nsdk: docker\napp_port: 7860\n---\n' },
        { file: 'README.md', code: '---\nsdk: static\n---\n' },
      ],
      howToFix: 'Add the key; for `sdk_version` use the Gradio release you test with (quoted).',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const config = space.config;
    const sdkEntry = fm.byKey.get('sdk');
    const missing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (missing(config.sdk)) {
      const guess = guessSdk(space);
      const range = sdkEntry ? sdkEntry.pair.range : ([0, 3] as [number, number]);
      const suggestions: Suggestion[] = [];
      if (guess) {
        // `sdk: ""` → replace the value; `sdk:` → rewrite the pair; no key → add a line.
        const fix = sdkEntry?.valueNode
          ? { range: sdkEntry.valueNode.range, text: guess.sdk }
          : sdkEntry
            ? { range: sdkEntry.pair.range, text: `sdk: ${guess.sdk}` }
            : insertKeyFix(space, fm, 'sdk', guess.sdk);
        if (fix) suggestions.push({ desc: `Set \`sdk: ${guess.sdk}\``, fix });
      }
      report({ messageId: 'sdk', data: { hint: guess ? ` (this looks like a ${guess.sdk} Space: ${guess.why})` : '' }, file: README, range, suggestions });
      return;
    }
    const sdk = space.facts.sdk;
    if (sdk === 'gradio' && missing(config.sdk_version)) {
      const existing = fm.byKey.get('sdk_version');
      const pinned = pinnedGradio(space);
      const suggestions: Suggestion[] = [];
      if (pinned) {
        const text = quoteYaml(pinned);
        const fix = existing ? { range: existing.pair.range, text: `sdk_version: ${text}` } : insertKeyFix(space, fm, 'sdk_version', text);
        if (fix) suggestions.push({ desc: `Add \`sdk_version: ${text}\` (the gradio pin of requirements.txt)`, fix });
      }
      report({
        messageId: 'sdkVersion',
        data: { hint: pinned ? ` (requirements.txt pins gradio==${pinned})` : '' },
        file: README,
        range: existing ? existing.pair.range : sdkEntry!.pair.range,
        suggestions,
      });
      return;
    }
    if (sdk === 'docker' && missing(config.app_port) && space.has('Dockerfile') && !showsPort(space)) {
      const fix = fm.byKey.has('app_port') ? undefined : insertKeyFix(space, fm, 'app_port', String(DEFAULT_PORT));
      report({
        messageId: 'appPort',
        data: { port: DEFAULT_PORT },
        file: README,
        range: sdkEntry!.pair.range,
        suggestions: fix ? [{ desc: `Add \`app_port: ${DEFAULT_PORT}\``, fix }] : [],
      });
    }
  },
});

/** The Dockerfile shows a port: a server whose port is known (given or its default), `EXPOSE`, or `ENV PORT`. */
function showsPort(space: Space): boolean {
  const runtime = space.docker.runtime;
  return runtime.listeners.some((l) => l.port) || runtime.exposes.length > 0 || space.docker.env.has('PORT');
}

function guessSdk(space: Space): { sdk: string; why: string } | undefined {
  if (space.has('Dockerfile')) return { sdk: 'docker', why: 'it has a Dockerfile' };
  const app = space.text('app.py');
  if (app !== undefined && /\bgradio\b/.test(app)) return { sdk: 'gradio', why: 'app.py imports gradio' };
  if (space.has('index.html')) return { sdk: 'static', why: 'it has index.html' };
  return undefined;
}

/** `gradio==X` (with any extras) in requirements.txt or a file it includes. */
function pinnedGradio(space: Space): string | undefined {
  for (const { line, role } of space.requirementsClosure()) {
    if (role === 'requirement' && line.kind === 'requirement' && line.normalizedName === 'gradio' && line.specifier && /^===?[^,]+$/.test(line.specifier)) {
      return line.specifier.replace(/^===?/, '');
    }
  }
  return undefined;
}

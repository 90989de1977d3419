import { CONFIG_KEYS } from '../reference/spaces.js';
import { frontMatterOf, pairLinesRange, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

/** Why a key has no effect for an SDK, by key (hub-docs spaces-config-reference.md unless noted). */
const WHY: Record<string, string> = {
  app_port: '"Used only if `sdk` is `docker`": other Spaces serve on the platform port',
  app_build_command: 'it is "For static Spaces" only',
  base_path: '"For static Spaces, use `app_file` instead"',
  app_file: "a Docker Space runs the Dockerfile's CMD, not `app_file`",
};

/** Why an SDK-version key has no effect, by SDK: a Docker image installs its own, a static Space nothing. */
const WHY_VERSION: Record<string, Record<string, string>> = {
  docker: {
    sdk_version: 'the Dockerfile decides what is installed; huggingface_hub documents it "(if Gradio/Streamlit sdk)"',
    python_version: 'the Dockerfile decides the Python version; huggingface_hub documents it "(if Gradio/Streamlit sdk)"',
  },
  static: {
    sdk_version: 'a static Space installs nothing: its files are served as they are',
    python_version: 'a static Space runs no Python: its files are served as they are',
  },
};

function whyIgnored(key: string, sdk: string, sdks: string[]): string {
  const own = <T>(map: Record<string, T> | undefined, k: string) => (map && Object.hasOwn(map, k) ? map[k] : undefined);
  return own(own(WHY_VERSION, sdk), key) ?? own(WHY, key) ?? `it applies to ${sdks.join(', ')} Spaces only`;
}

export default defineRule({
  meta: {
    id: 'config-key-sdk-mismatch',
    category: 'config',
    description: "README keys that have no effect for the Space's SDK (app_port outside Docker, sdk_version in Docker...).",
    hasSuggestions: true,
    messages: {
      ignored: { level: 'warning', text: '`{{key}}` has no effect in a {{sdk}} Space: {{why}}. Remove it, or change `sdk`.' },
    },
    docs: {
      rationale:
        'Several keys apply to some SDKs only (https://huggingface.co/docs/hub/spaces-config-reference): `app_port` is "Used only if `sdk` is `docker`"; `app_build_command` is "For static Spaces"; `base_path` is for non-static Spaces ("For static Spaces, use `app_file` instead"); `sdk_version` and `python_version` apply to Gradio (and legacy Streamlit) Spaces: huggingface_hub\'s SpaceCardData says "(if Gradio/Streamlit sdk)" (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/repocard_data.py), and in Docker the Dockerfile decides. `app_file` in a Docker Space is ignored too, in spacelint\'s judgement: the docs describe it as the file with "gradio Python code or static html code", and a Docker Space runs its Dockerfile. A key that does nothing usually means the author expects an effect that will not happen (a Gradio Space with `app_port: 8080` still serves on the platform port), so a warning; the suggestion removes the key. Unknown or missing SDKs are left to `config-invalid-value` and `config-missing-required`.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\napp_port: 8080\n---\n' },
        { file: 'README.md', code: '---\nsdk: docker\npython_version: "3.11"\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\nsdk: docker\napp_port: 8080\n---\n' }],
      howToFix: 'Remove the key (the suggestion does), or set the port/Python version where this SDK reads it (the Dockerfile).',
    },
  },
  check(space, report) {
    const fm = frontMatterOf(space);
    if (!fm) return;
    const sdk = space.facts.sdk;
    if (!sdk || ![...space.reference.sdks.current, ...space.reference.sdks.deprecated].includes(sdk)) return;
    for (const e of fm.entries) {
      const sdks = Object.hasOwn(CONFIG_KEYS, e.key) ? CONFIG_KEYS[e.key].sdks : undefined;
      if (!sdks || (sdks as string[]).includes(sdk)) continue;
      report({
        messageId: 'ignored',
        data: { key: e.key, sdk, why: whyIgnored(e.key, sdk, sdks) },
        file: README,
        range: e.keyNode.range,
        suggestions: [{ desc: `Remove \`${e.key}\``, fix: { range: pairLinesRange(space, e), text: '' } }],
      });
    }
  },
});

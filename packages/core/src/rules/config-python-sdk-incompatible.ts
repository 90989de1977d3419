import { specifierAllows } from '../parse/pep440.js';
import { GRADIO_DATA_AS_OF, gradioRelease } from '../reference/gradio-api.js';
import { gradioRequiresPython } from '../reference/gradio-dependencies.js';
import { hasExplicitTag, isPlainScalar, replaceScalarFix, sourceOf } from '../readme/edit.js';
import { entry, README } from '../readme/front-matter.js';
import { defineRule } from './rule.js';

/** Python versions the Space builder offers, oldest first, for the suggestion. */
const PYTHON_CANDIDATES = ['3.10', '3.11', '3.12', '3.13'];

export default defineRule({
  meta: {
    id: 'config-python-sdk-incompatible',
    category: 'config',
    description: "`python_version` is one the Space's Gradio release can be installed on (Gradio 5+ needs Python 3.10+).",
    hasSuggestions: true,
    messages: {
      tooOld: {
        level: 'error',
        text: '`python_version: {{python}}` is below what Gradio {{version}} requires (`requires-python {{requires}}`): pip cannot install that Gradio and the build fails. Use Python {{suggested}} (or an older `sdk_version`).',
      },
    },
    docs: {
      rationale:
        'A Gradio Space installs `gradio==<sdk_version>` with the Python of `python_version` (default 3.10; https://huggingface.co/docs/hub/spaces-config-reference). Each Gradio release declares the Python it supports (`requires-python` in https://github.com/gradio-app/gradio/blob/main/pyproject.toml): `>=3.7` up to 3.x, `>=3.8` in 4.x, `>=3.10` from 5.0. With an older Python pip finds no installable Gradio ("No matching distribution found" / "Requires-Python") and the build fails. ' +
        `The bounds come from spacelint's vendored Gradio release data (pyproject.toml at every release tag, as of ${GRADIO_DATA_AS_OF}). Only a \`sdk_version\` the data holds is checked (an untagged release is read at the nearest tagged one below); without \`sdk_version\` the rule is silent. The suggestion (not an autofix: it changes the interpreter) is the oldest builder Python the release accepts.`,
      incorrect: [{ file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.9"\n---\n' }],
      correct: [{ file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\npython_version: "3.10"\n---\n' }],
      howToFix: 'Raise `python_version` to one the Gradio release supports, or choose an older `sdk_version`.',
    },
  },
  check(space, report) {
    if (space.facts.sdk !== 'gradio') return;
    const e = entry(space, 'python_version');
    const node = e?.valueNode;
    if (!e || !node || hasExplicitTag(node)) return;
    const python = typeof e.value === 'string' ? e.value.trim() : typeof e.value === 'number' && isPlainScalar(node) ? sourceOf(space, node) : undefined;
    if (!python || !/^3\.\d+(\.\d+)?$/.test(python)) return; // config-python-version reports the format
    const release = gradioRelease(space);
    if (release?.source !== 'sdk_version' || release.uncertain) return;
    const requires = gradioRequiresPython(release.version);
    if (!requires || specifierAllows(requires, python) !== false) return;
    const suggested = PYTHON_CANDIDATES.find((v) => specifierAllows(requires, v));
    report({
      messageId: 'tooOld',
      data: { python, version: release.label, requires, suggested: suggested ?? 'a newer version' },
      file: README,
      range: node.range,
      suggestions: suggested ? [{ desc: `Use \`python_version: "${suggested}"\``, fix: replaceScalarFix(space, node, suggested) }] : [],
    });
  },
});

import { defineRule } from './rule.js';

const SDKS_THAT_INSTALL = new Set(['gradio', 'streamlit']);
/** Root file names people give requirements.txt by mistake (compared lowercased). */
const MISNAMED =
  /^(?:requirement\.txt|requirements\.text|requirements-txt|requirements_txt|requirements|requirements\.txt\.txt|requirments\.txt|requirement\.text|requiremets\.txt|requirements\.in|requirement)$/;

export default defineRule({
  meta: {
    id: 'deps-requirements-file-name',
    category: 'dependencies',
    description: 'A Gradio or Streamlit Space keeps its Python requirements in `requirements.txt` at the repository root.',
    messages: {
      misnamed: {
        level: 'error',
        text: 'The Space builder installs only `requirements.txt` at the repository root, so `{{file}}` is never installed and its packages are missing when the app starts. Rename it to `requirements.txt`.',
      },
      subfolder: {
        level: 'error',
        text: 'The Space builder installs only `requirements.txt` at the repository root, so `{{file}}` is never installed and its packages are missing when the app starts. Move it to the root (or add `-r {{file}}` to a root requirements.txt).',
      },
    },
    docs: {
      rationale:
        'Gradio and Streamlit Spaces install "a requirements.txt file at the root of the repository" (https://huggingface.co/docs/hub/spaces-dependencies); the name is exact on Linux, so `Requirements.txt`, `requirement.txt`, `requirements.text` or a `requirements.txt` in a subfolder are never installed and the app fails with `ModuleNotFoundError` at start. Reported when there is no root `requirements.txt`: a root file whose name is a common misspelling of it (compared case-insensitively: `Requirements.txt`, `requirement.txt`, `requirements.text`, `requirements-txt`, `requirements.txt.txt`, `requirments.txt`), or else the shallowest `requirements.txt` in a subfolder. No autofix: a rename is a file operation, and the message says which. Docker Spaces install what their Dockerfile says and static Spaces install nothing, so they are not checked.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'Requirements.txt', code: 'transformers\ntorch\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'transformers\ntorch\n' },
      ],
      howToFix: 'Rename the file to `requirements.txt` (lowercase, at the repository root), e.g. `git mv Requirements.txt requirements.txt`.',
    },
  },
  check(space, report) {
    if (!SDKS_THAT_INSTALL.has(space.facts.sdk ?? '') || space.has('requirements.txt')) return;
    const paths = [...space.files.keys()];
    const misnamed = paths.find((p) => !p.includes('/') && (p.toLowerCase() === 'requirements.txt' || MISNAMED.test(p.toLowerCase())));
    if (misnamed) {
      report({ messageId: 'misnamed', data: { file: misnamed }, file: misnamed });
      return;
    }
    const nested = paths.filter((p) => p.endsWith('/requirements.txt') && !/(^|\/)(?:\.|node_modules\/|venv\/|\.venv\/)/.test(p)).sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (nested) report({ messageId: 'subfolder', data: { file: nested }, file: nested });
  },
});

import { defineRule } from './rule.js';

const SDKS_THAT_BUILD = new Set(['gradio', 'streamlit']);
/** `-e .`, `.`, `./pkg`, `../x`, `/abs`, `file:...` (also after `name @`). */
const LOCAL = /^(?:\.{1,2}(?:[/\\]|$)|\/|file:|[A-Za-z]:\\)/i;

export default defineRule({
  meta: {
    id: 'deps-local-path',
    category: 'dependencies',
    description: 'requirements.txt does not install local paths (`-e .`, `./pkg`, `file:`): the repository is not there yet when it is installed.',
    messages: {
      localPath: {
        level: 'error',
        text: '`{{req}}` installs a local path, but the Space builder installs requirements.txt before the repository is copied into the image, so pip cannot find it and the build fails. Import the code from the repository instead (its root is importable as `/home/user/app`), or publish it as a package.',
      },
    },
    docs: {
      rationale:
        'The Space builder copies requirements.txt alone into the image and installs it before it copies the rest of the repository (the build log shows `COPY --chown=1000:1000 --from=pipfreeze /tmp/requirements.txt` then `pip install -r /tmp/requirements.txt`; https://huggingface.co/docs/hub/spaces-dependencies). A local path in it, `-e .`, `./my_package`, `../lib`, `/abs/path` or `file:…` (also as `name @ file:…`), does not exist then, so pip fails. Hugging Face\'s Spaces skill (requirements.md) says: "Don\'t reference local paths from requirements.txt. The repo root is importable as /home/user/app". Docker Spaces install in the order their Dockerfile says and are not checked.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch\n-e .\n./third_party/my_ops\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch\ngit+https://github.com/org/my_ops.git\n' },
      ],
      howToFix: 'Remove the line and import the code from the repository directly (the repo root is on the import path), or install it from a git URL or a published wheel.',
    },
  },
  check(space, report) {
    if (!SDKS_THAT_BUILD.has(space.facts.sdk ?? '')) return;
    for (const { path, line, role } of space.requirementsClosure()) {
      // A bare `.` is a local project to pip (some parsers call it invalid).
      const local = line.url ? LOCAL.test(line.url.trim()) : /^\.{1,2}$/.test(line.raw.trim());
      if (role !== 'requirement' || !local) continue;
      const req = line.raw.length > 80 ? `${line.raw.slice(0, 77)}...` : line.raw;
      report({ messageId: 'localPath', data: { req }, file: path, range: line.range });
    }
  },
});

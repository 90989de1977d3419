import type { Space } from '../space/space.js';
import { fileKind } from '../space/file-kind.js';
import { defineRule } from './rule.js';

/** Files spacelint parses; other files (images, weights) may be binary without any finding. */
export function isParsedFile(path: string): boolean {
  const kind = fileKind(path);
  return kind === 'python' || kind === 'requirements' || kind === 'dockerfile' || kind === 'packages-txt';
}

export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'core',
    description: 'A Python file, requirements file, packages.txt or Dockerfile that cannot be read or parsed.',
    messages: {
      python: { level: 'error', text: '{{detail}}. Python cannot import this file; the other files were still checked.' },
      requirements: { level: 'error', text: 'pip cannot read this line: {{detail}}. The build stops at `pip install -r`.' },
      dockerfile: { level: 'error', text: 'Dockerfile: {{detail}}. The Docker build fails here.' },
      pythonIncomplete: {
        level: 'warning',
        text: 'spacelint stopped analysing this file after {{budget}} ms: its syntax tree is unusually deep (a very long expression or deep nesting). Checks of the code from here on are missing; the other files were checked.',
      },
      unreadable: { level: 'error', text: 'Could not check `{{path}}`: {{detail}}.' },
    },
    docs: {
      rationale:
        'spacelint parses every Python file, requirements file, packages.txt and the Dockerfile of a Space. A file that does not parse fails on the Hub too (an import error at start-up, a failed `pip install` or Docker build), so it is an error. It is reported once, at the first problem, and every other file is still linted. Files that cannot be read as UTF-8 text (binary, another encoding, larger than 2 MB, or a symlink that leaves the Space) are reported when they are files spacelint would parse; other binary files such as images or weights are ignored.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'def predict(x)\n    return x\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'def predict(x):\n    return x\n' },
      ],
      howToFix: 'Fix the syntax at the reported line, or save the file as UTF-8.',
    },
  },
  check(space: Space, report) {
    for (const [path, file] of space.files) {
      if (!isParsedFile(path)) continue;
      if (file.text === undefined) {
        if (file.problem) report({ messageId: 'unreadable', data: { path, detail: file.detail ?? file.problem }, file: path });
        continue;
      }
      const kind = fileKind(path);
      if (kind === 'python') {
        const module = space.python(path);
        const err = module?.syntaxError;
        if (err) report({ messageId: 'python', data: { detail: err.message }, file: path, range: err.range });
        else if (module?.analysisStopped) report({ messageId: 'pythonIncomplete', data: { budget: module.analysisStopped.budgetMs }, file: path, range: module.analysisStopped.range });
      } else if (kind === 'requirements') {
        const err = space.requirements(path)?.error;
        if (err) report({ messageId: 'requirements', data: { detail: err.message }, file: path, range: err.range });
      } else if (kind === 'dockerfile') {
        const err = space.dockerfile(path)?.error;
        if (err) report({ messageId: 'dockerfile', data: { detail: err.message }, file: path, range: err.range });
      }
    }
  },
});

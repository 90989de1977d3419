import { PER_REQUIREMENT_OPTIONS } from '../parse/requirements.js';
import type { Suggestion } from '../diagnostic.js';
import { trimEndWhere } from '../text.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'deps-pip-option-ignored',
    category: 'dependencies',
    description: 'A pip option written after a requirement that pip reads and then ignores there (`torch --index-url …`).',
    hasSuggestions: true,
    messages: {
      ignored: {
        level: 'warning',
        text: 'pip ignores `{{option}}` on a requirement line: only `--hash`, `--config-settings` and `--global-option` apply to the requirement beside them, so `{{name}}` is installed from the default index as if the option were absent. Put `{{option}}` on a line of its own.',
      },
    },
    docs: {
      rationale:
        "pip's requirements-file format (https://pip.pypa.io/en/stable/reference/requirements-file-format/) splits each line at its first token that starts with `-`: what follows are options. On a requirement line pip keeps only the per-requirement options (`--hash`, `--config-settings`, `--global-option`) and drops the rest without a word, so `torch --index-url https://download.pytorch.org/whl/cpu` installs torch from PyPI (the CUDA build, several GB) rather than the CPU wheel the author asked for. The same option on a line of its own applies to the whole file. The line is valid, so this is a warning of what the author probably meant, never a parse error.",
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'torch --index-url https://download.pytorch.org/whl/cpu\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        {
          file: 'requirements.txt',
          code: '--extra-index-url https://download.pytorch.org/whl/cpu\ntorch\nrequests==2.32.3 --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6\n',
        },
      ],
      howToFix: 'Move the option to a line of its own (the suggestion does so); it then applies to every requirement of the file. Use `--extra-index-url` to keep PyPI for the other packages.',
    },
  },
  check(space, report) {
    const seen = new Set<string>();
    for (const root of ['pre-requirements.txt', 'requirements.txt']) {
      for (const { path, line } of space.requirementsClosure(root)) {
        const text = space.text(path);
        if (text === undefined || (line.kind !== 'requirement' && line.kind !== 'url')) continue;
        for (const option of line.options ?? []) {
          const key = `${path}:${option.range[0]}`;
          if (PER_REQUIREMENT_OPTIONS.has(option.name) || seen.has(key)) continue;
          seen.add(key);
          report({
            messageId: 'ignored',
            data: { option: option.name, name: line.name ?? line.url ?? 'the requirement' },
            file: path,
            range: option.range,
            suggestions: [moveToOwnLine(text, line.range[0], option.range)],
          });
        }
      }
    }
  },
});

/** Rewrites `req --opt value` as `--opt value` on the line above `req` (continuations kept intact). */
function moveToOwnLine(text: string, requirementStart: number, [start, end]: [number, number]): Suggestion {
  const optionText = text.slice(start, end);
  const lineStart = text.lastIndexOf('\n', requirementStart - 1) + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const before = trimEndWhere(text.slice(lineStart, start), /[\s\\]/);
  return { desc: `Move \`${optionText}\` to a line of its own above the requirement`, fix: { range: [lineStart, end], text: `${optionText}${eol}${before}` } };
}

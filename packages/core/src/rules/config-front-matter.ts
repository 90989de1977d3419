import { README } from '../space/space.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'config-front-matter',
    category: 'config',
    description: 'README.md exists and starts with a valid YAML front-matter mapping without duplicate keys.',
    messages: {
      missingReadme: {
        level: 'error',
        text: 'The Space has no README.md: its config (sdk, title, hardware hints) is the YAML block at the top of README.md. Add one (spacelint writes a starter: its `init` command, or the `scaffold_space` MCP tool).',
      },
      unreadable: { level: 'error', text: 'README.md could not be read: {{detail}}. Save it as UTF-8 text.' },
      problem: { level: 'error', text: '{{detail}}' },
    },
    docs: {
      rationale:
        'Spaces are configured by "the YAML block at the top of the README.md file at the root of the repository" (https://huggingface.co/docs/hub/spaces-config-reference). A README without it, with the block not on line 1, a block that is never closed, YAML that does not parse, a top level that is not a mapping or a duplicated key puts the Space in the `CONFIG_ERROR` stage. A UTF-8 BOM and CRLF line ends are accepted, as the Hub accepts them. YAML alias expansion is capped (a "billion laughs" block is reported, not expanded). spacelint\'s own limit: front matter over 64 KB is reported and not parsed, because the YAML parser checks every key against all earlier ones (quadratic: minutes for a 2 MB README); real Space configs are a few KB. Likewise, `[`/`{` nested more than 256 levels deep is reported rather than parsed (the parser would overflow the stack at a depth that varies from run to run).',
      incorrect: [
        { file: 'README.md', code: '# My demo\n---\nsdk: gradio\n---\n' },
        { file: 'README.md', code: '---\nsdk: gradio\nsdk: docker\n---\n' },
      ],
      correct: [{ file: 'README.md', code: '---\ntitle: My demo\nsdk: gradio\nsdk_version: "5.49.1"\n---\n# My demo\n' }],
      howToFix: 'Put a `---` line at line 1, the `key: value` lines, and a closing `---` line; keep each key once.',
    },
  },
  check(space, report) {
    const file = space.file(README);
    if (!file) {
      report({ messageId: 'missingReadme', file: README });
      return;
    }
    if (file.text === undefined) {
      report({ messageId: 'unreadable', data: { detail: file.detail ?? 'unreadable' }, file: README });
      return;
    }
    const result = space.readme!;
    if (!result.found) {
      report({ messageId: 'problem', data: { detail: result.problem.message }, file: README, range: result.problem.range });
      return;
    }
    for (const p of result.frontMatter.problems) report({ messageId: 'problem', data: { detail: p.message }, file: README, range: p.range });
  },
});

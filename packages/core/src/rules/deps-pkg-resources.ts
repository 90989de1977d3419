import { specifierAllows } from '../parse/pep440.js';
import { requirementNamed } from '../requirements/torch-pins.js';
import { defineRule } from './rule.js';

/** Releases that import pkg_resources at run time (Hugging Face's Spaces skill, known-errors.md). */
const OFFENDERS: { name: string; versions: string; display: string }[] = [
  { name: 'openai-whisper', versions: '==20231117', display: 'openai-whisper==20231117' },
  { name: 'deepspeed', versions: '>=0.15.0,<0.16', display: 'deepspeed 0.15' },
];

export default defineRule({
  meta: {
    id: 'deps-pkg-resources',
    category: 'dependencies',
    description: 'Code and packages that need `pkg_resources` come with a `setuptools<81` pin.',
    hasSuggestions: true,
    messages: {
      offender: {
        level: 'error',
        text: "`{{req}}` imports `pkg_resources`, which setuptools 81 removed: with the current setuptools the Space fails with `ModuleNotFoundError: No module named 'pkg_resources'`. Add `setuptools<81` to requirements.txt, or upgrade {{name}}.",
      },
      importPkgResources: {
        level: 'error',
        text: "`import pkg_resources` fails with setuptools 81 or newer, which removed it (`ModuleNotFoundError: No module named 'pkg_resources'`). Use `importlib.metadata` / `importlib.resources`, or pin `setuptools<81` in requirements.txt.",
      },
    },
    docs: {
      rationale:
        'setuptools 81 removed the long-deprecated `pkg_resources` module (https://setuptools.pypa.io/en/latest/pkg_resources.html: "Use of pkg_resources is deprecated in favor of importlib.resources, importlib.metadata"; https://github.com/pypa/setuptools/blob/main/NEWS.rst). Hugging Face\'s Spaces skill (known-errors.md) names the typical offenders in Spaces: `openai-whisper==20231117` and `deepspeed==0.15.x`, which import it at run time. Reported, unless requirements.txt pins setuptools below 81 (`setuptools<81`, `setuptools==80.9.0`): those requirements (line-level error, with a suggestion to append `setuptools<81`), and module-level `import pkg_resources` / `from pkg_resources import …` in the app and the local modules it imports (imports inside `try:` are optional and not reported).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'openai-whisper==20231117\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'requirements.txt', code: 'openai-whisper==20231117\nsetuptools<81\n' },
      ],
      howToFix:
        'Pin `setuptools<81` in requirements.txt, upgrade the package that imports `pkg_resources`, or replace `pkg_resources` in your code with `importlib.metadata` and `importlib.resources`.',
    },
  },
  check(space, report) {
    const setuptools = requirementNamed(space, 'setuptools');
    if (setuptools && specifierAllows(setuptools.line.specifier ?? '', '81.0.0') === false) return;
    const lines = space.lines('requirements.txt');
    for (const { path, line, role } of space.requirementsClosure()) {
      if (role !== 'requirement' || !line.normalizedName || !line.specifier) continue;
      const offender = OFFENDERS.find((o) => o.name === line.normalizedName);
      if (!offender) continue;
      const pinned = /^===?([^,]+)$/.exec(line.specifier)?.[1]?.replace(/\.\*$/, '.0');
      if (!pinned || !specifierAllows(offender.versions, pinned)) continue;
      const end = lines?.text.length ?? 0;
      const newline = lines && !lines.text.endsWith('\n') && lines.text.length ? '\n' : '';
      const suggestions =
        path === 'requirements.txt' && lines ? [{ desc: 'Add `setuptools<81` to requirements.txt', fix: { range: [end, end] as [number, number], text: `${newline}setuptools<81\n` } }] : [];
      report({ messageId: 'offender', data: { req: line.raw, name: line.name ?? offender.name }, file: path, range: line.range, suggestions });
    }
    for (const module of space.appModules) {
      for (const imp of module.imports) {
        if (imp.module.split('.')[0] !== 'pkg_resources' || imp.level > 0 || imp.nested || imp.guarded) continue;
        report({ messageId: 'importPkgResources', file: module.path, range: imp.range });
        break;
      }
    }
  },
});

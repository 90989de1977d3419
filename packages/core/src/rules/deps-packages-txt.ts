import type { Fix, Suggestion } from '../diagnostic.js';
import { evaluateMarker, spaceMarkerEnvironment } from '../parse/markers.js';
import type { PackageEntry } from '../parse/packages-txt.js';
import { normalizePackageName } from '../parse/requirements.js';
import { OBSOLETE_APT_PACKAGES, OPENCV_SYSTEM_PACKAGES, PYPI_ONLY_NAMES } from '../reference/spaces.js';
import type { Space } from '../space/space.js';
import { defineRule, type Report } from './rule.js';

const FILE = 'packages.txt';
// A command word must stand alone: `python3-opencv` and `apt-transport-https` are real packages.
const SHELL_START = /^(?:sudo|apt|apt-get|aptitude|apk|yum|dnf|brew|conda|pip3?|python3?|curl|wget|echo|cd|export)(?=\s|$)/;
const SHELL_SYNTAX = /&&|\|\||[|;`$<>()]/;
const PIP_SYNTAX = /===?|[<>]=?|~=|!=|\[/;
const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+(?::[a-z0-9-]+)?(?:=[A-Za-z0-9.+~:-]+)?$/;
const OPENCV_GUI = ['opencv-python', 'opencv-contrib-python'];

export default defineRule({
  meta: {
    id: 'deps-packages-txt',
    category: 'dependencies',
    description: 'packages.txt holds Debian package names that `apt-get install` can install, one per line.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      obsolete: {
        level: 'error',
        text: '`{{name}}` no longer exists ({{reason}}), and the Spaces build image runs current Debian: the build fails with "E: Package \'{{name}}\' has no installation candidate". Use `{{replacement}}`.',
      },
      obsoleteDocker: {
        level: 'warning',
        text: "`{{name}}` no longer exists ({{reason}}): if the Dockerfile's base image is one of those releases or later, apt fails with \"E: Package '{{name}}' has no installation candidate\". Use `{{replacement}}`, which older releases have too.",
      },
      shell: {
        level: 'error',
        text: '`{{text}}` is a shell command, but every word of packages.txt is passed to `apt-get install` as a package name. Write only the package names, one per line.',
      },
      pip: {
        level: 'error',
        text: '`{{name}}` is a Python package: packages.txt goes to `apt-get install`, which cannot install it. Put it in requirements.txt.',
      },
      pipCommand: {
        level: 'error',
        text: '`{{text}}` is a pip command, but packages.txt goes to `apt-get install`. Put the Python packages in requirements.txt.',
      },
      comment: {
        level: 'error',
        text: '`{{text}}`: packages.txt has no comments; the builder passes every word to `apt-get install` (`xargs -r -a packages.txt apt-get install -y`), so apt fails on them. Remove it; spacelint settings go in .spacelint.yaml.',
      },
      invalid: { level: 'error', text: '`{{name}}` is not a valid Debian package name{{hint}}: apt fails on it.' },
      duplicate: { level: 'info', text: '`{{name}}` is listed more than once; remove the repeat.' },
      crlf: {
        level: 'warning',
        text: 'packages.txt has Windows (CRLF) line endings: the carriage return stays attached to each package name passed to apt, which then cannot find it. Save it with LF line endings.',
      },
      opencv: {
        level: 'info',
        text: "`{{name}}` is OpenCV's GUI build, which needs libGL (`ImportError: libGL.so.1`), and packages.txt does not install it: use `{{headless}}`, or add `libgl1` to packages.txt.",
      },
    },
    docs: {
      rationale:
        '"Add a packages.txt file at the root of the repository … Each dependency should be on a separate line, and each line will be read and installed by `apt-get install`." (https://huggingface.co/docs/hub/spaces-dependencies). The builder runs `xargs -r -a /root/packages.txt apt-get install -y` (as build logs print it, e.g. https://github.com/CAIC-AD/YOLOPv2/issues/50), so every whitespace-separated word becomes a package name: shell commands (`apt-get install -y ffmpeg`), pip requirements (`opencv-python==4.10.0.84`, PyPI-only names such as `torch`) and invalid names fail the build (`E: Unable to locate package`, `exit code: 100`, https://discuss.huggingface.co/t/how-to-fix-space-stuck-on-building-in-hugging-face-spaces/175119), so they are errors. `#` comments are errors too: spacelint\'s reading of the xargs command (whether the Hub strips comments is not documented). `libgl1-mesa-glx` is gone from Debian trixie and Ubuntu ≥ 23.10 ("E: Package \'libgl1-mesa-glx\' has no installation candidate" (https://github.com/CatchTheTornado/text-extract-api/issues/126, https://github.com/Zeyi-Lin/HivisionIDPhotos/issues/265)); the Gradio builder starts `FROM docker.io/library/python:<python_version>` (as build logs print it, e.g. https://github.com/CAIC-AD/YOLOPv2/issues/50), whose default tags are Debian trixie since its release in August 2025 (`python:3.10-slim` is trixie: https://github.com/CatchTheTornado/text-extract-api/issues/126), and Space builds listing it stop at that line ("E: Package \'...\' has no installation candidate", https://discuss.huggingface.co/t/how-to-fix-space-stuck-on-building-in-hugging-face-spaces/175119), so it is an error: the build fails for certain, and spacelint\'s deploy refuses to upload it. In a Docker Space the Dockerfile chooses the base image (Ubuntu 22.04 or Debian bookworm still have it), so there it is a warning. Both have an autofix to `libgl1`, the package that provides the same `libGL.so.1` on every release since Debian stretch and Ubuntu 18.04. CRLF line endings are a warning with an autofix to LF: GNU xargs keeps the `\\r` (it splits on blanks and newlines only), so apt is asked for `ffmpeg\\r` and reports "Unable to locate package" (checked with Debian 12\'s xargs and apt-get); not an error, because Git for Windows (`core.autocrlf`) commits LF from a CRLF working copy, so the file linted may not be the file the builder reads; duplicates an info with an autofix that removes the repeat. Cross-file (info): `opencv-python` in requirements.txt loads libGL; "Using OpenCV in Spaces" (https://huggingface.co/docs/hub/spaces-using-opencv) adds a system package in packages.txt, and the failure without it is `ImportError: libGL.so.1`, so without `libgl1`/`python3-opencv` in packages.txt the suggestion is the headless wheel. Docker Spaces install packages.txt only if their Dockerfile does (`deps-files-ignored-for-sdk`), so the file is checked there only when the Dockerfile uses it; static Spaces are skipped.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'packages.txt', code: 'libgl1-mesa-glx\napt-get install -y ffmpeg\nopencv-python==4.10.0.84\n# for audio\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'packages.txt', code: 'ffmpeg\nlibgl1\nlibsm6\n' },
      ],
      howToFix: 'Keep one Debian package name per line (`--fix` renames obsolete packages and removes repeats); move Python packages to requirements.txt.',
    },
  },
  check(space, report) {
    const sdk = space.facts.sdk;
    if (sdk === 'static') return;
    const docker = sdk === 'docker';
    if (!docker || space.docker.use(FILE) === 'installs') checkPackagesTxt(space, report);
    if (!docker) checkOpencv(space, report);
  },
});

function checkPackagesTxt(space: Space, report: Report): void {
  const entries = space.packagesTxt();
  const lines = space.lines(FILE);
  if (!entries || !lines) return;
  const text = lines.text;
  const crAt = text.indexOf('\r');
  if (crAt >= 0) {
    const start = lines.lineRange(lines.positionAt(crAt).line)[0];
    report({ messageId: 'crlf', file: FILE, range: [start, crAt], fix: { range: [0, text.length], text: text.replace(/\r\n?/g, '\n') } });
  }
  const byLine = new Map<number, PackageEntry[]>();
  for (const e of entries) {
    const group = byLine.get(e.line);
    if (group) group.push(e);
    else byLine.set(e.line, [e]);
  }
  const seen = new Set<string>();
  const listed = new Set(entries.filter((e) => e.kind === 'package').map((e) => e.name.split(/[:=]/)[0]));
  for (const [line, group] of byLine) {
    const [start, end] = lines.lineRange(line);
    const content = text.slice(start, end).trim();
    const contentStart = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
    const range: [number, number] = [contentStart, contentStart + content.length];
    const deleteLine: Fix = { range: [start, line < lines.lineCount ? lines.offsetAt(line + 1) : text.length], text: '' };
    // A comment starts with `#` at the line start or after whitespace (as in a shell); apt still receives it.
    const hashAt = content.search(/(^|\s)#/);
    const commentAt = hashAt < 0 ? -1 : content[hashAt] === '#' ? hashAt : hashAt + 1;
    if (commentAt >= 0) {
      const only = commentAt === 0;
      // `ffmpeg  # audio` keeps `ffmpeg`; a whole comment line goes.
      const fix: Fix = only ? deleteLine : { range: [range[0] + content.slice(0, commentAt).trimEnd().length, range[1]], text: '' };
      report({ messageId: 'comment', data: { text: content.slice(commentAt) }, file: FILE, range: [range[0] + commentAt, range[1]], suggestions: [{ desc: 'Remove the comment', fix }] });
      if (only) continue;
    }
    const words = commentAt >= 0 ? content.slice(0, commentAt).trim() : content;
    const wordsEnd = range[0] + (commentAt >= 0 ? commentAt : content.length);
    const wordsRange: [number, number] = [range[0], range[0] + words.length];
    if (SHELL_START.test(words) || SHELL_SYNTAX.test(words) || /(^|\s)install(\s|$)/.test(words)) {
      if (/^(?:sudo\s+)?(?:pip3?|python3?\s+-m\s+pip)\b/.test(words)) {
        report({ messageId: 'pipCommand', data: { text: words }, file: FILE, range: wordsRange, suggestions: [{ desc: 'Remove this line', fix: deleteLine }] });
        continue;
      }
      const names = aptInstallNames(words);
      const suggestions: Suggestion[] = names?.length ? [{ desc: `Keep only ${names.join(', ')}`, fix: { range: wordsRange, text: names.join(newline(text)) } }] : [];
      report({ messageId: 'shell', data: { text: words.length > 60 ? `${words.slice(0, 57)}...` : words }, file: FILE, range: wordsRange, suggestions });
      continue;
    }
    // Counted once per line, not per entry: a line of 15,000 words took seconds (found by `npm run fuzz`).
    const single = group.filter((g) => g.range[0] < wordsEnd).length === 1 && commentAt < 0;
    for (const e of group) {
      if (e.kind === 'comment' || e.range[0] >= wordsEnd) continue;
      const removeEntry: Fix = single ? deleteLine : { range: e.range, text: '' };
      if (PIP_SYNTAX.test(e.name) || PYPI_ONLY_NAMES.includes(normalizePackageName(e.name.split(/[=<>~![]/)[0]))) {
        report({ messageId: 'pip', data: { name: e.name }, file: FILE, range: e.range, suggestions: [{ desc: `Remove \`${e.name}\``, fix: removeEntry }] });
        continue;
      }
      if (!DEBIAN_NAME.test(e.name)) {
        const lower = e.name.toLowerCase().replace(/_/g, '-');
        const valid = DEBIAN_NAME.test(lower);
        report({
          messageId: 'invalid',
          data: { name: e.name, hint: valid && lower !== e.name ? ` (did you mean \`${lower}\`?)` : '' },
          file: FILE,
          range: e.range,
          suggestions: valid && lower !== e.name ? [{ desc: `Use \`${lower}\``, fix: { range: e.range, text: lower } }] : [],
        });
        continue;
      }
      const bare = e.name.split(/[:=]/)[0];
      const obsolete = OBSOLETE_APT_PACKAGES[bare];
      if (obsolete) {
        // When the replacement is already listed, renaming would only repeat it: remove instead.
        const fix: Fix = listed.has(obsolete.replacement) ? removeEntry : { range: [e.range[0], e.range[0] + bare.length], text: obsolete.replacement };
        report({
          messageId: space.facts.sdk === 'docker' ? 'obsoleteDocker' : 'obsolete',
          data: { name: bare, replacement: obsolete.replacement, reason: obsolete.reason },
          file: FILE,
          range: e.range,
          fix,
        });
        continue;
      }
      if (seen.has(bare)) {
        report({ messageId: 'duplicate', data: { name: bare }, file: FILE, range: e.range, fix: removeEntry });
        continue;
      }
      seen.add(bare);
    }
  }
}

function newline(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `sudo apt-get install -y ffmpeg libsm6` → [ffmpeg, libsm6]; undefined for other commands. */
function aptInstallNames(words: string): string[] | undefined {
  const m = /^(?:sudo\s+)?apt(?:-get)?\s+(?:-\S+\s+)*install\s+(.*)$/.exec(words);
  if (!m || SHELL_SYNTAX.test(m[1])) return undefined;
  const names = m[1].split(/\s+/).filter((w) => w && !w.startsWith('-'));
  return names.every((n) => DEBIAN_NAME.test(n)) ? names : undefined;
}

/** opencv-python (GUI build) in requirements.txt needs libGL from packages.txt (hub-docs spaces-using-opencv). */
function checkOpencv(space: Space, report: Report): void {
  const installed = new Set((space.packagesTxt() ?? []).filter((e) => e.kind === 'package').map((e) => e.name.split(/[:=]/)[0]));
  if (OPENCV_SYSTEM_PACKAGES.some((p) => installed.has(p))) return;
  const pythonVersion = space.config.python_version;
  const env = spaceMarkerEnvironment(typeof pythonVersion === 'string' ? pythonVersion.trim() : undefined);
  for (const { path, line, role } of space.requirementsClosure()) {
    if (role !== 'requirement' || !line.normalizedName || !OPENCV_GUI.includes(line.normalizedName) || !line.nameRange) continue;
    if (line.marker && evaluateMarker(line.marker, env) === false) continue;
    const headless = `${line.normalizedName}-headless`;
    report({
      messageId: 'opencv',
      data: { name: line.name!, headless },
      file: path,
      range: line.nameRange,
      suggestions: [{ desc: `Use \`${headless}\``, fix: { range: line.nameRange, text: headless } }],
    });
    return;
  }
}

import type { Suggestion } from '../diagnostic.js';
import type { Space } from '../space/space.js';
import { copyOf } from '../docker/installs.js';
import { requirementLineDeletion } from '../requirements/closure.js';
import { defineRule, type Report } from './rule.js';

/** Files the Gradio builder installs by itself (hub-docs spaces-dependencies.md), in install order. */
const DEPENDENCY_FILES = ['packages.txt', 'pre-requirements.txt', 'requirements.txt'];
const DOCKERFILE = 'Dockerfile';

/** What a Dockerfile needs to install each file (as root, before any `USER`, so apt works). */
const INSTALL_LINES: Record<string, string[]> = {
  'packages.txt': ['COPY packages.txt /tmp/packages.txt', 'RUN apt-get update && xargs -r -a /tmp/packages.txt apt-get install -y && rm -rf /var/lib/apt/lists/*'],
  'pre-requirements.txt': ['COPY pre-requirements.txt /tmp/pre-requirements.txt', 'RUN pip install --no-cache-dir -r /tmp/pre-requirements.txt'],
  'requirements.txt': ['COPY requirements.txt /tmp/requirements.txt', 'RUN pip install --no-cache-dir -r /tmp/requirements.txt'],
};

export default defineRule({
  meta: {
    id: 'deps-files-ignored-for-sdk',
    category: 'dependencies',
    description: 'requirements.txt, pre-requirements.txt and packages.txt are installed: not in a Docker Space whose Dockerfile ignores them, nor in a static Space.',
    hasSuggestions: true,
    messages: {
      dockerIgnored: {
        level: 'warning',
        text: 'The Dockerfile never installs `{{file}}`: Docker Spaces build only what the Dockerfile says, so its {{what}} are missing at run time. Add {{how}} to the Dockerfile, or delete the file.',
      },
      dockerCopiedOnly: {
        level: 'warning',
        text: 'The Dockerfile copies `{{file}}` but never installs it: Docker Spaces build only what the Dockerfile says. Add {{how}} after the COPY.',
      },
      static: {
        level: 'info',
        text: '`{{file}}` has no effect: static Spaces are served as files, without a Python runtime or apt packages.',
      },
      pipInRequirements: {
        level: 'info',
        text: '`{{req}}` changes pip in the same install that reads requirements.txt, too late to matter. Put it in pre-requirements.txt, which the builder installs first.',
      },
    },
    docs: {
      rationale:
        'Automatic installation of requirements.txt, pre-requirements.txt and packages.txt is described for Gradio Spaces ("Handling Spaces Dependencies in Gradio Spaces", https://huggingface.co/docs/hub/spaces-dependencies). A Docker Space builds only its Dockerfile: the Docker guide installs requirements itself (`COPY --chown=user ./requirements.txt requirements.txt` / `RUN pip install --no-cache-dir --upgrade -r requirements.txt`, https://huggingface.co/docs/hub/spaces-sdks-docker-first-demo). That Docker builds do not install these files on their own is spacelint\'s reading of those pages. So in a Docker Space, a dependency file that no Dockerfile instruction other than COPY/ADD names is a warning: the app will miss those packages. The rule stays silent when any RUN, CMD or ENTRYPOINT names the file (`pip install -r requirements.txt`, `RUN --mount=source=packages.txt …`, `xargs … < packages.txt`), or the name it was copied to (`COPY requirements.txt /tmp/reqs.txt` then `pip install -r /tmp/reqs.txt`), or runs a repo shell script that names it (`RUN ./setup.sh`). A COPY alone (`COPY . .`) does not install anything, so it is reported too. Static Spaces "are served directly without running on compute" (https://huggingface.co/docs/hub/spaces-sdks-static), so the files are an info there. Also (Gradio, info): a `pip` line in requirements.txt upgrades pip in the very install it should speed up; the dependencies page says pre-requirements.txt "can be useful if you need to update pip itself" (https://huggingface.co/docs/hub/spaces-dependencies).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\napp_port: 7860\n---\n' },
        { file: 'requirements.txt', code: 'fastapi\nuvicorn\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "7860"]\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\napp_port: 7860\n---\n' },
        { file: 'requirements.txt', code: 'fastapi\nuvicorn\n' },
        {
          file: 'Dockerfile',
          code: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "7860"]\n',
        },
      ],
      howToFix: 'Install the file in the Dockerfile (the suggestion adds the COPY and RUN lines after FROM), or delete it; in a static Space delete it.',
    },
  },
  check(space, report) {
    const sdk = space.facts.sdk;
    const present = DEPENDENCY_FILES.filter((f) => space.has(f));
    if (sdk === 'docker') {
      if (space.has(DOCKERFILE)) checkDocker(space, report, present);
    } else if (sdk === 'static') {
      for (const file of present) {
        const lines = space.lines(file);
        report({ messageId: 'static', data: { file }, file, range: lines ? lines.lineRange(1) : [0, 0] });
      }
    } else if (sdk === 'gradio' || sdk === 'streamlit') {
      for (const { path, line, role } of space.requirementsClosure()) {
        if (role !== 'requirement' || line.normalizedName !== 'pip' || line.kind !== 'requirement') continue;
        report({
          messageId: 'pipInRequirements',
          data: { req: line.raw },
          file: path,
          range: line.range,
          suggestions: [{ desc: `Remove \`${line.raw}\` (move it to pre-requirements.txt)`, fix: { range: requirementLineDeletion(space, path, line), text: '' } }],
        });
      }
    }
  },
});

function checkDocker(space: Space, report: Report, present: string[]): void {
  const docker = space.dockerfile();
  if (!docker) return;
  const froms = docker.instructions.filter((i) => i.keyword === 'FROM');
  const lastFrom = froms[froms.length - 1];
  for (const file of present) {
    const use = space.docker.use(file);
    if (use === 'installs') continue;
    const isApt = file === 'packages.txt';
    const how = isApt ? '`xargs -r -a packages.txt apt-get install -y`' : `\`RUN pip install --no-cache-dir -r ${file}\``;
    if (use === 'copies') {
      const copy = docker.instructions.find((i) => copyOf(i, file));
      report({ messageId: 'dockerCopiedOnly', data: { file, how }, file: DOCKERFILE, range: copy ? copy.range : [0, 0] });
      continue;
    }
    const suggestions: Suggestion[] = [];
    if (lastFrom) {
      const text = space.text(DOCKERFILE)!;
      const nl = text.includes('\r\n') ? '\r\n' : '\n';
      const at = lastFrom.range[1];
      const atEnd = at >= text.length;
      suggestions.push({
        desc: `Install ${file} after \`FROM\``,
        fix: { range: [at, at], text: `${nl}${INSTALL_LINES[file].join(nl)}${atEnd ? nl : ''}` },
      });
    }
    report({
      messageId: 'dockerIgnored',
      data: { file, how, what: isApt ? 'system packages' : 'Python packages' },
      file: DOCKERFILE,
      range: lastFrom ? lastFrom.range : [0, 0],
      suggestions,
    });
  }
}

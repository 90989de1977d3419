import type { Suggestion } from '../diagnostic.js';
import type { DockerInstruction } from '../parse/dockerfile.js';
import { execWords, mappedTokens, programName, shellCommands } from '../parse/shell.js';
import { DOCKERFILE } from '../docker/runtime.js';
import { trimEndWhere } from '../text.js';
import { defineRule } from './rule.js';

/** Commands that need root: a non-root user inserted before them would break the build. */
const ROOT_ONLY = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'useradd', 'adduser', 'groupadd', 'addgroup', 'chown', 'usermod']);
/** What Dev Mode needs in the image (hub-docs spaces-dev-mode.md). */
const DEV_MODE_PACKAGES = ['bash', 'curl', 'wget', 'procps', 'git', 'git-lfs'];

export default defineRule({
  meta: {
    id: 'docker-user-permissions',
    category: 'docker',
    description: 'A Docker Space copies its files as the user the container runs as (uid 1000) and has a start command.',
    hasSuggestions: true,
    messages: {
      noUser: {
        level: 'info',
        text: 'The Dockerfile never switches to a non-root user, but Spaces run the container as user ID 1000: files copied or created as root here cannot be written at run time. Create a user (`RUN useradd -m -u 1000 user`, `USER user`) before copying the app, and copy with `--chown=user`.',
      },
      copyBeforeUser: {
        level: 'info',
        text: 'The app is copied before `USER {{user}}`, so its files belong to root and cannot be written at run time (the container runs as user ID 1000). Switch user first, or copy with `--chown={{user}}`.',
      },
      noChown: {
        level: 'info',
        text: '`{{keyword}}` without `--chown` creates root-owned files even after `USER {{user}}`, and the app cannot write them at run time. Add `--chown={{user}}`.',
      },
      recursiveChown: {
        level: 'info',
        text: '`chown -R` copies every file it touches into a new image layer, which can make the image very large. Copy with `COPY --chown=<user>` instead.',
      },
      noCmd: {
        level: 'info',
        text: 'The Dockerfile has no `CMD` or `ENTRYPOINT`, so the container runs whatever the base image starts, not your app (Dev Mode also requires a `CMD`). Add `CMD [...]` with the command that starts the app.',
      },
      devMode: {
        level: 'info',
        text: 'Dev Mode needs {{missing}}; this Dockerfile {{what}}. Install them with apt-get and keep the app under /app owned by user 1000 (the base image may already provide some packages).',
      },
    },
    docs: {
      rationale:
        '"The container runs with user ID 1000. To avoid permission issues you should create a user and set its `WORKDIR` before any `COPY` or download." "Always specify the `--chown=user` with `ADD` and `COPY`…" and "a recursive chown can result in a very large image" (https://huggingface.co/docs/hub/spaces-sdks-docker). Dev Mode needs `bash`, `curl`, `wget`, `procps`, `git`, `git-lfs`, the code in `/app` owned by uid 1000, and "The Dockerfile must contain a `CMD` instruction for startup." (https://huggingface.co/docs/hub/spaces-dev-mode). Read in the final stage (and the stages it builds FROM): (a) the app is copied from the build context (the `COPY . …` of the whole context, else the last context `COPY`/`ADD`) while no non-root `USER` is active; copying only requirements as root before `USER` is fine; (b) a `COPY`/`ADD` from the context without `--chown=` after a non-root `USER`; (c) `RUN chown -R`; (d) no `CMD` or `ENTRYPOINT`. All info: many images work anyway, and the failure shows only when the app writes a file. Dev Mode readiness (e) is checked only with the option `devMode: true` (spacelint\'s judgement: Dev Mode is an optional feature, and reporting its requirements on every Docker Space would be noise). The suggestion for (a) adds the docs\' user lines before the app copy only when no later `RUN` needs root (apt-get, useradd, chown), since those would then fail.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . /app\nRUN chown -R 1000 /app\nCMD ["python", "/app/app.py"]\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nRUN useradd -m -u 1000 user\nUSER user\nWORKDIR /home/user/app\nCOPY --chown=user . .\nCMD ["python", "app.py"]\n' },
      ],
      howToFix:
        'Create the user and switch to it before copying the app (`RUN useradd -m -u 1000 user`, `USER user`, `ENV HOME=/home/user PATH=/home/user/.local/bin:$PATH`, `WORKDIR $HOME/app`), copy with `--chown=user`, and end with a `CMD`.',
      options: '`devMode` (boolean, default false): also check what Dev Mode needs (bash, curl, wget, procps, git, git-lfs installed; the app under /app).',
    },
  },
  check(space, report, options) {
    if (space.facts.sdk !== 'docker') return;
    const docker = space.dockerfile();
    const text = space.text(DOCKERFILE);
    if (!docker || text === undefined) return;
    const stage = space.docker.instructions;
    const contextCopies = stage.filter(isContextCopy);
    const appCopy = contextCopies.find(copiesWholeContext) ?? contextCopies[contextCopies.length - 1];
    let user: string | undefined;
    for (const inst of stage) {
      if (inst.keyword === 'USER') {
        const name = inst.args.split(':')[0].trim();
        user = name === 'root' || name === '0' ? undefined : name;
        continue;
      }
      if (inst === appCopy && user === undefined && !hasChown(inst)) {
        const later = stage.slice(stage.indexOf(inst) + 1);
        if (later.some((i) => i.keyword === 'USER' && !/^(root|0)(:|$)/.test(i.args.trim()))) {
          const next = later
            .find((i) => i.keyword === 'USER')!
            .args.split(':')[0]
            .trim();
          report({ messageId: 'copyBeforeUser', data: { user: next }, file: DOCKERFILE, range: inst.range, suggestions: [chownSuggestion(inst, next)] });
        } else {
          report({ messageId: 'noUser', file: DOCKERFILE, range: inst.range, suggestions: userSuggestion(text, inst, later) });
        }
        continue;
      }
      if (isContextCopy(inst) && user !== undefined && !hasChown(inst)) {
        report({ messageId: 'noChown', data: { keyword: inst.keyword, user }, file: DOCKERFILE, range: inst.keywordRange, suggestions: [chownSuggestion(inst, user)] });
      }
      if (inst.keyword === 'RUN' && runsRecursiveChown(inst)) report({ messageId: 'recursiveChown', file: DOCKERFILE, range: inst.range });
    }
    const from = [...stage].reverse().find((i) => i.keyword === 'FROM');
    if (!stage.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && from) report({ messageId: 'noCmd', file: DOCKERFILE, range: from.range });
    if (options.devMode === true && from) devMode(stage, from, report);
  },
});

/** COPY/ADD of build-context files (not `--from=stage`, not a URL). */
function isContextCopy(inst: DockerInstruction): boolean {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return false;
  if (inst.flags.some((f) => f.name === 'from')) return false;
  const parts = inst.exec ?? inst.tokens.map((t) => t.value);
  return parts.length >= 2 && !/^https?:\/\//.test(parts[0]) && !parts[0].startsWith('<<');
}

function copiesWholeContext(inst: DockerInstruction): boolean {
  const parts = inst.exec ?? inst.tokens.map((t) => t.value);
  return parts.slice(0, -1).some((s) => s === '.' || s === './' || s === '*');
}

function hasChown(inst: DockerInstruction): boolean {
  return inst.flags.some((f) => f.name === 'chown');
}

function chownSuggestion(inst: DockerInstruction, user: string): Suggestion {
  return { desc: `Copy as ${user}`, fix: { range: [inst.keywordRange[1], inst.keywordRange[1]], text: ` --chown=${user}` } };
}

function commandsOf(inst: DockerInstruction): string[][] {
  const m = mappedTokens(inst.tokens);
  const commands = inst.exec ? [{ words: execWords(m) ?? [] }] : shellCommands(m);
  return commands.map((c) => c.words.map((w) => w.value));
}

function runsRecursiveChown(inst: DockerInstruction): boolean {
  return commandsOf(inst).some((words) => programName(words[0] ?? '') === 'chown' && words.some((w) => w === '-R' || w === '--recursive' || /^-[a-zA-Z]*R/.test(w)));
}

/** Adds the docs' user lines before the app copy and copies as that user, unless a later step needs root. */
function userSuggestion(text: string, copy: DockerInstruction, later: DockerInstruction[]): Suggestion[] {
  const needsRoot = later.some((i) => i.keyword === 'RUN' && commandsOf(i).some((words) => ROOT_ONLY.has(programName(words[0] ?? '')) || words[0] === 'sudo'));
  if (needsRoot) return [];
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = ['RUN useradd -m -u 1000 user', 'USER user', 'ENV HOME=/home/user PATH=/home/user/.local/bin:$PATH', `${copy.keyword} --chown=user`];
  return [{ desc: 'Create user 1000 and copy the app as that user', fix: { range: copy.keywordRange, text: lines.join(nl) } }];
}

function devMode(stage: DockerInstruction[], from: DockerInstruction, report: (d: { messageId: string; data: Record<string, string>; file: string; range: [number, number] }) => void): void {
  const installed = new Set<string>();
  for (const inst of stage) {
    if (inst.keyword !== 'RUN') continue;
    for (const words of commandsOf(inst)) {
      const program = programName(words[0] ?? '');
      if (['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf'].includes(program) && words.some((w) => w === 'install' || w === 'add')) for (const w of words) installed.add(w);
    }
  }
  const missing = DEV_MODE_PACKAGES.filter((p) => !installed.has(p));
  const workdirs = stage.filter((i) => i.keyword === 'WORKDIR').map((i) => trimEndWhere(i.args.trim(), /\//));
  const underApp = workdirs.length > 0 && (workdirs[workdirs.length - 1] === '/app' || workdirs[workdirs.length - 1].startsWith('/app/'));
  if (!missing.length && underApp) return;
  const parts: string[] = [];
  if (missing.length) parts.push(`does not install ${missing.join(', ')}`);
  if (!underApp) parts.push('does not put the app under /app');
  report({ messageId: 'devMode', data: { missing: `${DEV_MODE_PACKAGES.join(', ')} and the app in /app`, what: parts.join(' and ') }, file: DOCKERFILE, range: from.range });
}

import type { Suggestion } from '../diagnostic.js';
import type { DockerInstruction } from '../parse/dockerfile.js';
import { findSecrets, isPlaceholder, isSecretName, looksLikeValue, maskSecret } from '../security/redact.js';
import { DOCKERFILE } from '../docker/runtime.js';
import { defineRule, type Report } from './rule.js';

export default defineRule({
  meta: {
    id: 'security-docker-build-secret',
    category: 'security',
    description: 'The Dockerfile holds no literal secret in ENV, ARG or RUN, and reads build-time secrets with `RUN --mount=type=secret`, not build arguments.',
    hasSuggestions: true,
    messages: {
      literal: {
        level: 'error',
        text: '`{{keyword}}` writes {{what}} (`{{masked}}`) into the Dockerfile and the image: the Dockerfile is public with the repository and image layers keep the value. Revoke it, delete it, add it as a Space secret, and read it at build time with `RUN --mount=type=secret,id={{name}}` (at run time it is an environment variable).',
      },
      argUsed: {
        level: 'warning',
        text: '`${{name}}` reads the build argument `{{name}}`: Space variables become build arguments and are public, and build arguments stay in the image history. Add `{{name}}` as a Space secret and mount it: `RUN --mount=type=secret,id={{name}},mode=0444,required=true` and read `/run/secrets/{{name}}`.',
      },
      argInEnv: {
        level: 'warning',
        text: '`ENV {{env}}` copies the build argument `{{name}}` into the image environment, where every layer keeps it. Space secrets already reach the container as environment variables at run time: remove this ENV and add `{{name}}` as a Space secret.',
      },
    },
    docs: {
      rationale:
        '"Variables are passed as `build-arg`s when building your Docker Space" and variables "are publicly accessible and viewable"; "In Docker Spaces, the secrets management is different for security reasons … you can read it at build time by mounting it to a file, then reading it with `$(cat /run/secrets/SECRET_EXAMPLE)`" (https://huggingface.co/docs/hub/spaces-sdks-docker, https://huggingface.co/docs/hub/spaces-overview). Errors: a token shape or a secret-looking literal in an `ENV`, `ARG` or `RUN` instruction (the detector of security-hardcoded-secret, which leaves these instructions to this rule), and `ENV`/`ARG` whose name looks like a secret (`HF_TOKEN`, `API_KEY`, `DB_PASSWORD`) with a literal value of 8 or more characters that is not a placeholder or a `$VARIABLE`. Warnings: an `ARG` with a secret name that a later `RUN` reads (`$NAME`, `${NAME}`), with a suggestion that mounts the secret and reads `/run/secrets/NAME` instead; and `ENV X=$NAME` that copies such an argument into the image environment. Literal secrets are reported in any Space with a Dockerfile (the file is public either way); the build-argument warnings only in Docker Spaces. The 8-character minimum for named values is spacelint\'s judgement (shorter values are mostly flags and numbers).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nENV HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh\nARG OPENAI_API_KEY\nRUN python setup.py --key $OPENAI_API_KEY\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nRUN --mount=type=secret,id=HF_TOKEN,mode=0444,required=true \\\n    huggingface-cli download --token $(cat /run/secrets/HF_TOKEN) org/model\n' },
      ],
      howToFix:
        'Delete the literal (and revoke it), add the value as a Space secret, and read it with `RUN --mount=type=secret,id=NAME,mode=0444,required=true` + `$(cat /run/secrets/NAME)` at build time, or from the environment at run time.',
    },
  },
  check(space, report) {
    const docker = space.dockerfile();
    const text = space.text(DOCKERFILE);
    if (!docker || text === undefined) return;
    const build = docker.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG' || i.keyword === 'RUN');
    const secrets = findSecrets(text).filter((s) => !s.placeholder);
    const reported = new Set<number>();
    for (const inst of build) {
      for (const s of secrets) {
        if (s.start < inst.range[0] || s.end > inst.range[1] || reported.has(s.start)) continue;
        reported.add(s.start);
        // The variable it is assigned to names the Space secret to create.
        const pair =
          docker.env.find((p) => p.instruction === inst && p.range[0] <= s.start && p.range[1] >= s.end)?.name ??
          inst.tokens.find((t) => inst.keyword === 'ARG' && t.range[0] <= s.start && t.range[1] >= s.end)?.value.split('=')[0];
        const candidate = pair ?? s.assignedTo;
        const name = candidate && /^[A-Za-z_]\w*$/.test(candidate) ? candidate : 'NAME';
        report({
          messageId: 'literal',
          data: { keyword: inst.keyword, what: s.kind === 'token' ? `a ${s.name}` : s.kind === 'url' ? 'a password in a URL' : 'a secret', masked: s.masked, name },
          file: DOCKERFILE,
          range: [s.start, s.end],
        });
      }
      if (inst.keyword === 'ENV' || inst.keyword === 'ARG') namedLiterals(inst, docker.env, reported, report);
    }
    if (space.facts.sdk === 'docker') buildArguments(text, docker.instructions, report);
  },
});

/** `ENV API_KEY=literal` / `ARG DB_PASSWORD=literal`: a secret name with a literal value the detector did not already report. */
function namedLiterals(inst: DockerInstruction, env: { name: string; value: string; instruction: DockerInstruction; range: [number, number] }[], reported: Set<number>, report: Report): void {
  const pairs: { name: string; value: string; range: [number, number] }[] = [];
  if (inst.keyword === 'ENV') for (const p of env) if (p.instruction === inst) pairs.push(p);
  if (inst.keyword === 'ARG') {
    for (const t of inst.tokens) {
      const eq = t.value.indexOf('=');
      if (eq > 0) pairs.push({ name: t.value.slice(0, eq), value: t.value.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2'), range: t.range });
    }
  }
  for (const p of pairs) {
    const value = p.value;
    if (!isSecretName(p.name) || value.length < 8 || /^(?:true|false|\d+)$/i.test(value) || isPlaceholder(value) || !looksLikeValue(value)) continue;
    if ([...reported].some((r) => r >= p.range[0] && r < p.range[1])) continue;
    reported.add(p.range[0]);
    report({ messageId: 'literal', data: { keyword: inst.keyword, what: `the secret \`${p.name}\``, masked: maskSecret(value), name: p.name }, file: DOCKERFILE, range: p.range });
  }
}

/** `ARG HF_TOKEN` then `RUN … $HF_TOKEN` or `ENV X=$HF_TOKEN`. */
function buildArguments(text: string, instructions: DockerInstruction[], report: Report): void {
  const args: { name: string; index: number }[] = [];
  instructions.forEach((inst, index) => {
    if (inst.keyword !== 'ARG') return;
    for (const t of inst.tokens) {
      const name = t.value.split('=')[0];
      if (/^[A-Za-z_]\w*$/.test(name) && isSecretName(name)) args.push({ name, index });
    }
  });
  for (const { name, index } of args) {
    const reference = new RegExp(`\\$(?:\\{${name}(?:[:}]|-)|${name}\\b)`);
    for (const inst of instructions.slice(index + 1)) {
      if (inst.keyword === 'FROM') break; // a new stage forgets the ARG
      if (inst.keyword === 'RUN') {
        if (inst.exec || !reference.test(inst.args)) continue;
        const m = reference.exec(text.slice(inst.argsRange[0], inst.range[1]));
        const start = m ? inst.argsRange[0] + m.index : inst.argsRange[0];
        report({ messageId: 'argUsed', data: { name }, file: DOCKERFILE, range: [start, start + (m?.[0].length ?? 0)], suggestions: mountSuggestion(text, inst, name) });
      } else if (inst.keyword === 'ENV' && reference.test(inst.args)) {
        const pair = inst.tokens.find((t) => reference.test(t.value));
        report({ messageId: 'argInEnv', data: { name, env: pair?.value ?? inst.args }, file: DOCKERFILE, range: pair?.range ?? inst.range });
      }
    }
  }
}

/** Rewrites a RUN to mount the secret: `RUN --mount=type=secret,id=NAME,… cmd $(cat /run/secrets/NAME)`. */
function mountSuggestion(text: string, inst: DockerInstruction, name: string): Suggestion[] {
  const body = text.slice(inst.keywordRange[1], inst.range[1]);
  if (findSecrets(body).length) return [];
  const replaced = body.replace(new RegExp(`\\$\\{${name}\\}|\\$${name}\\b`, 'g'), `$(cat /run/secrets/${name})`);
  if (replaced === body) return [];
  return [
    {
      desc: `Mount ${name} as a build secret`,
      fix: { range: [inst.keywordRange[1], inst.range[1]], text: ` --mount=type=secret,id=${name},mode=0444,required=true${replaced}` },
    },
  ];
}

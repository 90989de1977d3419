import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'docker-user-permissions';
const space = (dockerfile: string) => ({ 'README.md': readme('sdk: docker'), Dockerfile: dockerfile });
const GOOD = 'FROM python:3.12\nRUN useradd -m -u 1000 user\nUSER user\nENV HOME=/home/user PATH=/home/user/.local/bin:$PATH\nWORKDIR $HOME/app\nCOPY --chown=user . .\nCMD ["python", "app.py"]\n';

describe(only, () => {
  it('reports an app copied as root with no user, with a suggestion that adds one', async () => {
    const dockerfile = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';
    const [d, ...rest] = await lintFiles(space(dockerfile), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'info', line: 3, message: expect.stringContaining('never switches to a non-root user') });
    const fixed = applyFixes(dockerfile, [d.suggestions![0].fix]).output;
    expect(fixed).toContain('RUN useradd -m -u 1000 user\nUSER user\nENV HOME=/home/user PATH=/home/user/.local/bin:$PATH\nCOPY --chown=user . .\n');
    expect(await lintFiles(space(fixed), { only })).toEqual([]);
    // A later step that needs root: no suggestion (it would break the build).
    const [r] = await lintFiles(space(dockerfile.replace('RUN pip install', 'RUN apt-get update && apt-get install -y ffmpeg\nRUN pip install')), { only });
    expect(r.suggestions).toBeUndefined();
  });

  it('reports the app copied before USER, COPY without --chown after USER, and chown -R', async () => {
    const before = 'FROM python:3.12\nCOPY . /app\nRUN useradd -m -u 1000 user\nUSER user\nCMD ["python", "/app/app.py"]\n';
    const [b] = await lintFiles(space(before), { only });
    expect(b.message).toContain('copied before `USER user`');
    expect(applyFixes(before, [b.suggestions![0].fix]).output).toContain('COPY --chown=user . /app');
    const noChown = GOOD.replace('COPY --chown=user . .', 'COPY . .');
    const [c] = await lintFiles(space(noChown), { only });
    expect(c).toMatchObject({ line: 6, message: expect.stringContaining('`COPY` without `--chown`') });
    const chown = 'FROM python:3.12\nCOPY . /app\nRUN chown -R 1000 /app\nCMD ["python", "/app/app.py"]\n';
    const found = await lintFiles(space(chown), { only });
    expect(found.map((d) => d.message.slice(0, 30))).toEqual(['The Dockerfile never switches ', '`chown -R` copies every file i']);
  });

  it('allows requirements copied as root before switching user', async () => {
    const dockerfile =
      'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nRUN useradd -m -u 1000 user\nUSER user\nCOPY --chown=user . /home/user/app\nCMD ["python", "/home/user/app/app.py"]\n';
    expect(await lintFiles(space(dockerfile), { only })).toEqual([]);
    expect(await lintFiles(space(GOOD), { only })).toEqual([]);
    expect(await lintFiles(space(GOOD.replace('USER user', 'USER 1000')), { only })).toEqual([]); // USER 1000 is the non-root user too
    expect(await lintFiles(space(GOOD.replace('USER user', 'USER root').replace('COPY --chown=user', 'COPY')), { only })).toHaveLength(1);
  });

  it('reports a Dockerfile without CMD or ENTRYPOINT', async () => {
    const [d] = await lintFiles(space(GOOD.replace('CMD ["python", "app.py"]\n', '')), { only });
    expect(d).toMatchObject({ line: 1, message: expect.stringContaining('no `CMD` or `ENTRYPOINT`') });
  });

  it('checks Dev Mode readiness only with the devMode option', async () => {
    expect(await lintFiles(space(GOOD), { only })).toEqual([]);
    const [d] = await lintFiles(space(GOOD), { only, config: { rules: { [only]: ['info', { devMode: true }] } } });
    expect(d.message).toContain('does not install bash, curl, wget, procps, git, git-lfs and does not put the app under /app');
  });

  it('stays silent on the clean docker-fastapi example and outside Docker Spaces', async () => {
    const example = readFileSync(new URL('../../../../examples/docker-fastapi/Dockerfile', import.meta.url), 'utf8');
    expect(await lintFiles(space(example), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio'), Dockerfile: 'FROM python:3.12\nCOPY . .\n' }, { only })).toEqual([]);
  });
});

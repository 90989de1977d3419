import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'security-docker-build-secret';
const HF = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh';
const space = (dockerfile: string, front = readme('sdk: docker')) => ({ 'README.md': front, Dockerfile: dockerfile });

describe(only, () => {
  it('reports literal secrets in ENV (both forms), ARG defaults and RUN, masked', async () => {
    const dockerfile = [
      'FROM python:3.12',
      `ENV HF_TOKEN=${HF}`,
      `ENV OPENAI_API_KEY sk-proj-Qw3rTy8uIo9pAs2dFg7hJk4lZx6cVb1nM5qW`,
      'ARG DB_PASSWORD=Pq8zL2mXw4',
      `RUN curl -H "Authorization: Bearer ${HF}" https://huggingface.co/api/whoami-v2`,
      'ENV API_KEY=Zt5Rk9wQ2xVb7Nm3Lp',
      '',
    ].join('\n');
    const found = await lintFiles(space(dockerfile), { only });
    expect(found.map((d) => [d.level, d.line])).toEqual([
      ['error', 2],
      ['error', 3],
      ['error', 4],
      ['error', 5],
      ['error', 6],
    ]);
    expect(found[0].message).toContain('`ENV` writes a Hugging Face token (`hf_Ab********`)');
    expect(found[0].message).toContain('RUN --mount=type=secret,id=HF_TOKEN');
    expect(found[2].message).toContain('the secret `DB_PASSWORD` (`Pq********`)');
    for (const d of found) expect(d.message).not.toMatch(/AbCdEfGhIj|Qw3rTy8|Pq8zL2|Zt5Rk9/);
  });

  it('warns on a secret ARG read by RUN, with a suggestion to mount it', async () => {
    const dockerfile = 'FROM python:3.12\nARG OPENAI_API_KEY\nRUN python setup.py --key $OPENAI_API_KEY\n';
    const [d, ...rest] = await lintFiles(space(dockerfile), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 3, column: 27, message: expect.stringContaining('`$OPENAI_API_KEY` reads the build argument') });
    expect(applyFixes(dockerfile, [d.suggestions![0].fix]).output).toBe(
      'FROM python:3.12\nARG OPENAI_API_KEY\nRUN --mount=type=secret,id=OPENAI_API_KEY,mode=0444,required=true python setup.py --key $(cat /run/secrets/OPENAI_API_KEY)\n',
    );
    const env = await lintFiles(space('FROM python:3.12\nARG HF_TOKEN\nENV HF_TOKEN=${HF_TOKEN}\n'), { only });
    expect(env.map((x) => [x.line, x.message.slice(0, 28)])).toEqual([[3, '`ENV HF_TOKEN=${HF_TOKEN}` c']]);
  });

  it('stays silent for mounted secrets, placeholders, non-secret names and unused ARGs', async () => {
    const ok = [
      'FROM python:3.12\nRUN --mount=type=secret,id=HF_TOKEN,mode=0444,required=true \\\n    huggingface-cli download --token $(cat /run/secrets/HF_TOKEN) org/model\n',
      'FROM python:3.12\nENV HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
      'FROM python:3.12\nENV TOKENIZERS_PARALLELISM=false HF_HUB_ENABLE_HF_TRANSFER=1 MAX_TOKENS=4096\n',
      'FROM python:3.12\nARG HF_TOKEN\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12\nENV API_KEY=$API_KEY_FROM_ARG HF_TOKEN_PATH=/run/secrets/HF_TOKEN\n',
      'FROM python:3.12\nARG PASSWORD=changeme-please\n',
    ];
    for (const dockerfile of ok) expect(await lintFiles(space(dockerfile), { only }), dockerfile).toEqual([]);
  });

  it('reports literals in any Space with a Dockerfile, build arguments only in Docker Spaces', async () => {
    const gradio = readme('sdk: gradio');
    expect(await lintFiles(space(`FROM python:3.12\nENV HF_TOKEN=${HF}\n`, gradio), { only })).toHaveLength(1);
    expect(await lintFiles(space('FROM python:3.12\nARG HF_TOKEN\nRUN echo $HF_TOKEN\n', gradio), { only })).toEqual([]);
  });
});

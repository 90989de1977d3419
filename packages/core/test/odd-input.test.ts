/**
 * Regressions found by the property tests (test/property/): each case once crashed the engine or made it
 * hang, and is pinned here in its smallest form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintSnapshot } from '../src/engine.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { initParsers } from '../src/parse/python.js';
import { snapshotFromEntries } from '../src/space/files.js';

beforeAll(async () => {
  await initParsers();
});

const DOCKER_README = '---\nsdk: docker\n---\n';

describe('Dockerfile', () => {
  it('a continuation followed only by comment lines ends the instruction at the last line', () => {
    const text = 'FROM python:3.12\nRUN pip install x \\\n# a comment\n# another';
    const docker = parseDockerfile(text);
    expect(docker.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 4],
    ]);
    expect(docker.comments.map((c) => c.text)).toEqual(['# a comment', '# another']);
    expect(() => lintSnapshot(snapshotFromEntries({ 'README.md': DOCKER_README, Dockerfile: text }))).not.toThrow();
  });
});

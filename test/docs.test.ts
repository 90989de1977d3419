import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('docs/rules and the README rule table match the rule metadata (npm run docs)', () => {
  const r = spawnSync(process.execPath, ['scripts/generate-docs.mjs', '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

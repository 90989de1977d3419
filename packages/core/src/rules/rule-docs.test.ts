import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import type { RuleExample } from './rule.js';
import { RULES } from './index.js';

/** Rules whose documented examples are checked here (config, storage, dependency, docker, security and performance rules). */
const CHECKED = [
  'config-value-type',
  'config-missing-required',
  'config-key-sdk-mismatch',
  'config-python-version',
  'config-startup-duration-timeout',
  'config-preload-from-hub',
  'config-custom-headers',
  'config-oauth',
  'storage-suggested-storage-ignored',
  'storage-hf-home-not-persistent',
  'storage-preload-cache-mismatch',
  'deps-sdk-managed-packages',
  'deps-packages-txt',
  'deps-files-ignored-for-sdk',
  'docker-port-mismatch',
  'docker-bind-localhost',
  'docker-build-time-runtime-only',
  'docker-user-permissions',
  'security-hardcoded-secret',
  'security-docker-build-secret',
  'perf-model-load-per-request',
  'perf-startup-download-no-preload',
];

/** Consecutive examples with different file names form one Space; a repeated name starts the next. */
function spacesOf(examples: RuleExample[]): Record<string, string>[] {
  const spaces: Record<string, string>[] = [];
  for (const ex of examples) {
    const last = spaces[spaces.length - 1];
    if (!last || ex.file in last) spaces.push({ [ex.file]: ex.code });
    else last[ex.file] = ex.code;
  }
  return spaces;
}

describe('rule docs: the examples do what they say', () => {
  for (const id of CHECKED) {
    const rule = RULES.find((r) => r.meta.id === id);
    it(`${id} is registered with complete docs`, () => {
      expect(rule, id).toBeDefined();
      const { docs, messages } = rule!.meta;
      expect(docs.rationale.length).toBeGreaterThan(200);
      expect(docs.howToFix.length).toBeGreaterThan(20);
      expect(docs.incorrect.length).toBeGreaterThan(0);
      expect(docs.correct.length).toBeGreaterThan(0);
      for (const m of Object.values(messages)) expect(m.text.length).toBeGreaterThan(20);
    });
    it(`${id}: every incorrect example is reported, every correct one is not`, async () => {
      for (const files of spacesOf(rule!.meta.docs.incorrect)) {
        expect((await lintFiles(files, { only: id })).length, JSON.stringify(files)).toBeGreaterThan(0);
      }
      for (const files of spacesOf(rule!.meta.docs.correct)) {
        expect(await lintFiles(files, { only: id }), JSON.stringify(files)).toEqual([]);
      }
    });
  }
});

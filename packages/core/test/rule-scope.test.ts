import { describe, expect, it } from 'vitest';
import { listRules } from '../src/rules/index.js';
import type { LintConfig } from '../src/config/config.js';
import { lintFiles, readme } from './lint-files.js';

/**
 * `meta.scope`: a `file` rule is right on any subset of a Space's files, a `space` rule only on the whole
 * Space. Linting a README on its own (what the MCP validate_space_config tool does) with the `file`
 * rules must not report anything the other files would have answered.
 */
describe('rule scope', () => {
  const spaceRules = listRules()
    .filter((r) => r.scope === 'space')
    .map((r) => r.id);

  it('marks the rules that report what is absent from the Space', () => {
    expect(spaceRules.sort()).toEqual(['config-app-file-missing', 'gradio-missing-launch', 'gradio-unbounded-queue', 'storage-hf-home-not-persistent', 'zerogpu-no-gpu-function']);
    expect(listRules().every((r) => r.scope === 'file' || r.scope === 'space')).toBe(true);
  });

  it('a README alone: the file rules find nothing in a clean config, the space rules report what they cannot see', async () => {
    const alone = { 'README.md': readme('title: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\nsuggested_hardware: zero-a10g') };
    const fileOnly: LintConfig = { rules: Object.fromEntries(spaceRules.map((id) => [id, 'off'])) };
    expect(await lintFiles(alone, { config: fileOnly })).toEqual([]);
    expect((await lintFiles(alone)).map((d) => d.ruleId)).toContain('config-app-file-missing');
  });
});

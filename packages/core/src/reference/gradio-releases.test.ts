import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeHistory, GRADIO_DATA_AS_OF, GRADIO_DATA_NEWEST, gradioTables, inReleases, releaseAt } from './gradio-api.js';

const script = fileURLToPath(new URL('../../scripts/vendor-gradio-data.mjs', import.meta.url));
/** Where the script looks for ../shared/data (see defaultDataDir there). */
const dataDir = execFileSync(process.execPath, ['--input-type=module', '-e', `import { defaultDataDir } from ${JSON.stringify(script)}; console.log(defaultDataDir() ?? '')`], {
  encoding: 'utf8',
}).trim();

describe('vendored Gradio release data', () => {
  it.skipIf(!dataDir || !existsSync(dataDir))('matches what the script produces from ../shared/data (skipped when the shared data is absent)', () => {
    const run = spawnSync(process.execPath, [script, '--check', dataDir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.skipIf(!dataDir || !existsSync(dataDir))('fails the check when the data changed since the copy was made', () => {
    const changed = mkdtempSync(join(tmpdir(), 'gradio-data-'));
    try {
      copyFileSync(join(dataDir, 'gradio-api.json'), join(changed, 'gradio-api.json'));
      const reqs = JSON.parse(readFileSync(join(dataDir, 'gradio-requirements.json'), 'utf8'));
      reqs.newest_tag_date = '2099-01-01';
      writeFileSync(join(changed, 'gradio-requirements.json'), JSON.stringify(reqs));
      const run = spawnSync(process.execPath, [script, '--check', changed], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('differs from what');
    } finally {
      rmSync(changed, { recursive: true, force: true });
    }
  });

  it('agrees with known Gradio API changes (../shared/data/gradio-api-check.txt)', () => {
    const t = gradioTables();
    const at = (v: string) => releaseAt(v)!.index;
    expect(GRADIO_DATA_AS_OF).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(t.versions[0]).toBe('3.0.0');
    expect(t.versions.at(-1)).toBe(GRADIO_DATA_NEWEST);
    expect(describeHistory(t.callables['Blocks.launch'].params.show_api, at('6.0.0'))).toBe('removed in Gradio 6.0.0 (last in 5.49.1)');
    expect(describeHistory(t.callables.Chatbot.params.type, at('4.37.1'))).toBe('added in Gradio 4.38.0');
    expect(inReleases(t.callables.Blocks.varKwargs, at('3.50.2'))).toBe(true);
    expect(inReleases(t.callables.Blocks.varKwargs, at('4.0.0'))).toBe(false);
    expect(inReleases(t.callables['Blocks.queue'].raisesIfSet?.concurrency_count, at('4.44.1'))).toBe(true);
    expect(inReleases(t.callables['Blocks.launch'].params.mcp_server, at('5.28.0'))).toBe(true);
    expect(inReleases(t.names.LogoutButton, at('5.0.0'))).toBe(false);
    expect(inReleases(t.methods.Textbox.style, at('3.50.2'))).toBe(true);
    expect(t.requirements.releases['6.18.0'].requires.map((i) => t.requirements.lines[i][0])).toContain('huggingface_hub>=1.2.0,<2.0');
    // The 6.0.0 tree pins a dev client; the vendored copy keeps the released one.
    expect(t.requirements.releases['6.0.0'].requires.map((i) => t.requirements.lines[i][0])).toContain('gradio_client==2.0.0');
  });

  it('reads untagged releases at the nearest tagged one below, and nothing outside the tables', () => {
    const { versions } = gradioTables();
    expect(versions[releaseAt('4.37.0')!.index]).toBe('4.36.1');
    expect(releaseAt('4.37.0')!.exact).toBe(false);
    expect(versions[releaseAt('5.10')!.index]).toBe('5.10.0');
    expect(releaseAt('5.10')!.exact).toBe(true);
    expect(releaseAt('99.1.0')).toMatchObject({ beyond: true });
    expect(releaseAt('2.9.4')).toBeUndefined();
    expect(releaseAt('6.0.0b1')).toBeUndefined();
    expect(releaseAt('latest')).toBeUndefined();
  });
});

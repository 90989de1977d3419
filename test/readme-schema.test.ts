/**
 * schemas/spaces-readme.schema.json (generated from core's reference data by
 * scripts/generate-readme-schema.mjs) checked with a real validator, Ajv in strict mode, against the
 * example Spaces, what `spacelint init` / scaffold_space write, and bad front matter. Every value the
 * schema rejects must also be an error-level spacelint finding (or an unknown key): the schema may say
 * less than spacelint, never something else.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { getStaticYAMLValue, parseYAML } from 'yaml-eslint-parser';
import { initParsers, lintSnapshot, scaffoldSpace, snapshotFromEntries } from '@spacelint/core';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const schema = JSON.parse(readFileSync(join(REPO, 'schemas/spaces-readme.schema.json'), 'utf8')) as Record<string, unknown>;
// Ajv is CommonJS; its default export is the draft-07 validator.
const Ajv = createRequire(import.meta.url)('ajv') as typeof import('ajv').default;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function frontMatter(readme: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readme);
  if (!match) throw new Error('no front matter');
  return getStaticYAMLValue(parseYAML(match[1]));
}

function errors(yaml: string): string[] {
  validate(frontMatter(`---\n${yaml}\n---\n`));
  return ((validate.errors ?? []) as ErrorObject[])
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf')
    .map((e) => `${e.instancePath || '/'} ${e.keyword}${e.keyword === 'additionalProperties' ? ` ${String(e.params.additionalProperty)}` : ''}`);
}

beforeAll(() => initParsers());

it("is current with core's reference data (npm run schema)", () => {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/generate-readme-schema.mjs'), '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('valid front matter', () => {
  it('accepts the README of every clean example Space', () => {
    const clean = readdirSync(join(REPO, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('bad-'));
    expect(clean.length).toBeGreaterThanOrEqual(3);
    for (const d of clean) {
      expect(validate(frontMatter(readFileSync(join(REPO, 'examples', d.name, 'README.md'), 'utf8'))), `${d.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts what the scaffold writes for every SDK and option', () => {
    const variants = [
      { sdk: 'gradio' as const, title: 'Chat' },
      { sdk: 'gradio' as const, title: 'PDF Q&A', zerogpu: true, inputs: 'PDF up to 50 pages', secrets: ['OPENAI_API_KEY'], persistentData: true },
      { sdk: 'gradio' as const, title: 'T4', hardware: 't4-small' },
      { sdk: 'docker' as const, title: 'API', secrets: ['DB_URL'], persistentData: true },
      { sdk: 'static' as const, title: 'Site' },
    ];
    for (const answers of variants) {
      const readme = scaffoldSpace(answers).files['README.md'];
      expect(validate(frontMatter(readme)), `${JSON.stringify(answers)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts what the Hub accepts and spacelint only warns about', () => {
    for (const yaml of [
      'sdk: gradio\ncolorTo: orange', // the docs' own example color
      'sdk: docker\napp_port: "8080"', // a quoted port works
      'sdk: docker\nsdk_version: "1.40.0"', // no effect in Docker: a warning
      'sdk: streamlit', // deprecated, still accepted
      'sdk: gradio\nsuggested_hardware: cpu-xl', // a removed flavor: a warning
      `sdk: static\nshort_description: "${'x'.repeat(61)}"`, // over 60 characters: a warning
      'sdk: gradio\nlicense: [mit, apache-2.0]\nhf_oauth_authorized_org: acme',
      'sdk: gradio\npreload_from_hub:\n  - coqui/XTTS-v1\n  - openai-community/gpt2 config.json 11c5a3d5811f50298f278a704980280950aedb10',
      'sdk: gradio\ncustom_headers:\n  cross-origin-embedder-policy: require-corp',
      'sdk: gradio\nstartup_duration_timeout: 1h30m\npython_version: "3.12"',
    ]) {
      expect(errors(yaml), yaml).toEqual([]);
    }
  });
});

describe('invalid front matter', () => {
  const bad: [yaml: string, schemaErrors: string[], spacelintRule: string][] = [
    ['title: No SDK', ['/ required'], 'config-missing-required'],
    ['sdk: flask', ['/sdk enum'], 'config-invalid-value'],
    ['sdk: gradio\nsdk_version: 5.0', ['/sdk_version type'], 'config-value-type'],
    ['sdk: gradio\npython_version: 3.10', ['/python_version type'], 'config-python-version'],
    ['sdk: gradio\npython_version: "2.7"', ['/python_version pattern'], 'config-python-version'],
    ['sdk: gradio\nsuggested_hardware: zero_a10g', ['/suggested_hardware enum'], 'config-invalid-value'],
    ['sdk: gradio\nheader: tiny', ['/header enum'], 'config-invalid-value'],
    ['sdk: gradio\nfullWidth: "yes"', ['/fullWidth type'], 'config-value-type'],
    ['sdk: gradio\ntags: [1, a]', ['/tags/0 type'], 'config-value-type'],
    ['sdk: docker\napp_port: 70000', ['/app_port maximum', '/app_port type'], 'config-value-type'],
    ['sdk: gradio\nstartup_duration_timeout: 30', ['/startup_duration_timeout type'], 'config-startup-duration-timeout'],
    ['sdk: gradio\nhf_oauth: true\nhf_oauth_scopes: [read_repos]', ['/hf_oauth_scopes/0 enum'], 'config-oauth'],
    ['sdk: gradio\nhf_oauth: true\nhf_oauth_expiration_minutes: 50000', ['/hf_oauth_expiration_minutes maximum'], 'config-oauth'],
    ['sdk: gradio\ncustom_headers:\n  x-frame-options: deny', ['/custom_headers additionalProperties x-frame-options'], 'config-custom-headers'],
    ['sdk: gradio\ncustom_headers:\n  cross-origin-opener-policy: nope', ['/custom_headers/cross-origin-opener-policy enum'], 'config-custom-headers'],
    ['sdk: gradio\npreload_from_hub:\n  - owner/model a.bin main', ['/preload_from_hub/0 pattern'], 'config-preload-from-hub'],
    ['sdk: docker\nsuggested_hardware: zero-a10g', ['/sdk const'], 'zerogpu-non-gradio-sdk'],
    ['sdk: gradio\ncolorfrom: red', ['/ additionalProperties colorfrom'], 'config-unknown-key'],
    ['sdk: gradio\nhardware: t4-small', ['/hardware not'], 'config-unknown-key'],
  ];

  for (const [yaml, expected, rule] of bad) {
    it(`rejects ${JSON.stringify(yaml)} as spacelint's ${rule} does`, () => {
      expect(errors(yaml)).toEqual(expected);
      const readme = `---\n${yaml}\n---\n`;
      const files = { 'README.md': readme, 'app.py': 'import gradio as gr\n', Dockerfile: 'FROM python:3.12\nCMD ["python", "app.py"]\n' };
      const findings = lintSnapshot(snapshotFromEntries(files, 'memory:')).diagnostics.filter((d) => d.ruleId === rule && d.file === 'README.md');
      // Unknown keys are warnings in spacelint (a key the Hub does not read does nothing); everything else an error.
      expect(findings.map((d) => d.level)).toContain(rule === 'config-unknown-key' ? 'warning' : 'error');
    });
  }

  it('rejects the bad example README for each of its Hub-breaking mistakes', () => {
    validate(frontMatter(readFileSync(join(REPO, 'examples/bad-gradio-zerogpu/README.md'), 'utf8')));
    const paths = ((validate.errors ?? []) as ErrorObject[]).map((e) => `${e.instancePath || '/'} ${e.keyword}`);
    for (const expected of ['/sdk_version type', '/python_version type', '/suggested_hardware enum', '/hardware not', '/ additionalProperties', '/hf_oauth_scopes/0 enum']) {
      expect(paths).toContain(expected);
    }
  });
});

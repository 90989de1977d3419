import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { EXAMPLES, parseJson, REPO, runCli, tempSpace, type JsonMessage, type JsonResult } from './run-cli.js';

// ajv-draft-04 and ajv-formats are CommonJS; the SARIF 2.1.0 schema is a draft-04 schema.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

// The official SARIF 2.1.0 schema (2.1.0-rtm.5, the OASIS standard's final schema), vendored from the
// npm package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json), so the test runs
// offline. sha256 2d99159a…4de4f8.
const SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

function sarifValidator() {
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode RegExps accept.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

// A token shape the redactor knows (hf_ + 34 letters); never a real token.
const TOKEN = `hf_${'AbCdEfGhIjKlMnOpQrStUvWxYz01234567'}`;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet?: { text: string } } };
      }[];
      fixes?: { description: { text: string }; artifactChanges: { replacements: { deletedRegion: object; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('--format json', { timeout: 60_000 }, () => {
  it('counts as ESLint does: warningCount is every severity-1 message, info included; infoCount says how many are info', () => {
    const r = runCli(['--format', 'json', join(EXAMPLES, 'bad-gradio-zerogpu')]);
    const results = parseJson(r.stdout) as (JsonResult & { fixableErrorCount: number; fixableWarningCount: number; messages: (JsonMessage & { fix?: object })[] })[];
    const infos = results.flatMap((f) => f.messages).filter((m) => m.level === 'info');
    expect(infos.length).toBeGreaterThan(0);
    expect(infos.every((m) => m.severity === 1)).toBe(true);
    for (const f of results) {
      const severity = (n: number, fixable = false) => f.messages.filter((m) => m.severity === n && (!fixable || m.fix)).length;
      expect([f.errorCount, f.warningCount, f.fixableErrorCount, f.fixableWarningCount], f.filePath).toEqual([severity(2), severity(1), severity(2, true), severity(1, true)]);
      expect(f.infoCount, f.filePath).toBe(f.messages.filter((m) => m.level === 'info').length);
    }
  });
});

describe('--format sarif', { timeout: 60_000 }, () => {
  it('is valid SARIF 2.1.0 with every rule in the driver and the bad example as results', () => {
    const validate = sarifValidator();
    const r = runCli(['-f', 'sarif', join(EXAMPLES, 'bad-gradio-zerogpu')]);
    expect(r.status, r.stderr).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator is real: a level SARIF does not have, or a driver without a name, is rejected.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'info' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const run = log.runs[0];
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string; level: string; description: string; docsUrl: string }[];
    expect(run.tool.driver.name).toBe('spacelint');
    expect(run.tool.driver.rules.map((d) => d.id)).toEqual(rules.map((x) => x.id));
    for (const [i, d] of run.tool.driver.rules.entries()) {
      expect(d.shortDescription.text).toBe(rules[i].description);
      expect(d.helpUri).toBe(rules[i].docsUrl);
      expect(d.defaultConfiguration.level).toBe(rules[i].level === 'info' ? 'note' : rules[i].level);
    }
    const got = run.results.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine} ${x.level} ${x.ruleId}`);
    expect(got).toContain('examples/bad-gradio-zerogpu/README.md:9 error config-app-file-missing');
    expect(got).toContain('examples/bad-gradio-zerogpu/README.md:13 warning config-unknown-key');
    for (const x of run.results) {
      expect(run.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
      expect(x.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    // %SRCROOT% is the working directory (the repository root in CI).
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO.endsWith('/') ? REPO : REPO + '/'}`);
  });

  it('carries regions, snippets, safe fixes and suggestions as SARIF fixes; info becomes note', () => {
    const validate = sarifValidator();
    const dir = tempSpace({ 'README.md': '---\ntitle: x\nsdk: docker\napp-port: 7860\nsdk_versoin: 1\n---\n', Dockerfile: 'FROM python:3.12\n' });
    const r = runCli(['-f', 'sarif', '--rule', 'config-unknown-key=info', dir]);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = log.runs[0].results.filter((x) => x.ruleId === 'config-unknown-key');
    expect(results.map((x) => x.level)).toEqual(['note', 'note']);
    // Outside the working directory: an absolute file:// URI.
    const loc = results[0].locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: `file://${join(dir, 'README.md')}` });
    expect(loc.region).toMatchObject({ startLine: 4, startColumn: 1, endLine: 4, snippet: { text: 'app-port' } });
    const fix = results[0].fixes![0];
    expect(fix.artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 9 }, insertedContent: { text: 'app_port' } });
    expect(results[1].fixes?.length ?? 0).toBeGreaterThan(0); // the near miss: a suggestion
  });

  it('is valid on a clean Space (no results) and percent-encodes odd file names', () => {
    const validate = sarifValidator();
    const clean = JSON.parse(runCli(['-f', 'sarif', join(EXAMPLES, 'gradio-zerogpu')]).stdout) as SarifLog;
    expect(validate(clean)).toBe(true);
    expect(clean.runs[0].results).toEqual([]);
    const parent = mkdtempSync(join(tmpdir(), 'spacelint-sarif-'));
    renameSync(tempSpace({ 'README.md': '---\nsdk: docker\napp-port: 1\n---\n', Dockerfile: 'FROM x\n' }), join(parent, 'my space #1'));
    const log = JSON.parse(runCli(['-f', 'sarif', 'my space #1'], { cwd: parent }).stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('my%20space%20%231/README.md');
  });
});

describe('--format github', { timeout: 60_000 }, () => {
  it('prints one workflow command per finding; info is a notice', () => {
    const r = runCli(['-f', 'github', '--rule', 'config-unknown-key=info', join('examples', 'bad-gradio-zerogpu')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=examples/bad-gradio-zerogpu/README.md,line=9,col=11,endLine=9,endColumn=18,title=config-app-file-missing::The app file `main.py` does not exist (found `app.py`): the Space stops in the NO_APP_FILE stage.',
    );
    expect(lines.filter((l) => l.startsWith('::notice ') && l.includes('title=config-unknown-key::'))).toHaveLength(2);
    expect(lines.every((l) => /^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/.test(l))).toBe(true);
  });

  it('escapes %, CR and LF in the message and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('dir:a,b%\n')).toBe('dir%3Aa%2Cb%25%0A');
    const parent = mkdtempSync(join(tmpdir(), 'spacelint-gh-'));
    const space = join(parent, 'a,b:c%d');
    const made = tempSpace({ 'README.md': '---\nsdk: docker\n"50%off": 1\n---\n', Dockerfile: 'FROM x\n' });
    // Move the Space under a name with every character the property escaping covers.
    renameSync(made, space);
    const r = runCli(['-f', 'github', 'a,b:c%d'], { cwd: parent });
    const line = r.stdout.split('\n').find((l) => l.includes('config-unknown-key'))!;
    expect(line).toMatch(/^::warning file=a%2Cb%3Ac%25d\/README\.md,line=3,/);
    expect(line).toContain('::Unknown key `50%25off`');
  });
});

describe('secrets are redacted in every format', { timeout: 60_000 }, () => {
  it('masks a token-shaped string in messages, code frames, snippets and fixes', () => {
    const dir = tempSpace({ 'README.md': `---\nsdk: docker\n${TOKEN}: 1\nsdk-version: x\n---\n# ${TOKEN}\n`, Dockerfile: 'FROM x\n' });
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = runCli(['-f', format, dir]);
      expect(r.stdout, format).toContain('config-unknown-key');
      expect(r.stdout, format).toContain('hf_Ab********');
      expect(r.stdout + r.stderr, format).not.toContain(TOKEN);
      expect(r.stdout + r.stderr, format).not.toContain(TOKEN.slice(5, 20));
    }
    const dry = runCli(['-f', 'json', '--fix-dry-run', dir]);
    expect(dry.stdout).toContain('"output"');
    expect(dry.stdout).not.toContain(TOKEN);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { exampleSpaces as spacesOf, renderRuleDoc } from './rule-doc.js';
import { ruleInfo } from './rule.js';
import { MISLEADING_KEYS } from '../reference/spaces.js';
import { RULES } from './index.js';

/**
 * Rules whose documented examples are not checked here, each with the reason. Every rule registered in
 * index.ts is checked unless it is listed, so a new rule is checked from its first commit.
 */
const EXEMPT: Record<string, string> = {};

/**
 * Internal references that mean nothing to a user: spacelint's own spec sections and rule codes
 * ("spec §4.4 Z5", "C10"), source tags of the spec's bibliography ("[HD-OVERVIEW]"), the spec's file
 * names, and "(inferred)". Docs and messages cite public sources by URL and call a judgement a judgement.
 */
const INTERNAL_MARKERS: [RegExp, string][] = [
  [/§/, 'a spec section'],
  [/\bspec\b/i, 'the spec'],
  [/\[[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\]/, 'a bibliography tag such as [HD-CONFIG]'],
  [/\b[CSZQPRDKX]\d{1,2}(?:\.\d+)?\b(?!-)/, 'a catalogue rule code such as Z6'],
  [/\binferred\b/i, '"inferred" (say "spacelint\'s judgement" and why)'],
  [/hf-tooling|spaces-rules\.md|log-signatures|catalogue/i, 'an internal file'],
  [/\bhub-docs\b/, 'a hub-docs path (link https://huggingface.co/docs/hub/<page>)'],
];

function internalMarkers(withUrls: string): string[] {
  const text = withUrls.replace(/https?:\/\/\S+/g, '<url>');
  return INTERNAL_MARKERS.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: …${text.slice(Math.max(0, text.search(re) - 40), text.search(re) + 40)}…`);
}

describe('internal reference detector', () => {
  it('finds the internal references users saw, and passes public citations', () => {
    for (const text of ['(spec §4.4 Z5)', 'the docs [HD-OVERVIEW] say', 'default 120 s (inferred)', 'hf-tooling.md §d 26', 'in catalogue order', 'checks (Z6):', 'hub-docs spaces-zerogpu.md']) {
      expect(internalMarkers(text), text).not.toEqual([]);
    }
    for (const text of ['(https://huggingface.co/docs/hub/spaces-zerogpu)', 'https://yaml.org/spec/1.2.2/', 'bucket I/O is S3-paced', "spacelint's judgement", 't4-small, A10G, L4']) {
      expect(internalMarkers(text), text).toEqual([]);
    }
  });
});

describe('rule docs: the examples do what they say', () => {
  it('exempts only registered rules', () => {
    for (const id of Object.keys(EXEMPT))
      expect(
        RULES.some((r) => r.meta.id === id),
        id,
      ).toBe(true);
  });
  for (const rule of RULES.filter((r) => !(r.meta.id in EXEMPT))) {
    const id = rule.meta.id;
    it(`${id} is registered with complete docs`, () => {
      const { docs, messages } = rule.meta;
      expect(docs.rationale.length).toBeGreaterThan(200);
      // Platform rules cite their public sources; the built-in `core` rules are about spacelint itself.
      if (rule.meta.category !== 'core') expect(docs.rationale, 'a public source by URL').toMatch(/https:\/\/\S+/);
      expect(docs.howToFix.length).toBeGreaterThan(20);
      expect(docs.incorrect.length).toBeGreaterThan(0);
      expect(docs.correct.length).toBeGreaterThan(0);
      // A message that is only a placeholder passes on a text written elsewhere (a parser's problem).
      for (const m of Object.values(messages)) if (!/^\{\{\w+\}\}$/.test(m.text)) expect(m.text.length, m.text).toBeGreaterThan(20);
    });
    it(`${id}: docs and messages cite public sources, not internal references`, () => {
      expect(internalMarkers(renderRuleDoc(ruleInfo(rule.meta)))).toEqual([]);
    });
    it(`${id}: every example is a Space with a README.md`, () => {
      for (const files of [...spacesOf(rule.meta.docs.incorrect), ...spacesOf(rule.meta.docs.correct)]) {
        expect(Object.keys(files), JSON.stringify(files)).toContain('README.md');
      }
    });
    it(`${id}: every incorrect example is reported, every correct one is not`, async () => {
      for (const files of spacesOf(rule.meta.docs.incorrect)) {
        const findings = await lintFiles(files, { only: id });
        expect(findings.length, JSON.stringify(files)).toBeGreaterThan(0);
        for (const f of findings) {
          expect(internalMarkers(f.message), f.message).toEqual([]);
          for (const s of f.suggestions ?? []) expect(internalMarkers(s.desc), s.desc).toEqual([]);
        }
      }
      for (const files of spacesOf(rule.meta.docs.correct)) {
        expect(await lintFiles(files, { only: id }), JSON.stringify(files)).toEqual([]);
      }
    });
  }
});

/**
 * Messages are shown by the CLI, the ESLint plugin and the MCP server alike, so they name no command of
 * one surface (`spacelint init`, `--fix`): a finding carries `fix`/`suggestions` for the autofix, and a
 * message that points to a tool names every surface's way (as config-unknown-key's advice does). The
 * how-to-fix text may say `--fix` (what the CLI and ESLint both call the autofix; the MCP server says
 * fix_space), but not a `spacelint` invocation.
 */
describe('rule texts are surface-neutral', () => {
  const CLI_COMMAND = /`spacelint [a-z-]/;
  const texts = (rule: (typeof RULES)[number]) => [...Object.values(rule.meta.messages).map((m) => m.text), rule.meta.description];
  for (const rule of RULES) {
    it(`${rule.meta.id}: messages name no CLI command or flag`, () => {
      for (const text of texts(rule)) expect(text, text).not.toMatch(/`spacelint [a-z-]|--fix\b/);
      expect(rule.meta.docs.howToFix).not.toMatch(CLI_COMMAND);
      expect(rule.meta.docs.rationale).not.toMatch(CLI_COMMAND);
    });
  }
  it('the advice for keys that do nothing in a README names no CLI command', () => {
    for (const [key, advice] of Object.entries(MISLEADING_KEYS)) expect(advice, key).not.toMatch(CLI_COMMAND);
    expect(MISLEADING_KEYS.hardware).toMatch(/Space settings.*`set_space_hardware`/);
  });
});

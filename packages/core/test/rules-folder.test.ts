import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';

/**
 * src/rules/ holds rules only (DESIGN.md, layout): one file per rule named by its id, its test beside it,
 * the rule API, the registry and the doc renderer. Analysis that rules share is a fact of the Space
 * (src/docker, src/readme, src/requirements, src/space, src/python), not a helper here.
 */
const FRAMEWORK = new Set(['rule.ts', 'index.ts', 'rule-doc.ts']);
/** Tests about every rule at once (no single rule file to sit beside). */
const CROSS_RULE_TESTS = new Set(['rule-docs.test.ts', 'readme-fixes.test.ts']);

describe('src/rules/', () => {
  const folder = new URL('../src/rules/', import.meta.url);
  const files = readdirSync(folder);
  const ids = new Set(RULES.map((r) => r.meta.id));

  it('holds only rules, their tests, the rule API, the registry and the doc renderer', () => {
    const stray = files.filter((f) => {
      if (FRAMEWORK.has(f) || CROSS_RULE_TESTS.has(f)) return false;
      const m = /^(.+?)(\.test)?\.ts$/.exec(f);
      return !m || !ids.has(m[1]);
    });
    expect(stray).toEqual([]);
  });

  it('has one file per registered rule, named by its id', () => {
    expect([...ids].filter((id) => !files.includes(`${id}.ts`))).toEqual([]);
  });
});

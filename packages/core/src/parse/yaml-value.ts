import { getStaticYAMLValue, type AST } from 'yaml-eslint-parser';

/**
 * Plain values from a yaml-eslint-parser AST, for every YAML spacelint reads (README front matter,
 * `.spacelint.yaml`). Aliases are expanded within a node budget and a depth limit, because a YAML bomb
 * (anchors of anchors) expands exponentially; mapping keys become own properties only, so `__proto__`
 * or `constructor` in a file are plain keys, never the object's prototype.
 */

/** Alias expansion budget: no real Space config needs more nodes than this. */
export const MAX_YAML_VALUE_NODES = 20_000;
export const MAX_YAML_VALUE_DEPTH = 100;

/** Thrown when a value is too deep (`depth`) or expands to too many nodes (`budget`). */
export class YamlValueLimit extends Error {
  constructor(readonly limit: 'depth' | 'budget') {
    super(limit === 'depth' ? `is nested more than ${MAX_YAML_VALUE_DEPTH} levels deep` : 'expands to too many nodes (YAML alias expansion)');
  }
}

export interface YamlValueBudget {
  left: number;
}

export function yamlValueBudget(): YamlValueBudget {
  return { left: MAX_YAML_VALUE_NODES };
}

/** The content node under anchors and tags. */
export function unwrap(node: AST.YAMLContent | AST.YAMLWithMeta | null | undefined): AST.YAMLContent | null {
  if (!node) return null;
  if (node.type === 'YAMLWithMeta') return node.value;
  return node;
}

/** The node each anchor names (the last definition wins, as in YAML). */
export function collectAnchors(doc: AST.YAMLDocument | undefined): Map<string, AST.YAMLContent | null> {
  const map = new Map<string, AST.YAMLContent | null>();
  if (!doc) return map;
  for (const [name, list] of Object.entries(doc.anchors ?? {})) {
    const last = list[list.length - 1];
    if (last) map.set(name, last.parent.value);
  }
  return map;
}

/** The plain value of `node`; throws YamlValueLimit when the budget or depth runs out. */
export function yamlValue(node: AST.YAMLContent | AST.YAMLWithMeta | null, anchors: Map<string, AST.YAMLContent | null>, budget: YamlValueBudget, depth = 0): unknown {
  if (depth > MAX_YAML_VALUE_DEPTH) throw new YamlValueLimit('depth');
  if (--budget.left < 0) throw new YamlValueLimit('budget');
  // An explicit tag on a scalar (`!!str 5.0`) decides its type; yaml-eslint-parser applies it.
  if (node?.type === 'YAMLWithMeta' && node.tag && node.value?.type === 'YAMLScalar') return getStaticYAMLValue(node);
  const n = unwrap(node);
  if (!n) return null;
  switch (n.type) {
    case 'YAMLScalar':
      return n.value;
    case 'YAMLAlias':
      return yamlValue(anchors.get(n.name) ?? null, anchors, budget, depth + 1);
    case 'YAMLSequence':
      return n.entries.map((e) => yamlValue(e, anchors, budget, depth + 1));
    case 'YAMLMapping': {
      const out: Record<string, unknown> = {};
      for (const p of n.pairs) {
        const k = unwrap(p.key);
        const key = k && k.type === 'YAMLScalar' ? String(k.value) : '';
        setOwn(out, key, yamlValue(p.value, anchors, budget, depth + 1));
      }
      return out;
    }
  }
}

/** `target[key] = value` as an own, enumerable property, even for `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value of a whole YAML document (`{}` when empty), within the budget. */
export function yamlDocumentValue(ast: AST.YAMLProgram): unknown {
  const doc = ast.body[0];
  if (!doc?.content) return {};
  return yamlValue(doc.content, collectAnchors(doc), yamlValueBudget());
}

/**
 * What a Gradio release makes pip install next to requirements.txt, from the vendored Requires-Dist
 * tables (gradio-releases.ts), plus the few bounds that are not in them: other popular packages' own
 * bounds that collide with Gradio's, and Gradio imports that break with a dependency's newer major.
 */
import { evaluateMarker, type MarkerEnvironment } from '../parse/markers.js';
import { specifierAllows, specifiersIntersect } from '../parse/pep440.js';
import { gradioTables } from './gradio-api.js';

export interface GradioRequirement {
  /** PEP 503 name. */
  name: string;
  specifier: string;
  /** The line as Gradio writes it (`huggingface_hub>=0.33.5,<1.0`). */
  raw: string;
  /** `gradio`, `gradio[oauth]`, `gradio[mcp]`, or `gradio_client 1.3.0` for the client's own requirements. */
  via: string;
}

/**
 * Every requirement pip must satisfy for `gradio[extras]==version`: Gradio's own, those of the requested
 * extras (a release without an extra ignores it, as pip does) and those of the `gradio_client` it pins,
 * with markers evaluated for the Space's Python. Undefined when the tables do not hold the release.
 */
export function gradioRequirements(version: string, extras: readonly string[], env: MarkerEnvironment): GradioRequirement[] | undefined {
  const key = `${version}|${extras.join(',')}|${JSON.stringify(env)}`;
  if (!requirementSets.has(key)) requirementSets.set(key, computeRequirements(version, extras, env));
  return requirementSets.get(key);
}

const requirementSets = new Map<string, GradioRequirement[] | undefined>();

function computeRequirements(version: string, extras: readonly string[], env: MarkerEnvironment): GradioRequirement[] | undefined {
  const release = gradioTables().requirements.releases[version];
  if (!release) return undefined;
  const out: GradioRequirement[] = [];
  const add = (indexes: number[] | undefined, via: string) => {
    for (const i of indexes ?? []) {
      const [raw, name, specifier, marker] = gradioTables().requirements.lines[i];
      if (marker && evaluateMarker(marker, env) === false) continue;
      out.push({ name, specifier, raw, via });
    }
  };
  add(release.requires, 'gradio');
  for (const extra of extras) add(release.extras?.[extra], `gradio[${extra}]`);
  const client = out.find((r) => r.name === 'gradio-client' && r.specifier.startsWith('=='))?.specifier.slice(2);
  add(release.client, `gradio_client ${client ?? ''}`.trim());
  return out;
}

/** The `requires_python` of a release (`>=3.10`), when the tables have it. */
export function gradioRequiresPython(version: string): string | undefined {
  return gradioTables().requirements.releases[version]?.python;
}

/**
 * Popular packages whose own requirements bound a package Gradio also bounds. A pin of `package` inside
 * `versions` brings `requires`; a Gradio release whose bound excludes all of it cannot be installed.
 * As of 2026-08-22.
 */
export const PACKAGE_BOUNDS: { package: string; versions: string; requires: { package: string; specifier: string }; source: string }[] = [
  {
    package: 'transformers',
    versions: '>=4.30,<5',
    requires: { package: 'huggingface-hub', specifier: '<1.0' },
    source: 'transformers 4.x src/transformers/dependency_versions_table.py: `huggingface-hub>=0.19.3,<1.0` (4.3x–4.4x) to `huggingface-hub>=0.34.0,<1.0` (4.56–4.57)',
  },
  {
    package: 'transformers',
    versions: '>=5,<6',
    requires: { package: 'huggingface-hub', specifier: '>=1.0' },
    source: 'transformers 5.x src/transformers/dependency_versions_table.py: `huggingface-hub>=1.2.1,<2.0` (5.0), `>=1.5.0,<2.0` later',
  },
];

/**
 * Gradio releases that install with a dependency's newer major but crash at start with it: pip resolves,
 * the app does not run.
 */
export const GRADIO_RUNTIME_BOUNDS: { gradio: string; package: string; specifier: string; reason: string; source: string }[] = [
  {
    // Inferred range: gradio/oauth.py of Gradio 4.x imports HfFolder, which huggingface_hub 1.0 removed;
    // from 5.39.0 Gradio's own requirements bound huggingface_hub below 1.0 (then pip reports it).
    gradio: '>=4,<=5.46.1',
    package: 'huggingface-hub',
    specifier: '<1.0',
    reason: 'the Space crashes at start: gradio/oauth.py imports HfFolder, which huggingface_hub 1.0 removed',
    source:
      '`from huggingface_hub import HfFolder` in gradio/oauth.py fails with huggingface_hub 1.x (https://github.com/Cinnamon/kotaemon/issues/811, https://github.com/huggingface/mcp-course/issues/199)',
  },
];

const intersections = new Map<string, boolean | undefined>();

/**
 * `specifiersIntersect`, remembered per pair: the same pins and Gradio bounds come back in every run of
 * an editor or pre-commit session, and each PEP 440 comparison costs about a millisecond.
 */
export function boundsIntersect(a: string, b: string): boolean | undefined {
  const key = `${a}\u0000${b}`;
  if (!intersections.has(key)) {
    if (intersections.size > 4096) intersections.clear();
    // An exact pin (`==4.56.0`) intersects another set when that set allows the pinned version: one
    // comparison instead of probing every bound.
    const exact = (spec: string) => (/^==[^=*,;\s]+$/.test(spec) ? spec.slice(2) : undefined);
    const pinA = exact(a);
    const pinB = exact(b);
    intersections.set(key, releaseIntervalsIntersect(a, b) ?? (pinA !== undefined ? specifierAllows(b, pinA) : pinB !== undefined ? specifierAllows(a, pinB) : specifiersIntersect(a, b)));
  }
  return intersections.get(key);
}

type Bound = { release: number[]; inclusive: boolean };

/**
 * The common case without the PEP 440 library: both sets are `<`, `<=`, `>`, `>=`, `==` clauses on plain
 * releases (`>=0.33.5,<1.0`, `==4.56.0`, `<2`). Between two different releases there are always others
 * (`1.0 < 1.0.0.1 < 1.0.1`), so the sets meet unless the highest lower bound passes the lowest upper
 * bound. Undefined for anything else (`~=`, `!=`, wildcards, pre-releases), which goes to the library.
 */
export function releaseIntervalsIntersect(a: string, b: string): boolean | undefined {
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  for (const clause of `${a},${b}`.split(',')) {
    if (!clause) continue;
    const m = /^(<=|>=|<|>|==)(\d+(?:\.\d+)*)$/.exec(clause);
    if (!m) return undefined;
    const bound = { release: m[2].split('.').map(Number), inclusive: m[1] !== '<' && m[1] !== '>' };
    if (m[1] !== '<' && m[1] !== '<=' && (!lower || compareBound(bound, lower, 'lower') > 0)) lower = bound;
    if (m[1] !== '>' && m[1] !== '>=' && (!upper || compareBound(bound, upper, 'upper') < 0)) upper = bound;
  }
  if (!lower || !upper) return true;
  const order = compareRelease(lower.release, upper.release);
  return order < 0 || (order === 0 && lower.inclusive && upper.inclusive);
}

/** Orders bounds of one kind: at the same release, an exclusive lower bound is higher, an exclusive upper bound lower. */
function compareBound(x: Bound, y: Bound, kind: 'lower' | 'upper'): number {
  const order = compareRelease(x.release, y.release);
  if (order !== 0 || x.inclusive === y.inclusive) return order;
  return (kind === 'lower') === x.inclusive ? -1 : 1;
}

function compareRelease(x: number[], y: number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * What each Gradio release accepts and requires, read from the vendored tables (gradio-releases.ts,
 * generated from ../shared/data by packages/core/scripts/vendor-gradio-data.mjs), and which release a
 * Space runs. The tables are decoded on first use only: a Space without Gradio calls never pays for them.
 */
import { isPep440Version } from '../parse/pep440.js';
import { isPlainScalar, sourceOf } from '../readme/edit.js';
import { entry } from '../readme/front-matter.js';
import type { Space } from '../space/space.js';
import { GRADIO_DATA, GRADIO_DATA_AS_OF, GRADIO_DATA_NEWEST } from './gradio-releases.js';

export { GRADIO_DATA_AS_OF, GRADIO_DATA_NEWEST };

/** Inclusive [first, last] pairs of indexes into `versions`, flattened. */
export type Releases = number[];

export interface GradioCallable {
  present: Releases;
  /** Keyword-usable parameters. */
  params: Record<string, Releases>;
  /** Parameters accepted positionally, in order, per range of releases. */
  positional: [string[], Releases][];
  /** Unknown keywords are swallowed (no TypeError). */
  varKwargs?: Releases;
  /** `*args`: any number of positional arguments. */
  varArgs?: Releases;
  /** `**kwargs` passed to the parent class's constructor (3.x components: swallowed there). */
  kwargsToParent?: Releases;
  /** `**kwargs` that raise when any is given. */
  kwargsRejected?: Releases;
  /** Keywords passed on to Blocks. */
  kwargsToBlocks?: Releases;
  /** Parameters kept only to raise when set. */
  raisesIfSet?: Record<string, Releases>;
  /** Python reprs of the values the source accepts / rejects, per parameter. */
  allowed?: Record<string, Record<string, Releases>>;
  rejected?: Record<string, Record<string, Releases>>;
}

export interface GradioTables {
  versions: string[];
  names: Record<string, Releases>;
  callables: Record<string, GradioCallable>;
  events: Record<string, Record<string, Releases>>;
  methods: Record<string, Record<string, Releases>>;
  requirements: {
    /** [as written, PEP 503 name, specifier, marker?] */
    lines: [string, string, string, string?][];
    releases: Record<string, { requires: number[]; python?: string; extras?: Record<string, number[]>; client?: number[] }>;
  };
}

let decoded: GradioTables | undefined;

/**
 * The tables. Each callable, class and release is decoded from its JSON string the first time a rule
 * reads it, so a run pays for what the Space's code reaches (a typical app: a few dozen of ~500 pieces).
 */
export function gradioTables(): GradioTables {
  decoded ??= {
    versions: JSON.parse(GRADIO_DATA.versions) as string[],
    names: JSON.parse(GRADIO_DATA.names) as Record<string, Releases>,
    callables: lazyRecord<GradioCallable>(GRADIO_DATA.callables),
    events: lazyRecord<Record<string, Releases>>(GRADIO_DATA.events),
    methods: lazyRecord<Record<string, Releases>>(GRADIO_DATA.methods),
    requirements: {
      get lines() {
        return (requirementLines ??= JSON.parse(GRADIO_DATA.requirementLines) as GradioTables['requirements']['lines']);
      },
      releases: lazyRecord(GRADIO_DATA.releases),
    },
  };
  return decoded;
}

let requirementLines: GradioTables['requirements']['lines'] | undefined;

/** A read-only record whose values are decoded from `source` on first access. */
function lazyRecord<T>(source: Record<string, string>): Record<string, T> {
  const values = new Map<string, T>();
  return new Proxy({} as Record<string, T>, {
    get(_, key) {
      if (typeof key !== 'string' || !Object.hasOwn(source, key)) return undefined;
      let value = values.get(key);
      if (value === undefined) {
        value = JSON.parse(source[key]) as T;
        values.set(key, value);
      }
      return value;
    },
    has: (_, key) => typeof key === 'string' && Object.hasOwn(source, key),
    ownKeys: () => Object.keys(source),
    getOwnPropertyDescriptor: (_, key) => (typeof key === 'string' && Object.hasOwn(source, key) ? { enumerable: true, configurable: true } : undefined),
  });
}

export function inReleases(set: Releases | undefined, index: number): boolean {
  if (!set) return false;
  for (let i = 0; i < set.length; i += 2) if (set[i] <= index && index <= set[i + 1]) return true;
  return false;
}

/**
 * How a set of releases relates to release `index` when it does not contain it: removed (last present in
 * an earlier release), or added later. Undefined when it contains `index` or is empty.
 */
export function releaseHistory(set: Releases | undefined, index: number): { removedIn: string; lastIn: string } | { addedIn: string } | undefined {
  if (!set?.length || inReleases(set, index)) return undefined;
  const { versions } = gradioTables();
  let last = -1;
  let next = Number.POSITIVE_INFINITY;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i + 1] < index) last = Math.max(last, set[i + 1]);
    if (set[i] > index) next = Math.min(next, set[i]);
  }
  if (last >= 0) return { removedIn: versions[last + 1], lastIn: versions[last] };
  return { addedIn: versions[next] };
}

/** "removed in Gradio 6.0.0 (last in 5.49.1)" / "added in Gradio 4.4.0" / "". */
export function describeHistory(set: Releases | undefined, index: number): string {
  const h = releaseHistory(set, index);
  if (!h) return '';
  return 'addedIn' in h ? `added in Gradio ${h.addedIn}` : `removed in Gradio ${h.removedIn} (last in ${h.lastIn})`;
}

/** The Gradio release a Space runs, as far as the tables can tell. */
export interface GradioRelease {
  /** The release the tables are read at. */
  version: string;
  index: number;
  major: number;
  /** Where the version comes from; `assumed` when the Space does not say (the newest release is used). */
  source: 'sdk_version' | 'requirements' | 'dockerfile' | 'assumed';
  /** What the Space asked for (`4.37.0`, `5.10`), when it says. */
  requested?: string;
  /**
   * The tables may not describe the Space exactly: the version is assumed, or newer than the tables.
   * Rules lower an error to a warning then (spec catalogue-2: unknown lowers an error to a warning).
   */
  uncertain: boolean;
  /** For messages: `5.8.0`, `4.37.0 (read as 4.36.1, the nearest tagged release)`, `unknown (assumed 6.25.0, ...)`. */
  label: string;
}

let tagged: number[][] | undefined;

function releaseParts(version: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.post\d+)?$/i.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The release a version string is read at: itself when tagged, else the nearest tagged release below
 * (releases published without a tag: 3.0.1–3.0.24, 4.37.0, 6.23.0...). Undefined below 3.0.0, for
 * pre-releases and for what is not a version: the tables say nothing there.
 */
export function releaseAt(version: string): { index: number; exact: boolean; beyond: boolean } | undefined {
  const parts = releaseParts(version);
  if (!parts) return undefined;
  const { versions } = gradioTables();
  tagged ??= versions.map((v) => releaseParts(v)!);
  let found = -1;
  for (let i = 0; i < versions.length; i++) {
    const c = compareParts(tagged[i], parts);
    if (c > 0) break;
    found = i;
    if (c === 0) return { index: i, exact: true, beyond: false };
  }
  if (found < 0) return undefined;
  return { index: found, exact: false, beyond: found === versions.length - 1 };
}

/**
 * The Space's Gradio release: `sdk_version` (as typed: YAML reads `5.10` as a float), else a `gradio==`
 * pin in requirements.txt, else a `gradio==` install in the Dockerfile, else the newest release in the
 * tables, marked uncertain. Undefined when the version is known but outside the tables (2.x, pre-releases).
 */
export function gradioRelease(space: Space): GradioRelease | undefined {
  return space.memo('gradio-release', () => {
    const facts = space.facts.gradioVersion;
    const { versions } = gradioTables();
    let requested = facts.version;
    if (facts.source === 'sdk_version') {
      const e = entry(space, 'sdk_version');
      const typed = e?.valueNode && typeof e.value === 'number' && isPlainScalar(e.valueNode) ? sourceOf(space, e.valueNode) : undefined;
      if (typed) requested = typed;
    }
    if (facts.source === 'unknown' || requested === undefined) {
      const index = versions.length - 1;
      return {
        version: versions[index],
        index,
        major: major(versions[index]),
        source: 'assumed',
        uncertain: true,
        label: `unknown (no \`sdk_version\` or \`gradio==\` pin; assumed ${versions[index]}, the newest release as of ${GRADIO_DATA_AS_OF})`,
      };
    }
    if (!isPep440Version(requested.trim())) return undefined;
    const at = releaseAt(requested);
    if (!at) return undefined;
    const version = versions[at.index];
    const label = at.exact
      ? version
      : at.beyond
        ? `${requested} (newer than spacelint's Gradio data, as of ${GRADIO_DATA_AS_OF}: read as ${version})`
        : `${requested} (read as ${version}, the nearest tagged release below)`;
    return { version, index: at.index, major: major(version), source: facts.source, requested, uncertain: at.beyond, label };
  });
}

function major(version: string): number {
  return Number.parseInt(version, 10);
}

import { parseDockerfile, type Dockerfile } from '../parse/dockerfile.js';
import { parseFrontMatter, type FrontMatterResult } from '../parse/frontmatter.js';
import { parsePackagesTxt, type PackageEntry } from '../parse/packages-txt.js';
import { parseRequirements, type RequirementsFile } from '../parse/requirements.js';
import { analyzePython, type PythonModule } from '../python/module.js';
import { DEFAULT_REFERENCE, type Reference } from '../reference/spaces.js';
import { LineIndex } from '../text.js';
import { computeFacts, type SpaceFacts } from './facts.js';
import type { Snapshot, SpaceFile } from './files.js';

export const README = 'README.md';

/**
 * One Space, linted once: each file is parsed at most once (on first use) and the facts of spec §4.0 R0
 * are derived once. Rules only read from it.
 */
export class Space {
  readonly root: string;
  readonly files: ReadonlyMap<string, SpaceFile>;
  readonly reference: Reference;
  private readonly cache = new Map<string, unknown>();
  private factsValue?: SpaceFacts;

  constructor(snapshot: Snapshot, options: { reference?: Reference } = {}) {
    this.root = snapshot.root;
    this.files = snapshot.files;
    this.reference = options.reference ?? DEFAULT_REFERENCE;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  file(path: string): SpaceFile | undefined {
    return this.files.get(path);
  }

  /** The file's text (without BOM), or undefined when absent or unreadable. */
  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  lines(path: string): LineIndex | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.memo(`lines:${path}`, () => new LineIndex(text));
  }

  /** README front matter; undefined when README.md is missing or unreadable. */
  get readme(): FrontMatterResult | undefined {
    const text = this.text(README);
    return text === undefined ? undefined : this.memo('readme', () => parseFrontMatter(text));
  }

  /** The parsed front matter's plain data ({} when missing or broken). */
  get config(): Record<string, unknown> {
    const r = this.readme;
    return (r?.found && r.frontMatter.data) || {};
  }

  python(path: string): PythonModule | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.memo(`py:${path}`, () => analyzePython(path, text));
  }

  /** Every Python file of the Space (readable or not), in path order. */
  get pythonPaths(): string[] {
    return this.memo('pyPaths', () => [...this.files.keys()].filter((p) => p.endsWith('.py')));
  }

  requirements(path = 'requirements.txt'): RequirementsFile | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.memo(`req:${path}`, () => parseRequirements(text));
  }

  packagesTxt(path = 'packages.txt'): PackageEntry[] | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.memo(`pkg:${path}`, () => parsePackagesTxt(text));
  }

  dockerfile(path = 'Dockerfile'): Dockerfile | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.memo(`docker:${path}`, () => parseDockerfile(text));
  }

  get facts(): SpaceFacts {
    return (this.factsValue ??= computeFacts(this));
  }

  /** Caches a derived value for the life of this Space (rules share work through it). */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

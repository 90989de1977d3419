import { DockerFacts } from '../docker/facts.js';
import { parseDockerfile, type Dockerfile } from '../parse/dockerfile.js';
import { parseFrontMatter, type FrontMatterResult } from '../parse/frontmatter.js';
import { parsePackagesTxt, type PackageEntry } from '../parse/packages-txt.js';
import { parseRequirements, type RequirementsFile } from '../parse/requirements.js';
import { analyzePython } from '../python/analyze.js';
import type { PythonModule } from '../python/module.js';
import { DEFAULT_REFERENCE, type Reference } from '../reference/spaces.js';
import { computeRequirementsClosure, type ResolvedRequirement } from '../requirements/closure.js';
import { findSecrets, type SecretMatch } from '../security/redact.js';
import { LineIndex } from '../text.js';
import { parseAppModules } from './app-modules.js';
import { computeFacts, type SpaceFacts } from './facts.js';
import type { Snapshot, SpaceFile } from './files.js';
import type { ParseCache } from './parse-cache.js';
import { HfCacheFacts } from './hf-cache.js';

export const README = 'README.md';

/**
 * One Space, linted once: each file is parsed at most once (on first use) and every fact is derived at
 * most once. Rules only read from it. Parses: `readme`, `python(path)`, `requirements(path)`,
 * `packagesTxt(path)`, `dockerfile(path)`. Facts: `facts` (spec §4.0 R0: sdk, Gradio version, ZeroGPU,
 * app file and modules), `appModules` (their parsed Python), `docker` (src/docker: final stage, ENV,
 * start command, listeners, installs), `requirementsClosure(root)` (src/requirements: what pip reads
 * through -r/-c), `hfCache` (src/space/hf-cache.ts: HF_HOME settings and first use). README front matter
 * access and edits are functions of src/readme over `readme`.
 */
export class Space {
  readonly root: string;
  readonly files: ReadonlyMap<string, SpaceFile>;
  readonly reference: Reference;
  private readonly cache = new Map<string, unknown>();
  private readonly parses?: ParseCache;
  private factsValue?: SpaceFacts;
  private dockerValue?: DockerFacts;
  private hfCacheValue?: HfCacheFacts;
  private appModulesValue?: PythonModule[];

  constructor(snapshot: Snapshot, options: { reference?: Reference } = {}) {
    this.root = snapshot.root;
    this.files = snapshot.files;
    this.reference = options.reference ?? DEFAULT_REFERENCE;
    this.parses = snapshot.parses;
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
    return text === undefined ? undefined : this.parsed(`lines:${path}`, text, () => new LineIndex(text));
  }

  /** The secrets `findSecrets` finds in the file (placeholders included); [] when unreadable. */
  secrets(path: string): SecretMatch[] {
    const text = this.text(path);
    return text === undefined ? [] : this.parsed(`secrets:${path}`, text, () => findSecrets(text));
  }

  /** README front matter; undefined when README.md is missing or unreadable. */
  get readme(): FrontMatterResult | undefined {
    const text = this.text(README);
    return text === undefined ? undefined : this.parsed('readme', text, () => parseFrontMatter(text));
  }

  /** The parsed front matter's plain data ({} when missing or broken). */
  get config(): Record<string, unknown> {
    const r = this.readme;
    return (r?.found && r.frontMatter.data) || {};
  }

  python(path: string): PythonModule | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.parsed(`py:${path}`, text, () => analyzePython(path, text));
  }

  /** Every Python file of the Space (readable or not), in path order. */
  get pythonPaths(): string[] {
    return this.memo('pyPaths', () => [...this.files.keys()].filter((p) => p.endsWith('.py')));
  }

  requirements(path = 'requirements.txt'): RequirementsFile | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.parsed(`req:${path}`, text, () => parseRequirements(text));
  }

  packagesTxt(path = 'packages.txt'): PackageEntry[] | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.parsed(`pkg:${path}`, text, () => parsePackagesTxt(text));
  }

  dockerfile(path = 'Dockerfile'): Dockerfile | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.parsed(`docker:${path}`, text, () => parseDockerfile(text));
  }

  get facts(): SpaceFacts {
    return (this.factsValue ??= computeFacts(this));
  }

  /** The parsed modules of `facts.appModules`: the Python the app runs (unreadable files left out). */
  get appModules(): PythonModule[] {
    return (this.appModulesValue ??= parseAppModules(this));
  }

  /** The Dockerfile's facts (src/docker/facts.ts); empty when the Space has no Dockerfile. */
  get docker(): DockerFacts {
    return (this.dockerValue ??= new DockerFacts(this));
  }

  /** Every requirement pip reads for `pip install -r <root>`, following `-r` and `-c` (src/requirements). */
  requirementsClosure(root = 'requirements.txt'): ResolvedRequirement[] {
    return this.memo(`requirements-closure:${root}`, () => computeRequirementsClosure(this, root));
  }

  /** Where the Hugging Face cache lives and who uses it (src/space/hf-cache.ts). */
  get hfCache(): HfCacheFacts {
    return (this.hfCacheValue ??= new HfCacheFacts(this));
  }

  /** One file's parse: once per Space, and reused from `snapshot.parses` when the text is unchanged. */
  private parsed<T>(key: string, text: string, parse: () => T): T {
    const parses = this.parses;
    return this.memo(key, parses ? () => parses.get(key, text, parse) : parse);
  }

  /** Caches a derived value for the life of this Space (rules share work through it). */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

// Vendors what spacelint's Gradio rules read from ../shared/data (gradio-api.json, gradio-requirements.json:
// facts read from every gradio-app/gradio release tag) into packages/core/src/reference/gradio-releases.ts.
//
// Usage: node packages/core/scripts/vendor-gradio-data.mjs [--check] [DATA_DIR]
//   DATA_DIR defaults to ../shared/data next to the repository (see defaultDataDir).
//   --check exits 1 when the committed module differs from what the data produces (the test runs this).
//
// Kept: the release list, top-level names, the keyword/positional parameters of each callable with whether
// it swallows or rejects unknown keywords, parameters kept only to raise, literal values the source checks,
// events per component, documented methods that appear or disappear across releases, and each release's
// Requires-Dist (extras, python_requires, gradio_client's own requirements). Dropped: defaults, Literal[...]
// annotations (not checked at run time), where things are defined, methods present in every release.
// Every set of versions is a flat list of inclusive [first, last] index pairs into `versions`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const OUT = join(repoRoot, 'packages/core/src/reference/gradio-releases.ts');

/**
 * ../shared/data next to the repository (a checkout at /work/main), or two levels up (a worktree at
 * /work/wt/<name>); SPACELINT_GRADIO_DATA overrides. Undefined when none holds the data.
 */
export function defaultDataDir() {
  const candidates = [process.env.SPACELINT_GRADIO_DATA, resolve(repoRoot, '../shared/data'), resolve(repoRoot, '../../shared/data')];
  return candidates.find((dir) => dir && existsSync(join(dir, 'gradio-api.json')));
}

/** The text of gradio-releases.ts for the data in `dataDir`. */
export function vendoredModule(dataDir) {
  const api = JSON.parse(readFileSync(join(dataDir, 'gradio-api.json'), 'utf8'));
  const reqs = JSON.parse(readFileSync(join(dataDir, 'gradio-requirements.json'), 'utf8'));
  const versions = api.versions;
  const index = new Map(versions.map((v, i) => [v, i]));
  const last = versions.length - 1;
  const iv = (intervals) =>
    intervals.flatMap(([a, b]) => {
      if (!index.has(a) || !index.has(b)) throw new Error(`interval [${a}, ${b}] names a version not in versions`);
      return [index.get(a), index.get(b)];
    });
  const ivMap = (m) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, iv(v)]));
  const isFull = (f, from = 0) => f.length === 2 && f[0] <= from && f[1] === last;

  const callables = {};
  for (const [key, c] of Object.entries(api.callables)) {
    const out = { present: iv(c.present), params: ivMap(c.params) };
    // Ordered positional parameter lists: "a,b,c" → intervals.
    out.positional = Object.entries(c.positional ?? {}).map(([names, v]) => [names ? names.split(',') : [], iv(v)]);
    if (c.var_kwargs) out.varKwargs = iv(c.var_kwargs);
    if (c.var_args) out.varArgs = iv(c.var_args);
    if (c.kwargs_to_parent) out.kwargsToParent = iv(c.kwargs_to_parent);
    if (c.kwargs_rejected) out.kwargsRejected = iv(c.kwargs_rejected);
    // Keywords a subclass passes on to Blocks (Interface(theme=...) reaches Blocks' own handling).
    const toBlocks = c.kwargs_forwarded_to?.['gradio.blocks.Blocks'];
    if (toBlocks) out.kwargsToBlocks = iv(toBlocks);
    if (c.raises_if_set) out.raisesIfSet = ivMap(c.raises_if_set);
    for (const [from, to] of [
      ['allowed_values', 'allowed'],
      ['rejected_values', 'rejected'],
    ]) {
      if (c[from]) out[to] = Object.fromEntries(Object.entries(c[from]).map(([p, values]) => [p, ivMap(values)]));
    }
    callables[key] = out;
  }
  const events = Object.fromEntries(Object.entries(api.events).map(([cls, e]) => [cls, ivMap(e)]));
  // Methods only where they come or go: a method present whenever its class is can never be reported.
  const methods = {};
  for (const [cls, m] of Object.entries(api.methods)) {
    const from = index.get(api.names[cls]?.[0]?.[0]) ?? 0;
    const changing = Object.entries(ivMap(m)).filter(([, f]) => !isFull(f, from));
    if (changing.length) methods[cls] = Object.fromEntries(changing);
  }

  // Requirements: one table of distinct lines, each release a list of indexes into it. Each line is kept
  // as written (for messages) and read once here into [PEP 503 name, specifier, marker] so that no
  // requirement parsing happens at lint time. Gradio's files hold plain PEP 508 lines only.
  const lines = [];
  const lineIndex = new Map();
  const ref = (line) => {
    if (!lineIndex.has(line)) {
      lineIndex.set(line, lines.length);
      lines.push(line);
    }
    return lineIndex.get(line);
  };
  const releases = {};
  for (const [version, r] of Object.entries(reqs.versions)) {
    // A tree between releases pins a dev client (6.0.0: `gradio_client==2.0.0-dev.3`); the published wheel
    // pins the released client, which is the tree's client version.
    const requires = r.requires.map((line) => {
      const dev = /^gradio_client==(\d+(?:\.\d+)*)-?dev\.?\d*$/i.exec(line);
      return dev && r.client_version_in_tree === dev[1] ? `gradio_client==${dev[1]}` : line;
    });
    const pinned = requires.map((l) => /^gradio_client==(.+)$/i.exec(l)?.[1]).find(Boolean);
    const entry = { requires: requires.map(ref) };
    if (r.requires_python) entry.python = r.requires_python;
    if (r.extras) entry.extras = Object.fromEntries(Object.entries(r.extras).map(([k, v]) => [k, v.map(ref)]));
    // gradio_client's own requirements are only known for the client in the tree; use them when that is the pinned one.
    if (r.client_requires && pinned && pinned === r.client_version_in_tree) entry.client = r.client_requires.map(ref);
    releases[version] = entry;
  }

  const asOf = reqs.newest_tag_date;
  // One JSON string per piece a rule may need (a callable, a class's events or methods, a release's
  // requirements): a run decodes only what the Space's code reaches, and a data update diffs per line.
  const record = (m) =>
    `{\n${Object.entries(m)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(JSON.stringify(v))},`)
      .join('\n')}\n  }`;
  return `// Generated by packages/core/scripts/vendor-gradio-data.mjs from ../shared/data (gradio-api.json,
// gradio-requirements.json). Do not edit: run \`node packages/core/scripts/vendor-gradio-data.mjs\`.
// Source: ${api.source}.
// ${versions.length} releases, ${versions[0]} to ${versions[last]}; newest tag ${asOf}.

/** Date of the newest Gradio release tag the data was read from. */
export const GRADIO_DATA_AS_OF = '${asOf}';

/** Newest Gradio release in the data. */
export const GRADIO_DATA_NEWEST = '${versions[last]}';

/**
 * The tables, each piece as a JSON string decoded on first use (see \`gradioTables()\` in gradio-api.ts):
 * V8 only scans string literals when the module loads, so a Space without Gradio code pays almost nothing.
 */
export const GRADIO_DATA: {
  versions: string;
  names: string;
  callables: Record<string, string>;
  events: Record<string, string>;
  methods: Record<string, string>;
  /** [as written, PEP 503 name, specifier without spaces, marker?] per distinct line. */
  requirementLines: string;
  releases: Record<string, string>;
} = {
  versions: ${JSON.stringify(JSON.stringify(versions))},
  names: ${JSON.stringify(JSON.stringify(ivMap(api.names)))},
  callables: ${record(callables)},
  events: ${record(events)},
  methods: ${record(methods)},
  requirementLines: ${JSON.stringify(JSON.stringify(lines.map(readRequirement)))},
  releases: ${record(releases)},
};
`;
}

/** `name[extras] specifier ; marker` → [line, normalized name, specifier, marker?]. */
function readRequirement(line) {
  const [req, marker] = line.split(';').map((x) => x.trim());
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(req);
  if (!m) throw new Error(`cannot read Gradio requirement ${line}`);
  const out = [line, m[1].toLowerCase().replace(/[-_.]+/g, '-'), m[2].replace(/\s+/g, '')];
  if (marker) out.push(marker);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const given = args.find((a) => !a.startsWith('--'));
  const dataDir = given ? resolve(given) : defaultDataDir();
  if (!dataDir) {
    console.error('no Gradio data found: pass DATA_DIR or set SPACELINT_GRADIO_DATA (../shared/data holds gradio-api.json)');
    process.exit(2);
  }
  const text = vendoredModule(dataDir);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(OUT, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(`${OUT} differs from what ${dataDir} produces: run node packages/core/scripts/vendor-gradio-data.mjs`);
      process.exit(1);
    }
    console.log(`${OUT} matches ${dataDir}`);
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} bytes) from ${dataDir}`);
  }
}

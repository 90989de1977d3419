#!/usr/bin/env node
// `npm run pack`: one self-contained tarball per installable surface (the `spacelint` CLI, the ESLint
// plugin, the MCP server) in one folder (default dist/packages/). Each bundles @spacelint/core, the Hub
// client and the parser's WebAssembly, so `npm install ./x.tgz` needs nothing from a registry: the only
// dependency left is a real peer (eslint, for the plugin). The check below refuses a tarball whose
// package.json would make npm fetch an unpublished workspace package.
//
//   node scripts/pack.mjs [--out DIR] [--no-build] [--json] [--publish-dry-run]
//
// --publish-dry-run then runs `npm publish --dry-run` on each tarball (offline, no login needed) and fails
// when npm would rewrite the manifest on publish (it silently drops a `bin` it finds invalid, for one).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The published surfaces, with the files each tarball must hold to work alone. */
export const PACKAGES = [
  { dir: 'apps/cli', required: ['dist/spacelint.mjs', 'dist/spacelint-program.cjs', 'dist/spacelint-worker.cjs', 'dist/tree-sitter-python.wasm', 'dist/web-tree-sitter.wasm'] },
  { dir: 'packages/eslint-plugin', required: ['dist/index.js', 'dist/index.d.ts', 'dist/tree-sitter-python.wasm', 'dist/web-tree-sitter.wasm'] },
  { dir: 'apps/mcp-server', required: ['dist/spacelint-mcp.mjs', 'dist/tree-sitter-python.wasm', 'dist/web-tree-sitter.wasm'] },
];
/** Peers a package may keep external (the host tool the user already has). */
const ALLOWED_PEERS = new Set(['eslint']);

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean' },
    json: { type: 'boolean', default: false },
    'publish-dry-run': { type: 'boolean', default: false },
  },
});
const out = resolve(values.out ?? join(repo, 'dist/packages'));
mkdirSync(out, { recursive: true });

if (values.build && !values['no-build']) {
  const filters = PACKAGES.flatMap((p) => ['--filter', JSON.parse(readFileSync(join(repo, p.dir, 'package.json'), 'utf8')).name]);
  run('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], repo, { DO_NOT_TRACK: '1', TURBO_TELEMETRY_DISABLED: '1' });
}

const packed = [];
for (const p of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(repo, p.dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
    const names = Array.isArray(pkg[field]) ? pkg[field] : Object.keys(pkg[field] ?? {});
    if (names.length) problems.push(`${field}: ${names.join(', ')} (bundle them instead)`);
  }
  for (const peer of Object.keys(pkg.peerDependencies ?? {})) if (!ALLOWED_PEERS.has(peer)) problems.push(`peerDependencies: ${peer} is not a host tool`);
  if (pkg.name.startsWith('@') && pkg.publishConfig?.access !== 'public') problems.push('a scoped package needs publishConfig.access "public"');
  if (problems.length) fail(`${pkg.name} is not self-contained: ${problems.join('; ')}`);
  // --ignore-scripts: the build ran above (or the caller built); npm's lifecycle scripts would print to stdout.
  const result = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], join(repo, p.dir));
  const [info] = JSON.parse(result.stdout);
  const files = new Set(info.files.map((f) => f.path));
  const missing = p.required.filter((f) => !files.has(f));
  if (missing.length) fail(`${pkg.name}: the tarball lacks ${missing.join(', ')} (run npm run build first)`);
  packed.push({ name: pkg.name, version: pkg.version, file: join(out, info.filename), size: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount });
}

if (values['publish-dry-run']) {
  for (const p of packed) {
    const r = run('npm', ['publish', '--dry-run', '--offline', '--ignore-scripts', p.file], out);
    if (/auto-corrected/.test(r.stderr)) fail(`${p.name}: npm would change package.json on publish:\n${r.stderr}`);
    p.publishDryRun = r.stdout.trim();
  }
}

if (values.json) process.stdout.write(JSON.stringify(packed, null, 2) + '\n');
else for (const p of packed) process.stdout.write(`${p.file}  (${p.name}@${p.version}, ${(p.size / 1024).toFixed(0)} KB packed, ${p.entryCount} files)\n`);

function run(command, args, cwd, env = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) fail(`${command} ${args.join(' ')} failed in ${cwd}:\n${r.stderr || r.stdout}`);
  return r;
}

function fail(message) {
  process.stderr.write(`pack: ${message}\n`);
  process.exit(1);
}

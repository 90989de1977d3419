/**
 * The three installable surfaces as users get them: `npm run pack` (scripts/pack.mjs) writes one tarball
 * each, and each tarball installs alone into an empty project with npm offline, then works there.
 * - the CLI and the MCP server install from an EMPTY npm cache: any dependency npm had to fetch would fail;
 * - the ESLint plugin installs next to `eslint` (its one peer) from the npm cache the repository's own
 *   node_modules came from (what CI's registry gives), still offline: the plugin itself fetches nothing.
 * Each is then used for real: the CLI lints Spaces, the real ESLint binary runs the plugin on a bad
 * Space, the official MCP SDK client lists the tools and calls lint_space over stdio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(REPO, 'examples');

interface Packed {
  name: string;
  version: string;
  file: string;
  /** What `npm publish --dry-run` printed (pack.mjs fails when npm would rewrite the manifest). */
  publishDryRun: string;
}

/** PATH and HOME only: no npm_config_* from a parent `npm test`, no registry settings. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}

function npmInstallOffline(app: string, cache: string, specs: string[]) {
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  return spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', cache, ...specs], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
}

let work: string;
let packed: Map<string, Packed>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'spacelint-packages-'));
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/pack.mjs'), '--no-build', '--json', '--publish-dry-run', '--out', join(work, 'packs')], { cwd: REPO, env: cleanEnv(), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  packed = new Map((JSON.parse(r.stdout) as Packed[]).map((p) => [p.name, p]));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run pack', () => {
  it('writes one tarball per surface into one folder, none with dependencies to fetch', () => {
    expect([...packed.keys()].sort()).toEqual(['@spacelint/eslint-plugin', '@spacelint/mcp', 'spacelint']);
    expect(new Set([...packed.values()].map((p) => dirname(p.file))).size).toBe(1);
    for (const p of packed.values()) {
      const list = spawnSync('tar', ['-xOzf', p.file, 'package/package.json'], { encoding: 'utf8' });
      const manifest = JSON.parse(list.stdout) as Record<string, Record<string, string> | undefined>;
      expect(manifest.dependencies ?? {}, p.name).toEqual({});
      expect(Object.keys(manifest.peerDependencies ?? {}), p.name).toEqual(p.name === '@spacelint/eslint-plugin' ? ['eslint'] : []);
      expect(manifest.publishConfig, p.name).toMatchObject({ access: 'public' });
      expect(p.publishDryRun).toBe(`+ ${p.name}@${p.version}`);
    }
  });

  it('refuses a package that would need an unpublished dependency', () => {
    // The check itself: run pack.mjs against a copy of the repo layout whose plugin still depends on core.
    const fake = join(work, 'fake-repo');
    for (const dir of ['scripts', 'apps/cli', 'apps/mcp-server', 'packages/eslint-plugin']) mkdirSync(join(fake, dir), { recursive: true });
    writeFileSync(join(fake, 'scripts/pack.mjs'), readFileSync(join(REPO, 'scripts/pack.mjs')));
    writeFileSync(join(fake, 'apps/cli/package.json'), JSON.stringify({ name: 'spacelint', version: '0.0.0', dependencies: { '@spacelint/core': '0.1.0' } }));
    const r = spawnSync(process.execPath, [join(fake, 'scripts/pack.mjs'), '--no-build', '--out', join(work, 'fake-out')], { env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('spacelint is not self-contained: dependencies: @spacelint/core');
  });
});

describe('each tarball installs alone, offline, and works', () => {
  it('the CLI: lints a bad Space (exit 1) and a clean one (exit 0)', { timeout: 120_000 }, () => {
    const cli = packed.get('spacelint')!;
    const app = join(work, 'cli-app');
    const install = npmInstallOffline(app, join(work, 'empty-cache-cli'), [cli.file]);
    expect(install.status, install.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['spacelint']);
    const bin = join(app, 'node_modules/.bin/spacelint');
    expect(spawnSync(bin, ['--version'], { env: cleanEnv(), encoding: 'utf8' }).stdout.trim()).toBe(cli.version);
    const bad = spawnSync(bin, ['-f', 'json', join(EXAMPLES, 'bad-gradio-zerogpu')], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(bad.status, bad.stderr).toBe(1);
    const results = JSON.parse(bad.stdout) as { messages: { ruleId: string }[] }[];
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('zerogpu-torch-compile');
    // The Python parser (WebAssembly next to the bundle) loads from the installed package.
    const clean = spawnSync(bin, [join(EXAMPLES, 'gradio-zerogpu')], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(clean).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('the ESLint plugin: the real eslint binary reports spacelint rules on a bad Space', { timeout: 180_000 }, () => {
    const plugin = packed.get('@spacelint/eslint-plugin')!;
    // ESLint itself is the repository's installed copy (npm links the folder): what a user already has.
    const eslintDir = dirname(createRequire(import.meta.url).resolve('eslint/package.json'));
    const app = join(work, 'eslint-app');
    const install = npmInstallOffline(app, join(work, 'empty-cache-eslint'), [plugin.file, eslintDir]);
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(app, 'node_modules/@spacelint/core'))).toBe(false);
    writeFileSync(join(app, 'eslint.config.js'), "import spacelint from '@spacelint/eslint-plugin';\nexport default [...spacelint.configs.recommended];\n");
    mkdirSync(join(app, 'space'));
    writeFileSync(join(app, 'space/README.md'), '---\ntitle: Bad\nsdk: gradio\nsdk_version: 5.49.1\ncolorFrom: purplish\napp_file: app.py\nsuggested_hardware: zero-a10g\n---\n');
    writeFileSync(
      join(app, 'space/app.py'),
      'import spaces\nimport torch\nimport gradio as gr\n\n\n@spaces.GPU\ndef run(x):\n    return torch.compile(x)\n\n\ngr.Interface(fn=run, inputs="text", outputs="text").launch()\n',
    );
    const eslint = spawnSync(join(app, 'node_modules/.bin/eslint'), ['--format', 'json', 'space/README.md', 'space/app.py'], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(eslint.status, eslint.stderr).toBe(1);
    const rules = (JSON.parse(eslint.stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toContain('spacelint/config-invalid-value');
    expect(rules).toContain('spacelint/zerogpu-torch-compile');
  });

  it('the MCP server: the SDK client lists the tools and calls lint_space over stdio', { timeout: 120_000 }, async () => {
    const mcp = packed.get('@spacelint/mcp')!;
    const app = join(work, 'mcp-app');
    const install = npmInstallOffline(app, join(work, 'empty-cache-mcp'), [mcp.file]);
    expect(install.status, install.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['@spacelint']);
    const transport = new StdioClientTransport({ command: join(app, 'node_modules/.bin/spacelint-mcp'), args: ['--root', EXAMPLES], env: cleanEnv(), stderr: 'pipe', cwd: app });
    const client = new Client({ name: 'packages-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['lint_space', 'list_rules', 'explain_rule']));
      const result = await client.callTool({ name: 'lint_space', arguments: { path: 'bad-gradio-zerogpu' } });
      expect(result.isError).toBeFalsy();
      const structured = result.structuredContent as { diagnostics: { ruleId: string }[] };
      expect(structured.diagnostics.map((d) => d.ruleId)).toContain('zerogpu-torch-compile');
    } finally {
      await client.close();
    }
  });
});

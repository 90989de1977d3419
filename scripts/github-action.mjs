#!/usr/bin/env node
// The "Run spacelint" step of action.yml. Reads its inputs as a JavaScript action does (INPUT_* variables,
// which action.yml passes explicitly: composite steps get none from the runner), runs the CLI, and:
// - prints the chosen format to the log (`github`: annotations on the pull request diff);
// - writes SARIF to `sarif-file` when asked;
// - appends a table per rule and per Space to $GITHUB_STEP_SUMMARY;
// - sets the outputs errors / warnings / infos / sarif-file in $GITHUB_OUTPUT;
// - exits 1 according to `fail-on` (error | warning | never), 2 when spacelint could not run.
// The Spaces are linted once: the JSON run fills spacelint's --cache, the other formats read it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const cli = process.env.SPACELINT_CLI;
const home = process.env.SPACELINT_HOME || join(process.env.RUNNER_TEMP || '.', 'spacelint');
const FORMATS = ['github', 'stylish', 'json', 'sarif', 'none'];
const FAIL_ON = ['error', 'warning', 'never'];

function fail(message) {
  // A workflow command, so the problem shows on the run's summary page, not only in the log.
  process.stdout.write(`::error title=spacelint::${message.replace(/%/g, '%25').replace(/\r?\n/g, '%0A')}\n`);
  process.exit(2);
}

if (!cli) fail('SPACELINT_CLI is not set (the install step did not run)');
const raw = input('path') || '.';
const paths = (raw.includes('\n') ? raw.split(/\r?\n/) : raw.split(/\s+/)).map((p) => p.trim()).filter(Boolean);
const format = input('format') || 'github';
const failOn = input('fail-on') || 'error';
const sarifFile = input('sarif-file');
const config = input('config');
if (!FORMATS.includes(format)) fail(`format must be one of ${FORMATS.join(', ')}, got "${format}"`);
if (!FAIL_ON.includes(failOn)) fail(`fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);

mkdirSync(home, { recursive: true });
const common = ['--no-color', '--cache', '--cache-location', join(home, 'cache'), ...(config ? ['--config', config] : [])];
function spacelint(args, options = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (r.error) fail(`could not run spacelint: ${r.error.message}`);
  // Exit 2 is a usage or configuration error: its one line on stderr says what to fix.
  if (r.status === 2 || r.status === null)
    fail(
      (r.stderr || `spacelint exited with ${r.status ?? r.signal}`)
        .trim()
        .split('\n')[0]
        .replace(/^spacelint: /, ''),
    );
  return r;
}

const json = spacelint(['--format', 'json', ...common, ...paths]);
const results = JSON.parse(json.stdout);
if (format !== 'none' && format !== 'json') process.stdout.write(spacelint(['--format', format, ...common, ...paths], { stdio: ['ignore', 'pipe', 'inherit'] }).stdout);
if (format === 'json') process.stdout.write(json.stdout);
if (sarifFile) spacelint(['--format', 'sarif', '--output-file', sarifFile, ...common, ...paths]);

const totals = { errors: 0, warnings: 0, infos: 0 };
const byRule = new Map();
const bySpace = new Map();
for (const file of results) {
  for (const m of file.messages) {
    const key = m.level === 'error' ? 'errors' : m.level === 'warning' ? 'warnings' : 'infos';
    totals[key]++;
    const rule = byRule.get(m.ruleId) ?? { errors: 0, warnings: 0, infos: 0 };
    rule[key]++;
    byRule.set(m.ruleId, rule);
  }
}
for (const p of paths) bySpace.set(p, { errors: 0, warnings: 0, infos: 0 });
for (const file of results) {
  // The path given whose folder holds the file (the longest match, for nested paths).
  const owner = paths.filter((p) => file.filePath === resolve(p) || file.filePath.startsWith(resolve(p) + '/')).sort((a, b) => b.length - a.length)[0];
  if (!owner) continue;
  const s = bySpace.get(owner);
  s.errors += file.errorCount;
  s.warnings += file.warningCount;
  s.infos += file.infoCount ?? 0;
}

const outputFile = process.env.GITHUB_OUTPUT;
if (outputFile) {
  appendFileSync(outputFile, `errors=${totals.errors}\nwarnings=${totals.warnings}\ninfos=${totals.infos}\nsarif-file=${sarifFile ? resolve(sarifFile) : ''}\n`);
}

const summaryFile = process.env.GITHUB_STEP_SUMMARY;
if (summaryFile) {
  const docs = new Map(JSON.parse(spacelint(['rules', '--format', 'json']).stdout).map((r) => [r.id, r.docsUrl]));
  const cell = (n) => (n ? String(n) : '');
  const lines = ['## spacelint', ''];
  const total = totals.errors + totals.warnings + totals.infos;
  lines.push(total ? `**${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} infos** in ${paths.join(', ')}` : `No findings in ${paths.join(', ')}.`, '');
  if (byRule.size) {
    lines.push('| rule | errors | warnings | infos |', '| --- | ---: | ---: | ---: |');
    const rows = [...byRule].sort(([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || y.infos - x.infos || (a < b ? -1 : 1));
    for (const [id, c] of rows) lines.push(`| [\`${id}\`](${docs.get(id) ?? ''}) | ${cell(c.errors)} | ${cell(c.warnings)} | ${cell(c.infos)} |`);
    lines.push('');
  }
  if (paths.length > 1) {
    lines.push('| Space | errors | warnings | infos |', '| --- | ---: | ---: | ---: |');
    for (const [p, c] of bySpace) lines.push(`| \`${p}\` | ${c.errors} | ${c.warnings} | ${c.infos} |`);
    lines.push('');
  }
  if (sarifFile) lines.push(`SARIF report: \`${sarifFile}\``, '');
  appendFileSync(summaryFile, lines.join('\n') + '\n');
}

const failed = failOn === 'error' ? totals.errors > 0 : failOn === 'warning' ? totals.errors + totals.warnings > 0 : false;
process.exitCode = failed ? 1 : 0;

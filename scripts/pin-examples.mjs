// Re-pins examples/expected-findings.json from the built CLI: run after a rule change that is meant to
// change what the bad examples report, then review the diff (the test fails until you do).
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const examples = join(root, 'examples');
const pins = {};
for (const name of readdirSync(examples)
  .filter((n) => n.startsWith('bad-'))
  .sort()) {
  const dir = join(examples, name);
  const r = spawnSync(process.execPath, [join(root, 'apps/cli/dist/spacelint.mjs'), '--format', 'json', dir], { encoding: 'utf8' });
  if (r.status === 2) throw new Error(r.stderr);
  pins[name] = JSON.parse(r.stdout).flatMap((f) => f.messages.map((m) => `${f.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.level} ${m.ruleId}`));
}
writeFileSync(join(examples, 'expected-findings.json'), JSON.stringify(pins, null, 2) + '\n');
console.log(
  Object.entries(pins)
    .map(([k, v]) => `${k}: ${v.length} findings`)
    .join('\n'),
);

import { relative } from 'node:path';
import { ConfigError, CONFIG_FILES, fileFromText, listRules, prepareSpace, type RuleSetting } from '@spacelint/core';
import type { LintOptions } from './args.js';
import { cliConfig } from './lint-command.js';
import { localPath } from './space-roots.js';
import { spaceSource } from './space-lint.js';
import { UsageError } from './usage-error.js';

/**
 * `--print-config <file>` (ESLint's option): the configuration that applies to one file, as JSON — its
 * Space, the config file read, whether `ignore` leaves the file out, and every rule with its setting.
 * A rule nobody configured shows `[<its default level>]` (the highest level of its messages).
 */
export async function runPrintConfig(file: string, options: LintOptions): Promise<number> {
  const local = localPath(file);
  if (!local) throw new UsageError(`--print-config: no such file or directory: ${file}`);
  if (!local.root) throw new UsageError(`--print-config: ${file} is not inside a Space (no README.md with \`sdk:\` front matter above it)`);
  const root = local.root;
  const rel = local.isDir ? undefined : relative(root, local.abs).split('\\').join('/');
  const snapshot = await spaceSource({ root, ownFiles: [] }).snapshot();
  // A file the snapshot leaves out (binary, too large) still gets an answer about `ignore`.
  if (rel && !snapshot.files.has(rel)) snapshot.files.set(rel, fileFromText(rel, ''));
  let prepared;
  try {
    prepared = prepareSpace(snapshot, ...cliConfig(options));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const { space, config } = prepared;
  const rules: Record<string, RuleSetting> = {};
  for (const rule of listRules()) rules[rule.id] = config.rules?.[rule.id] ?? [rule.defaultLevel];
  const configFile = CONFIG_FILES.find((f) => snapshot.files.get(f)?.text !== undefined);
  const printed = {
    filePath: local.abs,
    spaceRoot: root,
    configFiles: [...(configFile ? [configFile] : []), ...(options.config ? [options.config] : [])],
    ...(rel ? { ignored: !space.files.has(rel) } : {}),
    ignore: config.ignore ?? [],
    ...(config.reference ? { reference: config.reference } : {}),
    rules,
  };
  process.stdout.write(JSON.stringify(printed, null, 2) + '\n');
  return 0;
}

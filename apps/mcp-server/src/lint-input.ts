import { z } from 'zod';
import { hubCall, hubFor } from './hub-access.js';
import type { Core, CoreNode } from './engine.js';
import { ToolError, type ToolContext } from './tool.js';

type LintConfig = NonNullable<Parameters<Core['lintSnapshot']>[1]>;
export type Snapshot = Parameters<Core['lintSnapshot']>[0];

const MAX_INLINE_FILES = 2000;
/** What results call inline `files` (the snapshot's internal root, `memory:`, is no place a person knows). */
export const INLINE_ROOT = 'inline files';

export const rulesSchema = z
  .record(z.string(), z.enum(['off', 'error', 'warning', 'info']))
  .optional()
  .describe('Level by rule id, e.g. {"config-unknown-key":"off"}.');

/** A rule id an agent typed, checked with a did-you-mean. */
export function checkRuleId(id: string, core: Core, where: string): string {
  const trimmed = id.trim();
  if (core.RULE_IDS.has(trimmed)) return trimmed;
  const best = core.closestMatch(trimmed, [...core.RULE_IDS], '-');
  throw new ToolError(`unknown rule \`${id}\`${where}${best ? ` (did you mean \`${best.match}\`?)` : ''}; list_rules gives every rule id`);
}

/** `rules` as a config override, refusing unknown rule ids with a did-you-mean. */
export function rulesOverride(rules: Record<string, string> | undefined, core: Core): LintConfig | undefined {
  if (!rules) return undefined;
  for (const id of Object.keys(rules)) checkRuleId(id, core, ' in `rules`');
  return { rules: rules as LintConfig['rules'] };
}

/** Runs `lint`; a broken .spacelint.yaml in the Space is the caller's problem to fix, so a tool error. */
export function explainConfigErrors<T>(core: Core, lint: () => T): T {
  try {
    return lint();
  } catch (error) {
    if (error instanceof core.ConfigError) throw new ToolError(`the Space's .spacelint.yaml is invalid: ${error.message}`);
    throw error;
  }
}

/** Inline `files`: repo-relative paths only, within limits, as a memory snapshot. */
export function inlineSnapshot(files: Record<string, string>, core: Core): Snapshot {
  const entries = Object.entries(files);
  if (entries.length === 0) throw new ToolError('`files` is empty: give at least README.md');
  if (entries.length > MAX_INLINE_FILES) throw new ToolError(`\`files\` has ${entries.length} entries; at most ${MAX_INLINE_FILES} are linted inline (use \`path\` for a larger Space)`);
  for (const [path] of entries) {
    const p = core.normalizePath(path);
    if (!p || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) {
      throw new ToolError(`\`files\` key \`${path}\` must be a repo-relative path such as README.md or src/model.py`);
    }
  }
  return core.snapshotFromEntries(files, INLINE_ROOT);
}

/** Checks "exactly one of" (also advertised as a `oneOf` in the tool's input schema). */
export function exactlyOne<K extends string>(args: Partial<Record<K, unknown>>, keys: readonly K[], what: string): K {
  const given = keys.filter((k) => args[k] !== undefined);
  if (given.length !== 1) {
    throw new ToolError(`give exactly one of ${keys.map((k) => `\`${k}\``).join(', ')} (${what}); got ${given.length ? given.map((g) => `\`${g}\``).join(' and ') : 'none'}`);
  }
  return given[0];
}

/** The snapshot a lint reads: a local folder (inside the roots), a Hub Space, or inline files. */
export async function readSnapshot(args: { path?: string; space?: string; revision?: string; files?: Record<string, string> }, context: ToolContext, core: Core, node: CoreNode): Promise<Snapshot> {
  const which = exactlyOne(args, ['path', 'space', 'files'] as const, 'a local Space folder, owner/name on the Hub, or path → text');
  if (args.revision !== undefined && which !== 'space') throw new ToolError('`revision` goes with `space` (a Hub Space)');
  if (which === 'path') {
    const dir = await context.services.paths.directory(args.path!);
    const snapshot = await new node.DirectorySource(dir).snapshot();
    await context.services.paths.confirm(dir);
    return snapshot;
  }
  if (which === 'space') {
    const { hub, client } = await hubFor(context, false);
    return hubCall(context, new hub.HubSpaceSource(client, args.revision ? { id: args.space!, revision: args.revision } : args.space!).snapshot());
  }
  return inlineSnapshot(args.files!, core);
}

/** One Space of a lint over a folder: its folder relative to that folder ('' for the folder itself). */
export interface FolderSpace {
  folder: string;
  snapshot: Snapshot;
}

/**
 * The snapshots a lint reads. A local `path` is every Space it holds (core's `findSpaces`, as the CLI's
 * `spacelint <folder>`): itself when it is a Space, and the Spaces below it, each read on its own; a folder
 * that holds none is a tool error. A Hub Space or inline files are one snapshot.
 */
export async function readSnapshots(
  args: { path?: string; space?: string; revision?: string; files?: Record<string, string> },
  context: ToolContext,
  core: Core,
  node: CoreNode,
): Promise<{ root: string; spaces: FolderSpace[] }> {
  if (args.path === undefined || args.space !== undefined || args.files !== undefined || args.revision !== undefined) {
    const snapshot = await readSnapshot(args, context, core, node);
    return { root: snapshot.root, spaces: [{ folder: '', snapshot }] };
  }
  const dir = await context.services.paths.directory(args.path);
  const found = node.findSpaces(dir);
  if (found.truncated) await context.log('warning', `${found.truncated}; Spaces beyond it were not looked for`);
  if (found.spaces.length === 0) {
    throw new ToolError(`no Space found in \`${args.path}\`: a Space is a folder whose README.md front matter has \`sdk:\` (give a Space folder, or \`files\` for a Space being written)`);
  }
  const spaces: FolderSpace[] = [];
  for (const space of found.spaces) {
    const snapshot = await new node.DirectorySource(space).snapshot();
    await context.services.paths.confirm(space);
    spaces.push({
      folder:
        space === dir
          ? ''
          : space
              .slice(dir.length + 1)
              .split('\\')
              .join('/'),
      snapshot,
    });
  }
  return { root: dir, spaces };
}

/**
 * Rule texts (messages, how-to-fix, rule docs) are shared by the CLI, the ESLint plugin and this server, and
 * name the autofix the way the CLI and ESLint spell it: `--fix`. An agent here has no command line; the
 * tool that applies the same fixes is fix_space, so results name it instead.
 */
const FIX_FLAG = /`(?:spacelint )?--fix(?:-dry-run)?`/g;

export function inMcpTerms(text: string): string {
  return text.includes('--fix') ? text.replace(FIX_FLAG, '`fix_space`') : text;
}

import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export interface LintOptions {
  paths: string[];
  format: string;
  fix: boolean;
  fixDryRun: boolean;
  rules: string[];
  maxWarnings?: number;
  quiet: boolean;
  noColor: boolean;
  config?: string;
  outputFile?: string;
  /** Files that are in no Space are skipped instead of being a usage error (pre-commit passes every staged file). */
  skipOutsideSpaces: boolean;
  /** `--suppress-all`: record every current finding in each Space's spacelint-suppressions.json. */
  suppressAll: boolean;
  /** `--suppress-rule <id>`: record the current findings of these rules only. */
  suppressRules: string[];
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
  /** Worker threads for several Spaces: a number, `auto` (one per core) or `off` (this thread only). */
  concurrency: number | 'auto' | 'off';
  /** `--cache`: reuse the findings of Spaces whose files did not change since the last run. */
  cache: boolean;
  cacheLocation?: string;
  /** `--select`: rule ids, categories or `prefix-*` globs; every other rule is off (Ruff's meaning). */
  select: string[];
  /** `--ignore`: rule ids, categories or globs turned off (Ruff's meaning; files are ignored in .spacelint.yaml). */
  ignore: string[];
  /** `--statistics`: one line per rule with its count instead of the findings. */
  statistics: boolean;
  /** `--stdin`: lint the text on stdin as `stdinFilename` within its Space on disk. */
  stdin: boolean;
  stdinFilename?: string;
  /** `--print-config <file>`: print the resolved configuration for that file and lint nothing. */
  printConfig?: string;
}

export type Command =
  | { name: 'lint'; options: LintOptions }
  | { name: 'rules'; format: string }
  | { name: 'explain'; rule: string }
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'other'; command: string; argv: string[] }
  | { name: 'audit' | 'merge'; argv: string[] };

/** Subcommands handled by other modules (loaded on demand). */
export const OTHER_COMMANDS = new Set(['init', 'deploy', 'doctor']);

export const HELP = `Usage: spacelint [options] [paths|hf://spaces/owner/name[@rev] ...]
       spacelint rules [--format json]
       spacelint explain <rule>
       spacelint init [dir]               write a new Space that lints clean
       spacelint deploy <dir> --to owner/name
       spacelint doctor owner/name
       spacelint audit --author <user|org> [--shard i/n] [--resume]   lint many Hub Spaces (JSONL)
       spacelint merge <files...>          join audit JSONL or SARIF files of several runs

Lint Hugging Face Space repositories before you push.

Options:
  -f, --format <name>     stylish (default), json, sarif (SARIF 2.1.0) or github (Actions annotations)
      --fix               apply safe fixes to the files
      --fix-dry-run       compute fixes without writing (json output includes "output"; with
                          --stdin, prints the fixed text and the remaining findings on stderr)
      --rule <id=level>   set a rule to off|error|warning|info (repeatable)
      --select <rules>    run only these rules: ids, categories or globs, comma-separated (repeatable)
      --ignore <rules>    turn these rules off: ids, categories or globs, comma-separated (repeatable)
      --statistics        print how many findings each rule has instead of the findings
      --stdin             lint the text on stdin (an editor buffer) as --stdin-filename
      --stdin-filename <f>  the file the stdin text is, linted within its Space on disk
      --print-config <f>  print the configuration that applies to file f (JSON) and exit
      --max-warnings <n>  exit 1 when there are more than n warnings
      --quiet             report errors only
      --no-color          plain output
  -c, --config <file>     use this config file (over .spacelint.yaml)
  -o, --output-file <f>   write the report to a file
  -h, --help              show this help
  -v, --version           print the version

CI and pre-commit (docs/ci.md):
      --skip-outside-spaces    skip files that belong to no Space instead of failing (pre-commit)
      --concurrency <n>        threads for several Spaces: a number, auto (default) or off
      --cache                  reuse the findings of Spaces whose files did not change
      --cache-location <path>  cache file or folder (default: ./.spacelint-cache)

Adopting spacelint on an existing Space (bulk suppressions, as in ESLint):
      --suppress-all           record every current finding in <space>/spacelint-suppressions.json;
                               later runs report only new ones
      --suppress-rule <id>     record the current findings of this rule only (repeatable)
      --prune-suppressions     remove recorded findings that no longer occur
      --pass-on-unpruned-suppressions  do not fail when recorded findings no longer occur

Exit codes: 0 no errors (warnings within --max-warnings), 1 problems found, 2 usage or internal error
(or recorded suppressions that no longer occur).
Docs: https://github.com/spacelint/spacelint#readme
`;

export function parseCommand(argv: string[]): Command {
  const first = argv[0];
  if (first === 'rules') {
    const { values } = parseOptions(argv.slice(1), { format: { type: 'string', short: 'f', default: 'table' } });
    return { name: 'rules', format: String(values.format) };
  }
  if (first === 'explain') {
    const { positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('usage: spacelint explain <rule-id>');
    return { name: 'explain', rule: positionals[0] };
  }
  if (first === 'audit' || first === 'merge') return { name: first, argv: argv.slice(1) };
  if (first && OTHER_COMMANDS.has(first)) return { name: 'other', command: first, argv: argv.slice(1) };
  const { values, positionals } = parseOptions(argv, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    fix: { type: 'boolean', default: false },
    'fix-dry-run': { type: 'boolean', default: false },
    rule: { type: 'string', multiple: true, default: [] },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'no-color': { type: 'boolean', default: false },
    color: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    'output-file': { type: 'string', short: 'o' },
    'skip-outside-spaces': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: 'auto' },
    cache: { type: 'boolean', default: false },
    'cache-location': { type: 'string' },
    select: { type: 'string', multiple: true, default: [] },
    ignore: { type: 'string', multiple: true, default: [] },
    statistics: { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
    'stdin-filename': { type: 'string' },
    'print-config': { type: 'string' },
    'suppress-all': { type: 'boolean', default: false },
    'suppress-rule': { type: 'string', multiple: true, default: [] },
    'prune-suppressions': { type: 'boolean', default: false },
    'pass-on-unpruned-suppressions': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  });
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings must be a whole number, got \`${values['max-warnings']}\``);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  const concurrency = String(values.concurrency);
  if (concurrency !== 'auto' && concurrency !== 'off' && !(Number.isInteger(Number(concurrency)) && Number(concurrency) >= 1)) {
    throw new UsageError(`--concurrency must be a whole number ≥ 1, auto or off, got \`${concurrency}\``);
  }
  const suppressRules = values['suppress-rule'] as string[];
  if (values['suppress-all'] && suppressRules.length) throw new UsageError('use either --suppress-all or --suppress-rule, not both');
  if (values['fix-dry-run'] && (values['suppress-all'] || suppressRules.length || values['prune-suppressions'])) {
    throw new UsageError('--fix-dry-run writes nothing: it cannot be combined with --suppress-all, --suppress-rule or --prune-suppressions');
  }
  const stdin = Boolean(values.stdin);
  const stdinFilename = values['stdin-filename'] as string | undefined;
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdin) {
    if (stdinFilename === undefined) throw new UsageError('--stdin needs --stdin-filename <file> (the file the text is, to find its Space and kind)');
    if (positionals.length) throw new UsageError('--stdin lints the text on stdin: give no paths');
    if (values.fix) throw new UsageError('--fix writes files; with --stdin use --fix-dry-run (prints the fixed text)');
    if (values.cache || values['cache-location'] !== undefined) throw new UsageError('--cache does not apply to --stdin');
    if (values['suppress-all'] || suppressRules.length || values['prune-suppressions'])
      throw new UsageError('--stdin writes nothing: it cannot be combined with --suppress-all, --suppress-rule or --prune-suppressions');
  }
  const list = (name: string) =>
    (values[name] as string[])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  if (values.statistics && (values.fix || values['fix-dry-run'])) throw new UsageError('--statistics counts findings: it cannot be combined with --fix or --fix-dry-run');
  // A Hub Space is read, never written: `--fix` (or writing suppressions) would create `./hf:/spaces/...`.
  const remote = positionals.find((p) => p.startsWith('hf://'));
  const writes = values.fix ? '--fix' : values['suppress-all'] ? '--suppress-all' : suppressRules.length ? '--suppress-rule' : values['prune-suppressions'] ? '--prune-suppressions' : undefined;
  if (remote && writes) {
    throw new UsageError(
      `${writes} cannot write to ${remote}: a Space on the Hub is linted, not changed. Clone it (git clone https://huggingface.co/spaces/...) and run ${writes} on the folder, or use --fix-dry-run to see the fixes`,
    );
  }
  return {
    name: 'lint',
    options: {
      paths: positionals.length ? positionals : ['.'],
      format: String(values.format),
      fix: Boolean(values.fix),
      fixDryRun: Boolean(values['fix-dry-run']),
      rules: values.rule as string[],
      maxWarnings,
      quiet: Boolean(values.quiet),
      noColor: Boolean(values['no-color']) || values.color === false,
      config: values.config as string | undefined,
      outputFile: values['output-file'] as string | undefined,
      skipOutsideSpaces: Boolean(values['skip-outside-spaces']),
      suppressAll: Boolean(values['suppress-all']),
      suppressRules,
      pruneSuppressions: Boolean(values['prune-suppressions']),
      passOnUnprunedSuppressions: Boolean(values['pass-on-unpruned-suppressions']),
      concurrency: concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency),
      cache: Boolean(values.cache) || values['cache-location'] !== undefined,
      cacheLocation: values['cache-location'] as string | undefined,
      select: list('select'),
      ignore: list('ignore'),
      statistics: Boolean(values.statistics),
      stdin,
      stdinFilename,
      printConfig: values['print-config'] as string | undefined,
    },
  };
}

export type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util parseArgs (strict, positionals allowed) with its errors as one-line usage errors. */
export function parseOptions(args: string[], options: OptionSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    throw new UsageError(
      String((error as Error).message)
        .replace(/^TypeError \[\w+\]: /, '')
        .split('\n')[0],
    );
  }
}

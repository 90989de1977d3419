#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { HELP, parseCommand } from './args.js';
import { isOneSpace } from './space-roots.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

/**
 * The `spacelint` command. Exit codes: 0 clean, 1 findings (error level, or over --max-warnings),
 * 2 usage or internal error (one line on stderr; SPACELINT_DEBUG=1 prints the stack).
 */
async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  switch (command.name) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'rules':
      return (await import('./rules-command.js')).runRules(command.format);
    case 'explain':
      return (await import('./rules-command.js')).runExplain(command.rule);
    case 'audit':
      return (await import('./audit-command.js')).runAudit(command.argv);
    case 'merge':
      return (await import('./merge-command.js')).runMerge(command.argv);
    case 'other':
      return (await import('./commands.js')).runOther(command.command, command.argv);
    case 'lint': {
      // One Space: V8 would spend ~55 ms optimising the parser's WebAssembly in the background and hold
      // the exit for it; Liftoff alone is plenty for one Space (spec/perf.md). It must be set before the
      // lint chunk loads. Several Spaces keep default tiering: the optimised code pays off over a batch.
      if (isOneSpace(command.options.paths)) setFlagsFromString('--liftoff-only');
      const { runLint } = await import('./lint-command.js');
      return runLint(command.options);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError;
    process.stderr.write(`spacelint: ${usage ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    if (process.env.SPACELINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);

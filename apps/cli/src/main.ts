#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { compileParserWasm, requireWithCodeCache } from '@spacelint/core/node';
import { HELP, parseCommand } from './args.js';
import { isOneSpace } from './space-roots.js';
import { VERSION } from './version.js';

type Program = typeof import('./program.js');
/** dist/: the program bundle and the parser's WebAssembly sit next to this entry (scripts/bundle.mjs). */
const BUNDLE_FOLDER = dirname(fileURLToPath(import.meta.url));

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
      return (await loadProgram('rules').commands.rules()).runRules(command.format);
    case 'explain':
      return (await loadProgram('explain').commands.rules()).runExplain(command.rule);
    case 'audit':
      return (await loadProgram('audit').commands.audit()).runAudit(command.argv);
    case 'merge':
      return (await loadProgram('merge').commands.merge()).runMerge(command.argv);
    case 'other':
      return (await loadProgram(command.command).commands.other()).runOther(command.command, command.argv);
    case 'lint': {
      // One Space: V8 would spend ~55 ms optimising the parser's WebAssembly in the background and hold
      // the exit for it; Liftoff alone is plenty for one Space (spec/perf.md). It must be set before the
      // program is compiled. Several Spaces keep default tiering: the optimised code pays off over a batch.
      const oneSpace = isOneSpace(command.options.paths);
      if (oneSpace) setFlagsFromString('--liftoff-only');
      // A run served from the cache may never need the parser: only then is its compile not started early.
      const parsers = command.options.cache ? undefined : compileParserWasm(BUNDLE_FOLDER);
      const program = loadProgram(oneSpace ? 'lint --liftoff-only' : 'lint');
      if (parsers) program.setParserAssets(parsers);
      return (await program.commands.lint()).runLint(command.options);
    }
  }
}

/**
 * The program bundle (program.ts), compiled from V8's code cache when there is one. `use` keys the cache:
 * it holds the functions the first run of that use compiled, and V8 accepts it only under the flags it was
 * made with, so a one-Space lint (`--liftoff-only`) and a batch each get their own.
 */
function loadProgram(use: string): Program {
  return requireWithCodeCache(join(BUNDLE_FOLDER, 'spacelint-program.cjs'), use) as Program;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // By name, not instanceof: the program bundle has its own copy of the UsageError class.
    const usage = error instanceof Error && error.name === 'UsageError';
    process.stderr.write(`spacelint: ${usage ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    if (process.env.SPACELINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);

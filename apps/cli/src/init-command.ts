import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ScaffoldError, scaffoldSpace, type ScaffoldAnswers, type ScaffoldSdk } from '@spacelint/core';
import { UsageError } from './usage-error.js';

const HELP = `Usage: spacelint init [dir] [--sdk gradio|docker|static] [--title <t>] [--hardware <flavor>]
                      [--zerogpu] [--inputs "<what the app takes>"] [--secret NAME]... [--persistent-data]

Writes a new Space that follows the Spaces rules and lints clean. On a terminal, missing answers are
asked for; otherwise give them as flags (--sdk and --title are required). Existing files are never
overwritten. Streamlit apps are Docker Spaces now (the Streamlit SDK is deprecated): create one from the
Hub's Docker Streamlit template at https://huggingface.co/new-space.
`;

/** `spacelint init`: the same templates as the MCP `scaffold_space` tool (core's scaffoldSpace). */
export async function runInit(argv: string[]): Promise<number> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        sdk: { type: 'string' },
        title: { type: 'string' },
        hardware: { type: 'string' },
        zerogpu: { type: 'boolean' },
        inputs: { type: 'string' },
        secret: { type: 'string', multiple: true },
        'persistent-data': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    throw new UsageError(String((error as Error).message).split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('usage: spacelint init [dir] [options]');
  const dir = resolve(positionals[0] ?? '.');
  const answers = await collectAnswers(values, dir);
  let result;
  try {
    result = scaffoldSpace(answers);
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message);
    throw error;
  }
  const clashes = Object.keys(result.files).filter((f) => existsSync(join(dir, f)));
  if (clashes.length) throw new UsageError(`not overwriting existing files in ${dir}: ${clashes.join(', ')}`);
  for (const [path, text] of Object.entries(result.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { flag: 'wx' });
  }
  const shown = relative(process.cwd(), dir) || '.';
  const lines = [`Created a ${answers.sdk} Space in ${shown}: ${Object.keys(result.files).sort().join(', ')}`];
  if (result.notes.length) lines.push('', 'Next:', ...result.notes.map((n, i) => `  ${i + 1}. ${n}`));
  lines.push('', `Check it with \`spacelint ${shown}\`, ship it with \`spacelint deploy ${shown} --to <owner>/<name>\`.`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function collectAnswers(values: Record<string, unknown>, dir: string): Promise<ScaffoldAnswers> {
  const answers: ScaffoldAnswers = {
    sdk: values.sdk as ScaffoldSdk,
    title: values.title as string,
    hardware: values.hardware as string | undefined,
    zerogpu: values.zerogpu as boolean | undefined,
    inputs: values.inputs as string | undefined,
    secrets: values.secret as string[] | undefined,
    persistentData: values['persistent-data'] as boolean | undefined,
  };
  if (answers.sdk && answers.title) return answers;
  if (!process.stdin.isTTY) throw new UsageError('spacelint init needs --sdk and --title when not run on a terminal (see spacelint init --help)');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const ask = async (q: string, fallback?: string) => (await rl.question(`${q}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
    const defaultTitle = dir.split(/[\\/]/).pop() || 'My Space';
    answers.sdk ??= (await ask('SDK (gradio, docker, static)', 'gradio')) as ScaffoldSdk;
    answers.title ??= await ask('Title', defaultTitle);
    if (answers.sdk === 'gradio' && answers.zerogpu === undefined && !answers.hardware) answers.zerogpu = /^y/i.test(await ask('Run on ZeroGPU? (y/n)', 'n'));
    if (!answers.zerogpu && !answers.hardware) answers.hardware = (await ask('Hardware flavor (cpu-basic, t4-small, ...)', 'cpu-basic')) || undefined;
    if (answers.sdk !== 'static') {
      answers.inputs ??= (await ask('What does the app take (e.g. "PDF up to 50 pages"; empty for text)')) || undefined;
      if (!answers.secrets) {
        const names = await ask('Secrets it needs (names, comma-separated; empty for none)');
        answers.secrets = names ? names.split(/[\s,]+/).filter(Boolean) : undefined;
      }
      if (answers.persistentData === undefined) answers.persistentData = /^y/i.test(await ask('Must data persist across restarts? (y/n)', 'n'));
    }
  } finally {
    rl.close();
  }
  return answers;
}

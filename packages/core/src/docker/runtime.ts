/**
 * What a Docker Space's container does when it starts, read from the Dockerfile (spec §4.0 "Dockerfile
 * model"): the final stage's ENV, WORKDIR and USER, the start command (`ENTRYPOINT` + `CMD`, exec and shell
 * form, `sh -c "..."`, repo scripts they run, `python app.py`), and the servers it starts with the host and
 * port each listens on — uvicorn, gunicorn, hypercorn, streamlit, flask, fastapi on the command line;
 * Gradio `launch()`, `uvicorn.run()`, Flask/Dash `app.run()` in the Python it runs. Read through
 * `space.docker` (./facts.ts), which computes each once per Space.
 */
import type { Fix } from '../diagnostic.js';
import type { DockerInstruction, Dockerfile } from '../parse/dockerfile.js';
import { execWords, expandWord, mappedSlice, mappedTokens, programName, shellCommands, subRange, wordText, type MappedText, type ShellWord } from '../parse/shell.js';
import { keywordArgument, positionalArguments } from '../python/arguments.js';
import { gradioMethodCalls } from '../python/gradio.js';
import { constantOf, type PythonCall, type PythonModule, type PythonValue } from '../python/module.js';
import { localModuleClosure } from '../space/app-modules.js';
import type { Space } from '../space/space.js';
import { trimEndWhere } from '../text.js';

export const DOCKERFILE = 'Dockerfile';

/** The instructions that shape the running container: the final stage, after the stages it builds `FROM`. */
export function runtimeInstructions(docker: Dockerfile): DockerInstruction[] {
  const stages: { name?: string; from: string; instructions: DockerInstruction[] }[] = [];
  for (const inst of docker.instructions) {
    if (inst.keyword === 'FROM') {
      const words = inst.tokens.map((t) => t.value);
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ from: words[0] ?? '', name: as >= 0 ? words[as + 1]?.toLowerCase() : undefined, instructions: [inst] });
    } else if (stages.length) stages[stages.length - 1].instructions.push(inst);
    else stages.push({ from: '', instructions: [inst] }); // ARG before FROM
  }
  const chain: DockerInstruction[][] = [];
  let stage = stages[stages.length - 1];
  for (let guard = 0; stage && guard < stages.length; guard++) {
    chain.unshift(stage.instructions);
    const parent = stages.find((s) => s.name !== undefined && s.name === stage!.from.toLowerCase() && s !== stage);
    stage = parent!;
  }
  return chain.flat();
}

export interface EnvValue {
  /** The value after expanding `$VAR` references; undefined when it depends on something unknown. */
  value?: string;
  /** The value as written. */
  raw?: string;
  file: string;
  /** The `NAME=value` pair (or the whole assignment). */
  range: [number, number];
  /** The exact range of the value text, when the source spells it literally (for suggestions). */
  valueRange?: [number, number];
}

/** Environment of the running container from the Dockerfile's ENV (ARG defaults expand ENV values at build). */
export function computeRuntimeEnv(space: Space): Map<string, EnvValue> {
  const env = new Map<string, EnvValue>();
  const docker = space.dockerfile();
  if (!docker) return env;
  const text = space.text(DOCKERFILE)!;
  const args = new Map<string, string | undefined>();
  const lookup = (name: string) => env.get(name)?.value ?? args.get(name);
  const instructions = new Set(space.docker.instructions);
  for (const inst of docker.instructions) {
    if (inst.keyword === 'ARG') {
      for (const t of inst.tokens) {
        const eq = t.value.indexOf('=');
        args.set(eq < 0 ? t.value : t.value.slice(0, eq), eq < 0 ? undefined : unquote(t.value.slice(eq + 1)));
      }
    }
  }
  for (const pair of docker.env) {
    if (!instructions.has(pair.instruction)) continue;
    const raw = text.slice(pair.range[0], pair.range[1]);
    const at = raw.indexOf(pair.value, pair.name.length);
    const valueRange: [number, number] | undefined = at >= 0 && pair.value ? [pair.range[0] + at, pair.range[0] + at + pair.value.length] : undefined;
    env.set(pair.name, { value: expandWord(pair.value, lookup), raw: pair.value, file: DOCKERFILE, range: pair.range, valueRange });
  }
  return env;
}

/** Where and how a server listens. `port`/`host` undefined: they depend on something spacelint cannot see. */
export interface Listener {
  /** `uvicorn`, `gunicorn`, `streamlit`, `flask`, `gradio`, `uvicorn.run`, ... */
  server: string;
  /** Where the server is started: the command's words, or the Python call. */
  file: string;
  range: [number, number];
  port?: Setting;
  host?: Setting;
  /** Adds an option to the command or call, for suggestions. */
  addOption?: (option: 'port' | 'host', value: string) => Fix | undefined;
}

export interface Setting {
  value: string;
  /** `flag` / `argument`: given on the command line or in the call; `env`: from an environment variable; `default`: the tool's own default; `config`: a config file. */
  source: 'flag' | 'argument' | 'env' | 'default' | 'config';
  /** The flag, keyword or variable name (`--port`, `server_port`, `GRADIO_SERVER_PORT`), or a description of the default. */
  name: string;
  file: string;
  range: [number, number];
  /** The text as written, when it is not the value itself (`${PORT:-7860}`). */
  raw?: string;
  /** A fix that replaces the value, when the source spells it literally. */
  replace?: (value: string) => Fix | undefined;
}

export interface DockerRuntime {
  /** The CMD/ENTRYPOINT that starts the container (absent when the Dockerfile has none). */
  start?: DockerInstruction;
  listeners: Listener[];
  /** Ports listed by EXPOSE (metadata only). */
  exposes: { port: number; range: [number, number] }[];
  /** Every program the start command runs is one spacelint understands (no proxy, no unknown binary). */
  understood: boolean;
  /**
   * The Space's Python files the start command runs, in the order it reaches them: `python app.py`,
   * `python /home/user/app/app.py`, `python -m server` (server.py or server/__main__.py), `uvicorn app:app`,
   * `gunicorn pkg.main:app`, `streamlit run app.py`, `gradio app.py`, also through `sh -c` and repo scripts.
   */
  pythonEntries: string[];
}

/** Programs a start script may run that neither serve HTTP nor hide a server. */
// biome-ignore format: a packed word list reads better than one word per line
const HARMLESS = new Set([
  'cd', 'echo', 'printf', 'mkdir', 'set', 'source', '.', 'sleep', 'true', 'false', 'test', '[', '[[', 'chmod', 'chown', 'cp', 'mv', 'rm', 'ln',
  'cat', 'touch', 'pip', 'pip3', 'apt-get', 'wait', 'trap', 'umask', 'ulimit', 'unset', 'fi', 'done', 'esac', 'ls', 'pwd', 'whoami', 'id', 'env',
  'export', 'git', 'huggingface-cli', 'hf', 'wget', 'curl', 'tar', 'unzip', 'sed', 'grep', 'tee', 'date', 'nvidia-smi', 'alembic', 'playwright',
]);
const WRAPPERS = new Set(['exec', 'nohup', 'time', 'command', 'then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', '{', '}', 'xvfb-run']);
/** Python packages that can serve HTTP: a script importing one may listen on a port spacelint does not see. */
// biome-ignore format: a packed word list reads better than one word per line
const WEB_PACKAGES = new Set([
  'aiohttp', 'tornado', 'http', 'socketserver', 'sanic', 'bottle', 'cherrypy', 'waitress', 'twisted', 'quart', 'starlette', 'fastapi',
  'flask', 'gradio', 'streamlit', 'panel', 'dash', 'uvicorn', 'hypercorn', 'gunicorn', 'werkzeug', 'websockets', 'nicegui', 'shiny',
  'bokeh', 'solara', 'mesop', 'chainlit', 'reflex', 'litestar', 'django', 'falcon', 'pyramid', 'cherrypy', 'jupyter', 'notebook', 'voila',
]);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);
const RUNNERS = new Set(['poetry', 'uv', 'pipenv', 'pdm', 'hatch', 'rye', 'conda', 'micromamba', 'mamba']);
const SERVER_MODULES = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'streamlit', 'flask', 'fastapi', 'gradio']);

interface Context {
  space: Space;
  runtime: DockerRuntime;
  env: ReadonlyMap<string, EnvValue>;
  /** Variables set on the command line or exported by a script. */
  local: Map<string, EnvValue>;
  depth: number;
  /** `$@` of a script: the CMD words after an exec-form ENTRYPOINT script, with the file and form they come from. */
  args: ShellWord[];
  argsFrom?: { file: string; exec: boolean };
  /** Words come from a JSON exec array (options are added as `, "--port", "7860"`). */
  exec: boolean;
  file: string;
  visitedPython: Set<string>;
}

export function computeDockerRuntime(space: Space): DockerRuntime {
  const runtime: DockerRuntime = { listeners: [], exposes: [], understood: true, pythonEntries: [] };
  const docker = space.dockerfile();
  if (!docker) return runtime;
  const env = space.docker.env;
  const lookup = (name: string) => env.get(name)?.value;
  const instructions = space.docker.instructions;
  for (const inst of instructions) {
    if (inst.keyword !== 'EXPOSE') continue;
    for (const t of inst.tokens) {
      const port = Number.parseInt(expandWord(t.value.split('/')[0], lookup) ?? '', 10);
      if (Number.isInteger(port)) runtime.exposes.push({ port, range: t.range });
    }
  }
  const entrypoint = [...instructions].reverse().find((i) => i.keyword === 'ENTRYPOINT');
  const cmd = [...instructions].reverse().find((i) => i.keyword === 'CMD');
  runtime.start = entrypoint ?? cmd;
  if (!runtime.start) return runtime;
  const context = (exec: boolean, args: ShellWord[] = []): Context => ({
    space,
    runtime,
    env,
    local: new Map(),
    depth: 0,
    args,
    exec,
    file: DOCKERFILE,
    visitedPython: new Set(),
  });
  const cmdWords = cmd ? argvOf(cmd) : undefined;
  if (entrypoint) {
    const words = argvOf(entrypoint);
    // Exec-form ENTRYPOINT gets CMD as arguments; shell-form ENTRYPOINT ignores CMD (Dockerfile reference).
    if (words) runArgv([...words, ...(cmdWords ?? [])], { ...context(true, cmdWords ?? []), argsFrom: { file: DOCKERFILE, exec: !!cmd?.exec } });
    else runShell(mappedTokens(entrypoint.tokens), context(false));
  } else if (cmd) {
    if (cmdWords) runArgv(cmdWords, context(true));
    else runShell(mappedTokens(cmd.tokens), context(false));
  }
  return runtime;
}

/** Exec-form arguments as words, or undefined for shell form. */
function argvOf(inst: DockerInstruction): ShellWord[] | undefined {
  return inst.exec ? execWords(mappedTokens(inst.tokens)) : undefined;
}

function runShell(m: MappedText, ctx: Context): void {
  for (const command of shellCommands(m)) runArgv(command.words, { ...ctx, exec: false });
}

function lookupIn(ctx: Context): (name: string) => string | undefined {
  return (name) => (ctx.local.has(name) ? ctx.local.get(name)!.value : ctx.env.get(name)?.value);
}

function runArgv(input: ShellWord[], ctx: Context): void {
  let words = input;
  for (let guard = 0; words.length && guard < 20; guard++) {
    const first = words[0].value;
    if (setLocal(words[0], ctx)) {
      words = words.slice(1);
      continue;
    }
    const program = programName(first);
    if (WRAPPERS.has(program)) {
      words = words.slice(1);
      continue;
    }
    if (program === 'export') {
      for (const w of words.slice(1)) setLocal(w, ctx);
      return;
    }
    if (program === 'env' || program === 'tini' || program === 'dumb-init' || program === 'catatonit') {
      // Their own options (`tini --`, `env -i`) come before the command.
      words = words.slice(1);
      while (words.length && words[0].value.startsWith('-')) words = words.slice(1);
      continue;
    }
    if (program === 'gosu' || program === 'su-exec') {
      words = words.slice(2);
      continue;
    }
    if (RUNNERS.has(program)) {
      // `poetry run X`, `uv run X`, `conda run -n env X`
      const run = words.findIndex((w) => w.value === 'run');
      if (run < 0) return markUnknown(ctx);
      words = words.slice(run + 1);
      while (words.length && words[0].value.startsWith('-')) words = words.slice(['-n', '--name', '-p', '--prefix', '--with'].includes(words[0].value) ? 2 : 1);
      continue;
    }
    break;
  }
  if (!words.length) return;
  const isArgs = (w: ShellWord) => w.value === '$@' || w.value === '$*';
  if (isArgs(words[0])) {
    // `exec "$@"` in an entrypoint script: runs the CMD, in the file it is written in.
    if (words.length === 1 && ctx.argsFrom) runArgv(ctx.args, { ...ctx, file: ctx.argsFrom.file, exec: ctx.argsFrom.exec, args: [], argsFrom: undefined });
    return;
  }
  words = words.filter((w) => !isArgs(w)); // extra arguments passed through (`python app.py "$@"`)
  const program = programName(words[0].value);
  const rest = words.slice(1);
  if (SHELLS.has(program)) return runShellProgram(rest, ctx);
  if (/^python(\d+(\.\d+)?)?$/.test(program)) return runPython(rest, words[0], ctx);
  if (SERVER_MODULES.has(program)) return runServer(program, rest, words, ctx);
  if (program.endsWith('.sh')) return runScript(words[0].value, rest, ctx);
  if (program.endsWith('.py')) return runPythonFile(words[0].value, ctx, { words: [words[0]], args: rest });
  if (HARMLESS.has(program)) return;
  // A launcher spacelint does not model (`accelerate launch app.py`, `chainlit run app.py`) still runs
  // the Space's Python it names.
  for (const word of rest) notePythonEntry(pythonFileOf(ctx.space, word.value), ctx);
  markUnknown(ctx);
}

/** The Space file a word names as Python to run: `app.py`, `/app/app.py`, or the module of `pkg.main:app`. */
function pythonFileOf(space: Space, word: string): string | undefined {
  if (word.endsWith('.py')) return repoPath(space, word);
  const app = /^([A-Za-z_][\w.]*):[A-Za-z_]\w*(?:\(\))?$/.exec(word);
  if (!app) return undefined;
  const module = app[1].replace(/\./g, '/');
  return repoPath(space, `${module}.py`) ?? repoPath(space, `${module}/__init__.py`);
}

function notePythonEntry(file: string | undefined, ctx: Context): void {
  if (file?.endsWith('.py') && !ctx.runtime.pythonEntries.includes(file)) ctx.runtime.pythonEntries.push(file);
}

/** `NAME=value` before a command or after `export`: sets a variable for what follows. */
function setLocal(word: ShellWord, ctx: Context): boolean {
  const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(word.value);
  if (!m) return false;
  const value = expandWord(m[2], lookupIn(ctx));
  const from = m[1].length + 1;
  const valueRange = subRange(word, from, word.value.length);
  const literal = value === m[2] && ctx.space.text(ctx.file)?.slice(valueRange[0], valueRange[1]) === value;
  ctx.local.set(m[1], { value, file: ctx.file, range: word.range, valueRange: literal && value ? valueRange : undefined });
  return true;
}

function markUnknown(ctx: Context): void {
  ctx.runtime.understood = false;
}

function runShellProgram(args: ShellWord[], ctx: Context): void {
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) {
    if (/^-[a-z]*c[a-z]*$/.test(args[i].value)) {
      const script = args[i + 1];
      if (script) runShell(wordText(script), { ...ctx, exec: false, local: new Map(ctx.local) });
      return;
    }
    i++;
  }
  if (args[i]) runScript(args[i].value, args.slice(i + 1), ctx);
}

/** A repo script the container runs (`./start.sh`, `/home/user/app/entrypoint.sh`). */
function runScript(path: string, args: ShellWord[], ctx: Context): void {
  const file = repoPath(ctx.space, path);
  if (!file || ctx.depth >= 3) return markUnknown(ctx);
  const text = ctx.space.text(file);
  if (text === undefined) return markUnknown(ctx);
  const local = new Map(ctx.local);
  // Arguments given in the same file as the script call (`sh start.sh --port 8000`) keep that file.
  const argsFrom = args === ctx.args ? ctx.argsFrom : { file: ctx.file, exec: ctx.exec };
  for (const command of shellCommands(mappedSlice(text, 0, text.length))) {
    runArgv(command.words, { ...ctx, local, depth: ctx.depth + 1, args, argsFrom, exec: false, file });
  }
}

/** A path in the container mapped back to the repo: `./x`, `x`, `/app/x`, `$WORKDIR/x`. */
export function repoPath(space: Space, path: string): string | undefined {
  const clean = path.replace(/^\.\//, '');
  if (space.has(clean)) return clean;
  const workdirs = space.docker.instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => trimEndWhere(i.args, /\//));
  for (const prefix of [...workdirs, '/home/user/app', '/app', '/code', '/workspace', '/src']) {
    if (clean.startsWith(`${prefix}/`) && space.has(clean.slice(prefix.length + 1))) return clean.slice(prefix.length + 1);
  }
  return undefined;
}

function runPython(args: ShellWord[], programWord: ShellWord, ctx: Context): void {
  let i = 0;
  while (i < args.length) {
    const a = args[i].value;
    if (a === '-m') {
      const module = args[i + 1]?.value;
      if (!module) return markUnknown(ctx);
      const root = module.split('.')[0];
      if (SERVER_MODULES.has(root)) return runServer(root, args.slice(i + 2), [programWord, ...args.slice(0, i + 2)], ctx);
      const file = [`${module.replace(/\./g, '/')}.py`, `${module.replace(/\./g, '/')}/__main__.py`].find((f) => ctx.space.has(f));
      return file ? runPythonFile(file, ctx) : markUnknown(ctx);
    }
    if (a === '-c') return markUnknown(ctx);
    if (a === '-X' || a === '-W') i += 2;
    else if (a.startsWith('-')) i++;
    else return runPythonFile(a, ctx, { words: [programWord, ...args.slice(0, i + 1)], args: args.slice(i + 1) });
  }
  markUnknown(ctx);
}

/** A host or port given as a command-line option; a literal value can be replaced by a fix. */
function flagSetting(o: OptionValue, value: string, ctx: Context): Setting {
  const literal = o.value === value;
  return {
    value,
    source: 'flag',
    name: o.name,
    file: ctx.file,
    range: o.range,
    raw: literal ? undefined : o.value,
    replace: literal ? replacer(ctx.space, ctx.file, o.range, o.value) : undefined,
  };
}

function runServer(server: string, args: ShellWord[], commandWords: ShellWord[], ctx: Context): void {
  const lookup = lookupIn(ctx);
  const option = (...names: string[]) => optionValues(args, names).pop();
  const command: [number, number] = [commandWords[0].range[0], (args[args.length - 1] ?? commandWords[commandWords.length - 1]).range[1]];
  const listener: Listener = { server, file: ctx.file, range: command };
  const fromOption = (o: OptionValue | undefined): Setting | undefined => {
    if (!o) return undefined;
    const value = expandWord(o.value, lookup);
    if (value === undefined) return unknownSetting;
    return flagSetting(o, value, ctx);
  };
  const fromEnv = (name: string): Setting | undefined => {
    const e = ctx.local.get(name) ?? ctx.env.get(name);
    return e ? envSetting(ctx.space, name, e) : undefined;
  };
  const byDefault = (value: string, what: string): Setting => ({ value, source: 'default', name: what, file: ctx.file, range: command });
  // The app the server imports (`uvicorn app:app`, `streamlit run app.py`); `gradio app.py` runs the file below.
  if (server !== 'gradio') for (const word of args) notePythonEntry(pythonFileOf(ctx.space, word.value), ctx);
  switch (server) {
    case 'uvicorn': {
      if (option('--uds', '--fd')) return;
      listener.host = fromOption(option('--host')) ?? fromEnv('UVICORN_HOST') ?? byDefault('127.0.0.1', "uvicorn's default host");
      listener.port = fromOption(option('--port')) ?? fromEnv('UVICORN_PORT') ?? byDefault('8000', "uvicorn's default port");
      break;
    }
    case 'gunicorn':
    case 'hypercorn': {
      const binds = optionValues(args, ['-b', '--bind']);
      if (binds.length) {
        // Several binds: the one on all interfaces, else the first.
        const settings = binds.map((b) => bindSettings(b, lookup, ctx));
        const chosen = settings.find((s) => s.host && !isLoopback(s.host.value)) ?? settings[0];
        listener.host = chosen.host;
        listener.port = chosen.port;
      } else if (option('-c', '--config') || ctx.space.has(`${server}.conf.py`) || (server === 'gunicorn' && fromEnv('GUNICORN_CMD_ARGS'))) {
        return;
      } else if (server === 'gunicorn' && fromEnv('PORT')) {
        // gunicorn binds 0.0.0.0:$PORT when PORT is set (gunicorn settings: bind).
        listener.port = fromEnv('PORT');
        listener.host = listener.port === unknownSetting ? unknownSetting : { ...listener.port!, value: '0.0.0.0', replace: undefined };
      } else {
        listener.host = byDefault('127.0.0.1', `${server}'s default bind`);
        listener.port = byDefault('8000', `${server}'s default bind`);
      }
      break;
    }
    case 'streamlit': {
      if (args[0]?.value !== 'run') return;
      const config = streamlitConfig(ctx.space);
      listener.port = fromOption(option('--server.port')) ?? fromEnv('STREAMLIT_SERVER_PORT') ?? config.port ?? byDefault('8501', "Streamlit's default port");
      // No address: Streamlit listens on every interface.
      listener.host = fromOption(option('--server.address')) ?? fromEnv('STREAMLIT_SERVER_ADDRESS') ?? config.address ?? byDefault('0.0.0.0', "Streamlit's default (all interfaces)");
      break;
    }
    case 'flask': {
      if (!args.some((a) => a.value === 'run')) return;
      listener.host = fromOption(option('--host', '-h')) ?? fromEnv('FLASK_RUN_HOST') ?? byDefault('127.0.0.1', "flask run's default host");
      listener.port = fromOption(option('--port', '-p')) ?? fromEnv('FLASK_RUN_PORT') ?? byDefault('5000', "flask run's default port");
      break;
    }
    case 'fastapi': {
      const mode = args[0]?.value;
      if (mode !== 'run' && mode !== 'dev') return;
      listener.host = fromOption(option('--host')) ?? byDefault(mode === 'run' ? '0.0.0.0' : '127.0.0.1', `\`fastapi ${mode}\`'s default host`);
      listener.port = fromOption(option('--port')) ?? byDefault('8000', `\`fastapi ${mode}\`'s default port`);
      break;
    }
    case 'gradio': {
      // `gradio app.py` (reload mode) runs the file's launch().
      const file = args.find((a) => a.value.endsWith('.py'));
      if (file) runPythonFile(file.value, ctx);
      return;
    }
    default:
      return markUnknown(ctx);
  }
  if (listener.port === unknownSetting) listener.port = undefined;
  if (listener.host === unknownSetting) listener.host = undefined;
  const [hostFlag, portFlag] = server === 'streamlit' ? ['--server.address', '--server.port'] : server === 'gunicorn' || server === 'hypercorn' ? ['--bind', '--bind'] : ['--host', '--port'];
  const bind = hostFlag === '--bind';
  listener.addOption = optionAdder(ctx, args.length ? args[args.length - 1] : commandWords[commandWords.length - 1], (option, value) =>
    bind ? ['--bind', option === 'port' ? `0.0.0.0:${value}` : `${value}:${listener.port?.value || '8000'}`] : [option === 'port' ? portFlag : hostFlag, value],
  );
  ctx.runtime.listeners.push(listener);
}

/** A placeholder for "set, but to something spacelint cannot resolve". */
const unknownSetting: Setting = { value: '', source: 'env', name: '', file: '', range: [0, 0] };

function bindSettings(b: OptionValue, lookup: (name: string) => string | undefined, ctx: Context): { host?: Setting; port?: Setting } {
  const value = expandWord(b.value, lookup);
  if (value === undefined || value.startsWith('unix:') || value.startsWith('fd://')) return {};
  const m = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(value);
  if (!m)
    return { host: { value, source: 'flag', name: b.name, file: ctx.file, range: b.range }, port: { value: '8000', source: 'default', name: 'the default port', file: ctx.file, range: b.range } };
  const literal = value === b.value;
  const hostRange = literal ? subRange(b, 0, m[1].length) : b.range;
  const portRange = literal ? subRange(b, m[1].length + 1, value.length) : b.range;
  return {
    host: m[1]
      ? { value: m[1].replace(/^\[|\]$/g, ''), source: 'flag', name: b.name, file: ctx.file, range: hostRange, replace: literal ? replacer(ctx.space, ctx.file, hostRange, m[1]) : undefined }
      : undefined,
    port: { value: m[2], source: 'flag', name: b.name, file: ctx.file, range: portRange, replace: literal ? replacer(ctx.space, ctx.file, portRange, m[2]) : undefined },
  };
}

interface OptionValue {
  name: string;
  value: string;
  offsets: number[];
  range: [number, number];
}

/** Values of `--name value` and `--name=value` (all occurrences, in order). */
function optionValues(args: ShellWord[], names: string[]): OptionValue[] {
  const out: OptionValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    for (const name of names) {
      if (w.value === name && args[i + 1]) {
        const v = args[i + 1];
        out.push({ name, value: v.value, offsets: v.offsets, range: subRange(v, 0, v.value.length) });
      } else if (w.value.startsWith(`${name}=`)) {
        const from = name.length + 1;
        out.push({ name, value: w.value.slice(from), offsets: w.offsets.slice(from), range: subRange(w, from, w.value.length) });
      }
    }
  }
  return out;
}

/** A fix replacing `range` when the file really spells `expected` there (no quotes or escapes in between). */
function replacer(space: Space, file: string, range: [number, number], expected: string): ((value: string) => Fix | undefined) | undefined {
  if (space.text(file)?.slice(range[0], range[1]) !== expected) return undefined;
  return (value) => ({ range, text: value });
}

/** Appends an option after the command's last word: ` --port 7860` (shell) or `, "--port", "7860"` (exec form). */
function optionAdder(ctx: Context, last: ShellWord, words: (option: 'port' | 'host', value: string) => string[]): Listener['addOption'] {
  const text = ctx.space.text(ctx.file);
  if (text === undefined) return undefined;
  const exec = ctx.exec && text[last.range[1] - 1] === '"';
  return (option, value) => {
    const parts = words(option, value);
    const insert = exec ? parts.map((p) => `, ${JSON.stringify(p)}`).join('') : parts.map((p) => ` ${p}`).join('');
    return { range: [last.range[1], last.range[1]], text: insert };
  };
}

/** `.streamlit/config.toml` `[server]` `port` / `address` (simple `key = value` lines). */
function streamlitConfig(space: Space): { port?: Setting; address?: Setting } {
  const file = '.streamlit/config.toml';
  const text = space.text(file);
  if (text === undefined) return {};
  const out: { port?: Setting; address?: Setting } = {};
  let section = '';
  const re = /^[ \t]*(?:\[([^\]]+)\]|(port|address)[ \t]*=[ \t]*("?)([^"\s#]*)\3)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]) section = m[1].trim();
    else if (section === 'server' && m[4]) {
      const start = m.index + m[0].length - m[4].length - m[3].length;
      const range: [number, number] = [start, start + m[4].length];
      const setting: Setting = { value: m[4], source: 'config', name: `server.${m[2]} in ${file}`, file, range, replace: (v) => ({ range, text: v }) };
      if (m[2] === 'port') out.port = setting;
      else out.address = setting;
    }
  }
  return out;
}

/**
 * `python app.py`: the servers the file (and the local modules it imports) start, and the port the
 * command gives the script (`python app.py --port 8000`, `--listen 0.0.0.0 --port 8188`): a script
 * that takes a port option listens there.
 */
function runPythonFile(path: string, ctx: Context, command?: { words: ShellWord[]; args: ShellWord[] }): void {
  const file = repoPath(ctx.space, path);
  notePythonEntry(file, ctx);
  if (command && scriptPortOption(file ?? path, command.words, command.args, ctx)) return;
  if (!file?.endsWith('.py')) return markUnknown(ctx);
  if (ctx.visitedPython.has(file)) return;
  ctx.visitedPython.add(file);
  const before = ctx.runtime.listeners.length;
  let web = false;
  for (const path of localModuleClosure(ctx.space, file)) {
    const module = ctx.space.python(path);
    if (!module) continue;
    pythonListeners(module, ctx);
    web ||= module.imports.some((i) => i.level === 0 && WEB_PACKAGES.has(i.module.split('.')[0]));
  }
  // A script that starts no server we recognise but imports a web package may still serve (aiohttp,
  // tornado, a FastAPI app run another way); one that imports none is a setup step (`python migrate.py`).
  if (ctx.runtime.listeners.length === before && web) markUnknown(ctx);
}

/** A listener from the script's own options: `--port`/`--server-port`, `--host`/`--server-name`/`--listen`. */
function scriptPortOption(file: string, words: ShellWord[], args: ShellWord[], ctx: Context): boolean {
  const option = (...names: string[]) => optionValues(args, names).pop();
  const port = option('--port', '--server-port', '--server_port');
  const listen = option('--listen');
  if (!port && !(listen && /:\d+$/.test(listen.value))) return false;
  const lookup = lookupIn(ctx);
  const last = args[args.length - 1] ?? words[words.length - 1];
  const command: [number, number] = [words[0].range[0], last.range[1]];
  const setting = (o: OptionValue | undefined, part: 'host' | 'port'): Setting | undefined => {
    if (!o) return undefined;
    const value = expandWord(o.value, lookup);
    if (value === undefined) return undefined;
    if (o.name !== '--listen') return flagSetting(o, value, ctx);
    const colon = value.lastIndexOf(':');
    const piece = colon < 0 ? (part === 'host' ? value : undefined) : part === 'host' ? value.slice(0, colon) : value.slice(colon + 1);
    return piece === undefined ? undefined : { value: piece, source: 'flag', name: '--listen', file: ctx.file, range: o.range };
  };
  ctx.runtime.listeners.push({
    server: `python ${file}`,
    file: ctx.file,
    range: command,
    port: setting(port, 'port') ?? setting(listen, 'port'),
    host: setting(option('--host', '--server-name', '--server_name'), 'host') ?? setting(listen, 'host'),
    addOption: optionAdder(ctx, last, (o, value) => [o === 'port' ? (port?.name ?? '--port') : '--host', value]),
  });
  return true;
}

const FLASK_LIKE: Record<string, { port: string; name: string }> = {
  'flask.Flask': { port: '5000', name: 'Flask' },
  'dash.Dash': { port: '8050', name: 'Dash' },
  'flask_socketio.SocketIO': { port: '5000', name: 'Flask-SocketIO' },
};

function pythonListeners(module: PythonModule, ctx: Context): void {
  const space = ctx.space;
  const path = module.path;
  const text = space.text(path)!;
  const env = (name: string): Setting | undefined => pythonEnv(module, name, ctx);
  const setting = (call: PythonCall, keyword: string, position: number | undefined): Setting | undefined | null => {
    const arg = keywordArgument(call, keyword) ?? (position === undefined ? undefined : positionalArguments(call)[position]);
    if (!arg) return null; // absent: the default applies
    return pythonValueSetting(module, arg.value, keyword, ctx);
  };
  const add = (
    server: string,
    call: PythonCall,
    host: Setting | undefined | null,
    port: Setting | undefined | null,
    defaults: { host: () => Setting | undefined; port: () => Setting | undefined },
    kwargs: { host: string; port: string },
  ) => {
    const known = (s: Setting | undefined) => (s === unknownSetting ? undefined : s);
    ctx.runtime.listeners.push({
      server,
      file: path,
      range: call.range,
      host: known(host === null ? defaults.host() : host),
      port: known(port === null ? defaults.port() : port),
      addOption: (option, value) => addKeyword(text, call, option === 'host' ? kwargs.host : kwargs.port, option === 'host' ? JSON.stringify(value) : value),
    });
  };
  const byDefault = (call: PythonCall, value: string, what: string): Setting => ({ value, source: 'default', name: what, file: path, range: call.calleeRange });
  for (const call of gradioMethodCalls(module, 'launch')) {
    add(
      'gradio',
      call,
      setting(call, 'server_name', undefined),
      setting(call, 'server_port', undefined),
      {
        host: () => env('GRADIO_SERVER_NAME') ?? byDefault(call, '127.0.0.1', "Gradio's default `server_name`"),
        port: () => env('GRADIO_SERVER_PORT') ?? byDefault(call, '7860', "Gradio's default port"),
      },
      { host: 'server_name', port: 'server_port' },
    );
  }
  const flaskApps = new Map<string, { port: string; name: string }>();
  for (const a of module.assignments) {
    const q = a.value?.kind === 'call' && a.value.call !== undefined ? module.calls[a.value.call].qualified : undefined;
    if (q && FLASK_LIKE[q]) for (const t of a.targets) flaskApps.set(t, FLASK_LIKE[q]);
  }
  for (const call of module.calls) {
    if (call.qualified === 'uvicorn.run' || call.qualified === 'uvicorn.Config') {
      add(
        call.qualified,
        call,
        setting(call, 'host', 1),
        setting(call, 'port', 2),
        {
          host: () => byDefault(call, '127.0.0.1', `\`${call.qualified}\`'s default host`),
          port: () => byDefault(call, '8000', `\`${call.qualified}\`'s default port`),
        },
        { host: 'host', port: 'port' },
      );
      continue;
    }
    // app.run() / app.run_server() on a Flask or Dash app; socketio.run(app, ...).
    const receiver = call.receiver && !call.receiver.includes('.') ? call.receiver : undefined;
    const kind = receiver ? flaskApps.get(receiver) : undefined;
    if (!kind || (call.name !== 'run' && call.name !== 'run_server')) continue;
    const offset = kind.name === 'Flask-SocketIO' ? 1 : 0;
    const dash = kind.name === 'Dash';
    add(
      `${kind.name} \`${call.callee}()\``,
      call,
      setting(call, 'host', offset),
      setting(call, 'port', offset + 1),
      {
        host: () => (dash ? env('HOST') : undefined) ?? byDefault(call, '127.0.0.1', `${kind.name}'s default host`),
        port: () => (dash ? env('PORT') : undefined) ?? byDefault(call, kind.port, `${kind.name}'s default port`),
      },
      { host: 'host', port: 'port' },
    );
  }
}

/** An environment variable as the Python program sees it: set on the command line, by the program itself, or by ENV. */
function pythonEnv(module: PythonModule, name: string, ctx: Context): Setting | undefined {
  const local = ctx.local.get(name);
  if (local) return envSetting(ctx.space, name, local);
  const docker = ctx.env.get(name);
  const write = module.envWrites.find((w) => w.name === name && w.function === undefined && !(w.method === 'setdefault' && docker));
  if (write) {
    const v = constantOf(module, write.value);
    if (v?.kind === 'string' || v?.kind === 'number') {
      return { value: String(v.value), source: 'env', name, file: module.path, range: write.range, replace: literalReplacer(v) };
    }
    return unknownSetting;
  }
  return docker ? envSetting(ctx.space, name, docker) : undefined;
}

function envSetting(space: Space, name: string, e: EnvValue): Setting {
  if (e.value === undefined) return unknownSetting;
  return { value: e.value, source: 'env', name, file: e.file, range: e.range, replace: e.valueRange ? replacer(space, e.file, e.valueRange, e.value) : undefined };
}

/**
 * A host or port given in Python: a literal, a module constant, `int(...)`, `os.environ.get("X", default)`
 * / `os.getenv("X", default)`. Undefined when it cannot be resolved.
 */
function pythonValueSetting(module: PythonModule, value: PythonValue, keyword: string, ctx: Context): Setting | undefined {
  const literal = constantOf(module, value);
  if (literal?.kind === 'string' || literal?.kind === 'number') {
    return { value: String(literal.value), source: 'argument', name: `${keyword}=`, file: module.path, range: value.range, replace: literalReplacer(literal) };
  }
  if (value.kind !== 'call' || value.call === undefined) return unknownSetting;
  const call = module.calls[value.call];
  if ((call.qualified === 'int' || call.qualified === 'str') && call.args.length === 1) return pythonValueSetting(module, call.args[0].value, keyword, ctx);
  if (call.qualified === 'os.environ.get' || call.qualified === 'os.getenv') {
    const [nameArg, fallback] = positionalArguments(call);
    const name = constantOf(module, nameArg?.value);
    if (name?.kind !== 'string') return unknownSetting;
    const fromEnv = pythonEnv(module, String(name.value), ctx);
    if (fromEnv) return fromEnv;
    const d = keywordArgument(call, 'default')?.value ?? fallback?.value;
    return d ? pythonValueSetting(module, d, keyword, ctx) : unknownSetting;
  }
  return unknownSetting;
}

/** Replaces a Python literal: numbers as numbers, strings in double quotes. */
function literalReplacer(v: PythonValue): Setting['replace'] {
  return (value) => ({ range: v.range, text: v.kind === 'number' && /^\d+$/.test(value) ? value : JSON.stringify(value) });
}

/** Adds `keyword=value` as the last argument of a call. */
function addKeyword(text: string, call: PythonCall, keyword: string, value: string): Fix | undefined {
  const [open, close] = call.argsRange;
  if (text[close - 1] !== ')') return undefined;
  const inside = text.slice(open + 1, close - 1);
  const trimmed = inside.trimEnd();
  const separator = trimmed === '' ? '' : trimmed.endsWith(',') ? ' ' : ', ';
  const at = open + 1 + trimmed.length;
  return { range: [at, at], text: `${separator}${keyword}=${value}` };
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === 'ip6-localhost' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** How the value was given: `--port 8000`, `GRADIO_SERVER_PORT=8080`, `server_port=8080`, or the tool default. */
export function describeSetting(s: Setting): string {
  switch (s.source) {
    case 'default':
      return s.name;
    case 'env':
      return `\`${s.name}=${s.value}\``;
    case 'argument':
      return `\`${s.name}${s.value}\``;
    case 'config':
      return s.name;
    default:
      if (s.raw !== undefined) return `\`${s.name} ${s.raw}\`, which is ${s.value} here`;
      return s.name === '--bind' || s.name === '-b' ? `\`${s.name}\`` : `\`${s.name} ${s.value}\``;
  }
}

export function serverName(l: Listener): string {
  if (l.server === 'gradio') return 'Gradio `launch()`';
  if (l.server.includes('`')) return l.server;
  if (l.server.startsWith('uvicorn.')) return `\`${l.server}()\``;
  return `\`${l.server}\``;
}

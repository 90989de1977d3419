import { normalizePackageName } from '../parse/requirements.js';
import { positionalArguments } from './arguments.js';
import type { PythonModule } from './module.js';

/** Calls that run a shell or a program: `os.system`, `subprocess.run([...])`, `os.popen`, `pip.main([...])`. */
const RUNNERS = new Set([
  'os.system',
  'os.popen',
  'subprocess.run',
  'subprocess.call',
  'subprocess.check_call',
  'subprocess.check_output',
  'subprocess.Popen',
  'subprocess.getoutput',
  'subprocess.getstatusoutput',
  'pip.main',
  'pip._internal.main',
  'pip._internal.cli.main.main',
]);
const PIP_INSTALL = /(?:^|[\s;&|"'(])(?:(?:python3?(?:\.\d+)?|sys\.executable|\{sys\.executable\})\s+-m\s+pip|pip3?|uv\s+pip)\s+install\b/;
/** Options of `pip install` that take a value (the next word is not a requirement). */
const VALUE_OPTIONS = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--trusted-host',
  '--config-settings',
  '-C',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--cache-dir',
  '--log',
]);

/** A `pip install` that app code runs (`os.system("pip install flash-attn --no-build-isolation")`). */
export interface RuntimePipInstall {
  /** Index into `module.calls`. */
  call: number;
  /** The command as far as it can be read (string literals of the first argument, joined). */
  command: string;
  /** PEP 503 names of the packages it installs; URL/VCS requirements as written (lowercased). */
  packages: string[];
  /** False when part of the command is computed (a variable, an f-string field): more may be installed. */
  complete: boolean;
}

/**
 * Every `pip install` the module runs through `os.system`, `subprocess.*`, `os.popen` or `pip.main`:
 * a string command, an argument list (`[sys.executable, "-m", "pip", "install", "x"]`), or an f-string.
 * `text` is the module's source (string pieces are read from it).
 */
export function runtimePipInstalls(module: PythonModule, text: string): RuntimePipInstall[] {
  const out: RuntimePipInstall[] = [];
  if (!text.includes('install')) return out; // most apps install nothing: skip the call scan
  module.calls.forEach((call, index) => {
    if (!call.qualified || !RUNNERS.has(call.qualified)) return;
    const first = positionalArguments(call)[0]?.value ?? call.args.find((a) => a.name === 'args' || a.name === 'cmd' || a.name === 'command')?.value;
    if (!first) return;
    const source = text.slice(first.range[0], first.range[1]);
    const { command, complete } = commandText(first.kind === 'string' ? JSON.stringify(first.value) : source);
    if (!PIP_INSTALL.test(command) && !(call.qualified.startsWith('pip') && /^install\b/.test(command))) return;
    const installs = installedPackages(command);
    out.push({ call: index, command, packages: installs.packages, complete: complete && installs.complete });
  });
  return out;
}

/** The string literals of an argument joined by spaces; list items become words. */
function commandText(source: string): { command: string; complete: boolean } {
  const pieces: string[] = [];
  let complete = true;
  // String literals (optionally prefixed, e.g. f"..."), in order; anything between them other than commas,
  // brackets and `+` is computed (a variable, sys.executable, a call).
  const literal = /([rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g;
  let last = 0;
  for (let m = literal.exec(source); m; m = literal.exec(source)) {
    const between = source.slice(last, m.index).replace(/[\s,[\]()+]/g, '');
    if (between && between !== 'sys.executable') complete = false;
    if (between === 'sys.executable') pieces.push('python');
    let body = m[2].startsWith('"""') || m[2].startsWith("'''") ? m[2].slice(3, -3) : m[2].slice(1, -1);
    // `[^{}]`, not `[^}]`: the same answer, without scanning to the end from every `{` of a long run.
    if (/f/i.test(m[1]) && /\{[^{}]*\}/.test(body)) {
      if (/\{\s*sys\.executable\s*\}/.test(body)) body = body.replace(/\{\s*sys\.executable\s*\}/g, 'python');
      if (/\{[^{}]*\}/.test(body)) complete = false;
    }
    pieces.push(body);
    last = m.index + m[0].length;
  }
  if (source.slice(last).replace(/[\s,[\]()+]/g, '')) complete = false;
  if (!pieces.length) complete = false;
  return { command: pieces.join(' '), complete };
}

/** The requirements named after `install` in each `pip install` of a shell command. */
function installedPackages(command: string): { packages: string[]; complete: boolean } {
  const packages: string[] = [];
  let complete = true;
  for (const part of command.split(/&&|\|\||;|\n/)) {
    const words = part.trim().split(/\s+/);
    const at = words.indexOf('install');
    if (at < 0 || !/pip/.test(words.slice(0, at).join(' '))) continue;
    for (let i = at + 1; i < words.length; i++) {
      const word = words[i].replace(/^["']|["']$/g, '');
      if (!word) continue;
      if (word.startsWith('-')) {
        if (VALUE_OPTIONS.has(word)) {
          if (word === '-r' || word === '--requirement') complete = false;
          // `-e ./vendor/lib`, `-e git+https://…`: the editable target is what gets installed.
          if ((word === '-e' || word === '--editable') && words[i + 1]) packages.push(words[i + 1].replace(/^["']|["']$/g, '').toLowerCase());
          i++;
        }
        continue;
      }
      if (/^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|\.{0,2}\/)/i.test(word)) {
        packages.push(word.toLowerCase());
        continue;
      }
      const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(word)?.[0];
      if (name) packages.push(normalizePackageName(name));
      else complete = false;
    }
  }
  return { packages, complete };
}

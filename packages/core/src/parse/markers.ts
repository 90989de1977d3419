/**
 * PEP 508 environment markers (`; python_version < "3.11" and sys_platform == "linux"`), evaluated
 * against the environment a Space builds in. Three-valued: a marker that names a variable the
 * environment does not know (`extra`, `platform_release`) evaluates to undefined unless the other side
 * of an `and`/`or` decides it.
 */
import { compare, valid } from '@renovatebot/pep440';

export type MarkerEnvironment = Record<string, string>;

/** Variables whose values compare as versions when both sides are valid versions (PEP 508). */
const VERSION_VARIABLES = new Set(['python_version', 'python_full_version', 'implementation_version', 'platform_release']);
/** Legacy dotted names pip still accepts. */
const ALIASES: Record<string, string> = {
  'os.name': 'os_name',
  'sys.platform': 'sys_platform',
  'platform.version': 'platform_version',
  'platform.machine': 'platform_machine',
  'platform.python_implementation': 'platform_python_implementation',
  python_implementation: 'platform_python_implementation',
};

type Token = { kind: 'string' | 'name' | 'op' | 'paren'; value: string };

function tokenize(marker: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:(['"])(.*?)\1|(\(|\))|(===|==|!=|<=|>=|~=|<|>)|(not\s+in)\b|([A-Za-z_][A-Za-z0-9_.]*))/y;
  // Sticky, at `pos`: testing `marker.slice(pos)` copied the rest of the marker for every token.
  const blankRest = /\s*$/y;
  let pos = 0;
  while (pos < marker.length) {
    blankRest.lastIndex = pos;
    if (blankRest.test(marker)) break;
    re.lastIndex = pos;
    const m = re.exec(marker);
    if (!m) return undefined;
    pos = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'string', value: m[2] });
    else if (m[3]) tokens.push({ kind: 'paren', value: m[3] });
    else if (m[4]) tokens.push({ kind: 'op', value: m[4] });
    else if (m[5]) tokens.push({ kind: 'op', value: 'not in' });
    else if (m[6] === 'in') tokens.push({ kind: 'op', value: 'in' });
    else tokens.push({ kind: 'name', value: m[6] });
  }
  return tokens;
}

/**
 * Evaluates a marker: true or false when the environment decides it, undefined when it names an
 * unknown variable or does not parse.
 */
export function evaluateMarker(marker: string, env: MarkerEnvironment): boolean | undefined {
  const tokens = tokenize(marker);
  if (!tokens?.length) return undefined;
  let i = 0;
  const peek = () => tokens[i];
  const failed = Symbol('failed');
  type Value = boolean | undefined | typeof failed;

  const parseOr = (): Value => {
    let left = parseAnd();
    while (left !== failed && peek()?.kind === 'name' && peek().value === 'or') {
      i++;
      const right = parseAnd();
      if (right === failed) return failed;
      left = left === true || right === true ? true : left === false && right === false ? false : undefined;
    }
    return left;
  };
  const parseAnd = (): Value => {
    let left = parseAtom();
    while (left !== failed && peek()?.kind === 'name' && peek().value === 'and') {
      i++;
      const right = parseAtom();
      if (right === failed) return failed;
      left = left === false || right === false ? false : left === true && right === true ? true : undefined;
    }
    return left;
  };
  const parseAtom = (): Value => {
    const t = peek();
    if (!t) return failed;
    if (t.kind === 'paren' && t.value === '(') {
      i++;
      const inner = parseOr();
      if (peek()?.kind !== 'paren' || peek().value !== ')') return failed;
      i++;
      return inner;
    }
    const left = tokens[i];
    const op = tokens[i + 1];
    const right = tokens[i + 2];
    if (!left || !op || !right || op.kind !== 'op' || left.kind === 'paren' || left.kind === 'op' || right.kind === 'paren' || right.kind === 'op') return failed;
    i += 3;
    return compareSides(left, op.value, right, env);
  };

  const result = parseOr();
  if (result === failed || i !== tokens.length) return undefined;
  return result;
}

function compareSides(left: Token, op: string, right: Token, env: MarkerEnvironment): boolean | undefined {
  const resolve = (t: Token): { value?: string; variable?: string } => {
    if (t.kind === 'string') return { value: t.value };
    const name = ALIASES[t.value] ?? t.value;
    return { value: env[name], variable: name };
  };
  const a = resolve(left);
  const b = resolve(right);
  if (a.value === undefined || b.value === undefined) return undefined;
  if (op === 'in') return b.value.includes(a.value);
  if (op === 'not in') return !b.value.includes(a.value);
  const versionish = VERSION_VARIABLES.has(a.variable ?? '') || VERSION_VARIABLES.has(b.variable ?? '');
  if (versionish && valid(a.value) && valid(b.value)) {
    if (op === '~=') return compatibleRelease(a.value, b.value);
    const c = compare(a.value, b.value);
    return applyOrdering(op, c);
  }
  if (op === '==' || op === '===') return a.value === b.value;
  if (op === '!=') return a.value !== b.value;
  if (op === '~=') return undefined;
  return applyOrdering(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

function applyOrdering(op: string, c: number): boolean | undefined {
  switch (op) {
    case '==':
    case '===':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default:
      return undefined;
  }
}

/** `~=3.10` on the left: `version ~= spec` means >= spec and == spec's prefix without its last part. */
function compatibleRelease(version: string, spec: string): boolean {
  const parts = spec.split('.');
  if (parts.length < 2) return false;
  const prefix = parts.slice(0, -1);
  const v = version.split('.');
  return compare(version, spec) >= 0 && prefix.every((p, k) => Number(v[k] ?? 0) === Number(p));
}

/**
 * The environment a Space's requirements are installed in: Linux x86_64 CPython at the README's
 * `python_version` (default 3.10, spec §1.4.1). The builder image's exact patch release is not documented,
 * so `python_full_version` is only set when the README names a patch version.
 */
export function spaceMarkerEnvironment(pythonVersion: string | undefined): MarkerEnvironment {
  const version = pythonVersion && /^\d+\.\d+(\.\d+)?$/.test(pythonVersion) ? pythonVersion : '3.10';
  const [major, minor] = version.split('.');
  const env: MarkerEnvironment = {
    python_version: `${major}.${minor}`,
    os_name: 'posix',
    sys_platform: 'linux',
    platform_system: 'Linux',
    platform_machine: 'x86_64',
    platform_python_implementation: 'CPython',
    implementation_name: 'cpython',
  };
  if (version.split('.').length === 3) env.python_full_version = version;
  return env;
}

/**
 * requirements.txt / pre-requirements.txt as pip reads them: one requirement per logical line (a trailing
 * `\` joins lines), `#` comments, options (`-r`, `-c`, `-e`, `--index-url`, ...), PEP 508 requirements with
 * extras, specifiers, markers and `name @ url`, and bare URLs or paths.
 */
export interface RequirementLine {
  kind: 'requirement' | 'include' | 'constraint' | 'option' | 'url' | 'invalid';
  /** 1-based line where the logical line starts. */
  line: number;
  /** Offsets of the logical line without its comment and trailing whitespace. */
  range: [number, number];
  raw: string;
  name?: string;
  /** PEP 503 normalised name (`Gradio_Client` → `gradio-client`). */
  normalizedName?: string;
  nameRange?: [number, number];
  extras?: string[];
  /** The version specifier, e.g. `==4.16.0` or `>=4,<5` (spaces removed). */
  specifier?: string;
  specifierRange?: [number, number];
  marker?: string;
  url?: string;
  /** For `-r` / `-c`: the referenced file, relative to this file. */
  target?: string;
  /** For `-e` and options: the option name. */
  option?: string;
  /** For `invalid`: why pip would reject it. */
  reason?: string;
  /**
   * Options written after a requirement on the same logical line (`--hash=sha256:…`, `--config-settings`,
   * or a global option such as `--index-url` that pip ignores there), in order.
   */
  options?: RequirementOption[];
}

/** One `--name[=value]` / `--name value` / `-x value` written after a requirement. */
export interface RequirementOption {
  name: string;
  value?: string;
  /** Offsets of the option and its value in the file. */
  range: [number, number];
}

/**
 * Options pip applies to the requirement on the same line (pip's SUPPORTED_OPTIONS_REQ). Every other
 * option on a requirement line is parsed and then ignored by pip.
 */
export const PER_REQUIREMENT_OPTIONS: ReadonlySet<string> = new Set(['--hash', '--config-settings', '-C', '--global-option']);

/** Options that take a value (pip's requirements-file parser); the rest are flags. */
// biome-ignore format: a packed word list reads better than one word per line
const OPTIONS_WITH_VALUE = new Set([
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--no-binary', '--only-binary',
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '--hash', '--config-settings', '-C',
  '--global-option', '--install-option', '--use-feature',
]);

export interface RequirementsFile {
  lines: RequirementLine[];
  /** The first line pip would reject, if any. */
  error?: { message: string; range: [number, number] };
}

export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+|\.{0,2}\/|[A-Za-z]:\\)|\.(?:whl|tar\.gz|zip|tar\.bz2)$/i;

export function parseRequirements(text: string): RequirementsFile {
  const out: RequirementsFile = { lines: [] };
  const physical = splitLines(text);
  for (let i = 0; i < physical.length; i++) {
    const startLine = i + 1;
    const start = physical[i].start;
    let logical = '';
    let end = physical[i].end;
    // Where each joined physical line starts, in the logical line and in the file.
    const pieces: { logical: number; file: number }[] = [];
    // Join continuation lines: pip strips the backslash and concatenates.
    let j = i;
    for (;;) {
      const piece = text.slice(physical[j].start, physical[j].end);
      pieces.push({ logical: logical.length, file: physical[j].start });
      if (piece.endsWith('\\') && j + 1 < physical.length) {
        logical += piece.slice(0, -1);
        j++;
        continue;
      }
      logical += piece;
      end = physical[j].end;
      break;
    }
    i = j;
    const content = stripComment(logical);
    const trimmed = content.trim();
    if (!trimmed) continue;
    const lead = logical.length - logical.trimStart().length;
    const offset = start + lead;
    const rangeEnd = j === startLine - 1 ? offset + trimmed.length : end;
    const fileOffset = (index: number): number => {
      let k = pieces.length - 1;
      while (k > 0 && pieces[k].logical > lead + index) k--;
      return pieces[k].file + lead + index - pieces[k].logical;
    };
    const entry = parseLine(trimmed, offset, startLine, rangeEnd, fileOffset);
    out.lines.push(entry);
    if (entry.kind === 'invalid' && !out.error) out.error = { message: entry.reason ?? 'invalid requirement', range: entry.range };
  }
  return out;
}

function parseLine(raw: string, offset: number, line: number, end: number, fileOffset: (index: number) => number = (index) => offset + index): RequirementLine {
  const base = { line, range: [offset, end] as [number, number], raw };
  if (!raw.startsWith('-')) {
    // pip splits a requirement line at its first whitespace-separated token that starts with `-`
    // (`break_args_options`): what follows are options (`--hash=…` from pip-compile, `--index-url` ...).
    const split = optionsStart(raw);
    if (split >= 0) {
      const entry = parseLine(raw.slice(0, split).trimEnd(), offset, line, end);
      return { ...entry, raw, options: parseOptions(raw, split, fileOffset) };
    }
  }
  if (raw.startsWith('-')) {
    const m = /^(--?[A-Za-z-]+)(?:[=\s]\s*(.*))?$/.exec(raw);
    const option = m?.[1] ?? raw;
    const value = m?.[2]?.trim();
    if (option === '-r' || option === '--requirement') return { ...base, kind: 'include', option, target: value };
    if (option === '-c' || option === '--constraint') return { ...base, kind: 'constraint', option, target: value };
    if (option === '-e' || option === '--editable') return { ...base, kind: 'url', option, url: value, ...eggName(value ?? '') };
    return { ...base, kind: 'option', option, target: value };
  }
  // name @ url. The URL and marker are split in code: a regex with `\s*` around optional parts backtracks
  // quadratically on long runs of spaces (a 2 MB line would take hours).
  const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:(\[[^\]]*\])\s*)?@\s*/.exec(raw);
  const afterAt = at ? raw.slice(at[0].length) : '';
  if (at && afterAt && !/[\n\r\u2028\u2029]/.test(afterAt)) {
    const name = at[1];
    const semi = afterAt.indexOf(';', 1); // the URL has at least one character
    return {
      ...base,
      kind: 'requirement',
      name,
      normalizedName: normalizePackageName(name),
      nameRange: [offset, offset + name.length],
      extras: parseExtras(at[2]),
      url: (semi < 0 ? afterAt : afterAt.slice(0, semi)).trimEnd(),
      marker: semi < 0 ? undefined : afterAt.slice(semi + 1).trimStart(),
    };
  }
  if (URL_LIKE.test(raw)) return { ...base, kind: 'url', url: raw.split(';')[0].trimEnd(), ...eggName(raw) };
  const nameMatch = NAME.exec(raw);
  if (!nameMatch) return { ...base, kind: 'invalid', reason: `pip cannot read \`${raw.slice(0, 60)}\` as a requirement` };
  const name = nameMatch[1];
  let rest = raw.slice(name.length);
  let pos = name.length;
  let extras: string[] | undefined;
  const ex = /^\s*\[([^\]]*)\]/.exec(rest);
  if (ex) {
    extras = parseExtras(`[${ex[1]}]`);
    rest = rest.slice(ex[0].length);
    pos += ex[0].length;
  }
  let marker: string | undefined;
  const semi = rest.indexOf(';');
  let specPart = rest;
  if (semi >= 0) {
    marker = rest.slice(semi + 1).trim();
    specPart = rest.slice(0, semi);
  }
  const specTrim = specPart.trim();
  let specifier: string | undefined;
  let specifierRange: [number, number] | undefined;
  if (specTrim) {
    const bare = specTrim.replace(/^\((.*)\)$/, '$1');
    // `\s*(?:,\s*)?` rather than `\s*,?\s*`: the latter splits a run of spaces many ways when matching fails.
    if (!/^(?:(?:===|==|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*(?:,\s*)?)+$/.test(bare)) {
      return { ...base, kind: 'invalid', name, reason: `invalid version specifier \`${specTrim.slice(0, 40)}\` for \`${name}\`` };
    }
    specifier = bare.replace(/\s+/g, '');
    const lead = specPart.length - specPart.trimStart().length;
    specifierRange = [offset + pos + lead, offset + pos + lead + specTrim.length];
  }
  return {
    ...base,
    kind: 'requirement',
    name,
    normalizedName: normalizePackageName(name),
    nameRange: [offset, offset + name.length],
    extras,
    specifier,
    specifierRange,
    marker,
  };
}

/** Offset of the first token starting with `-` after whitespace, or -1. */
function optionsStart(raw: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 45 /* - */ && isSpace(raw.charCodeAt(i - 1))) return i;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** `--name=value`, `--name value`, `-x value`, `-xvalue` and flags, from `start` to the end of `raw`. */
function parseOptions(raw: string, start: number, fileOffset: (index: number) => number): RequirementOption[] {
  const tokens: { text: string; start: number }[] = [];
  let i = start;
  while (i < raw.length) {
    while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
    if (i >= raw.length) break;
    const tokenStart = i;
    let quote = 0;
    while (i < raw.length && (quote || !isSpace(raw.charCodeAt(i)))) {
      const c = raw.charCodeAt(i);
      if (c === 34 || c === 39) quote = quote === c ? 0 : quote || c;
      i++;
    }
    tokens.push({ text: raw.slice(tokenStart, i), start: tokenStart });
  }
  const options: RequirementOption[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const eq = token.text.indexOf('=');
    const name = token.text.startsWith('--') && eq > 0 ? token.text.slice(0, eq) : token.text;
    let value = name === token.text ? undefined : token.text.slice(eq + 1);
    let endOffset = token.start + token.text.length;
    if (value === undefined && !token.text.startsWith('--') && token.text.length > 2 && OPTIONS_WITH_VALUE.has(token.text.slice(0, 2))) {
      options.push({ name: token.text.slice(0, 2), value: token.text.slice(2), range: [fileOffset(token.start), fileOffset(endOffset - 1) + 1] });
      continue;
    }
    if (value === undefined && OPTIONS_WITH_VALUE.has(name) && tokens[t + 1] && !tokens[t + 1].text.startsWith('-')) {
      value = tokens[t + 1].text;
      endOffset = tokens[t + 1].start + tokens[t + 1].text.length;
      t++;
    }
    options.push({ name, value, range: [fileOffset(token.start), fileOffset(endOffset - 1) + 1] });
  }
  return options;
}

function parseExtras(group: string | undefined): string[] | undefined {
  if (!group) return undefined;
  return group
    .slice(1, -1)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

function eggName(url: string): Partial<RequirementLine> {
  const m = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
  return m ? { name: m[1], normalizedName: normalizePackageName(m[1]) } : {};
}

/** pip treats `#` as a comment at line start or after whitespace. */
function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

export interface PhysicalLine {
  start: number;
  end: number;
}

/** Lines as offsets, without their line breaks (`\n`, `\r\n` or `\r`). */
export function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

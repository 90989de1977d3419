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
}

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
    // Join continuation lines: pip strips the backslash and concatenates.
    let j = i;
    for (;;) {
      const piece = text.slice(physical[j].start, physical[j].end);
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
    const entry = parseLine(trimmed, offset, startLine, rangeEnd);
    out.lines.push(entry);
    if (entry.kind === 'invalid' && !out.error) out.error = { message: entry.reason ?? 'invalid requirement', range: entry.range };
  }
  return out;
}

function parseLine(raw: string, offset: number, line: number, end: number): RequirementLine {
  const base = { line, range: [offset, end] as [number, number], raw };
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

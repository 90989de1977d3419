/**
 * A Dockerfile as the builder reads it: instructions (continuation lines joined with the escape
 * character, `# escape=` honoured), comments, exec-form JSON arguments, `--flag=value` options, and both
 * forms of `ENV`. Small and dependency-free: a Dockerfile parser is on every cold CLI start.
 */
import { splitLines } from './requirements.js';

export interface DockerToken {
  value: string;
  range: [number, number];
}

export interface DockerInstruction {
  /** Upper-cased keyword: FROM, RUN, ENV, CMD, ... */
  keyword: string;
  line: number;
  endLine: number;
  /** Range of the whole instruction (all its lines). */
  range: [number, number];
  keywordRange: [number, number];
  /** `--mount=type=secret,id=x` → { name: 'mount', value: 'type=secret,id=x' }. */
  flags: { name: string; value?: string; range: [number, number] }[];
  /** Arguments after the flags as one string (continuations joined by a space). */
  args: string;
  argsRange: [number, number];
  /** Exec form (`["a", "b"]`) for RUN/CMD/ENTRYPOINT/SHELL, when the arguments are a JSON array of strings. */
  exec?: string[];
  /** Whitespace-separated argument tokens with their ranges (shell form). */
  tokens: DockerToken[];
}

export interface DockerEnvPair {
  name: string;
  value: string;
  instruction: DockerInstruction;
  range: [number, number];
}

export interface Dockerfile {
  instructions: DockerInstruction[];
  comments: { text: string; range: [number, number] }[];
  /** ENV pairs in order (both `ENV K=V ...` and legacy `ENV K V`). */
  env: DockerEnvPair[];
  /** First line that is not an instruction, if any. */
  error?: { message: string; range: [number, number] };
}

// biome-ignore format: a packed word list reads better than one word per line
const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export function parseDockerfile(text: string): Dockerfile {
  const lines = splitLines(text);
  const result: Dockerfile = { instructions: [], comments: [], env: [] };
  let escapeChar = '\\';
  let directivesOpen = true;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (!trimmed) {
      directivesOpen = false;
      continue;
    }
    if (trimmed.startsWith('#')) {
      const s = start + raw.indexOf('#');
      result.comments.push({ text: trimmed, range: [s, end] });
      const d = /^#\s*escape\s*=\s*([\\`])\s*$/i.exec(trimmed);
      if (directivesOpen && d) escapeChar = d[1];
      continue;
    }
    directivesOpen = false;
    const lead = raw.length - raw.trimStart().length;
    const kwMatch = /^([A-Za-z]+)(\s|$)/.exec(trimmed);
    const instStart = start + lead;
    // Gather continuation lines: a line ending in the escape char continues; comment lines inside are skipped.
    const pieces: { start: number; end: number }[] = [];
    let j = i;
    let s = instStart;
    for (;;) {
      let e = lines[j].end;
      const body = text.slice(s, e);
      const cont = body.trimEnd().endsWith(escapeChar);
      if (cont) e = s + body.trimEnd().length - 1;
      pieces.push({ start: s, end: e });
      if (!cont || j + 1 >= lines.length) break;
      j++;
      while (j < lines.length && /^\s*#/.test(text.slice(lines[j].start, lines[j].end))) {
        const cl = text.slice(lines[j].start, lines[j].end);
        result.comments.push({ text: cl.trim(), range: [lines[j].start + cl.indexOf('#'), lines[j].end] });
        j++;
      }
      if (j >= lines.length) {
        // The file ended in comment lines after a continuation: the instruction ends at the last line.
        j = lines.length - 1;
        break;
      }
      s = lines[j].start;
    }
    const instEnd = lines[j].end;
    if (!kwMatch || !KEYWORDS.has(kwMatch[1].toUpperCase())) {
      if (!result.error) {
        result.error = {
          message: `unknown Dockerfile instruction \`${(kwMatch?.[1] ?? trimmed).slice(0, 30)}\``,
          range: [instStart, Math.min(instEnd, instStart + (kwMatch?.[1].length ?? trimmed.length))],
        };
      }
      i = j;
      continue;
    }
    const keyword = kwMatch[1].toUpperCase();
    const keywordRange: [number, number] = [instStart, instStart + kwMatch[1].length];
    // Tokens across pieces, with offsets into the real file.
    const tokens: DockerToken[] = [];
    pieces.forEach((p, k) => {
      const from = k === 0 ? keywordRange[1] : p.start;
      const re = /\S+/g;
      const seg = text.slice(from, p.end);
      let m: RegExpExecArray | null;
      while ((m = re.exec(seg))) tokens.push({ value: m[0], range: [from + m.index, from + m.index + m[0].length] });
    });
    const flags: DockerInstruction['flags'] = [];
    let flagCount = 0;
    while (flagCount < tokens.length && /^--[a-z-]+(=|$)/.test(tokens[flagCount].value) && keyword !== 'HEALTHCHECK') {
      const t = tokens[flagCount++];
      const eq = t.value.indexOf('=');
      flags.push({ name: t.value.slice(2, eq < 0 ? undefined : eq), value: eq < 0 ? undefined : t.value.slice(eq + 1), range: t.range });
    }
    // One splice, not a shift per flag (each shift moves every token: quadratic on a line of flags).
    tokens.splice(0, flagCount);
    const argsRange: [number, number] = tokens.length ? [tokens[0].range[0], tokens[tokens.length - 1].range[1]] : [keywordRange[1], keywordRange[1]];
    const args = pieces
      .map((p, k) => text.slice(k === 0 ? (tokens[0]?.range[0] ?? p.end) : p.start, p.end).trim())
      .filter(Boolean)
      .join(' ');
    const instruction: DockerInstruction = {
      keyword,
      line: i + 1,
      endLine: j + 1,
      range: [instStart, instEnd],
      keywordRange,
      flags,
      args,
      argsRange,
      tokens,
    };
    if (args.startsWith('[') && ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD'].includes(keyword)) {
      try {
        const parsed = JSON.parse(args);
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) instruction.exec = parsed;
      } catch {
        // not JSON: Docker runs it in shell form
      }
    }
    result.instructions.push(instruction);
    if (keyword === 'ENV') readEnv(instruction, result);
    i = j;
  }
  return result;
}

function readEnv(inst: DockerInstruction, result: Dockerfile): void {
  const t = inst.tokens;
  if (t.length >= 1 && !t[0].value.includes('=')) {
    // Legacy form: ENV NAME value with spaces
    const value = t
      .slice(1)
      .map((x) => x.value)
      .join(' ');
    result.env.push({ name: t[0].value, value: unquote(value), instruction: inst, range: [t[0].range[0], t[t.length - 1].range[1]] });
    return;
  }
  // K=V pairs; a quoted value may contain spaces, so re-scan the argument text.
  // A name starts at a word boundary: without the look-behind, every position inside a long word is tried
  // as a name start and scanned to the word's end (quadratic on a long unbroken argument).
  const re = /(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s\\]|\\.)*)/g;
  const base = inst.argsRange[0];
  const text = inst.args;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    result.env.push({ name: m[1], value: unquote(m[2]), instruction: inst, range: [base + m.index, base + m.index + m[0].length] });
  }
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

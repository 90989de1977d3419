/**
 * Just enough of POSIX shell to read the commands of a Dockerfile (`RUN`, `CMD`, `ENTRYPOINT`, `sh -c "..."`)
 * and of a repo script: words with quotes and escapes removed, split into simple commands at `&&`, `||`,
 * `;`, `|`, `&` and newlines. Every character of a word keeps the file offset it came from, so a word
 * inside `sh -c "uvicorn app:app --port 8000"` still points at `8000` in the Dockerfile.
 */
import type { DockerToken } from './dockerfile.js';

/** Text with the file offset of each character (`offsets.length === text.length + 1`; the last is the end). */
export interface MappedText {
  text: string;
  offsets: number[];
}

export interface ShellWord {
  /** The word as the shell sees it, quotes and escapes removed (`$VAR` expansions left as written). */
  value: string;
  /** File offset of each character of `value`, plus the end. */
  offsets: number[];
  /** From the word's first to its last source character (quotes included). */
  range: [number, number];
  /** Some part of the word was quoted. */
  quoted: boolean;
}

export interface ShellCommand {
  words: ShellWord[];
  range: [number, number];
}

/** A contiguous piece of a file. */
export function mappedSlice(text: string, start: number, end: number): MappedText {
  const offsets: number[] = [];
  for (let i = start; i <= end; i++) offsets.push(i);
  return { text: text.slice(start, end), offsets };
}

/** Dockerfile tokens (whitespace-split, with real ranges) joined by one space: continuation lines disappear. */
export function mappedTokens(tokens: readonly DockerToken[]): MappedText {
  let text = '';
  const offsets: number[] = [];
  tokens.forEach((t, k) => {
    if (k > 0) {
      text += ' ';
      offsets.push(tokens[k - 1].range[1]);
    }
    text += t.value;
    for (let i = 0; i < t.value.length; i++) offsets.push(t.range[0] + i);
  });
  offsets.push(tokens.length ? tokens[tokens.length - 1].range[1] : 0);
  return { text, offsets };
}

/** The word's value as mapped text (to parse `sh -c` strings again with real offsets). */
export function wordText(word: ShellWord): MappedText {
  return { text: word.value, offsets: word.offsets };
}

/** File range of `value[from, to)` of a word or mapped text. */
export function subRange(m: { offsets: number[] }, from: number, to: number): [number, number] {
  if (to <= from) return [m.offsets[from], m.offsets[from]];
  return [m.offsets[from], m.offsets[to - 1] + 1];
}

/**
 * The strings of an exec-form JSON array (`["uvicorn", "app:app"]`), each as a word with offsets.
 * Undefined when the text is not an array of strings.
 */
export function execWords(m: MappedText): ShellWord[] | undefined {
  const { text, offsets } = m;
  let i = skipSpace(text, 0);
  if (text[i] !== '[') return undefined;
  i++;
  const words: ShellWord[] = [];
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] === ']' && words.length === 0) return words;
    if (text[i] !== '"') return undefined;
    const start = i;
    i++;
    let value = '';
    const valueOffsets: number[] = [];
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) {
        const next = text[i + 1];
        const decoded = next === 'n' ? '\n' : next === 't' ? '\t' : next === 'u' ? String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16) || 0) : next;
        value += decoded;
        valueOffsets.push(offsets[i]);
        i += next === 'u' ? 6 : 2;
        continue;
      }
      value += text[i];
      valueOffsets.push(offsets[i]);
      i++;
    }
    if (i >= text.length) return undefined;
    valueOffsets.push(offsets[i]);
    i++;
    words.push({ value, offsets: valueOffsets, range: [offsets[start], offsets[i - 1] + 1], quoted: true });
    i = skipSpace(text, i);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') return words;
    return undefined;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '|', '(', ')']);

/** Bounds the work on pathological input (a huge generated script). */
const MAX_SHELL_CHARS = 100_000;

/** Splits shell text into simple commands of words. Never throws; unbalanced quotes run to the end. */
export function shellCommands(m: MappedText): ShellCommand[] {
  const text = m.text.length > MAX_SHELL_CHARS ? m.text.slice(0, MAX_SHELL_CHARS) : m.text;
  const offsets = m.offsets;
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  const flush = () => {
    if (words.length) commands.push({ words, range: [words[0].range[0], words[words.length - 1].range[1]] });
    words = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '(' || c === ')') {
      flush();
      i++;
      continue;
    }
    if (c === '&') {
      // `&&` and a lone `&` end a command; `2>&1`, `&>` are redirections inside a word.
      flush();
      i += text[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    const start = i;
    let value = '';
    const valueOffsets: number[] = [];
    let quoted = false;
    const add = (ch: string, at: number) => {
      value += ch;
      valueOffsets.push(offsets[at]);
    };
    while (i < n) {
      const ch = text[i];
      if (WORD_END.has(ch)) break;
      if (ch === '&' && text[i - 1] !== '>' && text[i + 1] !== '>') break;
      if (ch === "'") {
        quoted = true;
        let j = i + 1;
        while (j < n && text[j] !== "'") add(text[j], j++);
        i = j + 1;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        let j = i + 1;
        while (j < n && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < n && '"\\$`\n'.includes(text[j + 1])) {
            if (text[j + 1] !== '\n') add(text[j + 1], j + 1);
            j += 2;
            continue;
          }
          add(text[j], j);
          j++;
        }
        i = j + 1;
        continue;
      }
      if (ch === '\\') {
        if (i + 1 < n && text[i + 1] !== '\n') add(text[i + 1], i + 1);
        i += 2;
        continue;
      }
      if (ch === '$' && text[i + 1] === '(') {
        // Command substitution: kept whole (its value is unknown to a linter).
        let depth = 0;
        let j = i;
        for (; j < n; j++) {
          if (text[j] === '(') depth++;
          else if (text[j] === ')' && --depth === 0) break;
        }
        for (let k = i; k <= Math.min(j, n - 1); k++) add(text[k], k);
        i = j + 1;
        continue;
      }
      if (ch === '`') {
        const j = text.indexOf('`', i + 1);
        const end = j < 0 ? n - 1 : j;
        for (let k = i; k <= end; k++) add(text[k], k);
        i = end + 1;
        continue;
      }
      add(ch, i);
      i++;
    }
    const last = Math.min(i, n) - 1;
    valueOffsets.push(last >= 0 ? offsets[last] + 1 : offsets[0]);
    words.push({ value, offsets: valueOffsets, range: [offsets[start], offsets[Math.max(start, last)] + 1], quoted });
  }
  flush();
  return commands;
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` with `lookup`. Undefined when a
 * variable is unknown and has no default, or the word holds a command substitution.
 */
export function expandWord(value: string, lookup: (name: string) => string | undefined): string | undefined {
  if (!value.includes('$') && !value.includes('`')) return value;
  if (value.includes('$(') || value.includes('`')) return undefined;
  let unknown = false;
  const out = value.replace(/\$(?:\{([A-Za-z_]\w*)(?:(:?[-=])([^}]*))?\}|([A-Za-z_]\w*))/g, (_m, braced: string, op: string, fallback: string, bare: string) => {
    const name = braced ?? bare;
    const v = lookup(name);
    if (op && (v === undefined || (op.startsWith(':') && v === ''))) return fallback;
    if (v === undefined) {
      unknown = true;
      return '';
    }
    return v;
  });
  return unknown ? undefined : out;
}

/** The program name of a word: `/usr/local/bin/uvicorn` → `uvicorn`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

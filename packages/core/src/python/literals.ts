/**
 * Python literal text → JavaScript values, for the constants rules compare against (`duration=60`,
 * `size="xlarge"`, `os.environ["HF_HOME"] = "/data"`). Works on source text, so the tree is not walked.
 */

const STRING_START = /([rRbBuUfFtT]{0,2})('''|"""|'|")/y;

/**
 * The value of a string literal, or of adjacent literals (`"a" "b"`, also across lines inside
 * parentheses). Undefined for bytes, f-strings with replacement fields, and anything that is not only
 * string literals.
 */
export function parseStringLiteral(source: string, pieces?: { count: number }): string | undefined {
  let out = '';
  let i = 0;
  let any = false;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    // whitespace, line continuations and comments between adjacent literals
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 92) {
      i++;
      continue;
    }
    if (c === 35) {
      while (i < source.length && source.charCodeAt(i) !== 10) i++;
      continue;
    }
    STRING_START.lastIndex = i;
    const m = STRING_START.exec(source);
    if (!m) return undefined;
    const prefix = m[1].toLowerCase();
    const quote = m[2];
    const bodyStart = i + m[0].length;
    const close = findClosingQuote(source, bodyStart, quote, prefix.includes('r'));
    if (close < 0) return undefined;
    const body = source.slice(bodyStart, close);
    if (prefix.includes('b')) return undefined;
    if ((prefix.includes('f') || prefix.includes('t')) && /\{(?!\{)/.test(body.replace(/\{\{/g, ''))) return undefined;
    const value = prefix.includes('r') ? body : decodeEscapes(body);
    if (value === undefined) return undefined;
    out += value;
    any = true;
    if (pieces) pieces.count++;
    i = close + quote.length;
  }
  return any ? out : undefined;
}

function findClosingQuote(source: string, from: number, quote: string, raw: boolean): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      i += 2; // an escaped character, also in raw strings (r"\"" does not end the string)
      continue;
    }
    if (source.startsWith(quote, i)) return i;
    if (quote.length === 1 && ch === '\n' && !raw) return -1;
    i++;
  }
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/**
 * The body of a non-raw string with its escapes decoded; undefined when one is malformed (`"\x4"`, `"\u12"`,
 * `"\U00110000"`): CPython rejects such a literal ("truncated \xXX escape"), tree-sitter does not.
 */
function decodeEscapes(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  let malformed = false;
  const decoded = body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r\n|[\s\S])/g, (whole, esc: string) => {
    if (esc in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[esc];
    if (esc === '\r\n') return '';
    if (/^[xuU]/.test(esc)) {
      const code = esc.length > 1 ? Number.parseInt(esc.slice(1), 16) : Number.NaN;
      if (!(code <= 0x10ffff)) malformed = true;
      return malformed ? '' : String.fromCodePoint(code);
    }
    if (/^[0-7]+$/.test(esc)) return String.fromCharCode(Number.parseInt(esc, 8));
    return whole; // unknown escapes stay as written, as in Python
  });
  return malformed ? undefined : decoded;
}

/** The value of an integer or float literal (`1_000`, `0x10`, `1.5e3`, `-2`); undefined for complex literals. */
export function parseNumberLiteral(source: string): number | undefined {
  const text = source.replace(/[\s_]/g, '');
  if (!/^[+-]?(?:0[xXoObB][0-9a-fA-F]+|\d*(?:\.\d*)?(?:[eE][+-]?\d+)?)$/.test(text) || !/\d/.test(text)) return undefined;
  const sign = text.startsWith('-') ? -1 : 1;
  const unsigned = text.replace(/^[+-]/, '');
  const value = /^0[oO]/.test(unsigned) ? Number.parseInt(unsigned.slice(2), 8) : Number(unsigned);
  return Number.isFinite(value) ? sign * value : undefined;
}

/**
 * Last line of defence for secrets in anything the server sends or logs: the server's own HF token and
 * bearer token, secret values passed to `set_space_secret` during this process, and (once the engine is
 * loaded) every token shape core knows (`redactSecrets`). Tools already avoid echoing secrets; this catches
 * what a Hub error message or a file's text might carry.
 */
export class Redactor {
  private readonly literals = new Set<string>();
  private patterns?: (text: string, extra: readonly string[]) => string;

  constructor(literals: Iterable<string | undefined> = []) {
    for (const value of literals) this.add(value);
  }

  /** Adds a value that must never appear in output (ignores empty and very short values). */
  add(value: string | undefined): void {
    if (value && value.length >= 6) this.literals.add(value);
  }

  /** Switches to core's pattern-based redaction (token shapes) once core is loaded. */
  usePatterns(redactSecrets: (text: string, extra: readonly string[]) => string): void {
    this.patterns = redactSecrets;
  }

  redact(text: string): string {
    const extra = [...this.literals];
    if (this.patterns) return this.patterns(text, extra);
    let out = text;
    for (const value of extra) out = out.split(value).join(`${value.slice(0, value.startsWith('hf_') ? 5 : 4)}********`);
    return out;
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.redactDeep(v);
      return out as T;
    }
    return value;
  }
}

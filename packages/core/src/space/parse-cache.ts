/**
 * Parses of single files kept from one Space to the next. A snapshot carrying a `ParseCache`
 * (`snapshot.parses`) gives every Space built from it the parse of each file whose text is unchanged:
 * the ESLint plugin lints a Space again on each edit of one buffer, and only that file is parsed again.
 * One entry per parse of a path (front matter, Python facts, requirements, packages.txt, Dockerfile,
 * line index); the values are the read-only objects rules see.
 */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; value: unknown }>();

  /** The parse of `text` under `key` (`python:app.py`), computed by `parse` unless the cache holds it. */
  get<T>(key: string, text: string, parse: () => T): T {
    const kept = this.entries.get(key);
    if (kept && kept.text === text) return kept.value as T;
    const value = parse();
    this.entries.set(key, { text, value });
    return value;
  }

  /** How many parses are kept (for tests and memory checks). */
  get size(): number {
    return this.entries.size;
  }
}

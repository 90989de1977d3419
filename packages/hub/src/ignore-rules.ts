/**
 * gitignore semantics (https://git-scm.com/docs/gitignore) for choosing what a deploy uploads: a Space
 * pushed with git never contains ignored files, so an upload must not either. Supported: blank lines and
 * `#` comments, `!` negation (last match wins), trailing `/` (directories only), a `/` at the start or in
 * the middle (anchored to the .gitignore's folder), `*`, `?`, `[…]`, and `**` (leading, trailing, middle),
 * `\` escapes. Nested .gitignore files apply below their folder. As in git, a file inside an ignored
 * folder cannot be re-included: the caller does not descend into ignored folders.
 */
interface IgnorePattern {
  /** Folder (repo-relative, '' = root) of the file the pattern came from. */
  base: string;
  regex: RegExp;
  negated: boolean;
  dirOnly: boolean;
  /** The line as written, for explaining why a path was left out. */
  source: string;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  /** Adds the lines of a .gitignore-style file living in `base` (repo-relative folder, '' for the root). */
  add(lines: string | readonly string[], base = '', label = '.gitignore'): this {
    const list = typeof lines === 'string' ? lines.split(/\r?\n/) : lines;
    for (const raw of list) {
      const pattern = compile(raw, base, label);
      if (pattern) this.patterns.push(pattern);
    }
    return this;
  }

  /** The pattern that decides to leave `path` out, or undefined when it is kept. */
  match(path: string, isDir: boolean): string | undefined {
    let decided: IgnorePattern | undefined;
    for (const p of this.patterns) {
      if (p.dirOnly && !isDir) continue;
      if (p.base && !path.startsWith(`${p.base}/`)) continue;
      const rel = p.base ? path.slice(p.base.length + 1) : path;
      if (p.regex.test(rel)) decided = p;
    }
    return decided && !decided.negated ? decided.source : undefined;
  }

  ignores(path: string, isDir = false): boolean {
    return this.match(path, isDir) !== undefined;
  }

  /** Like `match` for a file path, but also checks each folder above it (a path from a listing, not a walk). */
  matchWithParents(path: string): string | undefined {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const hit = this.match(parts.slice(0, i).join('/'), true);
      if (hit) return hit;
    }
    return this.match(path, false);
  }
}

function compile(raw: string, base: string, label: string): IgnorePattern | undefined {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (!line || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  const dirOnly = line.endsWith('/');
  if (dirOnly) line = line.replace(/\/+$/, '');
  if (!line) return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  let body = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      body += escapeRegex(line[++i]);
    } else if (c === '*') {
      if (line[i + 1] === '*') {
        const atStart = i === 0;
        const slashAfter = line[i + 2] === '/';
        const atEnd = i + 2 === line.length;
        if (atStart && slashAfter) {
          body += '(?:.*/)?';
          i += 2;
        } else if (atEnd && line[i - 1] === '/') {
          body += '.*';
          i += 1;
        } else if (line[i - 1] === '/' && slashAfter) {
          body += '(?:.*/)?';
          i += 2;
        } else {
          body += '[^/]*';
          i += 1;
        }
      } else {
        body += '[^/]*';
      }
    } else if (c === '?') {
      body += '[^/]';
    } else if (c === '[') {
      const close = line.indexOf(']', i + 2);
      if (close === -1) {
        body += '\\[';
      } else {
        const inner = line.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        body += `[${inner}]`;
        i = close;
      }
    } else {
      body += escapeRegex(c);
    }
  }
  // A pattern without a slash matches a name at any depth; a matched folder covers everything inside it.
  const prefix = anchored ? '^' : '^(?:.*/)?';
  return { base, regex: new RegExp(`${prefix}${body}(?:/.*)?$`), negated, dirOnly, source: `${label}: ${raw.trim()}` };
}

function escapeRegex(c: string): string {
  return c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

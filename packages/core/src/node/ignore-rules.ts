import { compileGitignoreLine, globMatches, type GitignorePattern } from '../config/glob.js';

/**
 * gitignore semantics (https://git-scm.com/docs/gitignore) for choosing a Space's files: a Space pushed
 * with git never contains ignored files, so neither a lint nor an upload includes them. Nested .gitignore
 * files apply below their folder; the last matching pattern wins (`!` re-includes). As in git, a file
 * inside an ignored folder cannot be re-included: the walker does not descend into ignored folders.
 * Patterns go through core's linear glob matcher, never a RegExp.
 */
interface IgnorePattern extends GitignorePattern {
  /** Folder (repo-relative, '' = root) of the file the pattern came from. */
  base: string;
  /** The line as written, for explaining why a path was left out. */
  source: string;
}

/**
 * Compiled lines by text: every listing compiles the default excludes and the same .gitignore lines
 * again (the ESLint plugin lists a Space on each refresh). Patterns are immutable, so they are shared;
 * the cache stops growing at a bound, since lines come from the Space being linted.
 */
const COMPILED = new Map<string, GitignorePattern | undefined>();
const MAX_COMPILED = 4096;

function compileCached(raw: string): GitignorePattern | undefined {
  if (COMPILED.has(raw)) return COMPILED.get(raw);
  const pattern = compileGitignoreLine(raw);
  if (COMPILED.size < MAX_COMPILED) COMPILED.set(raw, pattern);
  return pattern;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  /** Adds the lines of a .gitignore-style file living in `base` (repo-relative folder, '' for the root). */
  add(lines: string | readonly string[], base = '', label = '.gitignore'): this {
    const list = typeof lines === 'string' ? lines.split(/\r?\n/) : lines;
    for (const raw of list) {
      const pattern = compileCached(raw);
      if (pattern) this.patterns.push({ ...pattern, base, source: `${label}: ${raw.trim()}` });
    }
    return this;
  }

  /** The pattern that decides to leave `path` out, or undefined when it is kept. */
  match(path: string, isDir: boolean): string | undefined {
    // The last matching pattern decides: scan from the end and stop at the first hit.
    for (let i = this.patterns.length - 1; i >= 0; i--) {
      const p = this.patterns[i];
      if (p.dirOnly && !isDir) continue;
      if (p.base && !path.startsWith(`${p.base}/`)) continue;
      const rel = p.base ? path.slice(p.base.length + 1) : path;
      if (globMatches(p.glob, rel)) return p.negated ? undefined : p.source;
    }
    return undefined;
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

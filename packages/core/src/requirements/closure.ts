import type { RequirementLine } from '../parse/requirements.js';
import type { Space } from '../space/space.js';

/** One requirement as pip sees it after following `-r` and `-c` lines. */
export interface ResolvedRequirement {
  /** The file that holds the line (requirements.txt or a file it includes). */
  path: string;
  line: RequirementLine;
  /** `constraint` for lines read through `-c`: they restrict versions without installing. */
  role: 'requirement' | 'constraint';
}

/**
 * Every requirement pip reads for `pip install -r <root>`: the file's own lines, then `-r` includes and
 * `-c` constraint files found in the Space (paths relative to the including file, as pip resolves them).
 * URLs and files outside the Space are skipped; include cycles are followed once. Read it through
 * `space.requirementsClosure(root)`, which computes it once per Space.
 */
export function computeRequirementsClosure(space: Space, root: string): ResolvedRequirement[] {
  const out: ResolvedRequirement[] = [];
  const seen = new Set<string>();
  const visit = (path: string, role: ResolvedRequirement['role']) => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = space.requirements(path);
    if (!file) return;
    for (const line of file.lines) {
      if ((line.kind === 'include' || line.kind === 'constraint') && line.target) {
        const target = resolveIncludedPath(path, line.target);
        if (target) visit(target, line.kind === 'constraint' ? 'constraint' : role);
        continue;
      }
      out.push({ path, line, role });
    }
  };
  visit(root, 'requirement');
  return out;
}

/** `-r ../x.txt` from `deps/base.txt` → `x.txt`; undefined for URLs and paths that leave the Space. */
export function resolveIncludedPath(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) || target.startsWith('/')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.replace(/\\/g, '/').split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(piece);
  }
  return parts.join('/');
}

/** Offsets that delete a requirement's whole line(s), including the line break. */
export function requirementLineDeletion(space: Space, path: string, line: RequirementLine): [number, number] {
  const lines = space.lines(path)!;
  const start = lines.offsetAt(line.line);
  const endLine = lines.positionAt(line.range[1]).line;
  const end = endLine < lines.lineCount ? lines.offsetAt(endLine + 1) : lines.text.length;
  return [start, end];
}

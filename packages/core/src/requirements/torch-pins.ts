import type { RequirementLine } from '../parse/requirements.js';
import type { Space } from '../space/space.js';

/** The `torch` minor a requirement pins exactly (`==2.4.0`, `==2.4.*`, `==2.4.0+cu121`), e.g. `{ major: 2, minor: 4 }`. */
export function exactMinor(line: RequirementLine): { major: number; minor: number } | undefined {
  const m = /^===?(\d+)\.(\d+)(?:\.(?:\d+|\*))?(?:\.post\d+)?(?:\+[\w.]+)?$/.exec(line.specifier ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** The first requirement line of requirements.txt (with its includes) that names `name` (PEP 503). */
export function requirementNamed(space: Space, name: string): { path: string; line: RequirementLine } | undefined {
  const found = space.requirementsClosure().find((r) => r.role === 'requirement' && r.line.normalizedName === name);
  return found ? { path: found.path, line: found.line } : undefined;
}

/**
 * PEP 440 versions and specifiers as pip evaluates them, on top of `@renovatebot/pep440`. Rules compare
 * requirement pins with the versions the Space builder installs (`gradio[oauth,mcp]==<sdk_version>`).
 */
import { explain, satisfies, valid, validRange } from '@renovatebot/pep440';
import { parse as parseSpecifier } from '@renovatebot/pep440/lib/specifier.js';

/** True when `version` is a valid PEP 440 version (`5.49.1`, `6.0.0b1`, `5`). */
export function isPep440Version(version: string): boolean {
  return valid(version) !== null;
}

/** True when `specifier` is a valid PEP 440 specifier set (`>=4,<5`, `==5.*`, `~=5.0`). */
export function isPep440Specifier(specifier: string): boolean {
  return specifier === '' || validRange(specifier);
}

/**
 * Whether `version` satisfies `specifier`; undefined when either does not parse. An explicitly named
 * version is always allowed to be a pre-release: pip's resolver accepts a pre-release that another
 * requirement pins exactly (`gradio==6.0.0b1` from the builder), so `>=5` does not exclude it.
 */
export function specifierAllows(specifier: string, version: string): boolean | undefined {
  if (!isPep440Version(version)) return undefined;
  if (specifier === '') return true;
  if (!validRange(specifier)) return undefined;
  return satisfies(version, specifier, { prereleases: true });
}

/**
 * Whether some version satisfies both specifier sets; undefined when one does not parse. The allowed
 * versions of a specifier set form intervals bounded by the versions it names, so testing each named
 * version and its neighbours at every release segment finds a common version when there is one.
 */
export function specifiersIntersect(a: string, b: string): boolean | undefined {
  if (!isPep440Specifier(a) || !isPep440Specifier(b)) return undefined;
  const candidates = new Set<string>(['0', '0.0.1', '999999']);
  for (const spec of [a, b]) {
    if (!spec) continue;
    for (const constraint of parseSpecifier(spec) ?? []) {
      for (const v of neighbours(explain(constraint.version)?.release ?? [])) candidates.add(v);
      candidates.add(constraint.version);
    }
  }
  for (const v of candidates) {
    if (specifierAllows(a, v) && specifierAllows(b, v)) return true;
  }
  return false;
}

/** The release itself and versions just above and below it at each segment (`1.2` → `1.2.1`, `1.3`, `2`, `1.1.999`, `0.999`...). */
function neighbours(release: number[]): string[] {
  if (!release.length) return [];
  const out = [release.join('.'), [...release, 1].join('.'), [...release, 0, 1].join('.')];
  for (let i = 0; i < release.length; i++) {
    const head = release.slice(0, i);
    out.push([...head, release[i] + 1].join('.'));
    if (release[i] > 0) out.push([...head, release[i] - 1, 999].join('.'), [...head, release[i] - 1].join('.'));
  }
  const last = release.length - 1;
  if (release[last] > 0) out.push([...release.slice(0, last), release[last] - 1].join('.'));
  return out;
}

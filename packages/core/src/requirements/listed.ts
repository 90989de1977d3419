import { evaluateMarker, type MarkerEnvironment } from '../parse/markers.js';
import { normalizePackageName } from '../parse/requirements.js';
import type { Space } from '../space/space.js';

/** What a Space's requirement files make pip install, as far as names can be read. */
export interface ListedDistributions {
  /** PEP 503 names: named requirements, `name @ url`, `#egg=name`, and wheel/sdist file names in URLs. */
  names: Set<string>;
  /** Lowercased URLs and paths of requirements without a readable name (`git+https://…/CLIP.git`, `-e .`). */
  unnamed: string[];
  /** Requirements with extras (`transformers[sentencepiece]`): what the extras add is not known. */
  withExtras: string[];
  /** A requirement file that exists but could not be read (encoding, size): nothing is known. */
  unreadable: boolean;
}

/** Wheel or sdist file name at the end of a URL: `flash_attn-2.8.3+cu12…-cp310-….whl` → `flash_attn`. */
const ARCHIVE = /\/([A-Za-z0-9][A-Za-z0-9_.]*?)-\d[^/]*\.(?:whl|tar\.gz|zip|tar\.bz2)$/;

/**
 * The distributions that `files` (each with its -r/-c closure; constraints install nothing) list for
 * the builder's Linux environment: lines whose marker is false there are left out.
 */
export function listedDistributions(space: Space, files: string[], env: MarkerEnvironment): ListedDistributions {
  const names = new Set<string>();
  const unnamed: string[] = [];
  const withExtras: string[] = [];
  let unreadable = false;
  for (const file of files) {
    if (space.has(file) && space.text(file) === undefined) unreadable = true;
    for (const { line, role } of space.requirementsClosure(file)) {
      if (role !== 'requirement') continue;
      if (line.marker && evaluateMarker(line.marker, env) === false) continue;
      if (line.kind === 'requirement' || line.kind === 'url') {
        const fromUrl = line.url ? ARCHIVE.exec(line.url.split(/[?#]/)[0])?.[1] : undefined;
        const name = line.normalizedName ?? (fromUrl ? normalizePackageName(fromUrl) : undefined);
        if (name) names.add(name);
        else if (line.url) unnamed.push(line.url.toLowerCase());
        if (name && line.extras?.length) {
          withExtras.push(name);
          // Extras are often named after the package they add (`transformers[sentencepiece]`, `[torch]`).
          for (const extra of line.extras) names.add(normalizePackageName(extra));
        }
      } else if (line.kind === 'invalid') {
        // A line pip may still read (`torch==2.1.0 --index-url …`): its leading name counts as listed.
        const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line.raw)?.[1];
        if (name) names.add(normalizePackageName(name));
      }
    }
  }
  return { names, unnamed, withExtras, unreadable };
}

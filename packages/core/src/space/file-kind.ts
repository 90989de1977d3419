import { CONFIG_FILES } from '../config/config.js';

/**
 * What a Space file is, from its repo-relative path alone: the one answer every part of spacelint uses
 * (which parser reads it, whether it takes `# spacelint-...` directives, what `parse-error` checks, which
 * ESLint language lints it).
 *
 * - `readme`: the Space's `README.md` (its front matter is the Space config); a README.md in a folder is `other`.
 * - `python`: any `*.py` file.
 * - `requirements`: `requirements*.txt` and `pre-requirements*.txt` in any folder (pip reads them through `-r`).
 * - `packages-txt`: the root `packages.txt` (apt packages).
 * - `dockerfile`: a file named `Dockerfile` (the root one is what the Hub builds).
 * - `dockerfile-variant`: `Dockerfile.dev`, `Dockerfile-gpu`, ...: Dockerfile syntax (comments take
 *   directives), but not built by the Hub, so not parsed for errors.
 * - `config`: spacelint's own config file at the root (`.spacelint.yaml`).
 * - `other`: anything else (rules may still read it as text).
 */
export type FileKind = 'readme' | 'python' | 'requirements' | 'packages-txt' | 'dockerfile' | 'dockerfile-variant' | 'config' | 'other';

const REQUIREMENTS = /^(?:pre-)?requirements[^/]*\.txt$/;

export function fileKind(path: string): FileKind {
  const slash = path.lastIndexOf('/');
  const name = slash < 0 ? path : path.slice(slash + 1);
  if (path.endsWith('.py')) return 'python';
  if (slash < 0) {
    if (name === 'README.md') return 'readme';
    if (name === 'packages.txt') return 'packages-txt';
    if (CONFIG_FILES.includes(name)) return 'config';
  }
  if (REQUIREMENTS.test(name)) return 'requirements';
  if (name === 'Dockerfile') return 'dockerfile';
  if (name.startsWith('Dockerfile')) return 'dockerfile-variant';
  return 'other';
}

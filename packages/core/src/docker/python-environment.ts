import type { Space } from '../space/space.js';

/** Base images that come without Python packages of their own (pip then installs exactly what is asked). */
const BARE_IMAGES = /^(?:(?:docker\.io\/)?(?:library\/)?(?:python|ubuntu|debian)|(?:docker\.io\/)?nvidia\/cuda)(?::|@|$)/i;
/** Commands that install Python packages. */
const INSTALLERS = /\b(?:pip3?|uv|conda|mamba|micromamba|poetry|pipenv|pdm|easy_install)\b|setup\.py|python3?-[a-z]/;

/**
 * How a Docker Space's Python environment is made, as far as the Dockerfile shows: `requirementsOnly`
 * when the final stage starts from a bare image (python, ubuntu, debian, nvidia/cuda) and its only
 * package installs (RUN, and CMD/ENTRYPOINT at start) are `pip install -r requirements.txt` (and upgrades
 * of pip itself), with no shell script that could install more; `pythonMinor`
 * from a `python:3.X` image tag.
 */
export function dockerPythonEnvironment(space: Space): { requirementsOnly: boolean; pythonMinor?: number } {
  return space.memo('docker-python-environment', () => {
    const instructions = space.docker.instructions;
    const from = [...instructions].reverse().find((i) => i.keyword === 'FROM');
    const image = from?.args.trim().split(/\s+/)[0] ?? '';
    const minor = /^(?:docker\.io\/)?(?:library\/)?python:3\.(\d+)/i.exec(image)?.[1];
    const pythonMinor = minor ? Number(minor) : undefined;
    if (!from || !BARE_IMAGES.test(image) || space.docker.use('requirements.txt') !== 'installs') return { requirementsOnly: false, pythonMinor };
    for (const inst of instructions) {
      if (inst.keyword !== 'RUN' && inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue;
      const args = inst.exec ? inst.exec.join(' ') : inst.args;
      // A script may install anything: spacelint does not follow it here.
      if (/(?:^|[\s/])[\w.-]+\.sh\b/.test(args)) return { requirementsOnly: false, pythonMinor };
      for (const command of args.split(/&&|\|\||;/)) {
        if (!INSTALLERS.test(command)) continue;
        const apt = /\bapt(?:-get)?\s+install\s+(.*)$/.exec(command.trim());
        if (apt) {
          // Debian's python3-* packages go to the system Python; only the interpreter and pip are neutral.
          if (apt[1].split(/\s+/).some((p) => /^python3?-/.test(p) && !/^python3?-(?:pip|venv|dev|distutils|setuptools|full)$/.test(p))) return { requirementsOnly: false, pythonMinor };
          continue;
        }
        if (!onlyRequirementsFile(command)) return { requirementsOnly: false, pythonMinor };
      }
    }
    return { requirementsOnly: true, pythonMinor };
  });
}

/** `pip install [-U] -r requirements.txt` or an upgrade of pip/setuptools/wheel: nothing else gets installed. */
function onlyRequirementsFile(command: string): boolean {
  const args = /\bpip3?\s+install\s+(.*)$/.exec(command.trim())?.[1];
  if (args === undefined) return false;
  const words = args.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '-r' || word === '--requirement' || word === '-c' || word === '--constraint') {
      i++;
      continue;
    }
    if (/^--?(?:r|requirement)=?\S*requirements/.test(word)) continue;
    if (word === '-e' || word.startsWith('--editable')) return false;
    if (word.startsWith('-')) continue;
    if (!['pip', 'setuptools', 'wheel'].includes(word.replace(/[<>=~!].*$/, ''))) return false;
  }
  return true;
}

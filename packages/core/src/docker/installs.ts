import type { DockerInstruction } from '../parse/dockerfile.js';
import type { Space } from '../space/space.js';
import { trimEndWhere } from '../text.js';

export type DockerfileUse = 'installs' | 'copies' | 'none';

/**
 * How a Docker Space's Dockerfile uses a dependency file of the repo root (requirements.txt,
 * pre-requirements.txt, packages.txt): `installs` when an instruction other than COPY/ADD names it (or
 * the name it was copied to, or a repo script that names it), e.g. `RUN pip install -r requirements.txt`,
 * `RUN --mount=source=packages.txt ...`, `CMD pip install -r requirements.txt && python app.py`;
 * `copies` when it is only copied; `none` otherwise. Docker builds never install these files on their own.
 */
export function computeDockerfileUse(space: Space, file: string): DockerfileUse {
  const docker = space.dockerfile();
  if (!docker) return 'none';
  const names = new Set([file]);
  let copied = false;
  for (const inst of docker.instructions) {
    const copy = copyOf(inst, file);
    if (!copy) continue;
    copied = true;
    if (copy.renamedTo) names.add(copy.renamedTo);
  }
  const mentions = (text: string) => [...names].some((n) => new RegExp(`(^|[^\\w.-])${escapeRegExp(n)}($|[^\\w.-])`).test(text));
  for (const inst of docker.instructions) {
    if (inst.keyword === 'COPY' || inst.keyword === 'ADD') continue;
    const text = `${inst.flags.map((f) => `--${f.name}=${f.value ?? ''}`).join(' ')} ${inst.args}`;
    if (mentions(text)) return 'installs';
    // `RUN ./install.sh` / `RUN bash scripts/setup.sh`: look into repo scripts the instruction runs.
    // Word by word, not one regex over the text: `[\w./-]+\.sh` backtracks quadratically on a long word.
    for (const word of text.split(/\s+/)) {
      const script = trimEndWhere(word.replace(/^[^\w./-]+/, ''), /[^\w./-]/);
      if (!script.endsWith('.sh')) continue;
      const body = space.text(script.replace(/^\.?\//, '').replace(/^(?:\/home\/user\/app|\/app|\/code)\//, ''));
      if (body !== undefined && mentions(body)) return 'installs';
    }
  }
  return copied ? 'copies' : 'none';
}

/**
 * Whether a COPY/ADD instruction copies `file` of the build context: named (`COPY requirements.txt .`)
 * or with the whole folder (`COPY . .`, `COPY * ./`). `renamedTo` is the new base name when it is copied
 * to a file path (`COPY requirements.txt /tmp/reqs.txt`).
 */
export function copyOf(inst: DockerInstruction, file: string): { renamedTo?: string } | undefined {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return undefined;
  if (inst.flags.some((f) => f.name === 'from')) return undefined; // from another stage, not the repo
  const parts = inst.exec ?? inst.tokens.map((t) => t.value);
  if (parts.length < 2) return undefined;
  const sources = parts.slice(0, -1).map((s) => s.replace(/^\.\//, ''));
  const dest = parts[parts.length - 1];
  const named = sources.includes(file);
  const wholeDir = sources.some((s) => s === '.' || s === '*' || s === './' || s === '*.txt');
  if (!named && !wholeDir) return undefined;
  const renamed = named && sources.length === 1 && !dest.endsWith('/') && dest !== '.' ? dest.split('/').pop() : undefined;
  return renamed && renamed !== file ? { renamedTo: renamed } : {};
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { closestMatch } from '../reference/closest-match.js';
import { COLORS, HARDWARE, ZEROGPU } from '../reference/spaces.js';
import { SECRET_PATTERNS } from '../security/redact.js';
import { dockerfile } from './dockerfile.js';
import { KIND_EMOJI, KIND_LABELS, parseInputs, type InputSpec } from './inputs.js';
import { pythonApp } from './python-app.js';
import { staticSite } from './static-site.js';

/**
 * Templates for new Spaces that follow the Spaces rules (../shared/spec/spaces-rules.md) and lint clean.
 * Shared by `spacelint init` and the MCP tool `scaffold_space`. Nothing here writes files.
 */

/** Versions written into new Spaces, with where they come from. */
export const SCAFFOLD_VERSIONS = {
  /** gradio-app/gradio at 375335e60e2b (2026-08-22), the version the spec was read at. */
  gradio: '6.25.0',
  /** Python of new Gradio Spaces: 3.12 is one of the two ZeroGPU versions (hub-docs spaces-zerogpu.md). */
  python: '3.12',
};

export type ScaffoldSdk = 'gradio' | 'docker' | 'static';

export interface ScaffoldAnswers {
  sdk: ScaffoldSdk;
  title: string;
  /** A Space hardware flavor (`zero-a10g` is ZeroGPU). */
  hardware?: string;
  /** Run on ZeroGPU (same as `hardware: zero-a10g`). */
  zerogpu?: boolean;
  /** What the Space takes, in words: "PDF up to 50 pages", "an image and a prompt". */
  inputs?: string;
  /** Names of the secrets the app needs (never their values). */
  secrets?: string[];
  /** Keep data and the Hugging Face cache on a /data volume. */
  persistentData?: boolean;
}

export interface ScaffoldResult {
  /** Repo-relative path → text. */
  files: Record<string, string>;
  /** What the person still has to do (secrets, hardware, volume), in order. */
  notes: string[];
}

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_TITLE = 80;
const MAX_SHORT_DESCRIPTION = 60;

/**
 * The Streamlit SDK is deprecated (config-invalid-value says the same of `sdk: streamlit`): a new Streamlit
 * app is a Docker Space made from the Hub's Streamlit template, which these templates do not write.
 */
const STREAMLIT_MOVED =
  'the Streamlit SDK is deprecated on Spaces (https://huggingface.co/docs/hub/spaces-changelog, 2025-04-30): a Streamlit app runs as a Docker Space. ' +
  'Create it at https://huggingface.co/new-space with the Docker SDK and its Streamlit template (it runs `streamlit run` and sets `app_port: 8501`), ' +
  'then lint the clone with spacelint; or use sdk gradio, docker (a Gradio app in Docker) or static here';

/** Checks the answers and returns the files of the new Space. Throws ScaffoldError with a clear message. */
export function scaffoldSpace(answers: ScaffoldAnswers): ScaffoldResult {
  const sdk = answers.sdk;
  if ((sdk as string) === 'streamlit') throw new ScaffoldError(STREAMLIT_MOVED);
  if (!['gradio', 'docker', 'static'].includes(sdk)) throw new ScaffoldError(`sdk must be gradio, docker or static (got ${JSON.stringify(sdk)})`);
  const title = (answers.title ?? '').trim();
  if (!title) throw new ScaffoldError('title must not be empty');
  if (/[\r\n]/.test(title)) throw new ScaffoldError('title must be one line');
  if (title.length > MAX_TITLE) throw new ScaffoldError(`title must be at most ${MAX_TITLE} characters (got ${title.length})`);

  const hardware = answers.hardware?.trim() || undefined;
  if (hardware && !HARDWARE.current.includes(hardware)) {
    const best = closestMatch(hardware, HARDWARE.current, '-');
    throw new ScaffoldError(`hardware \`${hardware}\` is not a Space hardware flavor${best ? ` (did you mean \`${best.match}\`?)` : ''}; flavors: ${HARDWARE.current.join(', ')}`);
  }
  if (answers.zerogpu && hardware && hardware !== HARDWARE.zeroGpu) {
    throw new ScaffoldError(`zerogpu asks for ZeroGPU (\`${HARDWARE.zeroGpu}\`) but hardware is \`${hardware}\`: give one of them`);
  }
  const zeroGpu = answers.zerogpu === true || hardware === HARDWARE.zeroGpu;
  if (zeroGpu && sdk !== 'gradio') {
    throw new ScaffoldError(`ZeroGPU Spaces are exclusively compatible with the Gradio SDK (hub-docs spaces-zerogpu.md): use sdk gradio, or other hardware for a ${sdk} Space`);
  }
  const secrets = [...new Set((answers.secrets ?? []).map((s) => s.trim()).filter(Boolean))];
  for (const name of secrets) {
    if (SECRET_PATTERNS.some(({ pattern }) => new RegExp(pattern.source).test(name))) {
      throw new ScaffoldError('secrets takes secret names only, never their values: that looks like a token. Add the value in the Space settings.');
    }
    if (!SECRET_NAME.test(name)) throw new ScaffoldError(`secret name \`${name}\` must be letters, digits and underscores, not starting with a digit (e.g. OPENAI_API_KEY)`);
  }
  if (sdk === 'static') {
    if (secrets.length) throw new ScaffoldError('static Spaces run no server code, so they cannot read secrets: use sdk gradio or docker');
    if (answers.persistentData) throw new ScaffoldError('static Spaces run no server code, so they cannot keep data: use sdk gradio or docker');
    if (hardware && hardware !== 'cpu-basic') throw new ScaffoldError('static Spaces are served without compute, so they take no hardware: use sdk gradio or docker');
  }

  const inputs = parseInputs(answers.inputs);
  const description = describe(inputs);
  const persistentData = answers.persistentData === true;
  const files: Record<string, string> = {};
  const notes: string[] = [];

  if (sdk === 'static') {
    files['index.html'] = staticSite(title, description, inputs);
  } else {
    const app = pythonApp({
      title,
      description,
      inputs,
      secrets,
      zeroGpuDuration: zeroGpu ? gpuDuration(inputs) : undefined,
      persistentData,
      docker: sdk === 'docker',
    });
    files['app.py'] = app.appPy;
    // The Gradio SDK installs gradio (sdk_version), spaces and huggingface_hub itself: listing them makes
    // the build's pip resolution fail or pins the wrong version (deps-sdk-managed-packages).
    const requirements = sdk === 'docker' ? [`gradio==${SCAFFOLD_VERSIONS.gradio}`, ...app.requirements] : app.requirements;
    files['requirements.txt'] = requirements.length ? requirements.join('\n') + '\n' : '# Python packages the app needs, one per line. gradio, spaces and huggingface_hub come with the Gradio SDK.\n';
    if (sdk === 'docker') {
      files['Dockerfile'] = dockerfile({ apt: app.apt, persistentData, pythonVersion: SCAFFOLD_VERSIONS.python });
    } else if (app.apt.length) {
      files['packages.txt'] = app.apt.join('\n') + '\n';
    }
  }
  files['README.md'] = readme({ title, sdk, zeroGpu, hardware, inputs, description, secrets, persistentData });

  if (secrets.length) {
    notes.push(
      `Add the secret${secrets.length > 1 ? 's' : ''} ${secrets.join(', ')} in the Space settings (or with set_space_secret); the app reads ${secrets.length > 1 ? 'them' : 'it'} from the environment. Never commit the values.`,
    );
  }
  if (zeroGpu || (hardware && hardware !== 'cpu-basic')) {
    notes.push(
      `suggested_hardware does not assign hardware: select ${zeroGpu ? HARDWARE.zeroGpu : hardware} in the Space settings (or with set_space_hardware).${zeroGpu ? ' Hosting ZeroGPU Spaces needs a PRO, Team or Enterprise plan, or a free account with fewer than 2 ZeroGPU Spaces.' : ''}`,
    );
  }
  if (zeroGpu) {
    notes.push(
      `On ZeroGPU, torch is preinstalled: if you pin it, use one of ${ZEROGPU.torch.join(', ')} (as of ${ZEROGPU.asOf}). Load models at module level with .to("cuda") and keep @spaces.GPU(duration=...) close to the real run time.`,
    );
  }
  if (persistentData) {
    notes.push(
      'Attach a Storage Bucket volume at /data in the Space settings (or `hf spaces volumes set <space> -v hf://buckets/<owner>/<bucket>:/data`): without it /data is not persistent. The Hugging Face cache is set to /data/.huggingface; for large model weights prefer `preload_from_hub`, since bucket reads are slower than local disk.',
    );
  }
  if (sdk === 'docker') notes.push('The Dockerfile installs requirements.txt and the system packages itself; the app listens on 0.0.0.0:7860 (app_port).');
  return { files, notes };
}

/** ZeroGPU duration: 60 s (the default) for light inputs, 120 s for video and long documents. */
function gpuDuration(inputs: InputSpec): number {
  if (inputs.kinds.includes('video') || (inputs.limits.maxPages ?? 0) > 100) return 120;
  return 60;
}

function describe(inputs: InputSpec): string {
  const what = inputs.kinds.map((k) => KIND_LABELS[k]);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  const limits: string[] = [];
  if (inputs.limits.maxPages) limits.push(`up to ${inputs.limits.maxPages} pages`);
  if (inputs.limits.maxMegabytes) limits.push(`up to ${inputs.limits.maxMegabytes} MB`);
  if (inputs.limits.maxCharacters) limits.push(`up to ${inputs.limits.maxCharacters} characters`);
  if (inputs.limits.maxWords) limits.push(`up to ${inputs.limits.maxWords} words`);
  return `Give it ${/^[aeiou]/i.test(list) ? 'an' : 'a'} ${list}${limits.length ? ` (${limits.join(', ')})` : ''} and get a result.`;
}

/** The thumbnail line: the Hub rejects more than 60 characters (config-value-type). */
function shortDescription(inputs: InputSpec, description: string): string {
  if (description.length <= MAX_SHORT_DESCRIPTION) return description;
  const what = inputs.kinds.map((k) => KIND_LABELS[k]).join(', ');
  const short = `Give it ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} and get a result.`;
  return short.length <= MAX_SHORT_DESCRIPTION ? short : `${short.slice(0, MAX_SHORT_DESCRIPTION - 1).trimEnd()}…`;
}

/** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
const yamlString = (s: string) => JSON.stringify(s);

interface ReadmeOptions {
  title: string;
  sdk: ScaffoldSdk;
  zeroGpu: boolean;
  hardware?: string;
  inputs: InputSpec;
  description: string;
  secrets: string[];
  persistentData: boolean;
}

function readme(o: ReadmeOptions): string {
  const colorIndex = [...o.title].reduce((n, c) => n + c.codePointAt(0)!, 0) % COLORS.length;
  const front = [
    '---',
    `title: ${yamlString(o.title)}`,
    `emoji: ${KIND_EMOJI[o.inputs.kinds[0]]}`,
    `colorFrom: ${COLORS[colorIndex]}`,
    `colorTo: ${COLORS[(colorIndex + 3) % COLORS.length]}`,
    `sdk: ${o.sdk}`,
  ];
  // Versions are quoted: unquoted 3.10 is the YAML float 3.1 (config-python-version, config-value-type).
  if (o.sdk === 'gradio') front.push(`sdk_version: "${SCAFFOLD_VERSIONS.gradio}"`, `python_version: "${SCAFFOLD_VERSIONS.python}"`, 'app_file: app.py');
  if (o.sdk === 'docker') front.push('app_port: 7860');
  if (o.sdk === 'static') front.push('app_file: index.html');
  const suggested = o.zeroGpu ? HARDWARE.zeroGpu : o.hardware && o.hardware !== 'cpu-basic' ? o.hardware : undefined;
  if (suggested) front.push(`suggested_hardware: ${suggested}`);
  front.push(`short_description: ${yamlString(shortDescription(o.inputs, o.description))}`);
  front.push('---');
  const body = ['', `# ${o.title}`, '', o.description, ''];
  if (o.secrets.length) {
    body.push('## Secrets', '', 'Set these in the Space settings (Variables and secrets). Their values never go in this repository.', '');
    for (const s of o.secrets) body.push(`- \`${s}\``);
    body.push('');
  }
  if (o.zeroGpu) body.push('## Hardware', '', 'Runs on ZeroGPU: select ZeroGPU in the Space settings. The GPU is attached only while `process` runs.', '');
  else if (suggested) body.push('## Hardware', '', `Made for \`${suggested}\`: select it in the Space settings.`, '');
  if (o.persistentData) body.push('## Data', '', 'Attach a Storage Bucket volume at `/data` in the Space settings; the app keeps its history and the Hugging Face cache there.', '');
  return front.join('\n') + '\n' + body.join('\n');
}

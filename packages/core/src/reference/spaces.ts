/**
 * Hugging Face Spaces reference data, in one place, each list with the date it was read and its source
 * (../shared/spec/spaces-rules.md §1–§3). Values change often: a `.spacelint.yaml` `reference:` block
 * extends these lists without a new release (see `extendReference`).
 */
export const REFERENCE_AS_OF = '2026-08-22';

export type KeyType = 'string' | 'boolean' | 'integer' | 'string-list' | 'string-or-list' | 'mapping';
export type Sdk = 'gradio' | 'docker' | 'static' | 'streamlit';

export interface KeyInfo {
  type: KeyType;
  /** SDKs the key has an effect for; absent = all. */
  sdks?: Sdk[];
  description: string;
}

/** Every key of hub-docs spaces-config-reference.md (hub-docs@242f4a1eeb86, 2026-08-22). */
export const CONFIG_KEYS: Record<string, KeyInfo> = {
  title: { type: 'string', description: 'Display title for the Space.' },
  emoji: { type: 'string', description: 'Space emoji (emoji-only character allowed).' },
  colorFrom: { type: 'string', description: 'Thumbnail gradient start color.' },
  colorTo: { type: 'string', description: 'Thumbnail gradient end color.' },
  sdk: { type: 'string', description: 'gradio, docker or static.' },
  python_version: { type: 'string', sdks: ['gradio', 'streamlit'], description: 'Any valid Python 3.x or 3.x.x version; default 3.10.' },
  sdk_version: { type: 'string', sdks: ['gradio', 'streamlit'], description: 'The Gradio version to install.' },
  suggested_hardware: { type: 'string', description: 'Hardware suggested to people who duplicate the Space.' },
  suggested_storage: { type: 'string', description: 'Ignored: persistent storage is no longer available.' },
  app_file: { type: 'string', sdks: ['gradio', 'static', 'streamlit'], description: 'Path of the main application file.' },
  app_build_command: { type: 'string', sdks: ['static'], description: 'Static Spaces: command that builds the HTML.' },
  app_port: { type: 'integer', sdks: ['docker'], description: 'Docker Spaces: the port the app listens on; default 7860.' },
  base_path: { type: 'string', sdks: ['gradio', 'docker', 'streamlit'], description: 'Initial URL path to render; starts with /.' },
  fullWidth: { type: 'boolean', description: 'Render the Space full width; default true.' },
  header: { type: 'string', description: 'mini or default.' },
  short_description: { type: 'string', description: 'Shown on the Space thumbnail; at most 60 characters.' },
  models: { type: 'string-list', description: 'Hub model ids the Space uses.' },
  datasets: { type: 'string-list', description: 'Hub dataset ids the Space uses.' },
  tags: { type: 'string-list', description: 'Free tags.' },
  thumbnail: { type: 'string', description: 'URL of a custom social thumbnail.' },
  pinned: { type: 'boolean', description: 'Pin the Space on the owner profile.' },
  hf_oauth: { type: 'boolean', description: 'Enable Sign in with Hugging Face.' },
  hf_oauth_scopes: { type: 'string-list', description: 'Extra OAuth scopes.' },
  hf_oauth_expiration_minutes: { type: 'integer', description: 'OAuth token lifetime; default 480, max 43200.' },
  hf_oauth_authorized_org: { type: 'string-or-list', description: 'Organizations allowed to sign in.' },
  disable_embedding: { type: 'boolean', description: 'Forbid embedding the Space in other sites.' },
  startup_duration_timeout: { type: 'string', description: 'Maximum start-up time, e.g. 1h or 30m; default 30m.' },
  custom_headers: { type: 'mapping', description: 'COEP, COOP and CORP headers (lowercase).' },
  preload_from_hub: { type: 'string-list', description: 'Repos (and files) downloaded into the image at build time.' },
  // Keys Hugging Face tooling knows that the config reference does not list (spec §1.2).
  license: { type: 'string-or-list', description: 'License id (huggingface_hub SpaceCardData).' },
  duplicated_from: { type: 'string', description: 'Id of the Space this one was duplicated from.' },
  metaTitle: { type: 'string', description: 'Page title (huggingface.js ApiSpaceMetadata).' },
  description: { type: 'string', description: 'Description (huggingface.js ApiSpaceMetadata).' },
  // Repo-card metadata the Hub reads on every repo type, Spaces included (hub-docs repositories-licenses.md,
  // model-cards.md "language"; huggingface_hub RepoCard), and the card key Dev Mode reads (huggingface_hub
  // spaces.py `dev-mode-folder`, default /home/user/app).
  license_name: { type: 'string', description: 'Short id of a custom license when `license: other`.' },
  license_link: { type: 'string', description: 'Link to a custom license (a URL or a file of the repo) when `license: other`.' },
  language: { type: 'string-or-list', description: "Language codes (ISO 639-1) of the Space's content." },
  'dev-mode-folder': { type: 'string', description: 'Folder Dev Mode opens in VS Code; default /home/user/app.' },
};

/** Model-card keys people copy into a Space README; they do nothing there (spacelint's judgement). */
export const MODEL_CARD_KEYS = ['library_name', 'pipeline_tag', 'base_model', 'widget', 'inference', 'metrics', 'model-index', 'co2_eq_emissions'];

/** Keys people expect to work but that the Hub does not read, with what to do instead. */
export const MISLEADING_KEYS: Record<string, string> = {
  hardware:
    "the README cannot assign hardware: use `suggested_hardware` (a hint for duplicates) and pick the hardware in the Space settings, or through the Hub API (`hf spaces settings <space> --hardware <flavor>`, or the `set_space_hardware` tool of spacelint's MCP server)",
  gpu: 'the README cannot assign a GPU: use `suggested_hardware` and pick the hardware in the Space settings',
  port: 'the port of a Docker Space is `app_port`',
  secrets: 'secrets never go in the README (it is public): add them in the Space settings (or with `hf spaces secrets add`, or the `set_space_secret` MCP tool)',
  env: 'environment variables are set as Space variables in the settings, not in the README',
  variables: 'Space variables are set in the Space settings or through the Hub API (`hf spaces variables add`, or the `set_space_variable` MCP tool), not in the README',
  storage: 'persistent storage is no longer available; attach a Storage Bucket volume instead',
  python: 'the Python version key is `python_version`',
  private: 'visibility is a setting of the Space, not a README key',
};

export const SDKS = { current: ['gradio', 'docker', 'static'], deprecated: ['streamlit'] };

export const COLORS = ['red', 'yellow', 'green', 'blue', 'indigo', 'purple', 'pink', 'gray'];

export const HEADER_VALUES = ['mini', 'default'];

export const STORAGE_TIERS = ['small', 'medium', 'large'];

/** Space hardware flavors (hub-docs config reference + huggingface_hub SpaceHardware, 2026-08-20). */
export const HARDWARE = {
  // biome-ignore format: a packed word list reads better than one word per line
  current: [
    'cpu-basic', 'cpu-upgrade',
    't4-small', 't4-medium', 'l4x1', 'l4x4', 'l40sx1', 'l40sx4', 'l40sx8',
    'a10g-small', 'a10g-large', 'a10g-largex2', 'a10g-largex4', 'a100-large', 'a100x4', 'a100x8',
    'zero-a10g',
  ],
  /** No longer valid Space flavors (TPU v5e removed 2026-03-20; H100 removed December 2025; sprx8, inf2x6). */
  legacy: ['v5e-1x1', 'v5e-2x2', 'v5e-2x4', 'h100', 'h100x8', 'sprx8', 'inf2x6'],
  /** Jobs-only flavors (moved to JobHardware in huggingface_hub ffc07b64a, 2026-05-27; cpu-xl is a Jobs flavor). */
  jobsOnly: ['cpu-performance', 'cpu-xl', 'h200', 'h200x2', 'h200x4', 'h200x8', 'rtx-pro-6000', 'rtx-pro-6000x2', 'rtx-pro-6000x4', 'rtx-pro-6000x8'],
  zeroGpu: 'zero-a10g',
};

/** custom_headers: allowed keys and values (hub-docs + huggingface.js ApiSpaceMetadata). */
export const CUSTOM_HEADERS: Record<string, string[]> = {
  'cross-origin-embedder-policy': ['unsafe-none', 'require-corp', 'credentialless'],
  'cross-origin-opener-policy': ['same-origin', 'same-origin-allow-popups', 'unsafe-none'],
  'cross-origin-resource-policy': ['same-site', 'same-origin', 'cross-origin'],
};

/** OAuth scopes (hub-docs spaces-oauth.md). `openid` and `profile` are always granted. */
export const OAUTH_SCOPES = {
  always: ['openid', 'profile'],
  // biome-ignore format: a packed word list reads better than one word per line
  optional: [
    'email', 'read-billing', 'read-memberships', 'read-repos', 'gated-repos', 'contribute-repos', 'write-repos',
    'manage-repos', 'read-collections', 'write-collections', 'inference-api', 'read-endpoints', 'write-endpoints',
    'jobs', 'webhooks', 'write-discussions',
  ],
  maxExpirationMinutes: 43200,
};

/** ZeroGPU (hub-docs spaces-zerogpu.md, last changed 2026-07-21). */
export const ZEROGPU = {
  asOf: '2026-07-21',
  torch: ['2.8.0', '2.9.1', '2.10.0', '2.11.0'],
  minTorch: '2.8.0',
  python: ['3.12.12', '3.10.13'],
  minGradioMajor: 4,
  defaultDurationSeconds: 60,
  /** The largest duration seen accepted for calls at start-up (AoT blog); per-call caps depend on the visitor tier. */
  startupMaxDurationSeconds: 1500,
  sizes: ['large', 'xlarge'],
};

export const DEFAULT_PORT = 7860;

export interface Reference {
  configKeys: Record<string, KeyInfo>;
  sdks: { current: string[]; deprecated: string[] };
  colors: string[];
  headerValues: string[];
  storageTiers: string[];
  hardware: { current: string[]; legacy: string[]; jobsOnly: string[]; zeroGpu: string };
  customHeaders: Record<string, string[]>;
  oauthScopes: { always: string[]; optional: string[]; maxExpirationMinutes: number };
  zeroGpu: typeof ZEROGPU;
}

export const DEFAULT_REFERENCE: Reference = {
  configKeys: CONFIG_KEYS,
  sdks: SDKS,
  colors: COLORS,
  headerValues: HEADER_VALUES,
  storageTiers: STORAGE_TIERS,
  hardware: HARDWARE,
  customHeaders: CUSTOM_HEADERS,
  oauthScopes: OAUTH_SCOPES,
  zeroGpu: ZEROGPU,
};

/** What `.spacelint.yaml` `reference:` may add: values released after this version of spacelint. */
export interface ReferenceExtension {
  keys?: string[];
  sdks?: string[];
  hardware?: string[];
  colors?: string[];
  storage?: string[];
  oauth_scopes?: string[];
  zerogpu_torch?: string[];
  zerogpu_python?: string[];
}

export function extendReference(base: Reference, ext: ReferenceExtension | undefined): Reference {
  if (!ext) return base;
  const add = (list: string[], more?: string[]) => (more?.length ? [...new Set([...list, ...more])] : list);
  const keys = { ...base.configKeys };
  for (const k of ext.keys ?? []) if (!Object.hasOwn(keys, k)) Object.defineProperty(keys, k, { value: { type: 'string', description: 'Added by .spacelint.yaml reference.keys.' }, enumerable: true });
  return {
    ...base,
    configKeys: keys,
    sdks: { ...base.sdks, current: add(base.sdks.current, ext.sdks) },
    colors: add(base.colors, ext.colors),
    storageTiers: add(base.storageTiers, ext.storage),
    hardware: {
      ...base.hardware,
      current: add(base.hardware.current, ext.hardware),
      legacy: base.hardware.legacy.filter((h) => !ext.hardware?.includes(h)),
      jobsOnly: base.hardware.jobsOnly.filter((h) => !ext.hardware?.includes(h)),
    },
    oauthScopes: { ...base.oauthScopes, optional: add(base.oauthScopes.optional, ext.oauth_scopes) },
    zeroGpu: { ...base.zeroGpu, torch: add(base.zeroGpu.torch, ext.zerogpu_torch), python: add(base.zeroGpu.python, ext.zerogpu_python) },
  };
}

/**
 * Format limits of README keys (spec §1.2, §1.4; as of 2026-08-22).
 * - `short_description`: 60 characters, Hub-enforced but undocumented (64- and 88-character values were
 *   rejected in public fixes [ISS-SHORTDESC]; huggingface/skills SKILL.md: "server rejects longer").
 * - `python_version`: "Any valid Python 3.x or 3.x.x version. Defaults to 3.10." [HD-CONFIG]
 * - `startup_duration_timeout`: "Defaults to 30 minutes, but any valid duration (like 1h, 30m) is
 *   acceptable." [HD-CONFIG]; the grammar is undocumented, the pattern below is inferred (spec §1.4.3).
 * - `app_port`: a TCP port, default 7860 [HD-CONFIG].
 */
export const CONFIG_LIMITS = {
  shortDescriptionMax: 60,
  defaultPythonVersion: '3.10',
  pythonVersionPattern: '^3\\.\\d+(\\.\\d+)?$',
  startupTimeoutDefaultMinutes: 30,
  startupTimeoutPattern: '^(\\d+(\\.\\d+)?(s|m|h))+$',
  portRange: [1, 65535] as const,
};

/**
 * What the Space builder installs for an SDK in the same `pip install` command as requirements.txt
 * (log-signatures §3.3, builder of 2025–2026 seen in zlin0/wedefense#93 and ScienciaLAB/document-qa#42:
 * `pip install --no-cache-dir -r /tmp/requirements.txt gradio[oauth,mcp]==<sdk_version> "uvicorn>=0.14.0"
 * "websockets>=10.4" spaces`; Streamlit: `streamlit==<sdk_version>`). `dependsOn` are packages the SDK
 * package itself requires (gradio pins `gradio_client` exactly and bounds `huggingface_hub`: gradio's
 * requirements.txt), so listing them again in requirements.txt adds nothing (whether a pin conflicts: gradio-dependencies.ts).
 */
export const SDK_BUILD_PACKAGES: Record<string, { package: string; extras: string[]; alsoInstalled: string[]; dependsOn: string[] }> = {
  gradio: { package: 'gradio', extras: ['oauth', 'mcp'], alsoInstalled: ['spaces'], dependsOn: ['gradio-client', 'huggingface-hub'] },
  streamlit: { package: 'streamlit', extras: [], alsoInstalled: [], dependsOn: [] },
};

/**
 * Debian/Ubuntu packages that no longer exist in current releases, with their replacement.
 * `libgl1-mesa-glx`: "E: Package 'libgl1-mesa-glx' has no installation candidate" on Debian trixie and
 * Ubuntu ≥ 23.10 [ISS-LIBGL]; log-signatures build-apt-no-installation-candidate. As of 2026-08-22.
 */
export const OBSOLETE_APT_PACKAGES: Record<string, { replacement: string; reason: string }> = {
  'libgl1-mesa-glx': { replacement: 'libgl1', reason: 'removed in Debian trixie and Ubuntu 23.10' },
};

/** Python distributions people put in packages.txt that are not Debian packages (spec D2, inferred list). */
// biome-ignore format: a packed word list reads better than one word per line
export const PYPI_ONLY_NAMES = [
  'opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'torch', 'torchvision', 'torchaudio', 'numpy',
  'gradio', 'gradio-client', 'spaces', 'transformers', 'diffusers', 'accelerate', 'huggingface-hub', 'pandas', 'scipy',
  'tensorflow', 'streamlit', 'pillow', 'scikit-learn', 'sentencepiece', 'safetensors', 'onnxruntime', 'xformers',
];

/** apt packages that provide what OpenCV's GUI build loads (`libGL.so.1`) [HD-OPENCV], [ISS-LIBGL]. */
export const OPENCV_SYSTEM_PACKAGES = ['libgl1', 'python3-opencv', 'libgl1-mesa-glx', 'libglx-mesa0'];

/**
 * What a Space has installed before its own requirements count: the SDK and everything it pulls in.
 * deps-missing-import reads this one function.
 */
import { gradioTables, releaseAt } from './gradio-api.js';
import { dependencyClosure } from './python-imports.js';

/**
 * Fallback for versions outside the tables: distributions Gradio requires (its own requirements, the
 * `oauth` and `mcp` extras and gradio_client's), as the union over each major's releases: gradio-app/gradio requirements*.txt at every release tag
 * 3.0–6.25 (as of 2026-08-19). A union keeps the check conservative: a package that any release of the
 * major installs is treated as installed (matplotlib in 3.x/4.x, dropped in 5.0).
 */
const GRADIO_REQUIRES_BY_MAJOR: Record<number, string> = {
  3: 'aiofiles aiohttp altair analytics-python authlib fastapi ffmpy fsspec gradio-client h11 httpx huggingface-hub importlib-resources itsdangerous jinja2 markdown-it-py markupsafe matplotlib mdit-py-plugins numpy orjson packaging pandas paramiko pillow pycryptodome pydantic pydub pygments python-multipart pyyaml requests semantic-version typing-extensions uvicorn websockets',
  4: 'aiofiles altair anyio authlib fastapi ffmpy fsspec gradio-client httpx huggingface-hub importlib-resources itsdangerous jinja2 markupsafe matplotlib numpy orjson packaging pandas pillow pydantic pydub python-multipart pyyaml requests ruff semantic-version tomlkit typer typing-extensions urllib3 uvicorn websockets',
  5: 'aiofiles anyio audioop-lts authlib brotli fastapi ffmpy fsspec gradio-client groovy httpx huggingface-hub itsdangerous jinja2 markupsafe mcp numpy orjson packaging pandas pillow pydantic pydub python-multipart pyyaml ruff safehttpx semantic-version starlette tomlkit typer typing-extensions urllib3 uvicorn websockets',
  6: 'aiofiles anyio audioop-lts authlib brotli fastapi ffmpy fsspec gradio-client groovy hf-gradio httpx huggingface-hub itsdangerous jinja2 markupsafe mcp numpy orjson packaging pandas pillow pydantic pydub python-multipart pytz pyyaml safehttpx semantic-version starlette tomlkit typer typing-extensions uvicorn',
};

/**
 * What the Space builder installs next to requirements.txt for every Gradio Space: `pip install -r
 * requirements.txt gradio[oauth,mcp]==<sdk_version> "uvicorn>=0.14.0" "websockets>=10.4" spaces`
 * (build logs quoted in zlin0/wedefense#93 and ScienciaLAB/document-qa#42), plus pip's own tools.
 */
const GRADIO_BUILDER_EXTRAS = ['gradio', 'uvicorn', 'websockets', 'spaces', 'pip', 'setuptools', 'wheel'];

/**
 * Distributions Gradio `version` requires: the release's own Requires-Dist, its `oauth` and `mcp` extras
 * and its gradio_client's, from the vendored per-release tables (markers ignored: whatever some Python
 * gets counts as installed, the conservative side). A version outside the tables gets its major's union,
 * an unknown version every major's (the widest set).
 */
export function gradioRequires(version: string | undefined): string[] {
  const at = version ? releaseAt(version) : undefined;
  if (at) {
    const { versions, requirements } = gradioTables();
    const release = requirements.releases[versions[at.index]];
    if (release) {
      const indexes = [...release.requires, ...(release.extras?.oauth ?? []), ...(release.extras?.mcp ?? []), ...(release.client ?? [])];
      return [...new Set(indexes.map((i) => requirements.lines[i][1]))];
    }
  }
  const major = version ? Number.parseInt(version, 10) : Number.NaN;
  const table = GRADIO_REQUIRES_BY_MAJOR[major];
  return (table ? [table] : Object.values(GRADIO_REQUIRES_BY_MAJOR)).flatMap((t) => t.split(' '));
}

/**
 * ZeroGPU hardware preinstalls torch (hub-docs spaces-zerogpu.md: leaving torch unpinned is the
 * default); torchvision and torchaudio are not preinstalled (Hugging Face's Spaces skill, requirements.md).
 */
const ZEROGPU_PREINSTALLED = ['torch'];

export interface SdkPreinstalled {
  /** PEP 503 names installed before the Space's own requirements are considered, dependencies included. */
  distributions: ReadonlySet<string>;
  /** For messages: what was assumed (`Gradio 5.49.1`, `Gradio (version unknown)`). */
  assumed: string;
}

const computed = new Map<string, SdkPreinstalled | undefined>();

/** What the SDK (and ZeroGPU) installs for a Space; undefined for SDKs that install nothing (docker, static). Cached per input. */
export function sdkPreinstalled(sdk: string | undefined, gradioVersion: string | undefined, zeroGpu: boolean): SdkPreinstalled | undefined {
  const key = `${sdk}\0${gradioVersion}\0${zeroGpu}`;
  if (!computed.has(key)) {
    if (computed.size > 64) computed.clear();
    computed.set(key, compute(sdk, gradioVersion, zeroGpu));
  }
  return computed.get(key);
}

function compute(sdk: string | undefined, gradioVersion: string | undefined, zeroGpu: boolean): SdkPreinstalled | undefined {
  const roots: string[] = ['pip', 'setuptools', 'wheel'];
  let assumed: string;
  if (sdk === 'gradio') {
    roots.push(...GRADIO_BUILDER_EXTRAS, ...gradioRequires(gradioVersion));
    assumed = gradioVersion ? `Gradio ${gradioVersion}` : 'Gradio (version unknown: every release assumed)';
  } else if (sdk === 'streamlit') {
    roots.push('streamlit');
    assumed = 'Streamlit';
  } else return undefined;
  if (zeroGpu) roots.push(...ZEROGPU_PREINSTALLED);
  return { distributions: dependencyClosure(roots).installed, assumed };
}

import { evaluateMarker, spaceMarkerEnvironment } from '../parse/markers.js';
import { isPep440Version, specifierAllows } from '../parse/pep440.js';
import { SDK_BUILD_PACKAGES } from '../reference/spaces.js';
import type { Space } from '../space/space.js';
import { isPlainScalar, sourceOf } from '../readme/edit.js';
import { entry } from '../readme/front-matter.js';
import { requirementLineDeletion, type ResolvedRequirement } from '../requirements/closure.js';
import { defineRule, type Report, type ReportDescriptor } from './rule.js';

const DISPLAY_NAMES: Record<string, string> = { 'gradio-client': 'gradio_client', 'huggingface-hub': 'huggingface_hub' };

export default defineRule({
  meta: {
    id: 'deps-sdk-managed-packages',
    category: 'dependencies',
    description: 'requirements.txt does not pin gradio, gradio_client, huggingface_hub or spaces against what the Space builder installs.',
    fixable: true,
    hasSuggestions: true,
    messages: {
      conflict: {
        level: 'error',
        text: '`{{req}}` excludes `sdk_version` {{version}}: the Space builder installs requirements.txt in the same pip command as `{{sdkInstall}}`, so the build fails with ResolutionImpossible. Remove this line; the Gradio version comes from `sdk_version`.',
      },
      redundant: {
        level: 'info',
        text: '`{{req}}` is redundant: the Space builder installs {{what}} itself. Remove this line{{advice}}.',
      },
      url: {
        level: 'warning',
        text: '`{{req}}` installs {{name}} from a URL while the builder also installs `{{sdkInstall}}`: pip fails unless the URL builds exactly {{version}}. Use `sdk_version` to choose the version, or make sure they match.',
      },
      spacesPin: {
        level: 'info',
        text: '`{{req}}` pins `spaces`, which the Space builder installs next to Gradio; a pin can conflict with the Gradio it installs. Prefer leaving `spaces` out of requirements.txt.',
      },
    },
    docs: {
      rationale:
        'A Gradio Space gets its Gradio from `sdk_version` (https://huggingface.co/docs/hub/spaces-config-reference, https://huggingface.co/docs/hub/spaces-dependencies). The current builder installs requirements.txt in one pip command together with the SDK packages: `pip install --no-cache-dir -r /tmp/requirements.txt gradio[oauth,mcp]==<sdk_version> "uvicorn>=0.14.0" "websockets>=10.4" spaces` (the command as build logs print it, e.g. https://github.com/zlin0/wedefense/issues/93 and https://github.com/ScienciaLAB/document-qa/issues/42; Streamlit: `streamlit==<sdk_version>`). So a `gradio` requirement whose specifier excludes `sdk_version` cannot be resolved: pip prints `ERROR: Cannot install -r requirements.txt (line N) ... because these package versions have conflicting dependencies` and `ERROR: ResolutionImpossible` (https://github.com/QwenLM/Qwen3-VL/issues/1669: "gradio 5.46.1 depends on huggingface-hub<1.0 and >=0.33.5"). That is an error. Hugging Face\'s own Spaces skill says "Do NOT list gradio, spaces, huggingface_hub" in requirements.txt (https://github.com/huggingface/skills/blob/main/skills/huggingface-spaces/SKILL.md). An older builder installed `gradio[oauth]==3.38.0 … spaces==0.22.0 gradio_client==0.2.10` after requirements.txt, silently replacing a `gradio==4.16.0` pin (https://discuss.huggingface.co/t/space-force-installs-old-gradio/71840).\n\n' +
        'How lines are read: PEP 503 names (`Gradio_Client` = `gradio-client`), any extras (`gradio[oauth]`), specifiers evaluated with PEP 440 (`@renovatebot/pep440`: `>=4,<5`, `~=5.0`, `==5.*`, zero padding `==5.0` = 5.0.0), `-r` includes and `-c` constraint files followed within the Space, and environment markers evaluated for the Linux builder at the README\'s `python_version` (a line whose marker is false, like `; sys_platform == "win32"`, is skipped). A `gradio` line the builder makes redundant (no specifier, or one that allows `sdk_version`, with no extras beyond `oauth`/`mcp`) is an info with an autofix that deletes the line: deleting it cannot change what is installed. Unpinned `gradio_client`, `huggingface_hub` and `spaces` lines are redundant in the same way (gradio depends on the first two; the builder installs `spaces`).\n\n' +
        'Pins of `gradio_client` and `huggingface_hub` are not judged here: `deps-sdk-dependency-conflict` compares them (and every other package) with the Requires-Dist of the exact Gradio release, so a compatible pin (`huggingface_hub==0.25.2` with Gradio 5.8.0, which requires `>=0.25.1`) stays silent and a real conflict is an error there. A pinned `spaces` is only an info: the builder installs it unpinned, so the pin decides the version. A URL install of gradio (`gradio @ https://…/gradio-5.0.0-…whl`) is compared by the version in its wheel name when there is one, otherwise a warning. A `gradio` line with extras beyond `oauth`/`mcp` is kept (it brings more packages) but still checked for conflicts.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "4.44.1"\n---\n' },
        { file: 'requirements.txt', code: 'gradio==5.9.1\nhuggingface_hub>=1.0\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.9.1"\n---\n' },
        { file: 'requirements.txt', code: 'transformers\ntorch\ngradio[pdf]>=5,<6   # an extra the SDK does not install\n' },
      ],
      howToFix: 'Delete gradio, gradio_client, huggingface_hub and spaces from requirements.txt (`--fix` removes the redundant ones) and set the Gradio version with `sdk_version` in README.md.',
    },
  },
  check(space, report) {
    const sdk = space.facts.sdk;
    const build = sdk ? SDK_BUILD_PACKAGES[sdk] : undefined;
    if (!build) return;
    const version = sdkVersion(space);
    const sdkInstall = `${build.package}${build.extras.length ? `[${build.extras.join(',')}]` : ''}==${version ?? '<sdk_version>'}`;
    const pythonVersion = space.config.python_version;
    const env = spaceMarkerEnvironment(typeof pythonVersion === 'string' ? pythonVersion.trim() : undefined);
    for (const req of space.requirementsClosure()) {
      const line = req.line;
      const name = line.normalizedName;
      if (!name || (line.kind !== 'requirement' && line.kind !== 'url')) continue;
      const managed = name === build.package || build.dependsOn.includes(name) || build.alsoInstalled.includes(name);
      if (!managed) continue;
      if (line.marker && evaluateMarker(line.marker, env) === false) continue;
      const ctx: Context = { space, report, req, version, sdkInstall, display: DISPLAY_NAMES[name] ?? name };
      if (name === build.package) checkSdkPackage(ctx, build.extras);
      else checkDependency(ctx, name);
    }
  },
});

interface Context {
  space: Space;
  report: Report;
  req: ResolvedRequirement;
  version?: string;
  sdkInstall: string;
  display: string;
}

/** The README's sdk_version as the builder will use it: the typed text when YAML read a float (`5.10`). */
function sdkVersion(space: Space): string | undefined {
  const e = entry(space, 'sdk_version');
  if (!e?.valueNode) return undefined;
  const text = typeof e.value === 'string' ? e.value.trim() : typeof e.value === 'number' && isPlainScalar(e.valueNode) ? sourceOf(space, e.valueNode) : undefined;
  return text && isPep440Version(text) ? text : undefined;
}

function describe(ctx: Context, messageId: string, data: Record<string, string> = {}): ReportDescriptor {
  const { req } = ctx;
  const raw = req.line.raw.length > 80 ? `${req.line.raw.slice(0, 77)}...` : req.line.raw;
  return {
    messageId,
    data: { req: raw, version: ctx.version ?? '', sdkInstall: ctx.sdkInstall, name: ctx.display, ...data },
    file: req.path,
    range: req.line.range,
  };
}

function deletion(ctx: Context) {
  return { range: requirementLineDeletion(ctx.space, ctx.req.path, ctx.req.line), text: '' };
}

function removeSuggestion(ctx: Context) {
  return [{ desc: `Remove \`${ctx.req.line.raw.slice(0, 60)}\``, fix: deletion(ctx) }];
}

function checkSdkPackage(ctx: Context, sdkExtras: string[]): void {
  const { req, version } = ctx;
  const line = req.line;
  const extraExtras = (line.extras ?? []).filter((x) => !sdkExtras.includes(x.toLowerCase()));
  if (line.url) {
    if (!version) return;
    const built = new RegExp(`(?:^|/)${ctx.display}-([0-9][^-/]*)-[^/]*\\.whl$`, 'i').exec(line.url.split(/[?#]/)[0])?.[1];
    if (built === undefined) ctx.report({ ...describe(ctx, 'url'), suggestions: removeSuggestion(ctx) });
    else if (specifierAllows(`==${built}`, version) === false) ctx.report({ ...describe(ctx, 'conflict'), suggestions: removeSuggestion(ctx) });
    return;
  }
  const spec = line.specifier ?? '';
  if (spec && !version) return; // no version to compare with: config-missing-required reports the missing sdk_version
  const allows = spec ? specifierAllows(spec, version!) : true;
  if (allows === undefined) return; // an unreadable specifier is a parse-error
  if (!allows) {
    ctx.report({ ...describe(ctx, 'conflict'), suggestions: removeSuggestion(ctx) });
    return;
  }
  if (extraExtras.length) return; // kept for its extra packages
  const what = version ? `\`${ctx.sdkInstall}\` from \`sdk_version\`` : `${ctx.display} at the \`sdk_version\` version`;
  ctx.report({ ...describe(ctx, 'redundant', { what, advice: '; choose the version with `sdk_version`' }), fix: deletion(ctx) });
}

function checkDependency(ctx: Context, name: string): void {
  const { req } = ctx;
  const line = req.line;
  const spec = line.specifier ?? '';
  // Whether a pinned or URL-installed gradio_client / huggingface_hub fits is decided by
  // deps-sdk-dependency-conflict from the exact release's Requires-Dist.
  if (line.url) return;
  if (!spec) {
    if (line.extras?.length || req.role === 'constraint') return; // extras bring more packages; a bare constraint does nothing
    const what = name === 'spaces' ? '`spaces`' : `\`${ctx.display}\` as a dependency of gradio`;
    ctx.report({ ...describe(ctx, 'redundant', { what, advice: '' }), fix: deletion(ctx) });
    return;
  }
  if (name === 'spaces') {
    ctx.report({ ...describe(ctx, 'spacesPin'), suggestions: removeSuggestion(ctx) });
  }
}

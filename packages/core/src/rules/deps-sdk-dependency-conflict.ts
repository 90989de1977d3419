import { evaluateMarker, spaceMarkerEnvironment } from '../parse/markers.js';
import { specifierAllows } from '../parse/pep440.js';
import { GRADIO_DATA_AS_OF, gradioRelease } from '../reference/gradio-api.js';
import { boundsIntersect, GRADIO_RUNTIME_BOUNDS, gradioRequirements, PACKAGE_BOUNDS } from '../reference/gradio-dependencies.js';
import { SDK_BUILD_PACKAGES } from '../reference/spaces.js';
import { requirementLineDeletion } from '../requirements/closure.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'deps-sdk-dependency-conflict',
    category: 'dependencies',
    description: "requirements.txt pins nothing that the Space's Gradio release (with its extras and gradio_client) excludes.",
    hasSuggestions: true,
    messages: {
      conflict: {
        level: 'error',
        text: '`{{req}}` conflicts with Gradio {{version}}: {{via}} requires `{{requires}}`, so pip fails with ResolutionImpossible and the Space never builds. {{advice}}',
      },
      throughPackage: {
        level: 'error',
        text: '`{{req}}` needs {{needs}}, but Gradio {{version}} requires `{{requires}}`: pip fails with ResolutionImpossible and the Space never builds. {{advice}}',
      },
      runtime: {
        level: 'error',
        text: '`{{req}}` allows only {{name}} versions Gradio {{version}} cannot run with ({{requires}}): {{reason}}. {{advice}}',
      },
    },
    docs: {
      rationale:
        'The Space builder installs requirements.txt in the same pip command as `gradio[oauth,mcp]==<sdk_version>` (the command as build logs print it, e.g. https://github.com/zlin0/wedefense/issues/93), so every package Gradio requires must also satisfy the pins of requirements.txt: Gradio pins `gradio_client` exactly and bounds `huggingface_hub`, `starlette`, `pydantic`, `fastapi`, `numpy`, `pillow`, `jinja2`... and those bounds move with each release (`huggingface_hub<1.0` up to 5.47.1, `>=1.2` from 6.18, `>=1.16` from 6.21; `starlette>=1.0.1` from 6.15.2; `pydantic>=2` from 4.0). When a pin excludes every version Gradio accepts, pip stops with ResolutionImpossible (e.g. https://github.com/QwenLM/Qwen3-VL/issues/1669). ' +
        `The bounds come from spacelint's vendored Requires-Dist of every Gradio release (https://github.com/gradio-app/gradio/blob/main/requirements.txt, requirements-oauth.txt, requirements-mcp.txt and client/python/requirements.txt at each release tag, as of ${GRADIO_DATA_AS_OF}), with markers evaluated for the Space's \`python_version\` on Linux. A conflict is reported only when it is proven (PEP 440: no version satisfies both); a pin that leaves a compatible version is silent (\`huggingface_hub==0.25.2\` with Gradio 5.8.0, which requires \`>=0.25.1\`). ` +
        "Two short cited tables add what the Requires-Dist cannot show: popular packages whose own bounds collide with Gradio's (transformers 4.x requires `huggingface_hub<1.0`, transformers 5.x `huggingface_hub>=1.0`: https://github.com/huggingface/transformers/blob/main/src/transformers/dependency_versions_table.py at the v4 and v5 tags), and Gradio releases that install with huggingface_hub 1.x but crash at start (4.x–5.46: `gradio/oauth.py` imports `HfFolder`, https://github.com/Cinnamon/kotaemon/issues/811, https://github.com/huggingface/mcp-course/issues/199). " +
        'The version comes from `sdk_version` (or a `gradio==` pin in the same requirements); when it is unknown or newer than the tables, nothing is proven and the rule is silent. The `gradio` line itself is checked by `deps-sdk-managed-packages`.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "6.18.0"\n---\n' },
        { file: 'requirements.txt', code: 'huggingface_hub==0.36.0\ntransformers==4.57.1\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.8.0"\n---\n' },
        { file: 'requirements.txt', code: 'huggingface_hub==0.25.2\ntransformers==4.46.3\n' },
      ],
      howToFix: 'Remove the pin (Gradio brings a compatible version), loosen it to what Gradio requires, or choose an `sdk_version` whose requirements fit.',
    },
  },
  check(space, report) {
    const release = gradioRelease(space);
    if (!release || release.uncertain || (release.source !== 'sdk_version' && release.source !== 'requirements')) return;
    const closure = space.requirementsClosure();
    if (!closure.length) return;
    const pythonVersion = space.config.python_version;
    const env = spaceMarkerEnvironment(typeof pythonVersion === 'string' ? pythonVersion.trim() : undefined);
    const extras =
      release.source === 'sdk_version' ? SDK_BUILD_PACKAGES.gradio.extras : (closure.find((r) => r.line.normalizedName === 'gradio' && r.line.specifier?.startsWith('=='))?.line.extras ?? []);
    const requirements = gradioRequirements(
      release.version,
      extras.map((e) => e.toLowerCase()),
      env,
    );
    if (!requirements) return;
    const advice = 'Remove the pin or loosen it, or choose an `sdk_version` whose requirements fit.';
    for (const req of closure) {
      const line = req.line;
      const name = line.normalizedName;
      const spec = line.specifier;
      if (line.kind !== 'requirement' || !name || !spec || name === 'gradio') continue;
      if (line.marker && evaluateMarker(line.marker, env) === false) continue;
      const raw = line.raw.length > 80 ? `${line.raw.slice(0, 77)}...` : line.raw;
      const suggestions = [{ desc: `Remove \`${line.raw.slice(0, 60)}\``, fix: { range: requirementLineDeletion(space, req.path, line), text: '' } }];
      const base = { req: raw, version: release.label, advice };
      const direct = requirements.find((r) => r.name === name && r.specifier && boundsIntersect(spec, r.specifier) === false);
      if (direct) {
        report({ messageId: 'conflict', data: { ...base, via: direct.via === 'gradio' ? 'it' : `\`${direct.via}\``, requires: direct.raw }, file: req.path, range: line.range, suggestions });
        continue;
      }
      const bound = PACKAGE_BOUNDS.find((b) => b.package === name && within(spec, b.versions));
      const collides = bound && requirements.find((r) => r.name === bound.requires.package && r.specifier && boundsIntersect(bound.requires.specifier, r.specifier) === false);
      if (bound && collides) {
        report({
          messageId: 'throughPackage',
          data: { ...base, needs: `\`${bound.requires.package.replace(/-/g, '_')}${bound.requires.specifier}\``, requires: collides.raw },
          file: req.path,
          range: line.range,
          suggestions,
        });
        continue;
      }
      for (const runtime of GRADIO_RUNTIME_BOUNDS) {
        if (runtime.package !== name || !specifierAllows(runtime.gradio, release.version)) continue;
        if (boundsIntersect(spec, runtime.specifier) === false) {
          report({ messageId: 'runtime', data: { ...base, name: name.replace(/-/g, '_'), requires: runtime.specifier, reason: runtime.reason }, file: req.path, range: line.range, suggestions });
          break;
        }
      }
    }
  },
});

/** Every version `spec` allows lies within `range` (both PEP 440 specifier sets). */
function within(spec: string, range: string): boolean {
  // Outside `range` = below its lower bound or at/above its upper bound; both written as `>=a,<b` here.
  const [lower, upper] = range.split(',');
  const below = `<${lower.replace(/^>=/, '')}`;
  const above = `>=${upper.replace(/^</, '')}`;
  return boundsIntersect(spec, below) === false && boundsIntersect(spec, above) === false;
}

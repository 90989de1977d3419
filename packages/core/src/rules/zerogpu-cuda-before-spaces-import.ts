import type { Suggestion } from '../diagnostic.js';
import { cudaInitialization } from '../python/cuda.js';
import type { PythonImport, PythonModule } from '../python/module.js';
import { localImportTargets } from '../space/app-modules.js';
import type { Space } from '../space/space.js';
import { defineRule } from './rule.js';

type CudaSite = { path: string; what: string; range: [number, number] };

export default defineRule({
  meta: {
    id: 'zerogpu-cuda-before-spaces-import',
    category: 'zerogpu',
    description: '`import spaces` runs before any module-level code that initializes CUDA.',
    hasSuggestions: true,
    messages: {
      here: {
        level: 'error',
        text: '{{what}} initializes CUDA before `import spaces` (line {{line}}); on ZeroGPU, `spaces` then fails with "CUDA has been initialized before importing the `spaces` package". Import `spaces` first, before torch and any model code.',
      },
      viaImport: {
        level: 'error',
        text: 'Importing `{{module}}` runs {{what}} in `{{file}}`, which initializes CUDA before `import spaces` (line {{line}}); on ZeroGPU, `spaces` then fails with "CUDA has been initialized before importing the `spaces` package". Import `spaces` first.',
      },
    },
    docs: {
      rationale:
        'On ZeroGPU, importing `spaces` after CUDA is initialized raises `RuntimeError("CUDA has been initialized before importing the `spaces` package")` (`spaces/zero/__init__.py` of the `spaces` package, https://pypi.org/project/spaces/); Hugging Face\'s Spaces skill puts it as "`import spaces` MUST come before torch / diffusers / transformers" (https://github.com/huggingface/skills/tree/main/skills/huggingface-spaces). The rule looks, in every file that imports `spaces` at module level (also inside `try:`), at module-level statements before that import, and at local modules imported before it (their module-level code runs at import). CUDA-initializing calls (spacelint\'s judgement of which calls create the CUDA context): `.cuda()`, `.to("cuda")` / `.to(0)` / `.to(torch.device("cuda"))` / `.to(DEVICE)` with a constant `DEVICE = "cuda"`, `torch.cuda.init()` / `current_device()` / `set_device()` / `synchronize()` and other functions that create the context, torch factories with `device="cuda"`, `pipeline(..., device=0|"cuda")`, `from_pretrained(..., device_map="cuda"|"auto")`. `torch.cuda.is_available()` and `import torch` alone do not initialize CUDA and are not reported. Module-level placement on CUDA after `import spaces` is the documented pattern and is not reported. Runs whenever `spaces` is imported, whatever the hardware: the same code fails as soon as the Space moves to ZeroGPU. The suggestion moves `import spaces` to the first import line when it is a statement of its own.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import torch\nmodel = load().to("cuda")\nimport spaces\n\n@spaces.GPU\ndef infer(x):\n    return model(x)\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\nsuggested_hardware: zero-a10g\n---\n' },
        { file: 'app.py', code: 'import spaces\nimport torch\nmodel = load().to("cuda")   # module-level placement is the documented pattern\n\n@spaces.GPU\ndef infer(x):\n    return model(x)\n' },
      ],
      howToFix: 'Put `import spaces` at the top of the app file, before `torch`, `diffusers`, `transformers` and local modules that load models.',
    },
  },
  check(space, report) {
    for (const path of space.pythonPaths) {
      const module = space.python(path);
      if (!module) continue;
      const spacesImport = firstSpacesImport(module);
      if (!spacesImport) continue;
      const lines = space.lines(path)!;
      const line = lines.positionAt(spacesImport.statementRange[0]).line;
      const suggestions = moveImport(space, path, module, spacesImport);
      const local = cudaBefore(path, module, spacesImport.statementIndex);
      if (local) {
        report({ messageId: 'here', data: { what: local.what, line }, file: path, range: local.range, suggestions });
        continue;
      }
      for (const imp of module.imports) {
        if (imp.nested || imp.statementIndex >= spacesImport.statementIndex) continue;
        const site = importedCuda(space, path, imp, new Set([path]));
        if (!site) continue;
        report({
          messageId: 'viaImport',
          data: {
            module: imp.name && imp.module ? `${imp.module}.${imp.name}` : imp.module || imp.name || '',
            what: site.what,
            file: `${site.path}:${space.lines(site.path)!.positionAt(site.range[0]).line}`,
            line,
          },
          file: path,
          range: imp.range,
          suggestions,
        });
        break;
      }
    }
  },
});

function firstSpacesImport(module: PythonModule): PythonImport | undefined {
  return module.imports.find((i) => !i.nested && (i.module === 'spaces' || i.module.startsWith('spaces.')) && i.level === 0);
}

/** The first module-level call before statement `limit` that initializes CUDA. */
function cudaBefore(path: string, module: PythonModule, limit: number): CudaSite | undefined {
  for (const call of module.calls) {
    if (call.statementIndex >= limit) break;
    if (call.function !== undefined) continue;
    const what = cudaInitialization(module, call);
    if (what) return { path, what, range: call.range };
  }
  return undefined;
}

/** CUDA initialized by loading a local module: its own module-level code, or modules it imports first. */
function importedCuda(space: Space, fromPath: string, imp: PythonImport, seen: Set<string>): CudaSite | undefined {
  for (const target of localImportTargets(space, fromPath, imp)) {
    if (seen.has(target)) continue;
    seen.add(target);
    const module = space.python(target);
    if (!module) continue;
    const own = firstSpacesImport(module);
    const limit = own ? own.statementIndex : module.statements.length;
    const site = cudaBefore(target, module, limit);
    if (site) return site;
    for (const inner of module.imports) {
      if (inner.nested || inner.statementIndex >= limit) continue;
      const deeper = importedCuda(space, target, inner, seen);
      if (deeper) return deeper;
    }
  }
  return undefined;
}

/** Moves a stand-alone `import spaces` line above the first import of the file. */
function moveImport(space: Space, path: string, module: PythonModule, imp: PythonImport): Suggestion[] | undefined {
  const text = space.text(path)!;
  const sameStatement = module.imports.filter((i) => i.statementRange[0] === imp.statementRange[0]);
  if (sameStatement.length !== 1 || imp.guarded || imp.alias || imp.name) return undefined;
  const first = module.imports.find((i) => !i.nested && !i.guarded);
  if (!first || first.statementRange[0] >= imp.statementRange[0]) return undefined;
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const from = lineStart(first.statementRange[0]);
  const importLine = lineStart(imp.statementRange[0]);
  if (text.slice(importLine, imp.statementRange[0]).trim()) return undefined; // not alone on its line
  const nl = text.indexOf('\n', imp.statementRange[1]);
  const end = nl < 0 ? text.length : nl + 1;
  if (
    text
      .slice(imp.statementRange[1], nl < 0 ? text.length : nl)
      .replace(/#.*/, '')
      .trim()
  )
    return undefined;
  const line = text.slice(importLine, end);
  const between = text.slice(from, importLine);
  return [{ desc: 'Move `import spaces` to the top of the imports', fix: { range: [from, end], text: `${line.endsWith('\n') ? line : `${line}\n`}${between}` } }];
}

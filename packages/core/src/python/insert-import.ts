import type { Fix } from '../diagnostic.js';
import type { PythonModule } from './module.js';

/** A fix that adds `statement` (e.g. `import spaces`) as a line at `importInsertionOffset`. */
export function insertImportFix(module: PythonModule, text: string, statement: string): Fix {
  const offset = importInsertionOffset(module, text);
  const needsBreak = offset > 0 && text[offset - 1] !== '\n';
  return { range: [offset, offset], text: `${needsBreak ? '\n' : ''}${statement}\n` };
}

/**
 * Where a new top-level import goes: at the start of the line of the first unguarded module-level import,
 * else after the module docstring and `from __future__` imports (which must stay first).
 */
export function importInsertionOffset(module: PythonModule, text: string): number {
  const first = module.imports.find((i) => !i.nested && !i.guarded && i.statementRange[0] === module.statements[i.statementIndex]?.[0]);
  let offset = 0;
  for (const [start, end] of module.statements) {
    const head = text.slice(start, start + 20);
    const isDocstring = offset === 0 && start === module.statements[0][0] && /^[rRuU]?("|')/.test(head);
    const isFuture = /^from\s+__future__\s+import\b/.test(head);
    if (!isDocstring && !isFuture) break;
    offset = lineEnd(text, end);
  }
  if (first && first.statementRange[0] >= offset) return lineStart(text, first.statementRange[0]);
  return offset;
}

function lineStart(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl + 1;
}

/** Offset just after the line break that ends the line holding `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

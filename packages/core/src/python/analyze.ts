import { parsePythonTree } from '../parse/python.js';
import { Extraction } from './extraction.js';
import { buildGpuFacts } from './gpu-facts.js';
import { buildGradioFacts } from './gradio-facts.js';
import type { PythonModule } from './module.js';

/**
 * A Python file's facts (module.ts describes them): the generic extraction, then the GPU facts, then the
 * Gradio facts (handlers need to know which functions are GPU-decorated). The tree is deleted before
 * returning; only plain data survives.
 */
export function analyzePython(path: string, text: string): PythonModule {
  const tree = parsePythonTree(text);
  try {
    const extraction = new Extraction(path, text);
    extraction.run(tree.rootNode);
    const module = extraction.module;
    buildGpuFacts(module);
    buildGradioFacts(module);
    return module;
  } finally {
    tree.delete();
  }
}

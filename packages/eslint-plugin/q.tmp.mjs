import { readFileSync } from 'node:fs';
const core = await import('@spacelint/core');
await core.initParsers();
const py = await import('../core/dist/parse/python.js');
const mod = await import('../core/dist/python/module.js');
const text = readFileSync('/tmp/sl-try/bspace/space/app.py', 'utf8');
console.log('bytes', text.length);
for (let i = 0; i < 50; i++) { const t = py.parsePythonTree(text); t.delete(); mod.analyzePython('app.py', text); }
let t0 = performance.now(); for (let i = 0; i < 200; i++) { const t = py.parsePythonTree(text); t.delete(); } console.log('parse', ((performance.now() - t0) / 200).toFixed(3));
t0 = performance.now(); for (let i = 0; i < 200; i++) mod.analyzePython('app.py', text); console.log('analyze', ((performance.now() - t0) / 200).toFixed(3));
const tree = py.parsePythonTree(text);
const q = py.pythonQuery(`
(import_statement) @import
(import_from_statement) @import
(comment) @comment
(ERROR) @error
(MISSING) @missing
`);
t0 = performance.now(); for (let i = 0; i < 200; i++) q.captures(tree.rootNode); console.log('query', ((performance.now() - t0) / 200).toFixed(3));
const q2 = py.pythonQuery(`(import_statement) @import
(import_from_statement) @import
(comment) @comment`);
t0 = performance.now(); for (let i = 0; i < 200; i++) q2.captures(tree.rootNode); console.log('query w/o error', ((performance.now() - t0) / 200).toFixed(3));
t0 = performance.now(); for (let i = 0; i < 200; i++) tree.rootNode.hasError; console.log('hasError', ((performance.now() - t0) / 200).toFixed(4));

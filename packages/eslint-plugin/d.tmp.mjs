import { readFileSync } from 'node:fs';
const { default: plugin } = await import('./dist/index.js');
const { findingsOf } = await import('./dist/spaces.js');
const path = '/tmp/sl-try/bspace/space/app.py';
const saved = readFileSync(path, 'utf8');
let prev;
for (let i = 0; i < 4; i++) {
  const r = plugin.languages.python.parse({ path, physicalPath: path, body: saved + `# e ${i}\n`, bom: false }, { languageOptions: {} });
  const v = r.view;
  console.log(i, r.ok, !!v.space, prev ? v.space.python('captions.py') === prev.space.python('captions.py') : '-', prev ? v.space.readme === prev.space.readme : '-');
  prev = v;
}

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'security-hardcoded-secret';
// Made-up values of the right shapes (spec X1: `hf_` + 34 letters).
const HF = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh';
const OPENAI = 'sk-proj-Qw3rTy8uIo9pAs2dFg7hJk4lZx6cVb1nM5qW';
const GENERIC = 'a8Fk29Dk3mQz7LpW0xYt';
const GRADIO = readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py');
const space = (files: Record<string, string>) => ({ 'README.md': GRADIO, ...files });

describe(only, () => {
  it('reports an HF token as an error with a masked message and an os.environ suggestion', async () => {
    const app = `import os\nfrom huggingface_hub import login\n\nlogin(token="${HF}")\n`;
    const [d, ...rest] = await lintFiles(space({ 'app.py': app }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', line: 4, column: 14, endColumn: 14 + HF.length, message: expect.stringContaining('Hard-coded Hugging Face token `hf_Ab********`') });
    expect(JSON.stringify(d)).not.toContain(HF.slice(5));
    expect(applyFixes(app, [d.suggestions![0].fix]).output).toContain('login(token=os.environ["HF_TOKEN"])');
  });

  it('adds import os when the file does not import it, and uses the assigned name', async () => {
    const app = `"""Demo."""\nimport gradio as gr\n\nOPENAI_API_KEY = "${OPENAI}"\n`;
    const [d] = await lintFiles(space({ 'app.py': app }), { only });
    expect(d.message).toContain('`os.environ["OPENAI_API_KEY"]`');
    const fixed = applyFixes(app, [d.suggestions![0].fix]).output;
    expect(fixed).toBe('"""Demo."""\nimport os\nimport gradio as gr\n\nOPENAI_API_KEY = os.environ["OPENAI_API_KEY"]\n');
    expect(d.suggestions![0].fix.text).not.toContain(OPENAI.slice(10));
  });

  it('scans every text file: README, notebooks, requirements, .env, shell, JSON', async () => {
    const files = {
      'README.md': `${GRADIO}\nRun with \`HF_TOKEN=${HF}\`.\n`,
      'notebook.ipynb': JSON.stringify({ cells: [{ source: [`api_key = "${GENERIC}"\n`] }] }),
      'requirements.txt': `git+https://alice:${GENERIC}@github.com/org/private-lib.git\n`,
      '.env': `SECRET_KEY=${GENERIC}\n`,
      'run.sh': `export OPENAI_API_KEY=${OPENAI}\n`,
      'config.json': `{"Authorization": "Bearer ${GENERIC}"}\n`,
    };
    const found = await lintFiles(files, { only });
    expect(found.map((d) => [d.file, d.level])).toEqual([
      ['.env', 'warning'],
      ['README.md', 'error'],
      ['config.json', 'warning'],
      ['notebook.ipynb', 'warning'],
      ['requirements.txt', 'warning'],
      ['run.sh', 'error'],
    ]);
    for (const d of found) {
      expect(d.message).not.toContain(GENERIC);
      expect(d.message).not.toContain(HF);
      expect(d.message).not.toContain(OPENAI);
    }
    expect(found.find((d) => d.file === 'requirements.txt')!.message).toContain('URL carries a password (`a8********`)');
  });

  it('stays silent on placeholders, env reads and fake fixtures', async () => {
    const app = [
      'import os',
      'token = os.environ["HF_TOKEN"]',
      'HF_TOKEN = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'api_key = "<your-api-key-goes-here>"',
      'password = "changeme-changeme-123"',
      'OPENAI_API_KEY = "sk-..."',
      'secret = "..."',
      'test_token = "hf_FAKEtokenFAKEtokenFAKEtokenFAKE12"',
      'pad_token = "Qx7Lm2Pz9Rt4Vb8Nc3Kd"',
      'token_env = "HUGGING_FACE_HUB_TOKEN"',
      'model = "meta-llama/Llama-3.1-8B-Instruct"',
      'headers = {"Authorization": f"Bearer {token}"}',
      'db = "postgres://user:password@localhost/db"',
      '',
    ].join('\n');
    expect(await lintFiles(space({ 'app.py': app }), { only })).toEqual([]);
    expect(await lintFiles(space({ 'README.md': `${GRADIO}\nSet \`HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\` as a secret.\n` }), { only })).toEqual([]);
  });

  it('leaves files ignored by .gitignore and Dockerfile ENV/ARG/RUN (security-docker-build-secret) alone', async () => {
    expect(await lintFiles(space({ '.gitignore': '.env\n', '.env': `HF_TOKEN=${HF}\n` }), { only })).toEqual([]);
    const dockerfile = `FROM python:3.12\nENV HF_TOKEN=${HF}\n# token: ${HF}\n`;
    const found = await lintFiles(space({ Dockerfile: dockerfile }), { only });
    expect(found.map((d) => d.line)).toEqual([3]);
  });

  it('redacts secrets that other rules quote in their messages', async () => {
    const found = await lintFiles({ 'README.md': readme(`sdk: gradio\nsuggested_hardware: ${HF}`), 'app.py': 'print(1)\n' });
    const quoting = found.filter((d) => d.ruleId !== only && d.message.includes('hf_Ab********'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const d of found) expect(d.message).not.toContain(HF);
  });

  it('stays fast on a large file (bounded work)', async () => {
    const line = 'x = compute_something(a, b, c)  # just code, with token and key words sprinkled in\n';
    const big = line.repeat(Math.ceil(1_000_000 / line.length)) + `HF = "${HF}"\n`;
    const t0 = performance.now();
    const found = await lintFiles(space({ 'big.py.txt': big }), { only });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found).toHaveLength(1);
  });
});

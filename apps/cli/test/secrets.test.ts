import { describe, expect, it } from 'vitest';
import { parseJson, runCli, tempSpace } from './run-cli.js';

// Made-up secrets of real shapes: none of them may reach the terminal or a JSON consumer.
const HF = 'hf_Qm7RtXw2PkLs9VbNc4ZyHj6GdFa3EuWo8T';
const OPENAI = 'sk-proj-Lp4Xq9Wm2Zr7Tk5Vn8Bc3Hd6Fs1Gj0Ya';
const PASSWORD = 'Vb7Xk2Qm9Lp4Wz8Rt3Nc';
const SECRETS = [HF, OPENAI, PASSWORD];
/** Any 8 characters of a secret's random part would already be a leak. */
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s.slice(-8)) || text.includes(s.slice(5, 13)));

const README = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n# Demo\n';
const APP = [
  'import gradio as gr',
  'from huggingface_hub import login',
  '',
  `login(token="${HF}")`,
  `OPENAI_API_KEY = "${OPENAI}"`,
  `DB_URL = "postgres://app:${PASSWORD}@db.example.com/app"`,
  '',
  'demo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")',
  'demo.queue(max_size=10)',
  `demo.launch(share=True)  # token: ${HF}`,
  '',
].join('\n');

describe('spacelint CLI never prints a secret', () => {
  const dir = tempSpace({ 'README.md': README, 'app.py': APP, 'notes.md': `Deploy with HF_TOKEN=${HF}\n` });

  it('stylish: messages and code frames show masked secrets only', () => {
    const r = runCli([dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('security-hardcoded-secret');
    expect(r.stdout).toContain('hf_Qm********');
    expect(r.stdout).toContain('sk-proj-Lp********');
    expect(r.stdout).toMatch(/> +4 \| login\(token="hf_Qm\*{8}"\)/);
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
  });

  it('json: messages, fixes, suggestions and --fix-dry-run output are redacted', () => {
    const r = runCli(['--format', 'json', dir]);
    const findings = parseJson(r.stdout).flatMap((f) => f.messages);
    expect(findings.filter((m) => m.ruleId === 'security-hardcoded-secret').length).toBeGreaterThanOrEqual(4);
    expect(leaks(r.stdout)).toEqual([]);
    const dry = runCli(['--format', 'json', '--fix-dry-run', dir]);
    const app = parseJson(dry.stdout).find((f) => f.filePath.endsWith('app.py'))!;
    expect(app.output).toContain('demo.launch()'); // the share=True fix was applied...
    expect(leaks(dry.stdout)).toEqual([]); // ...and the output it shows is redacted
  });
});

describe('a secret quoted without its context is still masked', () => {
  // `PASSWORD=` gives the value away as a secret; the value alone (a SARIF snippet of the finding's span,
  // or the part a parse error quotes) has no shape a token pattern knows.
  const dir = tempSpace({
    'README.md': README,
    'app.py': 'import gradio as gr\n\ngr.Interface(fn=lambda x: x, inputs="text", outputs="text").launch()\n',
    'requirements.txt': `gradio\nPASSWORD=${PASSWORD}\n`,
  });

  it('in every format: messages, code frames, SARIF snippets, GitHub annotations', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = runCli(['--format', format, dir]);
      expect(r.status, format).toBe(1);
      expect(r.stdout, format).toContain('parse-error');
      expect(r.stdout, format).toContain('Vb********');
      expect(leaks(r.stdout + r.stderr), format).toEqual([]);
    }
  });

  it('SARIF snippets show the masked value', () => {
    const log = JSON.parse(runCli(['--format', 'sarif', dir]).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { snippet?: { text: string } } } }[] }[] }[] };
    const snippets = log.runs[0].results.filter((r) => r.ruleId.startsWith('parse') || r.ruleId.startsWith('security')).map((r) => [r.ruleId, r.locations[0].physicalLocation.region.snippet?.text]);
    expect(snippets).toEqual([
      ['parse-error', 'PASSWORD=Vb********'],
      ['security-hardcoded-secret', 'Vb********'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../test/lint-files.js';
import { parsePythonTree } from '../parse/python.js';
import { RULES } from '../rules/index.js';
import { parseInputs } from './inputs.js';
import { scaffoldSpace, ScaffoldError, SCAFFOLD_VERSIONS, type ScaffoldAnswers } from './scaffold.js';

const INPUTS = [undefined, 'PDF up to 50 pages', 'an image and a text prompt', 'audio recordings up to 20 MB', 'a video clip', 'a CSV table', 'a question of up to 500 characters'];

/** Every combination of the answers that makes a valid Space. */
function combinations(): ScaffoldAnswers[] {
  const out: ScaffoldAnswers[] = [];
  for (const sdk of ['gradio', 'docker', 'static'] as const) {
    for (const hardware of [undefined, 'cpu-upgrade', 't4-small', 'zero-a10g']) {
      for (const inputs of INPUTS) {
        for (const secrets of [[], ['OPENAI_API_KEY'], ['OPENAI_API_KEY', 'DB_PASSWORD']]) {
          for (const persistentData of [false, true]) {
            if (sdk !== 'gradio' && hardware === 'zero-a10g') continue;
            if (sdk === 'static' && (hardware || secrets.length || persistentData)) continue;
            out.push({ sdk, title: `Demo ${sdk} ${hardware ?? 'cpu'}`, hardware, inputs, secrets, persistentData });
          }
        }
      }
    }
  }
  return out;
}

describe('scaffoldSpace', () => {
  const all = combinations();

  it(`lints clean with every rule core has (${RULES.length} rules), for all ${all.length} combinations`, async () => {
    const failures: string[] = [];
    for (const answers of all) {
      const { files } = scaffoldSpace(answers);
      const diagnostics = await lintFiles(files);
      if (diagnostics.length) failures.push(`${JSON.stringify(answers)}\n  ${diagnostics.map((d) => `${d.file}:${d.line} ${d.level} ${d.ruleId}: ${d.message}`).join('\n  ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('writes Python that tree-sitter parses without errors', async () => {
    await lintFiles({}); // initialises the parsers
    for (const answers of all) {
      const app = scaffoldSpace(answers).files['app.py'];
      if (!app) continue;
      const tree = parsePythonTree(app);
      try {
        expect(tree.rootNode.hasError, `${JSON.stringify(answers)}\n${app}`).toBe(false);
      } finally {
        tree.delete();
      }
    }
  });

  it('returns the files each SDK needs', () => {
    expect(Object.keys(scaffoldSpace({ sdk: 'gradio', title: 'T' }).files).sort()).toEqual(['README.md', 'app.py', 'requirements.txt']);
    expect(Object.keys(scaffoldSpace({ sdk: 'gradio', title: 'T', inputs: 'audio' }).files).sort()).toEqual(['README.md', 'app.py', 'packages.txt', 'requirements.txt']);
    expect(Object.keys(scaffoldSpace({ sdk: 'docker', title: 'T', inputs: 'audio' }).files).sort()).toEqual(['Dockerfile', 'README.md', 'app.py', 'requirements.txt']);
    expect(Object.keys(scaffoldSpace({ sdk: 'static', title: 'T' }).files).sort()).toEqual(['README.md', 'index.html']);
  });

  it('follows the ZeroGPU rules: import spaces before the rest, a decorated handler with a duration, quoted versions', () => {
    const { files } = scaffoldSpace({ sdk: 'gradio', title: 'PDF reader', zerogpu: true, inputs: 'PDF up to 50 pages' });
    const app = files['app.py'];
    const imports = app.split('\n').filter((l) => /^(import|from) /.test(l));
    expect(imports[0]).toMatch(/^import spaces\b/);
    expect(app).toMatch(/@spaces\.GPU\(duration=\d+\)\ndef process\(pdf_path: str\)/);
    expect(app).toContain('MAX_PAGES = 50');
    expect(app).toContain('demo.queue(max_size=20).launch()');
    expect(app).not.toMatch(/share\s*=\s*True/);
    expect(files['README.md']).toContain(`sdk_version: "${SCAFFOLD_VERSIONS.gradio}"`);
    expect(files['README.md']).toMatch(/python_version: "3\.(10|12)"/);
    expect(files['README.md']).toContain('suggested_hardware: zero-a10g');
    // The SDK installs these; listing them breaks the build's resolution (deps-sdk-managed-packages).
    expect(files['requirements.txt']).not.toMatch(/^(gradio|spaces|huggingface_hub)\b/m);
    expect(files['requirements.txt']).toContain('pypdf==');
  });

  it('sets HF_HOME under the /data mount before any import that reads it, when data persists', () => {
    const gradio = scaffoldSpace({ sdk: 'gradio', title: 'T', zerogpu: true, persistentData: true }).files['app.py'];
    const setAt = gradio.indexOf('os.environ.setdefault("HF_HOME", "/data/.huggingface")');
    expect(setAt).toBeGreaterThan(0);
    expect(setAt).toBeLessThan(gradio.indexOf('import spaces'));
    expect(setAt).toBeLessThan(gradio.indexOf('import gradio'));
    const docker = scaffoldSpace({ sdk: 'docker', title: 'T', persistentData: true }).files['Dockerfile'];
    expect(docker).toContain('ENV HF_HOME=/data/.huggingface');
    expect(docker).not.toMatch(/^RUN .*\/data/m); // the volume exists only at run time
  });

  it('writes a Docker Space that runs as user 1000 on 0.0.0.0:7860 and installs its own requirements', () => {
    const { files } = scaffoldSpace({ sdk: 'docker', title: 'T', inputs: 'video' });
    expect(files['README.md']).toContain('app_port: 7860');
    expect(files['Dockerfile']).toMatch(/useradd -m -u 1000 user/);
    expect(files['Dockerfile'].indexOf('USER user')).toBeLessThan(files['Dockerfile'].indexOf('COPY'));
    expect(files['Dockerfile']).toMatch(/COPY --chown=user requirements\.txt/);
    expect(files['Dockerfile']).toMatch(/pip install --no-cache-dir --upgrade -r requirements\.txt/);
    expect(files['Dockerfile']).toContain('ffmpeg');
    expect(files['app.py']).toContain('launch(server_name="0.0.0.0", server_port=7860)');
    expect(files['requirements.txt']).toContain(`gradio==${SCAFFOLD_VERSIONS.gradio}`);
  });

  it('reads secrets from the environment by name and never writes a value', () => {
    const { files, notes } = scaffoldSpace({ sdk: 'gradio', title: 'T', secrets: ['OPENAI_API_KEY', 'OPENAI_API_KEY', ' DB_PASSWORD '] });
    expect(files['app.py']).toContain('SECRETS = {name: os.environ.get(name) for name in ("OPENAI_API_KEY", "DB_PASSWORD")}');
    expect(files['README.md']).toContain('- `OPENAI_API_KEY`');
    expect(notes.join(' ')).toContain('OPENAI_API_KEY, DB_PASSWORD');
  });

  it('quotes titles safely in YAML and Python', async () => {
    const title = 'Say "hi": it\'s #1 \\ ok';
    const { files } = scaffoldSpace({ sdk: 'gradio', title });
    expect(await lintFiles(files)).toEqual([]);
    expect(files['app.py']).toContain(`TITLE = ${JSON.stringify(title)}`);
    expect(files['README.md']).toContain(`title: ${JSON.stringify(title)}`);
  });

  it('refuses answers that cannot make a working Space, with a clear reason', () => {
    const refuse = (answers: ScaffoldAnswers, message: RegExp) => expect(() => scaffoldSpace(answers)).toThrow(message);
    refuse({ sdk: 'docker', title: 'T', zerogpu: true }, /exclusively compatible with the Gradio SDK/);
    refuse({ sdk: 'gradio', title: 'T', hardware: 'a10g_small' }, /did you mean `a10g-small`/);
    refuse({ sdk: 'gradio', title: 'T', hardware: 't4-small', zerogpu: true }, /give one of them/);
    refuse({ sdk: 'gradio', title: 'T', secrets: ['hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'] }, /names only/);
    refuse({ sdk: 'gradio', title: 'T', secrets: ['MY KEY'] }, /letters, digits and underscores/);
    refuse({ sdk: 'static', title: 'T', secrets: ['KEY'] }, /cannot read secrets/);
    refuse({ sdk: 'static', title: 'T', persistentData: true }, /cannot keep data/);
    refuse({ sdk: 'gradio', title: '  ' }, /title must not be empty/);
    refuse({ sdk: 'streamlit' as 'gradio', title: 'T' }, /Streamlit SDK is deprecated.*Docker SDK and its Streamlit template.*app_port: 8501/);
    refuse({ sdk: 'shiny' as 'gradio', title: 'T' }, /gradio, docker or static/);
    expect(() => scaffoldSpace({ sdk: 'docker', title: 'T', zerogpu: true })).toThrow(ScaffoldError);
  });
});

describe('parseInputs', () => {
  it('reads kinds and limits from a description', () => {
    expect(parseInputs('PDF up to 50 pages')).toEqual({ kinds: ['pdf'], limits: { maxPages: 50 }, description: 'PDF up to 50 pages' });
    expect(parseInputs('an image and a text prompt, 10 MB max').kinds).toEqual(['image', 'text']);
    expect(parseInputs('files up to 2 GB').limits.maxMegabytes).toBe(2048);
    expect(parseInputs(undefined)).toEqual({ kinds: ['text'], limits: {}, description: undefined });
    expect(parseInputs('something else entirely').kinds).toEqual(['text']);
  });
});

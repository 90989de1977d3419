import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'docker-bind-localhost';
const DOCKER = readme('sdk: docker');
const space = (dockerfile: string, files: Record<string, string> = {}, front = DOCKER) => ({ 'README.md': front, Dockerfile: dockerfile, ...files });
const PYTHON_CMD = 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n';
const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch()\n';

describe(only, () => {
  it('reports a bare Gradio launch() in a Docker Space, with a suggestion to pass server_name', async () => {
    const [d, ...rest] = await lintFiles(space(PYTHON_CMD, { 'app.py': GRADIO_APP }), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'app.py', line: 4, message: expect.stringContaining('Gradio `launch()` listens on 127.0.0.1') });
    expect(d.message).toContain('ENV GRADIO_SERVER_NAME=0.0.0.0');
    expect(applyFixes(GRADIO_APP, [d.suggestions![0].fix]).output).toContain('demo.launch(server_name="0.0.0.0")');
  });

  it('stays silent with GRADIO_SERVER_NAME=0.0.0.0 (ENV, inline, os.environ) or server_name="0.0.0.0"', async () => {
    expect(await lintFiles(space(PYTHON_CMD.replace('CMD', 'ENV GRADIO_SERVER_NAME=0.0.0.0\nCMD'), { 'app.py': GRADIO_APP }), { only })).toEqual([]);
    expect(await lintFiles(space(PYTHON_CMD.replace('CMD', 'ENV GRADIO_SERVER_NAME 0.0.0.0\nCMD'), { 'app.py': GRADIO_APP }), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD GRADIO_SERVER_NAME=0.0.0.0 python app.py\n', { 'app.py': GRADIO_APP }), { only })).toEqual([]);
    const env = `import os\nos.environ["GRADIO_SERVER_NAME"] = "0.0.0.0"\n${GRADIO_APP}`;
    expect(await lintFiles(space(PYTHON_CMD, { 'app.py': env }), { only })).toEqual([]);
    const explicit = GRADIO_APP.replace('demo.launch()', 'demo.launch(server_name="0.0.0.0", server_port=7860)');
    expect(await lintFiles(space(PYTHON_CMD, { 'app.py': explicit }), { only })).toEqual([]);
  });

  it('reports explicit loopback hosts in commands, Python and ENV, with a replacement', async () => {
    const shell = 'FROM python:3.12\nCMD uvicorn app:app --host 127.0.0.1 --port 7860\n';
    const [d] = await lintFiles(space(shell), { only });
    expect(d).toMatchObject({ line: 2, column: 28, message: expect.stringContaining('listens on 127.0.0.1 (`--host 127.0.0.1`)') });
    expect(applyFixes(shell, [d.suggestions![0].fix]).output).toContain('--host 0.0.0.0 --port');
    const streamlit = 'FROM python:3.12\nCMD ["streamlit", "run", "app.py", "--server.address=localhost"]\n';
    const [s] = await lintFiles(space(streamlit, {}, readme('sdk: docker\napp_port: 8501')), { only });
    expect(applyFixes(streamlit, [s.suggestions![0].fix]).output).toContain('"--server.address=0.0.0.0"');
    const name = GRADIO_APP.replace('demo.launch()', 'demo.launch(server_name="localhost")');
    const [n] = await lintFiles(space(PYTHON_CMD, { 'app.py': name }), { only });
    expect(applyFixes(name, [n.suggestions![0].fix]).output).toContain('server_name="0.0.0.0"');
    const env = await lintFiles(space(PYTHON_CMD.replace('CMD', 'ENV GRADIO_SERVER_NAME=127.0.0.1\nCMD'), { 'app.py': GRADIO_APP }), { only });
    expect(env.map((x) => [x.file, x.line])).toEqual([['Dockerfile', 3]]);
    const bind = 'FROM python:3.12\nCMD gunicorn -b 127.0.0.1:7860 app:app\n';
    const [b] = await lintFiles(space(bind), { only });
    expect(applyFixes(bind, [b.suggestions![0].fix]).output).toContain('-b 0.0.0.0:7860');
  });

  it('reports loopback defaults: uvicorn CLI and run(), flask, gunicorn; not streamlit or fastapi run', async () => {
    const uvicorn = 'FROM python:3.12\nCMD ["uvicorn", "app:app", "--port", "7860"]\n';
    const [u] = await lintFiles(space(uvicorn), { only });
    expect(u.message).toContain("uvicorn's default host");
    expect(applyFixes(uvicorn, [u.suggestions![0].fix]).output).toContain('"--port", "7860", "--host", "0.0.0.0"]');
    const flask = 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=7860)\n';
    const [f] = await lintFiles(space(PYTHON_CMD, { 'app.py': flask }), { only });
    expect(applyFixes(flask, [f.suggestions![0].fix]).output).toContain('app.run(port=7860, host="0.0.0.0")');
    expect(await lintFiles(space('FROM python:3.12\nCMD flask run --port 7860\n'), { only })).toHaveLength(1);
    expect(await lintFiles(space('FROM python:3.12\nCMD gunicorn app:app\n'), { only })).toHaveLength(1);
    expect(await lintFiles(space('FROM python:3.12\nENV PORT=7860\nCMD gunicorn app:app\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD streamlit run app.py --server.port 7860\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD fastapi run app.py --port 7860\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD fastapi dev app.py --port 7860\n'), { only })).toHaveLength(1);
  });

  it('stays silent for --host 0.0.0.0, exec vs shell form alike', async () => {
    expect(await lintFiles(space('FROM python:3.12\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "7860"]\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --host=0.0.0.0 --port=7860\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD ["/bin/sh", "-c", "exec uvicorn app:app --host 0.0.0.0"]\n'), { only })).toEqual([]);
  });

  it('stays silent behind a proxy, in Gradio Spaces, and without a start command', async () => {
    expect(await lintFiles(space('FROM python:3.12\nCMD nginx && uvicorn app:app --host 127.0.0.1 --port 8000\n'), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"'), 'app.py': GRADIO_APP }, { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCOPY . .\n', { 'app.py': GRADIO_APP }), { only })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';
import { applyFixes } from '../engine.js';

const only = 'docker-port-mismatch';
const DOCKER = readme('sdk: docker');
const space = (dockerfile: string, files: Record<string, string> = {}, front = DOCKER) => ({ 'README.md': front, Dockerfile: dockerfile, ...files });
const GRADIO_APP = 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(server_name="0.0.0.0")\n';

describe(only, () => {
  it('reports a uvicorn port other than 7860 when app_port is missing, with a suggestion that changes it', async () => {
    const dockerfile = 'FROM python:3.12\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n';
    const [d, ...rest] = await lintFiles(space(dockerfile), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'error', file: 'Dockerfile', line: 3, message: expect.stringContaining('`uvicorn` listens on port 8000 (`--port 8000`)') });
    expect(d.message).toContain('Set `app_port: 8000` in README.md');
    expect(applyFixes(dockerfile, [d.suggestions![0].fix]).output).toContain('"--port", "7860"]');
  });

  it('uses tool defaults: streamlit 8501, uvicorn 8000, flask 5000, gunicorn 8000', async () => {
    const cases: [string, string][] = [
      ['CMD streamlit run app.py', "Streamlit's default port"],
      ['CMD ["python", "-m", "streamlit", "run", "app.py"]', "Streamlit's default port"],
      ['CMD uvicorn app:app --host 0.0.0.0', "uvicorn's default port"],
      ['CMD flask run --host 0.0.0.0', "flask run's default port"],
      ['CMD gunicorn app:app', "gunicorn's default bind"],
    ];
    for (const [cmd, how] of cases) {
      const found = await lintFiles(space(`FROM python:3.12\n${cmd}\n`), { only });
      expect(
        found.map((d) => d.message.includes(how)),
        cmd,
      ).toEqual([true]);
    }
    // The suggestion adds the port to the command (shell and exec form).
    const shell = 'FROM python:3.12\nCMD streamlit run app.py\n';
    const [s] = await lintFiles(space(shell), { only });
    expect(applyFixes(shell, [s.suggestions![0].fix]).output).toContain('CMD streamlit run app.py --server.port 7860\n');
    const exec = 'FROM python:3.12\nCMD ["streamlit", "run", "app.py"]\n';
    const [e] = await lintFiles(space(exec), { only });
    expect(applyFixes(exec, [e.suggestions![0].fix]).output).toContain('CMD ["streamlit", "run", "app.py", "--server.port", "7860"]');
  });

  it('stays silent when the port matches app_port or the default 7860', async () => {
    expect(await lintFiles(space('FROM python:3.12\nCMD streamlit run app.py --server.port=8501\n', {}, readme('sdk: docker\napp_port: 8501')), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD streamlit run app.py\n', {}, readme('sdk: docker\napp_port: 8501')), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --host 0.0.0.0 --port 7860\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD ["gunicorn", "-b", "0.0.0.0:7860", "app:app"]\n'), { only })).toEqual([]);
    // app_port as a numeric string is read as the number.
    expect(await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --port 8000\n', {}, readme('sdk: docker\napp_port: "8000"')), { only })).toEqual([]);
  });

  it('mentions app_port when it is set to another port', async () => {
    const [d] = await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --port 8000\n', {}, readme('sdk: docker\napp_port: 7000')), { only });
    expect(d.message).toContain('port 7000 (`app_port`)');
    expect(d.message).toContain('Change `app_port` to 8000');
  });

  it('resolves ports given through ENV, $PORT, ${PORT:-default} and sh -c', async () => {
    expect(await lintFiles(space('FROM python:3.12\nENV PORT=7860\nCMD uvicorn app:app --host 0.0.0.0 --port $PORT\n'), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nCMD ["sh", "-c", "uvicorn app:app --host 0.0.0.0 --port ${PORT:-7860}"]\n'), { only })).toEqual([]);
    const [d] = await lintFiles(space('FROM python:3.12\nENV PORT=8080\nCMD ["sh", "-c", "uvicorn app:app --port ${PORT:-7860}"]\n'), { only });
    expect(d.message).toContain('(`--port ${PORT:-7860}`, which is 8080 here)');
    // gunicorn binds 0.0.0.0:$PORT when PORT is set; the finding points at the ENV.
    const [g] = await lintFiles(space('FROM python:3.12\nENV PORT=8000\nCMD gunicorn app:app\n'), { only });
    expect(g).toMatchObject({ line: 2, message: expect.stringContaining('`PORT=8000`') });
    // A variable spacelint cannot see (a Space variable) is unknown, not a finding.
    expect(await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --host 0.0.0.0 --port $PORT\n'), { only })).toEqual([]);
  });

  it('follows python app.py into launch(), uvicorn.run() and app.run()', async () => {
    const cmd = 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n';
    const launch = GRADIO_APP.replace('server_name="0.0.0.0"', 'server_name="0.0.0.0", server_port=8080');
    const [d] = await lintFiles(space(cmd, { 'app.py': launch }), { only });
    expect(d).toMatchObject({ file: 'app.py', line: 4, message: expect.stringContaining('Gradio `launch()` listens on port 8080 (`server_port=8080`)') });
    expect(applyFixes(launch, [d.suggestions![0].fix]).output).toContain('server_port=7860)');
    expect(await lintFiles(space(cmd, { 'app.py': GRADIO_APP }), { only })).toEqual([]);
    const viaEnv = GRADIO_APP.replace('server_name="0.0.0.0"', 'server_name="0.0.0.0", server_port=int(os.environ.get("PORT", 7860))').replace('import gradio', 'import os\nimport gradio');
    expect(await lintFiles(space(cmd, { 'app.py': viaEnv }), { only })).toEqual([]);
    expect(await lintFiles(space(cmd.replace('CMD', 'ENV PORT=9000\nCMD'), { 'app.py': viaEnv }), { only })).toHaveLength(1);
    const uvicorn = 'import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run(app, host="0.0.0.0")\n';
    const [u] = await lintFiles(space(cmd, { 'app.py': uvicorn }), { only });
    expect(u.message).toContain("`uvicorn.run()` listens on port 8000 (`uvicorn.run`'s default port)");
    expect(applyFixes(uvicorn, [u.suggestions![0].fix]).output).toContain('uvicorn.run(app, host="0.0.0.0", port=7860)');
    const flask = 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0")\n';
    expect((await lintFiles(space(cmd, { 'app.py': flask }), { only }))[0].message).toContain("Flask's default port");
    // GRADIO_SERVER_PORT from the Dockerfile.
    const env = await lintFiles(space(cmd.replace('CMD', 'ENV GRADIO_SERVER_PORT=7861\nCMD'), { 'app.py': GRADIO_APP }), { only });
    expect(env.map((x) => [x.file, x.line])).toEqual([['Dockerfile', 3]]);
  });

  it('reads entrypoint scripts, exec "$@", and stays silent when the start command runs something unknown', async () => {
    const script = '#!/bin/sh\nset -e\npython migrate.py || true\nexec uvicorn app:app --host 0.0.0.0 --port 8000\n';
    // migrate.py imports no web package: a setup step, not a hidden server.
    const [d] = await lintFiles(space('FROM python:3.12\nCOPY . .\nCMD ["./start.sh"]\n', { 'start.sh': script, 'migrate.py': 'import sqlite3\nprint(1)\n' }), { only });
    expect(d).toMatchObject({ file: 'start.sh', line: 4 });
    // A script that imports aiohttp may serve the port itself.
    expect(await lintFiles(space('FROM python:3.12\nCOPY . .\nCMD ["./start.sh"]\n', { 'start.sh': script, 'migrate.py': 'from aiohttp import web\n' }), { only })).toEqual([]);
    const [s] = await lintFiles(space('FROM python:3.12\nCOPY . .\nCMD ["bash", "start.sh"]\n', { 'start.sh': script.replace('python migrate.py || true\n', '') }), { only });
    expect(s).toMatchObject({ file: 'start.sh', line: 3 });
    const passThrough = await lintFiles(
      space('FROM python:3.12\nCOPY . .\nENTRYPOINT ["/home/user/app/entrypoint.sh"]\nCMD ["uvicorn", "app:app", "--port", "9000"]\n', { 'entrypoint.sh': '#!/bin/sh\nexport FOO=1\nexec "$@"\n' }),
      { only },
    );
    expect(passThrough.map((x) => [x.file, x.line])).toEqual([['Dockerfile', 4]]);
    // nginx in front: a proxy may serve 7860 while the app listens elsewhere.
    expect(await lintFiles(space('FROM python:3.12\nCMD ["sh", "-c", "nginx && uvicorn app:app --port 8000"]\n'), { only })).toEqual([]);
  });

  it('reads a port given to the script itself (python app.py --port N, --listen H:N)', async () => {
    const [d] = await lintFiles(space('FROM python:3.12\nCOPY . .\nCMD ["python", "main.py", "--listen", "0.0.0.0", "--port", "8188"]\n', { 'main.py': 'from aiohttp import web\n' }), { only });
    expect(d).toMatchObject({ line: 3, message: expect.stringContaining('`python main.py` listens on port 8188 (`--port 8188`)') });
    expect(await lintFiles(space('FROM python:3.12\nCMD python app.py --server-port 7860\n'), { only })).toEqual([]);
  });

  it('warns when only EXPOSE or ENV PORT disagree', async () => {
    const [e] = await lintFiles(space('FROM node:20\nEXPOSE 3000\nCMD ["node", "server.js"]\n'), { only });
    expect(e).toMatchObject({ level: 'warning', line: 2, message: expect.stringContaining('`EXPOSE 3000` says the app listens on port 3000') });
    const [m] = await lintFiles(space('FROM python:3.12\nEXPOSE 8000\nCMD uvicorn app:app --host 0.0.0.0 --port 7860\n'), { only });
    expect(m).toMatchObject({ level: 'warning', message: expect.stringContaining('`EXPOSE 8000` disagrees') });
    expect(applyFixes('FROM python:3.12\nEXPOSE 8000\n', [m.suggestions![0].fix]).output).toBe('FROM python:3.12\nEXPOSE 7860\n');
    const [p] = await lintFiles(space('FROM node:20\nENV PORT=3000\nCMD ["node", "server.js"]\n'), { only });
    expect(p.message).toContain('`ENV PORT=3000`');
    expect(await lintFiles(space('FROM node:20\nEXPOSE 7860\nCMD ["node", "server.js"]\n'), { only })).toEqual([]);
  });

  it('only checks Docker Spaces, and a Dockerfile without CMD is silent', async () => {
    expect(await lintFiles(space('FROM python:3.12\nCMD uvicorn app:app --port 8000\n', {}, readme('sdk: gradio')), { only })).toEqual([]);
    expect(await lintFiles(space('FROM python:3.12\nRUN pip install x\n'), { only })).toEqual([]);
    expect(await lintFiles({ 'README.md': DOCKER }, { only })).toEqual([]);
    // A Docker Space without app.py: nothing to follow, nothing to guess.
    expect(await lintFiles(space('FROM python:3.12\nCMD ["python", "app.py"]\n'), { only })).toEqual([]);
  });
});

import type { Suggestion } from '../diagnostic.js';
import { describeSetting, isLoopback, serverName } from '../docker/runtime.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'docker-bind-localhost',
    category: 'docker',
    description: 'A Docker Space listens on all interfaces (`0.0.0.0`), not on 127.0.0.1 / localhost.',
    hasSuggestions: true,
    messages: {
      explicit: {
        level: 'error',
        text: '{{server}} listens on {{host}} ({{how}}), which only the container itself can reach: the Hub cannot connect and the Space never becomes healthy. Listen on `0.0.0.0`.',
      },
      byDefault: {
        level: 'error',
        text: '{{server}} listens on 127.0.0.1 ({{how}}), which only the container itself can reach: the Hub cannot connect and the Space never becomes healthy. {{action}}',
      },
    },
    docs: {
      rationale:
        'Gradio: "If None, will use "127.0.0.1"" unless `server_name` or `GRADIO_SERVER_NAME` is set to "0.0.0.0" (https://github.com/gradio-app/gradio/blob/main/gradio/blocks.py). The docs\' Docker example listens with `--host 0.0.0.0 --port 7860`, and the log to expect is "Uvicorn running on http://0.0.0.0:7860" (https://huggingface.co/docs/hub/spaces-sdks-docker-first-demo); a loopback bind is among the causes of a Space that never becomes healthy (https://discuss.huggingface.co/t/how-to-fix-space-stuck-on-building-in-hugging-face-spaces/175119). Reported: an explicit loopback host (`127.0.0.1`, `localhost`, `::1`) in `--host`, `--bind`, `--server.address`, `server_name=`, `host=`, `GRADIO_SERVER_NAME`, `UVICORN_HOST`, `FLASK_RUN_HOST`, `STREAMLIT_SERVER_ADDRESS`; and a server left on a loopback default: Gradio `launch()` without `server_name` and without `GRADIO_SERVER_NAME`, the uvicorn CLI and `uvicorn.run()` without a host, `flask run` and Flask `app.run()` without a host, `fastapi dev`, gunicorn and hypercorn without `--bind` (gunicorn binds `0.0.0.0:$PORT` when `PORT` is set). Those defaults come from each tool\'s documentation (uvicorn, Flask, gunicorn: 127.0.0.1). Streamlit and `fastapi run` listen on all interfaces by default. The start command is read as for docker-port-mismatch; when it also runs a program spacelint does not know (nginx, node, a binary), a loopback bind may be intended behind a proxy, so the rule stays silent (spacelint\'s judgement). Scope: Docker Spaces only; in Gradio Spaces the platform sets the bind itself (spacelint\'s reading: apps with a bare `launch()` work there).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch()\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD uvicorn app:app --host 127.0.0.1 --port 7860\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nENV GRADIO_SERVER_NAME=0.0.0.0\nCOPY . .\nCMD ["python", "app.py"]\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch()\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "7860"]\n' },
      ],
      howToFix: 'Listen on `0.0.0.0`: `--host 0.0.0.0`, `--server.address 0.0.0.0`, `--bind 0.0.0.0:7860`, `launch(server_name="0.0.0.0")`, or `ENV GRADIO_SERVER_NAME=0.0.0.0` in the Dockerfile.',
    },
  },
  check(space, report) {
    if (space.facts.sdk !== 'docker' || !space.dockerfile()) return;
    const runtime = space.docker.runtime;
    if (!runtime.understood) return;
    const seen = new Set<string>();
    for (const l of runtime.listeners) {
      const host = l.host;
      if (!host || !isLoopback(host.value)) continue;
      const key = `${host.file}:${host.range[0]}:${host.range[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const suggestions: Suggestion[] = [];
      const fix = host.source === 'default' ? l.addOption?.('host', '0.0.0.0') : host.replace?.('0.0.0.0');
      if (fix) suggestions.push({ desc: 'Listen on 0.0.0.0', fix });
      if (host.source === 'default') {
        const action =
          l.server === 'gradio'
            ? 'Pass `server_name="0.0.0.0"` to `launch()`, or add `ENV GRADIO_SERVER_NAME=0.0.0.0` to the Dockerfile.'
            : l.server === 'gunicorn' || l.server === 'hypercorn'
              ? 'Add `--bind 0.0.0.0:<port>`.'
              : l.file.endsWith('.py')
                ? 'Pass `host="0.0.0.0"`.'
                : 'Add `--host 0.0.0.0`.';
        report({ messageId: 'byDefault', data: { server: serverName(l), how: describeSetting(host), action }, file: host.file, range: host.range, suggestions });
      } else {
        report({ messageId: 'explicit', data: { server: serverName(l), host: host.value, how: describeSetting(host) }, file: host.file, range: host.range, suggestions });
      }
    }
  },
});

import type { Suggestion } from '../diagnostic.js';
import { DEFAULT_PORT } from '../reference/spaces.js';
import type { Space } from '../space/space.js';
import { describeSetting, DOCKERFILE, serverName, type Listener, type Setting } from '../docker/runtime.js';
import { defineRule, type Report } from './rule.js';

export default defineRule({
  meta: {
    id: 'docker-port-mismatch',
    category: 'docker',
    description: 'A Docker Space listens on the port the Hub sends traffic to: `app_port`, or 7860 by default.',
    hasSuggestions: true,
    messages: {
      mismatch: {
        level: 'error',
        text: '{{server}} listens on port {{port}} ({{how}}), but the Hub sends traffic to port {{expected}} ({{why}}), so the Space never becomes healthy. {{action}}',
      },
      hint: {
        level: 'warning',
        text: '{{what}} says the app listens on port {{port}}, but the Hub sends traffic to port {{expected}} ({{why}}). If the app listens on {{port}}, {{action}}; otherwise change {{what}} to {{expected}}.',
      },
      expose: {
        level: 'warning',
        text: '`EXPOSE {{ports}}` disagrees with the port the app listens on ({{expected}}). EXPOSE is only metadata, but a wrong one misleads whoever reads the Dockerfile: change it to {{expected}}.',
      },
    },
    docs: {
      rationale:
        '`app_port` is the "Port on which your application is running. Used only if `sdk` is `docker`. Default port is `7860`." (https://huggingface.co/docs/hub/spaces-config-reference); "You can also change the default exposed port `7860` by setting `app_port`" (https://huggingface.co/docs/hub/spaces-sdks-docker). If nothing listens there the health check never passes: forum triage lists a wrong port among the causes of a Space that builds but never becomes healthy (https://discuss.huggingface.co/t/how-to-fix-space-stuck-on-building-in-hugging-face-spaces/175119). The rule compares `app_port` (or 7860) with the ports the container listens on, read from the final stage of the Dockerfile: `CMD`/`ENTRYPOINT` in exec and shell form, `sh -c "..."`, repo scripts they run (`./start.sh`, with `exec "$@"` taking the CMD), `ENV` and inline `VAR=value` (`--port $PORT`, `${PORT:-7860}` are expanded), and the Python they start (`python app.py` and its local imports): `--port`/`--bind`/`--server.port` of uvicorn, gunicorn, hypercorn, streamlit, flask and fastapi; `--port`, `--server-port` and `--listen H:N` given to a Python script (`python main.py --listen 0.0.0.0 --port 8188`); `GRADIO_SERVER_PORT`, `UVICORN_PORT`, `STREAMLIT_SERVER_PORT`, `.streamlit/config.toml`; `launch(server_port=)`, `uvicorn.run(port=)`, Flask/Dash `app.run(port=)`, also through `int(os.environ.get("PORT", 7860))`. Tool defaults come from each tool\'s documentation: streamlit 8501 ("Only port 8501 is allowed for Streamlit Spaces (default port)", https://huggingface.co/docs/hub/spaces-sdks-streamlit), Gradio 7860 (`GRADIO_SERVER_PORT` default, https://github.com/gradio-app/gradio/blob/main/gradio/http_server.py), uvicorn, gunicorn, hypercorn and fastapi 8000, Flask 5000, Dash 8050. The rule reports an error only when at least one port is known, none equals the expected port, and every program of the start command is understood: a start script that also runs nginx, node or an unknown binary, or a Python script that imports a web package (aiohttp, tornado, …) without a server spacelint recognises, may serve the port itself, so it stays silent (spacelint\'s judgement); a Python script that imports no web package is a setup step (`python migrate.py && uvicorn …`). A port that depends on a variable spacelint cannot see (a Space variable) is unknown, not a finding. `EXPOSE` is metadata: when the app matches but EXPOSE does not, or when EXPOSE / `ENV PORT` are the only evidence, it is a warning (spacelint\'s judgement). The fix may be in another file (README `app_port`), which a suggestion cannot edit, so the message says what to set; the suggestion changes the port in the command or call.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD streamlit run app.py\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: docker\napp_port: 8501\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD streamlit run app.py --server.port=8501\n' },
        { file: 'README.md', code: '---\nsdk: docker\n---\n' },
        { file: 'Dockerfile', code: 'FROM python:3.12\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "7860"]\n' },
      ],
      howToFix:
        'Either set `app_port` in README.md to the port the app listens on, or make the app listen on `app_port` (7860 when unset): `--port 7860`, `--server.port 7860`, `launch(server_port=7860)`.',
    },
  },
  check(space, report) {
    if (space.facts.sdk !== 'docker' || !space.dockerfile()) return;
    const configured = appPort(space.config.app_port);
    if (configured === null) return; // not a port: config-value-type reports it
    const expected = configured ?? DEFAULT_PORT;
    const why = configured === undefined ? 'no `app_port`, so the default 7860' : '`app_port`';
    const runtime = space.docker.runtime;
    const known = runtime.listeners.filter((l) => l.port && /^\d+$/.test(l.port.value));
    if (known.length && runtime.understood) {
      if (known.some((l) => Number(l.port!.value) === expected)) {
        checkExpose(runtime.exposes, expected, space, report);
        return;
      }
      const seen = new Set<string>();
      for (const l of known) {
        const port = l.port!;
        const key = `${port.file}:${port.range[0]}:${port.range[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mismatch(l, port, expected, why, configured !== undefined, report);
      }
      return;
    }
    if (known.length) return; // something else in the start command may serve the expected port
    const exposeHit = runtime.exposes.length > 0 && !runtime.exposes.some((e) => e.port === expected);
    const portEnv = space.docker.env.get('PORT');
    const envPort = portEnv?.value && /^\d+$/.test(portEnv.value) ? Number(portEnv.value) : undefined;
    const action = configured === undefined ? 'set `app_port` in README.md to it' : 'change `app_port` to it';
    if (exposeHit && !(envPort === expected)) {
      const e = runtime.exposes[0];
      report({
        messageId: 'hint',
        data: { what: `\`EXPOSE ${e.port}\``, port: e.port, expected, why, action },
        file: DOCKERFILE,
        range: e.range,
        suggestions: exposeSuggestion(space, e.range, expected),
      });
    } else if (envPort !== undefined && envPort !== expected && portEnv!.file === DOCKERFILE && !runtime.exposes.some((e) => e.port === expected)) {
      report({
        messageId: 'hint',
        data: { what: `\`ENV PORT=${envPort}\``, port: envPort, expected, why, action },
        file: DOCKERFILE,
        range: portEnv!.range,
        suggestions: portEnv!.valueRange ? [{ desc: `Set PORT to ${expected}`, fix: { range: portEnv!.valueRange, text: String(expected) } }] : [],
      });
    }
  },
});

/** `app_port` as a number; undefined when absent; null when it is not a port number. */
function appPort(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

function mismatch(l: Listener, port: Setting, expected: number, why: string, configured: boolean, report: Report): void {
  const how = describeSetting(port);
  const action = configured
    ? `Change \`app_port\` to ${port.value} in README.md, or make the app listen on ${expected}.`
    : `Set \`app_port: ${port.value}\` in README.md, or make the app listen on ${expected}.`;
  const suggestions: Suggestion[] = [];
  const fix = port.source === 'default' ? l.addOption?.('port', String(expected)) : port.replace?.(String(expected));
  if (fix) suggestions.push({ desc: `Listen on port ${expected}`, fix });
  report({
    messageId: 'mismatch',
    data: { server: serverName(l), port: port.value, how, expected, why, action },
    file: port.file,
    range: port.range,
    suggestions,
  });
}

function checkExpose(exposes: { port: number; range: [number, number] }[], expected: number, space: Space, report: Report): void {
  if (!exposes.length || exposes.some((e) => e.port === expected)) return;
  report({
    messageId: 'expose',
    data: { ports: exposes.map((e) => e.port).join(' '), expected },
    file: DOCKERFILE,
    range: exposes[0].range,
    suggestions: exposeSuggestion(space, exposes[0].range, expected),
  });
}

function exposeSuggestion(space: Space, range: [number, number], expected: number): Suggestion[] {
  const text = space.text(DOCKERFILE)!.slice(range[0], range[1]);
  return /^\d+(\/tcp)?$/.test(text) ? [{ desc: `Expose ${expected}`, fix: { range, text: text.replace(/^\d+/, String(expected)) } }] : [];
}

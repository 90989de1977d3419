import { argumentRemovalRange, keywordArgument } from '../python/arguments.js';
import { gradioMethodCalls } from '../python/gradio.js';
import { constantOf } from '../python/module.js';
import { DEFAULT_PORT } from '../reference/spaces.js';
import { defineRule } from './rule.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export default defineRule({
  meta: {
    id: 'gradio-server-port',
    category: 'performance',
    description: 'A Gradio Space lets the platform choose where `launch()` listens: no other `server_port`, no loopback `server_name`.',
    fixable: true,
    messages: {
      port: {
        level: 'error',
        text: '`launch(server_port={{value}})` makes Gradio listen on port {{value}}, but the Space sends traffic (and its health check) to {{port}}: the Space never becomes healthy. Remove `server_port`; the Space sets it for you.',
      },
      host: {
        level: 'error',
        text: '`launch(server_name="{{value}}")` makes Gradio listen only inside the container, so the Space\'s proxy cannot reach it and it never becomes healthy. Remove `server_name`; the Space sets `0.0.0.0` for you.',
      },
    },
    docs: {
      rationale:
        'A Gradio Space serves whatever listens on port 7860 on all interfaces; the platform sets `GRADIO_SERVER_NAME=0.0.0.0` and `GRADIO_SERVER_PORT=7860`, which `launch()` reads when its arguments are not given (https://www.gradio.app/docs/gradio/blocks#blocks-launch, https://huggingface.co/docs/hub/spaces-sdks-gradio). An explicit `server_port` other than 7860 listens where no traffic arrives, and a loopback `server_name` (`127.0.0.1`, `localhost`) is unreachable from the proxy: the Space stays in APP_STARTING and fails its health check (Hugging Face\'s create-a-space skill lists "Address already in use" and port problems from explicit `server_port`). Reported on literal values (also through module constants) of `launch()` in Gradio Spaces; the autofix removes the argument, which keeps the same behaviour locally (Gradio\'s defaults are 7860 and 127.0.0.1) and fixes it on the Hub. Docker Spaces choose their own port (`app_port`; see docker-port-mismatch and docker-bind-localhost).',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(server_name="127.0.0.1", server_port=8080)\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(server_name="0.0.0.0", server_port=7860)\n' },
      ],
      howToFix: 'Remove `server_port` and `server_name` from `launch()` (`--fix` does), or set them to 7860 and "0.0.0.0".',
    },
  },
  check(space, report) {
    if (space.facts.sdk !== 'gradio') return;
    for (const module of space.appModules) {
      for (const call of gradioMethodCalls(module, 'launch')) {
        const port = keywordArgument(call, 'server_port');
        const portValue = constantOf(module, port?.value);
        if (port && portValue?.kind === 'number' && portValue.value !== DEFAULT_PORT) {
          report({ messageId: 'port', data: { value: String(portValue.value), port: DEFAULT_PORT }, file: module.path, range: port.range, fix: { range: argumentRemovalRange(call, port), text: '' } });
        }
        const host = keywordArgument(call, 'server_name');
        const hostValue = constantOf(module, host?.value);
        if (host && hostValue?.kind === 'string' && LOOPBACK.has(String(hostValue.value))) {
          report({ messageId: 'host', data: { value: String(hostValue.value) }, file: module.path, range: host.range, fix: { range: argumentRemovalRange(call, host), text: '' } });
        }
      }
    }
  },
});

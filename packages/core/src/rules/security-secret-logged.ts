import type { PythonCall, PythonModule } from '../python/module.js';
import { isSecretName } from '../security/redact.js';
import { defineRule } from './rule.js';

const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'critical', 'exception', 'log', 'fatal']);
/** `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, `environ["X"]`, `getenv('X')` as written. */
const ENV_READ = /\b(?:[A-Za-z_]\w*\.)?(?:environ\s*\[\s*|environ\.get\s*\(\s*|getenv\s*\(\s*)(["'])([A-Za-z0-9_]+)\1/g;

export default defineRule({
  meta: {
    id: 'security-secret-logged',
    category: 'security',
    description: 'Secrets read from the environment are not printed or logged.',
    messages: {
      logged: {
        level: 'warning',
        text: "`{{call}}` writes {{what}} to the Space's logs, which whoever can see the logs can read (the Space owner and, through the logs view, collaborators). Log whether it is set instead (`bool({{name}})`), or nothing.",
      },
    },
    docs: {
      rationale:
        'Space secrets reach the app as environment variables (https://huggingface.co/docs/hub/spaces-overview#managing-secrets); anything the app prints or logs goes to the Space\'s container logs, shown in the Logs view and returned by the logs API to whoever has access to them, and copied into issue reports when people share those logs. Reported in the app file and the local modules it imports: `print(...)`, `logging.*(...)`, `logger.*(...)` (any receiver named like a logger) and `sys.stdout.write` / `sys.stderr.write` whose arguments contain the value of `os.environ["NAME"]`, `os.environ.get("NAME")` or `os.getenv("NAME")` for a secret-looking NAME (TOKEN, KEY, SECRET, PASSWORD, ...), or of a variable assigned from one, as an argument, in an f-string field, or as a `%`/`.format` argument. Only the bare value counts: `bool(token)`, `len(token)`, `token is None`, `token[:4]` and conditionals are not reported (spacelint\'s judgement: they do not reveal the secret). Messages name the variable, never a value.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import os\nimport gradio as gr\n\nHF_TOKEN = os.environ["HF_TOKEN"]\nprint(f"Using token {HF_TOKEN}")\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import os\nimport gradio as gr\n\nHF_TOKEN = os.environ.get("HF_TOKEN")\nprint(f"HF_TOKEN set: {HF_TOKEN is not None}")\n' },
      ],
      howToFix: 'Remove the secret from the message; log whether it is set (`bool(token)`) if that helps debugging. If it was already logged, rotate it.',
    },
  },
  check(space, report) {
    for (const module of space.appModules) {
      const text = space.text(module.path) ?? '';
      const secretNames = secretVariables(module, text);
      for (const call of module.calls) {
        if (!isLogCall(module, call)) continue;
        for (const arg of call.args) {
          const argText = text.slice(arg.value.range[0], arg.value.range[1]);
          const found = secretIn(argText, secretNames);
          if (!found) continue;
          report({ messageId: 'logged', data: { call: `${call.callee}(...)`, what: found.what, name: found.name }, file: module.path, range: arg.range });
          break;
        }
      }
    }
  },
});

function isLogCall(module: PythonModule, call: PythonCall): boolean {
  if (call.callee === 'print' && !module.bindings.includes('print')) return true;
  const q = call.qualified ?? '';
  if (q === 'sys.stdout.write' || q === 'sys.stderr.write') return true;
  if (q.startsWith('logging.') && LOG_METHODS.has(call.name ?? '')) return true;
  return call.receiver !== undefined && /(?:^|\.|_)(?:log|logger|_logger|LOGGER|LOG)$/i.test(call.receiver) && LOG_METHODS.has(call.name ?? '');
}

/** Variables assigned from an environment read of a secret-looking name: variable → environment name. */
function secretVariables(module: PythonModule, text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of module.assignments) {
    if (a.targets.length !== 1 || !a.value || !/^[A-Za-z_]\w*$/.test(a.targets[0])) continue;
    const value = text.slice(a.value.range[0], a.value.range[1]);
    ENV_READ.lastIndex = 0;
    const m = ENV_READ.exec(value);
    if (m && m.index === 0 && isSecretName(m[2])) names.set(a.targets[0], m[2]);
  }
  return names;
}

/** Whether the value itself appears: alone, as an f-string field, or a `+`/`%`/`,` operand. */
function bare(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  const prevOk = before === '' || /[{,+%]$/.test(before) || /\.format\s*\($/.test(before);
  const nextOk = after === '' || /^[}!:,)+%]/.test(after);
  return prevOk && nextOk && !/\b(?:if|not|and|or|else)$/.test(before);
}

function secretIn(argText: string, secretNames: Map<string, string>): { what: string; name: string } | undefined {
  ENV_READ.lastIndex = 0;
  for (let m = ENV_READ.exec(argText); m; m = ENV_READ.exec(argText)) {
    if (!isSecretName(m[2])) continue;
    // The whole read: up to the closing bracket after the name.
    const close = argText.indexOf(m[0].includes('[') ? ']' : ')', m.index + m[0].length);
    if (close >= 0 && bare(argText, m.index, close + 1)) return { what: `the value of the secret \`${m[2]}\``, name: m[2] };
  }
  for (const [variable, env] of secretNames) {
    const pattern = new RegExp(`(?<![\\w.])${variable}(?![\\w])`, 'g');
    for (let m = pattern.exec(argText); m; m = pattern.exec(argText)) {
      if (bare(argText, m.index, m.index + variable.length)) return { what: `\`${variable}\` (the secret \`${env}\`)`, name: variable };
    }
  }
  return undefined;
}

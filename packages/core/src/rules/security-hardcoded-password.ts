import { keywordArgument } from '../python/arguments.js';
import { gradioMethodCalls } from '../python/gradio.js';
import { constantOf, type PythonModule } from '../python/module.js';
import { maskSecret } from '../security/redact.js';
import { defineRule } from './rule.js';

/** A `(user, password)` pair of string literals or module constants, in a tuple, list or dict. */
const PAIR = /\(\s*([rRuU]?(["'])(?:(?!\2)[^\\\n]|\\.)*\2|[A-Za-z_]\w*)\s*,\s*([rRuU]?(["'])(?:(?!\4)[^\\\n]|\\.)*\4|[A-Za-z_]\w*)\s*\)/g;
const DICT_ENTRY = /([rRuU]?(["'])(?:(?!\2)[^\\\n]|\\.)*\2)\s*:\s*([rRuU]?(["'])(?:(?!\4)[^\\\n]|\\.)*\4|[A-Za-z_]\w*)/g;

export default defineRule({
  meta: {
    id: 'security-hardcoded-password',
    category: 'security',
    description: 'Gradio `auth=` passwords are not written into the code.',
    messages: {
      password: {
        level: 'error',
        text: 'The password of `launch(auth=...)` is written in the code (`{{masked}}`): anyone who can read the repository (every visitor of a public Space) can log in, and git history keeps it. Read it from a Space secret: `auth=("{{user}}", os.environ["{{env}}"])`.',
      },
    },
    docs: {
      rationale:
        'Gradio\'s `launch(auth=...)` takes a `(username, password)` tuple, a list of them, or a function (https://www.gradio.app/guides/sharing-your-app#password-protected-app). A password literal in app.py is readable by anyone who can see the repository (all files of a public Space are public) and stays in git history. Hugging Face: "If your app requires environment variables (for instance, secret keys or tokens), do not hard-code them inside your app" — use Space secrets, which reach the app as environment variables (https://huggingface.co/docs/hub/spaces-overview#managing-secrets). Reported on `launch(auth=...)` and `queue().launch(auth=...)` in Gradio apps: string-literal passwords (also through a module constant) in a tuple, a list of tuples, or a `{user: password}` dict. The message never shows the password: it is masked (`hu********`). Passwords read from the environment, a function passed as `auth=`, and empty strings are not reported.',
      incorrect: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(auth=("admin", "Tr0ub4dor&3"))\n' },
      ],
      correct: [
        { file: 'README.md', code: '---\nsdk: gradio\nsdk_version: "5.49.1"\n---\n' },
        { file: 'app.py', code: 'import os\nimport gradio as gr\n\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(auth=("admin", os.environ["APP_PASSWORD"]))\n' },
      ],
      howToFix:
        'Change the password (it is exposed), add it as a Space secret (Settings → Variables and secrets), and read it with `os.environ["APP_PASSWORD"]`; for per-user access consider Sign in with Hugging Face (`gr.LoginButton`).',
    },
  },
  check(space, report) {
    for (const module of space.appModules) {
      const text = space.text(module.path) ?? '';
      for (const call of gradioMethodCalls(module, 'launch')) {
        const auth = keywordArgument(call, 'auth');
        if (!auth || !['other', 'name', 'dict'].includes(auth.value.kind)) continue;
        const [start, end] = auth.value.range;
        const source = auth.value.kind === 'name' ? constantSource(module, text, auth.value.name) : { text: text.slice(start, end), offset: start };
        if (!source) continue;
        for (const { user, password, range } of passwords(module, source.text, source.offset)) {
          report({ messageId: 'password', data: { masked: maskSecret(password), user, env: 'APP_PASSWORD' }, file: module.path, range });
        }
      }
    }
  },
});

/** The source of the module-level assignment of `name` (`AUTH = [("a", "b")]`). */
function constantSource(module: PythonModule, text: string, name: string | undefined): { text: string; offset: number } | undefined {
  const a = module.assignments.find((x) => x.function === undefined && x.targets.length === 1 && x.targets[0] === name && x.value);
  return a?.value ? { text: text.slice(a.value.range[0], a.value.range[1]), offset: a.value.range[0] } : undefined;
}

function literalValue(token: string): string | undefined {
  const m = /^[rRuU]?(["'])([\s\S]*)\1$/.exec(token);
  return m ? m[2] : undefined;
}

/** Literal passwords in an auth expression, with their ranges in the file. */
function passwords(module: PythonModule, source: string, offset: number): { user: string; password: string; range: [number, number] }[] {
  const out: { user: string; password: string; range: [number, number] }[] = [];
  const resolve = (token: string): string | undefined => {
    const literal = literalValue(token);
    if (literal !== undefined) return literal;
    const c = constantOf(module, { kind: 'name', name: token, nodeType: 'identifier', range: [0, 0] });
    return c?.kind === 'string' ? String(c.value) : undefined;
  };
  const add = (userToken: string, passwordToken: string, at: number) => {
    const password = resolve(passwordToken);
    if (!password) return;
    const start = offset + at;
    out.push({ user: resolve(userToken) ?? 'user', password, range: [start, start + passwordToken.length] });
  };
  const trimmed = source.trimStart();
  const pattern = trimmed.startsWith('{') ? DICT_ENTRY : PAIR;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const passwordToken = m[3];
    add(m[1], passwordToken, m.index + m[0].lastIndexOf(passwordToken));
  }
  return out;
}

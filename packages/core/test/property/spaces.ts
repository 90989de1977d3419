/**
 * Generators of odd Spaces for the property tests: random text per file kind (token soup drawn from what
 * each parser and rule looks for) and mutations of real Spaces (the examples/ folder and every rule's own
 * documented examples, so new rules add their cases here without anyone listing them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DEFAULT_REFERENCE } from '../../src/reference/spaces.js';
import { RULES, RULE_IDS } from '../../src/rules/index.js';

/** A Space as the tests write it: repo-relative path → text (or raw bytes). */
export type SpaceEntries = Record<string, string | Uint8Array>;

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** Every example Space in examples/, as entries (all files; they are small). */
export function exampleSpaces(): { name: string; entries: SpaceEntries }[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, entries: readTree(join(EXAMPLES_DIR, d.name)) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function readTree(dir: string, root = dir, out: SpaceEntries = {}): SpaceEntries {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) readTree(abs, root, out);
    else out[relative(root, abs).split('\\').join('/')] = readFileSync(abs, 'utf8');
  }
  return out;
}

const BASE_GRADIO: SpaceEntries = {
  'README.md': '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n---\n# Demo\n',
  'app.py': 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n',
  'requirements.txt': 'torch==2.8.0\n',
};
const BASE_DOCKER: SpaceEntries = {
  'README.md': '---\ntitle: Demo\nsdk: docker\napp_port: 7860\n---\n# Demo\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "app.py"]\n',
  'app.py': 'print("hello")\n',
};

/**
 * Each rule's documented incorrect and correct examples, placed in a small Space of the matching SDK.
 * Taken from the registry, so every rule that lands is fuzzed from its own cases.
 */
export function ruleExampleSpaces(): { name: string; entries: SpaceEntries }[] {
  const spaces: { name: string; entries: SpaceEntries }[] = [];
  for (const rule of RULES) {
    const examples = [...rule.meta.docs.incorrect.map((e) => ['incorrect', e] as const), ...rule.meta.docs.correct.map((e) => ['correct', e] as const)];
    examples.forEach(([kind, example], i) => {
      const docker = example.file === 'Dockerfile' || /sdk:\s*docker/.test(example.code);
      spaces.push({ name: `${rule.meta.id} ${kind} #${i + 1}`, entries: { ...(docker ? BASE_DOCKER : BASE_GRADIO), [example.file]: example.code } });
    });
  }
  return spaces;
}

/**
 * Hand-made seeds around the places where fixes and directives meet line structure (`\\` continuations,
 * directive comments, CRLF, BOM, typo keys): mutations explore around each of them.
 */
export function trickySpaces(): { name: string; entries: SpaceEntries }[] {
  const readme = '---\ntitle: Demo\nsdk: gradio\nsdk_version: "5.49.1"\n# spacelint-disable-next-line config-unknown-key\napp-port: 7860\ncolorfrom: red\n---\n# Demo\n';
  return [
    {
      name: 'continuations and directives',
      entries: {
        'README.md': readme,
        'app.py': 'import gradio as gr  # spacelint-disable-line parse-error\nx = 1 + \\\n    2  # spacelint-disable-next-line config-unknown-key\n',
        'requirements.txt':
          'gradio==5.49.1 \\\n# spacelint-disable-next-line config-unknown-key\n--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.8.0  # spacelint-disable-line parse-error\n',
        Dockerfile: 'FROM python:3.12\nRUN pip install a \\\n# spacelint-disable-next-line config-unknown-key\n  b\n# spacelint-disable-file parse-error\n',
      },
    },
    {
      name: 'CRLF, BOM and typo keys',
      entries: {
        'README.md': `\uFEFF${readme.replace(/\n/g, '\r\n')}`,
        'app.py': '\uFEFFimport gradio as gr\r\n# spacelint-disable config-unknown-key\r\nx = 1\r\n# spacelint-enable config-unknown-key\r\n',
        'requirements.txt': 'gradio==5.49.1\r\n',
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Random text per file kind: tokens the parsers and rules react to, glued together with random characters.

const ruleIds = [...RULE_IDS];
const directives = ['# spacelint-disable-next-line', '# spacelint-disable-line', '# spacelint-disable', '# spacelint-enable', '# spacelint-disable-file'];
const configKeys = Object.keys(DEFAULT_REFERENCE.configKeys);

// biome-ignore format: a packed word list reads better than one word per line
const README_TOKENS = [
  '---', '---\n', '\n', '\r\n', '\n', ': ', ':', ' ', '  ', '- ', '\t', '#', '|', '>', '...', '%YAML 1.2\n', '[', ']', '{', '}', ',', '"', "'",
  'sdk', 'gradio', 'docker', 'streamlit', 'static', 'sdk_version', '"5.49.1"', '5.0', '4.44.1', 'app_file', 'app.py', 'main.py', 'app_port',
  'app-port', 'App_Port', 'colorfrom', '7860', 'title', 'emoji', '🎨', 'colorFrom', 'red', 'suggested_hardware', 'zero-a10g', 'zero_a10g',
  't4-small', 'hardware', 'python_version', '3.10', '"3.11"', 'preload_from_hub', 'hf_oauth', 'true', 'null', '~', '&a ', '*a', '!!str ',
  'license', 'mit', 'pipeline_tag', ...configKeys, ...directives, ...ruleIds, ' -- reason',
];
// biome-ignore format: a packed word list reads better than one word per line
const PYTHON_TOKENS = [
  'import ', 'from ', ' import ', 'spaces', 'gradio as gr', 'gradio', 'torch', 'os', '.', ',', '(', ')', '[', ']', '{', '}', ':', '\n', '\n',
  '    ', '\t', 'def ', 'async def ', 'class ', 'return ', 'yield', 'lambda ', '@spaces.GPU', '@spaces.GPU(duration=120)', '\n@', 'gr.Interface(fn=f)',
  'demo.launch()', 'demo.queue(max_size=10)', 'torch.compile(model)', '.to("cuda")', 'os.environ["HF_HOME"] = "/data"', '"', "'", '"""',
  "f'{x}'", 'f"{', '}"', '#', ' -- reason', '=', '==', 'x', 'y', '1', '0.5', 'None', 'try:', 'except ImportError:', 'if __name__ == "__main__":',
  'match x:', 'case 1:', '\\', '\\\n', ';', '*', '**', 'print "x"', 'from . import helpers', 'import helpers', '\r\n', ...directives, ...ruleIds,
];
// biome-ignore format: a packed word list reads better than one word per line
const REQUIREMENTS_TOKENS = [
  'gradio', 'Gradio_Client', 'torch', 'spaces', '==', '>=', '<', '~=', '!=', '4.44.1', '5.49.1', '2.8.0', ',', ';', ' python_version < "3.11"',
  '[', ']', 'extra', '@', ' @ ', 'git+https://github.com/x/y.git', '#egg=y', '-r ', '-c ', '-e ', '--index-url ', 'https://download.pytorch.org/whl/cu121',
  'other.txt', '#', ' # comment', '\\', '\n', '\n', '\r\n', ' ', '\t', './pkg', 'x.whl', '(', ')', ...directives, ...ruleIds,
];
const PACKAGES_TOKENS = ['ffmpeg', 'libgl1', 'libgl1-mesa-glx', 'git-lfs', 'python3-dev', ':amd64', '=1.2-3', '#', ' ', '\n', '\n', '\r\n', 'build-essential', 'Libsm6', '\t'];
// biome-ignore format: a packed word list reads better than one word per line
const DOCKER_TOKENS = [
  'FROM ', 'python:3.12-slim', 'RUN ', 'pip install ', '--no-cache-dir ', '-r requirements.txt', 'gradio==4.44.1', 'COPY ', '--chown=user ', '. .',
  'ENV ', 'HF_HOME=/data/.huggingface', 'HOME=/home/user', 'A B', 'A="b c"', 'USER ', 'user', '1000', 'WORKDIR ', '/app', 'EXPOSE ', '7860',
  'CMD ', 'ENTRYPOINT ', '["python", "app.py"]', '["uvicorn", "app:app"]', 'python app.py', '\\', '\n', '\n', '\r\n', ' ', '# escape=`\n', '`',
  '#', 'HEALTHCHECK ', '--mount=type=secret,id=HF_TOKEN ', '&&', '"', "'", '$HOME', '${A:-b}', 'ARG ', 'ONBUILD ', 'bogus ', ...directives, ...ruleIds,
];
// biome-ignore format: a packed word list reads better than one word per line
const CONFIG_TOKENS = [
  'rules', ':', ': ', ' ', '\n', '\n', '  ', '- ', 'off', 'error', 'warning', 'info', '[', ']', '{', '}', ',', 'ignore', '"*.py"', '"**/"', '*',
  'reference', 'keys', 'hardware', 'sdks', '#', 'x', ...ruleIds,
];

/** Random text of one kind: mostly tokens, some arbitrary characters (any code point, lone surrogates included). */
function soup(tokens: readonly string[], maxTokens = 8): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...tokens) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
      ),
      { maxLength: maxTokens },
    )
    .map((parts) => parts.join(''));
}

const indent: fc.Arbitrary<string> = fc.constantFrom('', '', '', '  ', '    ', '\t', ' ');
const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Lines of indented token soup (or of `line`), joined by mostly LF and some CRLF / CR. */
function lines(line: fc.Arbitrary<string>, maxLines = 30, lineIndent: fc.Arbitrary<string> = indent): fc.Arbitrary<string> {
  return fc.array(fc.tuple(lineIndent, line, lineBreak), { maxLength: maxLines, size: 'medium' }).map((ls) => ls.map(([i, l, br]) => i + l + br).join(''));
}

const readmeValue = fc.oneof(soup(README_TOKENS, 3), fc.constantFrom('gradio', 'docker', '"5.49.1"', '5.0', 'app.py', 'zero-a10g', '[a, b]', '{a: 1}', '|', '>-', '&x 1', '*x', 'true', '7860'));
const readmeKey = fc.constantFrom(...configKeys, 'app-port', 'App_File', 'colorfrom', 'sdk-version', 'hardware', 'pipeline_tag', 'unknown_key', '- item', '? complex', ...ruleIds);
const readmeLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(readmeKey, fc.constantFrom(': ', ':', ' : ', ': ', ''), readmeValue).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...directives), fc.constantFrom('', ' ', ' config-unknown-key', ` ${ruleIds.join(', ')}`)).map((p) => p.join('')) },
  { weight: 2, arbitrary: soup(README_TOKENS) },
);
const readmeText = fc.oneof(
  // Front matter around YAML-ish lines, which is where most of the README logic is.
  {
    weight: 4,
    arbitrary: fc
      .tuple(lines(readmeLine, 30, fc.constantFrom('', '', '', '', '', '', '  ', '  - ')), fc.constantFrom('---\n', '---\r\n', '---', '--- \n', ''))
      .map(([yaml, close]) => `---\n${yaml}${close}# Demo\n`),
  },
  { weight: 1, arbitrary: lines(soup(README_TOKENS)) },
);

/** A Space made of random text: one file of each kind, some of them missing. */
export const randomSpace: fc.Arbitrary<SpaceEntries> = fc
  .record(
    {
      'README.md': readmeText,
      'app.py': lines(soup(PYTHON_TOKENS), 40),
      'helpers.py': lines(soup(PYTHON_TOKENS), 10),
      'requirements.txt': lines(soup(REQUIREMENTS_TOKENS, 5), 15),
      'pre-requirements.txt': lines(soup(REQUIREMENTS_TOKENS, 5), 3),
      'packages.txt': lines(soup(PACKAGES_TOKENS, 3), 8),
      Dockerfile: lines(soup(DOCKER_TOKENS, 6), 15),
      '.spacelint.yaml': lines(soup(CONFIG_TOKENS, 4), 6),
    },
    { requiredKeys: ['README.md'] },
  )
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as SpaceEntries);

// ---------------------------------------------------------------------------------------------------------
// Mutations of real Spaces. Each is a plain record, so a failing case prints what was done to which file.

export type Mutation =
  | { kind: 'delete-lines'; file: number; line: number; count: number }
  | { kind: 'duplicate-lines'; file: number; line: number; count: number; times: number }
  | { kind: 'cut'; file: number; at: number }
  | { kind: 'insert-text'; file: number; at: number; text: string }
  | { kind: 'huge-line'; file: number; at: number; fragment: number | string; length: number }
  | { kind: 'deep-nesting'; file: number; at: number; open: string; depth: number; closed: boolean }
  | { kind: 'line-endings'; file: number; style: 'crlf' | 'cr' | 'lf' | 'mixed' }
  | { kind: 'bom'; file: number; at: number }
  | { kind: 'nul'; file: number; at: number; count: number }
  | { kind: 'lone-surrogate'; file: number; at: number; unit: number }
  | { kind: 'drop-file'; file: number }
  | { kind: 'rename-file'; file: number; to: string }
  | { kind: 'empty-file'; file: number }
  | { kind: 'graft-line'; file: number; from: number; line: number; at: number }
  | { kind: 'random-bytes'; file: number; at: number; bytes: number[] }
  | { kind: 'secret'; file: number; at: number; secret: string };

/** Token shapes of src/security/redact.ts (not real tokens), alone and in the places rules quote. */
const FAKE_SECRETS = [
  // Not alphabet runs (`AbCdEf…`, `ABCDEFGH…`): lowercased, as a PEP 503 name is, such a run is a placeholder
  // by redact.ts's own rule and is left as written on purpose, which the leak check would then flag.
  'hf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo',
  'api_org_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo',
  'sk-proj-Q7xK2mPz9RtL4vWnB8cY3hJd',
  'ghp_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo5k',
  'AKIAZ7QH3MXR2P9LKW4T',
  '\nhf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo: 1\n',
  '\nsdk: hf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo\n',
  '\n# spacelint-disable-next-line hf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo\n',
  '\nhf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo==1.0\n',
  '\nRUN hf_Q7xK2mPz9RtL4vWnB8cY3hJdF6sG1aVu0eNo\n',
];

const at = fc.nat({ max: 1_000_000 });
const fileIndex = fc.nat({ max: 50 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), file: fileIndex, line: at, count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate-lines' as const), file: fileIndex, line: at, count: fc.integer({ min: 1, max: 4 }), times: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('cut' as const), file: fileIndex, at }),
  fc.record({ kind: fc.constant('insert-text' as const), file: fileIndex, at, text: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('huge-line' as const),
    file: fileIndex,
    at,
    // A piece of the file itself (its length), or a character that parsers treat specially.
    fragment: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom(' ', '\t', '(', '[', '{', '.', ',', '*', '\\', '#', '-', '"', "'", ':', '=', 'a', '@', ';', 'a=', '--a ', ' \\')),
    length: fc.integer({ min: 2_000, max: 60_000 }),
  }),
  fc.record({
    kind: fc.constant('deep-nesting' as const),
    file: fileIndex,
    at,
    open: fc.constantFrom('(', '[', '{', '- ', '  ', '"""', 'if x:\n', '- [', '? '),
    depth: fc.integer({ min: 10, max: 5_000 }),
    closed: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('line-endings' as const), file: fileIndex, style: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('bom' as const), file: fileIndex, at: fc.oneof(fc.constant(0), at) }),
  fc.record({ kind: fc.constant('nul' as const), file: fileIndex, at, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('lone-surrogate' as const), file: fileIndex, at, unit: fc.integer({ min: 0xd800, max: 0xdfff }) }),
  fc.record({ kind: fc.constant('drop-file' as const), file: fileIndex }),
  fc.record({
    kind: fc.constant('rename-file' as const),
    file: fileIndex,
    to: fc.constantFrom('README.md', 'readme.md', 'app.py', 'main.py', 'src/app.py', 'requirements.txt', 'Dockerfile', 'packages.txt', '.spacelint.yaml', 'a b.py', 'Dockerfile.dev'),
  }),
  fc.record({ kind: fc.constant('empty-file' as const), file: fileIndex }),
  fc.record({ kind: fc.constant('graft-line' as const), file: fileIndex, from: fileIndex, line: at, at }),
  fc.record({ kind: fc.constant('random-bytes' as const), file: fileIndex, at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  // A token where a rule may quote it (a key, a value, a directive's rule list): findings must not show it.
  fc.record({ kind: fc.constant('secret' as const), file: fileIndex, at, secret: fc.constantFrom(...FAKE_SECRETS) }),
);

/** Applies mutations in order; raw-byte mutations go last (text mutations work on strings). */
export function mutate(entries: SpaceEntries, mutations: Mutation[]): SpaceEntries {
  const out: SpaceEntries = { ...entries };
  const ordered = [...mutations.filter((m) => m.kind !== 'random-bytes'), ...mutations.filter((m) => m.kind === 'random-bytes')];
  for (const m of ordered) applyMutation(out, m);
  return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function applyMutation(out: SpaceEntries, m: Mutation): void {
  const paths = Object.keys(out);
  if (paths.length === 0) return;
  const path = paths[m.file % paths.length];
  const raw = out[path];
  const text = typeof raw === 'string' ? raw : decoder.decode(raw);
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = text.split(/(?<=\n)/);
  const lineAt = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
  const insert = (offset: number, piece: string) => (out[path] = text.slice(0, offset) + piece + text.slice(offset));
  switch (m.kind) {
    case 'delete-lines': {
      const l = lineAt(m.line);
      out[path] = [...lines.slice(0, l), ...lines.slice(l + m.count)].join('');
      break;
    }
    case 'duplicate-lines': {
      const l = lineAt(m.line);
      const block = lines.slice(l, l + m.count).join('');
      out[path] = lines.slice(0, l).join('') + block.repeat(m.times + 1) + lines.slice(l + m.count).join('');
      break;
    }
    case 'cut':
      out[path] = text.slice(0, pos(m.at));
      break;
    case 'insert-text':
      insert(pos(m.at), m.text);
      break;
    case 'huge-line': {
      // Repeat a piece of the file itself (or a space) so the long line is made of what the parser sees there.
      const start = pos(m.at);
      const fragment = typeof m.fragment === 'string' ? m.fragment : text.slice(start, start + m.fragment).replace(/[\r\n]/g, '') || ' ';
      insert(start, fragment.repeat(Math.ceil(m.length / fragment.length)).slice(0, m.length));
      break;
    }
    case 'deep-nesting': {
      const closeOf: Record<string, string> = { '(': ')', '[': ']', '{': '}', '"""': '"""', '- [': ']' };
      let piece: string;
      if (m.open === '  ' || m.open === '- ' || m.open === '? ') {
        // Indentation nesting: each line one level deeper (YAML mappings/sequences, Python blocks).
        const depth = Math.min(m.depth, 400);
        piece = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}${m.open === '  ' ? 'k:' : m.open + 'k:'}\n`).join('');
      } else if (m.open === 'if x:\n') {
        const depth = Math.min(m.depth, 400);
        piece = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + `${' '.repeat(depth)}pass\n`;
      } else {
        piece = m.open.repeat(m.depth) + (m.closed ? (closeOf[m.open] ?? '').repeat(m.depth) : '');
      }
      insert(pos(m.at), piece);
      break;
    }
    case 'line-endings': {
      const bare = text.replace(/\r\n?/g, '\n');
      if (m.style === 'lf') out[path] = bare;
      else if (m.style === 'crlf') out[path] = bare.replace(/\n/g, '\r\n');
      else if (m.style === 'cr') out[path] = bare.replace(/\n/g, '\r');
      else
        out[path] = bare
          .split('\n')
          .map((l, i, all) => (i === all.length - 1 ? l : l + ['\r\n', '\n', '\r'][i % 3]))
          .join('');
      break;
    }
    case 'bom':
      insert(m.at === 0 ? 0 : pos(m.at), '\uFEFF');
      break;
    case 'nul':
      insert(pos(m.at), '\0'.repeat(m.count));
      break;
    case 'secret':
      insert(pos(m.at), m.secret);
      break;
    case 'lone-surrogate':
      insert(pos(m.at), String.fromCharCode(m.unit));
      break;
    case 'drop-file':
      delete out[path];
      break;
    case 'rename-file':
      delete out[path];
      out[m.to] = raw;
      break;
    case 'empty-file':
      out[path] = '';
      break;
    case 'graft-line': {
      const from = out[paths[m.from % paths.length]];
      const fromLines = (typeof from === 'string' ? from : decoder.decode(from)).split(/(?<=\n)/);
      insert(pos(m.at), fromLines[m.line % Math.max(1, fromLines.length)] ?? '');
      break;
    }
    case 'random-bytes': {
      const bytes = typeof raw === 'string' ? encoder.encode(text) : raw;
      const p = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
      const next = new Uint8Array(bytes.length + m.bytes.length);
      next.set(bytes.subarray(0, p), 0);
      next.set(m.bytes, p);
      next.set(bytes.subarray(p), p + m.bytes.length);
      out[path] = next;
      break;
    }
  }
}

/** A seed Space (an example or a rule's documented case) with one to four mutations. */
export function mutatedSpace(seeds: { name: string; entries: SpaceEntries }[]): fc.Arbitrary<{ seed: string; mutations: Mutation[]; entries: SpaceEntries }> {
  return fc
    .record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
    .map(({ seed, mutations }) => ({ seed: seed.name, mutations, entries: mutate(seed.entries, mutations) }));
}

/** Total size in UTF-16 units / bytes, for the time bound. */
export function spaceSize(entries: SpaceEntries): number {
  return Object.values(entries).reduce((n, v) => n + v.length, 0);
}

// ---------------------------------------------------------------------------------------------------------
// Python calls whose arguments fixes and suggestions remove or rewrite, laid out every way formatters and
// people write them (one line, black's one argument per line with a trailing comma, comments between
// arguments, CRLF): a fix must leave a file that CPython still parses.

const CALL_ARGUMENTS = ['share=True', 'server_name="0.0.0.0"', 'show_error=True', 'share=SHARE', 'max_threads=None', 'debug=True', '*args', '**kwargs'];
const QUEUE_ARGUMENTS = ['concurrency_count=4', 'max_size=None', 'default_concurrency_limit=None', 'api_open=False', 'status_update_rate="auto"'];
const LAYOUTS = ['inline', 'black', 'black-no-trailing', 'comments', 'hanging'] as const;

function layoutCall(callee: string, args: string[], layout: (typeof LAYOUTS)[number]): string {
  if (!args.length) return `${callee}()`;
  switch (layout) {
    case 'inline':
      return `${callee}(${args.join(', ')})`;
    case 'black':
      return `${callee}(\n${args.map((a) => `    ${a},\n`).join('')})`;
    case 'black-no-trailing':
      return `${callee}(\n    ${args.join(',\n    ')}\n)`;
    case 'comments':
      return `${callee}(  # start\n${args.map((a, i) => `    ${a},  # argument ${i}\n`).join('')})`;
    case 'hanging':
      return `${callee}(${args[0]},\n${' '.repeat(callee.length + 1)}${args.slice(1).join(`,\n${' '.repeat(callee.length + 1)}`)})`;
  }
}

const callArgs = (names: string[]) => fc.uniqueArray(fc.constantFrom(...names), { maxLength: 4 }).map((a) => a.filter((x, i) => !x.startsWith('*') || i === a.length - 1));

/** A Gradio Space whose app calls `queue()` and `launch()` with fixable arguments, in a random layout. */
export const pythonCallSpace: fc.Arbitrary<SpaceEntries> = fc
  .record({ launch: callArgs(CALL_ARGUMENTS), queue: callArgs(QUEUE_ARGUMENTS), layout: fc.constantFrom(...LAYOUTS), crlf: fc.boolean(), sdk: fc.constantFrom('"3.50.2"', '"4.44.1"', '"5.49.1"') })
  .map(({ launch, queue, layout, crlf, sdk }) => {
    const app = [
      'import gradio as gr',
      'SHARE = True',
      'args, kwargs = [], {}',
      '',
      'demo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")',
      layoutCall('demo.queue', queue, layout),
      layoutCall('demo.launch', launch, layout),
      '',
    ].join('\n');
    return {
      'README.md': `---\ntitle: Demo\nsdk: gradio\nsdk_version: ${sdk}\napp_file: app.py\n---\n# Demo\n`,
      'app.py': crlf ? app.replace(/\n/g, '\r\n') : app,
    };
  });

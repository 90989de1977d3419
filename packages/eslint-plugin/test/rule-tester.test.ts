import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../src/index.js';

// RuleTester runs its cases through the test framework's describe/it.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const APP = 'import gradio as gr\n\ndemo = gr.Interface(fn=lambda x: x, inputs="text", outputs="text")\ndemo.launch()\n';
const readme = (yaml: string) => `---\ntitle: Demo\n${yaml}---\n# Demo\n`;

/** Each tester lints its code as one file of an in-memory Space holding the other files. */
function tester(language: string, files: Record<string, string>) {
  return new RuleTester({ plugins: { spacelint: plugin }, language: `spacelint/${language}`, languageOptions: { space: { files } } });
}

describe('README.md (spacelint/readme)', () => {
  const withApp = tester('readme', { 'app.py': APP });

  withApp.run('config-unknown-key', plugin.rules['config-unknown-key'], {
    valid: [
      { filename: 'README.md', code: readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py\n') },
      // An ESLint directive in a YAML comment of the front matter.
      { filename: 'README.md', code: readme('sdk: gradio\n# eslint-disable-next-line rule-to-test/config-unknown-key -- kept for a fork\nfoo_bar: 1\n') },
      // spacelint's own directive, applied by core.
      { filename: 'README.md', code: readme('sdk: gradio\nfoo_bar: 1 # spacelint-disable-line config-unknown-key\n') },
    ],
    invalid: [
      {
        // A separator typo: a safe autofix, plus suggestions.
        filename: 'README.md',
        code: readme('sdk: gradio\napp-file: app.py\n'),
        output: readme('sdk: gradio\napp_file: app.py\n'),
        errors: [
          {
            message: /^Unknown key `app-file`: did you mean `app_file`\?/,
            line: 4,
            column: 1,
            endLine: 4,
            endColumn: 9,
            suggestions: [
              { desc: 'Rename to `app_file`', output: readme('sdk: gradio\napp_file: app.py\n') },
              { desc: 'Remove `app-file`', output: readme('sdk: gradio\n') },
            ],
          },
        ],
      },
      {
        // Not a known key at all: suggestion only, no autofix.
        filename: 'README.md',
        code: readme('sdk: gradio\nfoo_bar: 1\n'),
        output: null,
        errors: [{ message: /^Unknown key `foo_bar`/, line: 4, column: 1, suggestions: [{ desc: 'Remove `foo_bar`', output: readme('sdk: gradio\n') }] }],
      },
      {
        // CRLF line ends and a BOM-less README: positions still match core's.
        filename: 'README.md',
        code: '---\r\nsdk: gradio\r\ncolorfrom: red\r\n---\r\n',
        output: '---\r\nsdk: gradio\r\ncolorFrom: red\r\n---\r\n',
        errors: [
          {
            message: /`colorfrom`/,
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 10,
            suggestions: [
              { desc: 'Rename to `colorFrom`', output: '---\r\nsdk: gradio\r\ncolorFrom: red\r\n---\r\n' },
              { desc: 'Remove `colorfrom`', output: '---\r\nsdk: gradio\r\n---\r\n' },
            ],
          },
        ],
      },
    ],
  });

  // Cross-file: whether the app file exists is read from the other files of the Space.
  withApp.run('config-app-file-missing', plugin.rules['config-app-file-missing'], {
    valid: [{ filename: 'README.md', code: readme('sdk: gradio\napp_file: app.py\n') }],
    invalid: [
      {
        filename: 'README.md',
        code: readme('sdk: gradio\napp_file: main.py\n'),
        output: null,
        errors: [
          {
            message: /^The app file `main\.py` does not exist \(found `app\.py`\)/,
            line: 4,
            column: 11,
            endColumn: 18,
            suggestions: [{ desc: 'Use `app_file: app.py`', output: readme('sdk: gradio\napp_file: app.py\n') }],
          },
        ],
      },
    ],
  });

  withApp.run('config-invalid-value', plugin.rules['config-invalid-value'], {
    valid: [{ filename: 'README.md', code: readme('sdk: gradio\ncolorFrom: pink\n') }],
    invalid: [
      {
        filename: 'README.md',
        code: readme('sdk: gradio\ncolorFrom: pinc\n'),
        errors: [
          {
            message: /`colorFrom: pinc` is not a documented thumbnail color \(did you mean `pink`\?\)/,
            line: 4,
            column: 12,
            suggestions: [{ desc: 'Use `pink`', output: readme('sdk: gradio\ncolorFrom: pink\n') }],
          },
        ],
      },
    ],
  });
});

// spacelint directives that turn nothing off are reported (and removed by --fix) in every file type
// that takes directives; ESLint's own directives work in the same `#` comments.
const UNUSED = /^Unused `spacelint-disable-next-line` directive/;
const SPACE = { 'README.md': readme('sdk: gradio\n'), 'app.py': APP };

describe('Python (spacelint/python)', () => {
  tester('python', SPACE).run('unused-directive', plugin.rules['unused-directive'], {
    valid: [
      { filename: 'app.py', code: APP },
      { filename: 'app.py', code: `# eslint-disable-next-line rule-to-test/unused-directive\n# spacelint-disable-next-line config-unknown-key\n${APP}` },
      { filename: 'app.py', code: `# eslint-disable rule-to-test/unused-directive\n# spacelint-disable-next-line config-unknown-key\n${APP}` },
    ],
    invalid: [
      {
        filename: 'app.py',
        code: `import gradio as gr  # a comment\n# spacelint-disable-next-line config-unknown-key\nx = 1\n`,
        output: `import gradio as gr  # a comment\nx = 1\n`,
        errors: [{ message: UNUSED, line: 2, column: 1, endLine: 2, endColumn: 49 }],
      },
    ],
  });
});

describe('requirements.txt (spacelint/requirements)', () => {
  tester('requirements', SPACE).run('unused-directive', plugin.rules['unused-directive'], {
    valid: [
      { filename: 'requirements.txt', code: 'numpy\ntorch==2.5.1\n' },
      { filename: 'requirements.txt', code: '# eslint-disable-next-line rule-to-test/unused-directive\n# spacelint-disable-next-line config-unknown-key\nnumpy\n' },
    ],
    invalid: [
      {
        filename: 'requirements.txt',
        code: 'numpy  # spacelint-disable-line parse-error\ntorch\n',
        output: 'numpy\ntorch\n',
        errors: [{ message: /^Unused `spacelint-disable-line` directive/, line: 1, column: 8 }],
      },
      {
        filename: 'pre-requirements.txt',
        code: '# spacelint-disable-next-line parse-error\npip==24.0\n',
        output: 'pip==24.0\n',
        errors: [{ message: UNUSED, line: 1, column: 1 }],
      },
    ],
  });
});

describe('Dockerfile (spacelint/dockerfile)', () => {
  const docker = { 'README.md': readme('sdk: docker\napp_port: 7860\n') };
  tester('dockerfile', docker).run('unused-directive', plugin.rules['unused-directive'], {
    valid: [
      { filename: 'Dockerfile', code: 'FROM python:3.11\nCMD ["python", "app.py"]\n' },
      { filename: 'Dockerfile', code: '# eslint-disable-next-line rule-to-test/unused-directive\n# spacelint-disable-next-line parse-error\nFROM python:3.11\n' },
    ],
    invalid: [
      {
        filename: 'Dockerfile',
        code: 'FROM python:3.11\n# spacelint-disable-next-line parse-error\nRUN pip install numpy\n',
        output: 'FROM python:3.11\nRUN pip install numpy\n',
        errors: [{ message: UNUSED, line: 2, column: 1 }],
      },
    ],
  });
});

describe('packages.txt (spacelint/packages)', () => {
  // Every line of packages.txt goes to apt-get: no comment directives there, so nothing to report.
  tester('packages', SPACE).run('unused-directive', plugin.rules['unused-directive'], {
    valid: [{ filename: 'packages.txt', code: 'ffmpeg\nlibsm6\n' }],
    invalid: [],
  });
});

describe('other text files (spacelint/text)', () => {
  tester('text', SPACE).run('unused-directive', plugin.rules['unused-directive'], {
    valid: [
      { filename: '.env', code: 'GRADIO_SERVER_NAME=0.0.0.0\n' },
      { filename: 'run.sh', code: '#!/bin/sh\npython app.py\n' },
    ],
    invalid: [],
  });
});

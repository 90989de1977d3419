import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from './lint-files.js';

/** Odd but possible Dockerfiles and start scripts: the Docker, storage and security rules report cleanly or stay silent, never fail. */
const DOCKERFILES = [
  '',
  'FROM\n',
  'CMD\nENTRYPOINT\nEXPOSE\nENV\nARG\nUSER\nCOPY\nRUN\n',
  'FROM python:3.12\nCMD []\n',
  'FROM python:3.12\nCMD ["sh", "-c"]\n',
  'FROM python:3.12\nENTRYPOINT ["bash"]\nCMD ["-c"]\n',
  'FROM python:3.12\nCMD ["uvicorn", "app:app", "--port"]\n',
  'FROM python:3.12\nCMD uvicorn app:app --host --port=\n',
  'FROM python:3.12\nCMD ["python", "-m"]\n',
  'FROM python:3.12\nCMD sh -c "unterminated\n',
  'FROM python:3.12\nCMD echo \'$(nested "quotes" `here`)\' && gunicorn -b [::]:7860 app:app\n',
  'FROM python:3.12\nENV A=$B B=$A C=${D:-${E}}\nEXPOSE $A 7860/udp notaport\nCMD ["./loop.sh"]\n',
  'FROM python:3.12 AS base\nFROM base AS app\nFROM app\nCMD python app.py\n',
  'FROM python:3.12\nRUN ["python", "-c", "import torch; torch.cuda.init()"\nARG =\nENV =x\nCOPY --from=base\nRUN chown -R\n',
  `FROM python:3.12\nRUN echo ${'a '.repeat(20_000)}\nCMD ${'uvicorn app:app && '.repeat(500)}true\n`,
];
const SCRIPTS = {
  'loop.sh': '#!/bin/sh\nexec ./loop.sh "$@"\n',
  'app.py': 'import gradio as gr\nimport os\nPORT = os.environ.get("PORT")\ndemo = gr.Interface(lambda x: x, "text", "text")\ndemo.launch(server_port=PORT, server_name=os.environ["HOST"])\n',
  '.streamlit/config.toml': '[server]\nport = "abc"\naddress =\n',
};

describe('Docker, storage and security rules on odd input', () => {
  it('never fail, whatever the Dockerfile holds', async () => {
    for (const dockerfile of DOCKERFILES) {
      const found = await lintFiles({ 'README.md': readme('sdk: docker\napp_port: 7860\npreload_from_hub:\n  - org/m'), Dockerfile: dockerfile, ...SCRIPTS });
      expect(
        found.filter((d) => d.ruleId === 'internal-error'),
        dockerfile.slice(0, 80),
      ).toEqual([]);
    }
  });

  it('never fail on binary, huge-line or secret-dense text files', async () => {
    const files = {
      'README.md': readme('sdk: gradio\napp_file: app.py'),
      'app.py': 'print(1)\n',
      'blob.bin': new Uint8Array([0, 1, 2, 3, 255]),
      'min.js': `var token="${'x'.repeat(500_000)}";`,
      'keys.txt': Array.from({ length: 2000 }, (_, i) => `api_key_${i} = "Zx${i}Qk9Lm2Vb7Nc4Pw8Rt"`).join('\n'),
    };
    const found = await lintFiles(files);
    expect(found.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
    expect(found.filter((d) => d.file === 'keys.txt').length).toBeLessThanOrEqual(200);
  });
});

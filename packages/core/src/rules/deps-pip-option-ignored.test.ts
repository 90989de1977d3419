import { describe, expect, it } from 'vitest';
import { GRADIO_APP, GRADIO_README, lintFiles } from '../../test/lint-files.js';

const only = 'deps-pip-option-ignored';
const space = (requirements: string, extra: Record<string, string> = {}) => ({ 'README.md': GRADIO_README, 'app.py': GRADIO_APP, 'requirements.txt': requirements, ...extra });

describe(only, () => {
  it('warns on a global option after a requirement, suggesting a line of its own', async () => {
    const text = 'numpy\ntorch --index-url https://download.pytorch.org/whl/cpu\n';
    const [d, ...rest] = await lintFiles(space(text), { only });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', line: 2, column: 7, message: expect.stringContaining('pip ignores `--index-url`') });
    const fix = d.suggestions![0].fix;
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toBe('numpy\n--index-url https://download.pytorch.org/whl/cpu\ntorch\n');
  });

  it('follows -r includes and keeps CRLF in the suggestion', async () => {
    const text = 'torch==2.4.0 \\\r\n    --extra-index-url https://download.pytorch.org/whl/cu121\r\n';
    const [d] = await lintFiles(space('-r base.txt\n', { 'base.txt': text }), { only });
    expect(d).toMatchObject({ file: 'base.txt', line: 2 });
    const fix = d.suggestions![0].fix;
    expect(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])).toBe('--extra-index-url https://download.pytorch.org/whl/cu121\r\ntorch==2.4.0\r\n');
  });

  it('stays silent on per-requirement options, options on their own line and hashes from pip-compile', async () => {
    const compiled = 'requests==2.32.3 \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\n    # via -r requirements.in\n';
    expect(await lintFiles(space(compiled), { only })).toEqual([]);
    expect(await lintFiles(space('--index-url https://download.pytorch.org/whl/cpu\ntorch\n-f https://data.pyg.org/whl/torch-2.4.0.html\n'), { only })).toEqual([]);
    expect(await lintFiles(space('pkg --config-settings="--build-option=--x"\npkg2 -C k=v\npkg3 --global-option="--no-user-cfg"\n'), { only })).toEqual([]);
  });

  it('pip-compile output with hashes is no parse error either', async () => {
    const compiled = 'requests==2.32.3 \\\n    --hash=sha256:aaaa\n';
    expect((await lintFiles(space(compiled))).filter((d) => d.ruleId === 'parse-error')).toEqual([]);
  });
});

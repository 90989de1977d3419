import { describe, expect, it } from 'vitest';
import { lintFiles, readme } from '../../test/lint-files.js';

const only = 'security-secret-logged';
const space = (body: string, files: Record<string, string> = {}) => ({
  'README.md': readme('sdk: gradio\nsdk_version: "5.49.1"\napp_file: app.py'),
  'app.py': `import os, sys, logging\nfrom os import getenv\nlogger = logging.getLogger(__name__)\nHF_TOKEN = os.environ["HF_TOKEN"]\napi_key = os.getenv("OPENAI_API_KEY", "")\nMODEL = os.environ.get("MODEL_ID")\n${body}\n`,
  ...files,
});

describe(only, () => {
  it('warns on printing or logging secret values, directly or through variables', async () => {
    const cases = [
      'print(HF_TOKEN)',
      'print("token:", HF_TOKEN)',
      'print(f"Using token {HF_TOKEN}")',
      'print(f"key={api_key!r}")',
      'logging.info("key %s", api_key)',
      'logger.debug("token: " + HF_TOKEN)',
      'sys.stdout.write(os.environ["HF_TOKEN"])',
      'print(os.getenv("GROQ_API_KEY"))',
      'print(f"{getenv(\'DB_PASSWORD\')}")',
      'print("token {}".format(HF_TOKEN))',
    ];
    for (const body of cases) {
      const found = await lintFiles(space(body), { only });
      expect(
        found.map((d) => d.level),
        body,
      ).toEqual(['warning']);
      expect(found[0].message).toContain("Space's logs");
    }
  });

  it('stays silent on presence checks, partial values, non-secret names and other calls', async () => {
    const body = [
      'print(f"HF_TOKEN set: {HF_TOKEN is not None}")',
      'print("token set" if HF_TOKEN else "no token")',
      'print(bool(api_key), len(HF_TOKEN))',
      'print(f"{HF_TOKEN[:4]}...")',
      'print(MODEL)',
      'print(os.environ["MODEL_ID"])',
      'logger.info("starting")',
      'login(token=HF_TOKEN)',
      'print("HF_TOKEN")',
    ].join('\n');
    expect(await lintFiles(space(body), { only })).toEqual([]);
  });
});

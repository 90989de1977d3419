import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { loadEngine } from '../engine.js';
import { docsOf, findingSchema, findingsText, summarySchema, summarize, toFindings } from '../lint-results.js';
import { hardwareSchema, sdkSchema } from '../reference-enums.js';
import { defineTool, ToolError } from '../tool.js';

export const scaffoldSpace = defineTool({
  name: 'scaffold_space',
  title: 'Scaffold a new Space',
  group: 'lint',
  description: 'Files of a new Space that lint clean; with path, written to that new folder (for deploy_space). Ask the person: sdk, title, hardware, inputs, secret names.',
  inputSchema: z.strictObject({
    sdk: sdkSchema,
    title: z.string().min(1).max(80).describe('Display title.'),
    hardware: hardwareSchema.optional().describe('Hardware flavor; zero-a10g is ZeroGPU.'),
    zerogpu: z.boolean().optional().describe('Same as hardware zero-a10g (Gradio only).'),
    inputs: z.string().max(500).optional().describe('What the app takes, e.g. "an image and a prompt".'),
    secrets: z.array(z.string()).max(50).optional().describe('Names of secrets the app reads (never values).'),
    persistent_data: z.boolean().optional().describe('Keep data and the HF cache on a /data volume.'),
    path: z.string().optional().describe('Folder (inside --root) to write the files into.'),
  }),
  outputSchema: z.object({
    files: z.record(z.string(), z.string()).describe('Path → text.'),
    written: z.string().optional().describe('The folder the files were written to.'),
    notes: z.array(z.string()).describe('What is left to do, in order.'),
    diagnostics: z.array(findingSchema),
    summary: summarySchema,
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, context) {
    const { core } = await loadEngine(context.services.redactor);
    let result;
    try {
      result = core.scaffoldSpace({
        sdk: args.sdk,
        title: args.title,
        hardware: args.hardware,
        zerogpu: args.zerogpu,
        inputs: args.inputs,
        secrets: args.secrets,
        persistentData: args.persistent_data,
      });
    } catch (error) {
      if (error instanceof core.ScaffoldError) throw new ToolError(error.message);
      throw error;
    }
    const { diagnostics } = core.lintSnapshot(core.snapshotFromEntries(result.files, 'scaffold'));
    const findings = toFindings(diagnostics, context.services.redactor);
    let written: string | undefined;
    if (args.path !== undefined) written = await writeNewFiles(await context.services.paths.newDirectory(args.path), result.files);
    const names = Object.keys(result.files);
    const lines = [
      `New ${args.sdk} Space "${args.title}": ${names.join(', ')}${findings.length ? '' : ' (lints clean)'}${written ? `, written to ${written}` : ''}.`,
      ...result.notes.map((n) => `- ${n}`),
    ];
    if (findings.length) lines.push(findingsText('Lint', findings, docsOf(findings, core)));
    // Without a folder the files are the result: clients that forward only text must get them too.
    if (!written) for (const [name, text] of Object.entries(result.files)) lines.push('', `=== ${name} ===`, text.trimEnd());
    if (written) await context.log('info', `scaffolded ${names.length} files in ${written}`);
    return {
      structured: { files: written ? {} : result.files, ...(written ? { written } : {}), notes: result.notes, diagnostics: findings, summary: summarize(findings) },
      summary: lines.join('\n'),
    };
  },
});

/** Writes each file exclusively (`wx`): an existing file, or a symlink planted in its place, is never written through. */
async function writeNewFiles(dir: string, files: Record<string, string>): Promise<string> {
  for (const name of Object.keys(files)) {
    if (
      await lstat(join(dir, name)).then(
        () => true,
        () => false,
      )
    ) {
      throw new ToolError(`${join(dir, name)} already exists: scaffold_space writes only into a new or empty folder (nothing was written)`);
    }
  }
  for (const [name, text] of Object.entries(files)) {
    const target = join(dir, name);
    await mkdir(dirname(target), { recursive: true });
    let handle;
    try {
      handle = await open(target, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ToolError(code === 'EEXIST' ? `${target} already exists: scaffold_space writes only into a new or empty folder` : `cannot write ${target} (${code ?? 'error'})`);
    }
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
  }
  return dir;
}

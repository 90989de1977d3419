import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool } from '../tool.js';
import { revisionSchema, spaceIdSchema } from './space-id.js';

/** Bounds of one call: a Space may hold models and data, an agent wants its source. */
const LIMITS = { files: 20, fileBytes: 100 * 1024, totalBytes: 300 * 1024, listed: 500 };

export const readSpaceFiles = defineTool({
  name: 'read_space_files',
  title: 'Read Space files on the Hub',
  group: 'observe',
  description: `Lists a Hub Space's files and reads the text of those in paths (max ${LIMITS.files}, ${LIMITS.fileBytes / 1024} KB each).`,
  inputSchema: z.strictObject({
    space: spaceIdSchema,
    revision: revisionSchema.optional(),
    paths: z.array(z.string()).max(LIMITS.files).optional().describe('Files to read; omit to only list.'),
  }),
  outputSchema: z.object({
    space: z.string(),
    files: z.array(z.object({ path: z.string(), size: z.number() })),
    contents: z.array(z.object({ path: z.string(), text: z.string().optional(), skipped: z.string().optional() })),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const { client } = await hubFor(context, false);
    const revision = args.revision ? { revision: args.revision } : {};
    const entries = await hubCall(context, client.listFiles(args.space, revision));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const redactor = context.services.redactor;
    const contents: { path: string; text?: string; skipped?: string }[] = [];
    let total = 0;
    for (const path of args.paths ?? []) {
      const entry = byPath.get(path);
      const skip = (skipped: string) => contents.push({ path, skipped });
      if (!entry) skip('no such file at this revision');
      else if (entry.lfs) skip('stored in LFS (binary or large): not read');
      else if (entry.size > LIMITS.fileBytes) skip(`${entry.size} bytes: over the ${LIMITS.fileBytes / 1024} KB limit`);
      else if (total + entry.size > LIMITS.totalBytes) skip(`over the ${LIMITS.totalBytes / 1024} KB limit of one call: read it in another call`);
      else {
        const bytes = await hubCall(context, client.downloadFile(args.space, path, { ...revision, known: entry }));
        const text = bytes && decodeText(bytes);
        if (text === undefined || text === null) skip('not UTF-8 text');
        else {
          total += entry.size;
          contents.push({ path, text: redactor.redact(text) });
        }
      }
    }
    const files = entries.slice(0, LIMITS.listed).map((e) => ({ path: e.path, size: e.size }));
    const lines = [
      `${args.space}${args.revision ? `@${args.revision}` : ''}: ${entries.length} files${entries.length > LIMITS.listed ? ` (first ${LIMITS.listed} listed)` : ''}`,
      ...files.map((f) => `  ${f.path} (${f.size} B)`),
    ];
    for (const c of contents) lines.push('', `=== ${c.path} ===`, c.text !== undefined ? c.text.trimEnd() : `(${c.skipped})`);
    return { structured: { space: args.space, files, contents }, summary: lines.join('\n') };
  },
});

function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

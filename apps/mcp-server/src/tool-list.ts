import { z } from 'zod';
import type { ToolDefinition } from './tool.js';

/** One entry of tools/list as this server advertises it. */
export interface ToolListEntry {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [k: string]: unknown };
  outputSchema: { type: 'object'; [k: string]: unknown };
  annotations: Record<string, unknown>;
}

/**
 * tools/list in definition order, with JSON Schema 2020-12 (the MCP 2025-11-25 default dialect). The
 * bundle embeds this list computed at build time; `precomputed` entries are used when they exist.
 */
export function toolList(tools: readonly ToolDefinition[], precomputed?: readonly ToolListEntry[]): ToolListEntry[] {
  const known = new Map(precomputed?.map((t) => [t.name, t]));
  return tools.map(
    (t) =>
      known.get(t.name) ?? {
        name: t.name,
        title: t.title,
        description: t.description,
        inputSchema: portable(z.toJSONSchema(t.inputSchema, { target: 'draft-2020-12', io: 'input' })) as ToolListEntry['inputSchema'],
        outputSchema: portable(z.toJSONSchema(t.outputSchema, { target: 'draft-2020-12', io: 'output' })) as ToolListEntry['outputSchema'],
        annotations: { title: t.title, ...t.annotations },
      },
  );
}

/**
 * Spells schemas the way most clients map them (the Inspector's `--strict` portability check): a nullable
 * field as `anyOf` of single types rather than a `type` array, and a free-form value as `true` rather than `{}`.
 */
export function portable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(portable);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    const isEmptySchema = value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
    out[key] = key === 'additionalProperties' && isEmptySchema ? true : portable(value);
  }
  if (Array.isArray(out.type) && out.type.length > 1) {
    const { type, description, ...rest } = out;
    const anyOf = (type as string[]).map((t) => (t === 'null' ? { type: 'null' } : { ...rest, type: t }));
    return description === undefined ? { anyOf } : { description, anyOf };
  }
  return out;
}

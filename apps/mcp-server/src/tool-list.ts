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
 * tools/list in definition order, JSON Schema 2020-12 (the MCP 2025-11-25 default dialect, so no `$schema`
 * is repeated). The list is what an agent pays for before its first call, so it is kept lean: input schemas
 * in full (types, enums, bounds an agent must respect, "exactly one of" as `oneOf`) without zod's
 * safe-integer bounds, and output schemas in outline (each field and its type; the nested shapes are in
 * docs/mcp.md and validated on the server against the full zod schema). The bundle embeds this list
 * computed at build time; `precomputed` entries are used when they exist.
 */
export function toolList(tools: readonly ToolDefinition[], precomputed?: readonly ToolListEntry[]): ToolListEntry[] {
  const known = new Map(precomputed?.map((t) => [t.name, t]));
  return tools.map((t) => {
    const cached = known.get(t.name);
    if (cached) return cached;
    const input = portable(z.toJSONSchema(t.inputSchema, { target: 'draft-2020-12', io: 'input' })) as ToolListEntry['inputSchema'];
    if (t.exactlyOneOf) input.oneOf = t.exactlyOneOf.map((key) => ({ required: [key] }));
    return {
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: input,
      outputSchema: outline(z.toJSONSchema(t.outputSchema, { target: 'draft-2020-12', io: 'output' })) as ToolListEntry['outputSchema'],
      annotations: leanAnnotations(t.annotations),
    };
  });
}

/** MCP's defaults for the hints (readOnly false, destructive true, idempotent false, openWorld true) go unsaid. */
const HINT_DEFAULTS: Record<string, boolean> = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };

function leanAnnotations(annotations: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(annotations).filter(([key, value]) => HINT_DEFAULTS[key] !== value));
}

const SAFE_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * Spells schemas the way most clients map them (the Inspector's `--strict` portability check): a nullable
 * field as `anyOf` of single types rather than a `type` array, and a free-form value as `true` rather than
 * `{}`. Drops `$schema` and zod's ±2^53 integer bounds (they say nothing an agent needs).
 */
export function portable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(portable);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // JSON object keys are strings anyway: zod's `propertyNames: {type: string}` says nothing.
    if (key === '$schema' || key === 'propertyNames') continue;
    // Strictness is enforced by the server (an unknown argument is an error that names it); saying it in
    // every schema would cost each tool its bytes for no change in what an agent sends.
    if (key === 'additionalProperties' && value === false) continue;
    if ((key === 'minimum' || key === 'maximum') && SAFE_BOUNDS.has(value as number)) continue;
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

/** An output schema in outline: the top-level fields with their types, nothing nested. */
export function outline(schema: unknown): unknown {
  const s = schema as { properties?: Record<string, Record<string, unknown>> };
  const properties: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(s.properties ?? {})) properties[key] = typeOf(field);
  return { type: 'object', properties };
}

function typeOf(field: Record<string, unknown>): unknown {
  if (typeof field.type === 'string') return { type: field.type };
  if (Array.isArray(field.type)) return { anyOf: field.type.map((t) => ({ type: t })) };
  const options = (field.anyOf ?? field.oneOf) as Record<string, unknown>[] | undefined;
  if (options) {
    const types = [...new Set(options.map((o) => (typeof o.type === 'string' ? o.type : undefined)))];
    if (types.every(Boolean)) return types.length === 1 ? { type: types[0] } : { anyOf: types.map((t) => ({ type: t })) };
  }
  if ('const' in field) return { type: typeof field.const === 'number' ? 'number' : typeof field.const };
  return true;
}

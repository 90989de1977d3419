import type { z } from 'zod';
import type { PathGuard } from './path-guard.js';
import type { Redactor } from './redaction.js';
import type { HubAccess } from './hub-access.js';

/** Tool groups for `--tools` (DESIGN.md "The three ways in"). */
export type ToolGroup = 'lint' | 'observe' | 'deploy';
export const TOOL_GROUPS: readonly ToolGroup[] = ['lint', 'observe', 'deploy'];

export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error';

/** What a handler may do besides computing its result: report progress, log, see cancellation. */
export interface ToolContext {
  /** Sends a progress notification when the client asked for them (a progress token); otherwise nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Logs to stderr and, when the client enabled logging, as an MCP log notification. */
  log(level: LogLevel, message: string): Promise<void>;
  signal: AbortSignal;
  services: ServerServices;
}

/** Process-wide services, shared by every session. */
export interface ServerServices {
  paths: PathGuard;
  hub: HubAccess;
  redactor: Redactor;
}

/** A tool's result: the structured content (validated against the output schema) and a short summary for people. */
export interface ToolOutput<O> {
  structured: O;
  summary: string;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint: boolean;
}

/**
 * One MCP tool as plain data: registered by the SDK module (sdk-server.ts), which alone touches the SDK.
 * Input schemas are strict objects, so a misspelled argument is an error rather than silently ignored.
 */
export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  group: ToolGroup;
  inputSchema: I;
  outputSchema: O;
  annotations: ToolAnnotations;
  /** Arguments of which exactly one must be given: advertised as a `oneOf` and checked by the handler. */
  exactlyOneOf?: readonly string[];
  handler(args: z.output<I>, context: ToolContext): Promise<ToolOutput<z.output<O>>>;
}

/** Keeps each tool's own types while collecting them in one list. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

/** A problem the caller can fix (bad argument, path outside the roots, Hub refusal): returned as `isError`. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** True when a tool changes something (a file, a Space): `--read-only` removes these. */
export function isChangingTool(tool: ToolDefinition): boolean {
  return !tool.annotations.readOnlyHint;
}

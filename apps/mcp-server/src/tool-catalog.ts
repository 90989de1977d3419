import { DEPLOY_TOOLS, OBSERVE_TOOLS } from './tools/hub-tools.js';
import { LINT_TOOLS } from './tools/lint-tools.js';
import { isChangingTool, type ToolDefinition, type ToolGroup } from './tool.js';

/** Every tool, in the order tools/list shows them. */
export const ALL_TOOLS: readonly ToolDefinition[] = [...LINT_TOOLS, ...OBSERVE_TOOLS, ...DEPLOY_TOOLS];

/** The tools `--tools` and `--read-only` leave. */
export function selectTools(groups: readonly ToolGroup[], readOnly: boolean): ToolDefinition[] {
  return ALL_TOOLS.filter((t) => groups.includes(t.group) && !(readOnly && isChangingTool(t)));
}

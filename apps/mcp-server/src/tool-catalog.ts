import { createSpace } from './tools/create-space.js';
import { deleteSpaceSecret } from './tools/delete-space-secret.js';
import { deleteSpaceVariable } from './tools/delete-space-variable.js';
import { deploySpace } from './tools/deploy-space.js';
import { diagnoseSpace } from './tools/diagnose-space.js';
import { explainRule } from './tools/explain-rule.js';
import { fixSpace } from './tools/fix-space.js';
import { lintSpace } from './tools/lint-space.js';
import { listRules } from './tools/list-rules.js';
import { pauseSpace } from './tools/pause-space.js';
import { readSpaceFiles } from './tools/read-space-files.js';
import { restartSpace } from './tools/restart-space.js';
import { scaffoldSpace } from './tools/scaffold-space.js';
import { setSpaceHardware } from './tools/set-space-hardware.js';
import { setSpaceSecret } from './tools/set-space-secret.js';
import { setSpaceSleepTime } from './tools/set-space-sleep-time.js';
import { setSpaceVariable } from './tools/set-space-variable.js';
import { spaceLogs } from './tools/space-logs.js';
import { spaceStatus } from './tools/space-status.js';
import { validateSpaceConfig } from './tools/validate-space-config.js';
import { waitForSpace } from './tools/wait-for-space.js';
import { whoami } from './tools/whoami.js';
import { isChangingTool, type ToolDefinition, type ToolGroup } from './tool.js';

/** Every tool, in the order tools/list shows them: one file per tool under tools/. */
export const ALL_TOOLS: readonly ToolDefinition[] = [
  // lint
  lintSpace,
  fixSpace,
  explainRule,
  listRules,
  validateSpaceConfig,
  scaffoldSpace,
  // observe
  whoami,
  spaceStatus,
  waitForSpace,
  spaceLogs,
  diagnoseSpace,
  readSpaceFiles,
  // deploy
  createSpace,
  deploySpace,
  setSpaceSecret,
  deleteSpaceSecret,
  setSpaceVariable,
  deleteSpaceVariable,
  setSpaceHardware,
  setSpaceSleepTime,
  restartSpace,
  pauseSpace,
];

/** The tools `--tools` and `--read-only` leave. */
export function selectTools(groups: readonly ToolGroup[], readOnly: boolean): ToolDefinition[] {
  return ALL_TOOLS.filter((t) => groups.includes(t.group) && !(readOnly && isChangingTool(t)));
}

// Build-time entry (scripts/bundle.mjs): the tool definitions and the function that lists them.
export { ALL_TOOLS } from '../src/tool-catalog.js';
export { toolList } from '../src/tool-list.js';

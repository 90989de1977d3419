/**
 * Test support for @spacelint/hub and the programs built on it (CLI, MCP server): a faithful local Hub.
 * Not for production use.
 */
export {
  createFakeHub,
  type FakeHub,
  type FakeHubOptions,
  type FakeHubTokenInfo,
  type FakeSpaceSeed,
  type FakeSpaceState,
  type FakeFault,
  type FakeFaultHandle,
  type FakeRequest,
} from './fake-hub.js';
export { simulateBuild, type BuildOutcome, type BuildInput } from './build-simulator.js';

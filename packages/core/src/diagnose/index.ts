export type { LogSignature, LogStage } from './signatures.js';
export { matchSpaceLogs, type LogCause, type LogMatchContext, type SpaceLogsInput } from './match-logs.js';

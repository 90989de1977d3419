export { LOG_SIGNATURES, type LogSignature, type LogStage } from './signatures.js';
export {
  matchLogSignatures,
  matchSpaceLogs,
  cleanLogLine,
  getLogSignature,
  type LogCause,
  type LogMatchContext,
  type SpaceLogsInput,
} from './match-logs.js';

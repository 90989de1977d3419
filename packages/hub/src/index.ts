export {
  HubClient,
  resolveEndpoint,
  DEFAULT_ENDPOINT,
  type HubClientOptions,
  type HubUser,
  type SpaceSdk,
  type SpaceInfo,
  type SpaceRuntimeInfo,
  type SpaceFileEntry,
  savedToken,
  type CreateSpaceOptions,
  type SecretOrVariableInput,
  type UploadOptions,
  type UploadProgress,
  type UploadResult,
  type LogOptions,
} from './client.js';
export {
  HubError,
  HubAuthError,
  HubPermissionError,
  HubNotFoundError,
  HubConflictError,
  HubRateLimitError,
  HubServerError,
  HubTimeoutError,
  HubNetworkError,
  HubRequestError,
  hubErrorMessage,
  type HubErrorCode,
} from './errors.js';
export { DEFAULT_RETRY, type RetryPolicy } from './transport.js';
export type { LogKind, LogLine } from './logs.js';
export {
  parseSpaceId,
  parseHubSpaceUrl,
  formatHubSpaceUrl,
  isHubSpaceUrl,
  SpaceRefError,
  HUB_SPACE_URL_PREFIX,
  type SpaceRef,
} from './space-ref.js';
export { HubSpaceSource } from './hub-source.js';
export {
  collectSpaceFiles,
  DEFAULT_UPLOAD_EXCLUDES,
  type LocalSpaceFiles,
  type LocalFile,
  type SkippedFile,
  type SkipReason,
  type CollectOptions,
} from './local-files.js';
export { deploySpace, DeployRefusedError, type DeployOptions, type DeployResult, type DeployProgress, type DeployPhase } from './deploy.js';
export { diagnoseSpace, type DiagnoseOptions, type DiagnoseResult, type DiagnosisCause } from './diagnose.js';

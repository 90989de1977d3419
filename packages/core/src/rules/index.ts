import configAppFileMissing from './config-app-file-missing.js';
import configFrontMatter from './config-front-matter.js';
import configInvalidValue from './config-invalid-value.js';
import configUnknownKey from './config-unknown-key.js';
import configValueType from './config-value-type.js';
import configMissingRequired from './config-missing-required.js';
import configKeySdkMismatch from './config-key-sdk-mismatch.js';
import configPythonVersion from './config-python-version.js';
import configPythonSdkIncompatible from './config-python-sdk-incompatible.js';
import configStartupDurationTimeout from './config-startup-duration-timeout.js';
import configPreloadFromHub from './config-preload-from-hub.js';
import configCustomHeaders from './config-custom-headers.js';
import configOauth from './config-oauth.js';
import configStaticBuild from './config-static-build.js';
import storageSuggestedStorageIgnored from './storage-suggested-storage-ignored.js';
import storageHfHomeNotPersistent from './storage-hf-home-not-persistent.js';
import storagePreloadCacheMismatch from './storage-preload-cache-mismatch.js';
import depsSdkManagedPackages from './deps-sdk-managed-packages.js';
import depsSdkDependencyConflict from './deps-sdk-dependency-conflict.js';
import depsPackagesTxt from './deps-packages-txt.js';
import depsFilesIgnoredForSdk from './deps-files-ignored-for-sdk.js';
import depsPipOptionIgnored from './deps-pip-option-ignored.js';
import depsMissingImport from './deps-missing-import.js';
import depsCudaExtensionBuild from './deps-cuda-extension-build.js';
import depsLocalPath from './deps-local-path.js';
import depsTorchFamilyMismatch from './deps-torch-family-mismatch.js';
import depsWheelTagMismatch from './deps-wheel-tag-mismatch.js';
import depsRequirementsFileName from './deps-requirements-file-name.js';
import depsRuntimePipInstall from './deps-runtime-pip-install.js';
import depsPkgResources from './deps-pkg-resources.js';
import dockerPortMismatch from './docker-port-mismatch.js';
import dockerBindLocalhost from './docker-bind-localhost.js';
import dockerBuildTimeRuntimeOnly from './docker-build-time-runtime-only.js';
import dockerUserPermissions from './docker-user-permissions.js';
import securityHardcodedSecret from './security-hardcoded-secret.js';
import securityDockerBuildSecret from './security-docker-build-secret.js';
import securityHardcodedPassword from './security-hardcoded-password.js';
import securitySecretLogged from './security-secret-logged.js';
import gradioServerPort from './gradio-server-port.js';
import gradioMissingLaunch from './gradio-missing-launch.js';
import gradioRemovedQueueParams from './gradio-removed-queue-params.js';
import gradioInvalidArgumentValue from './gradio-invalid-argument-value.js';
import gradioUnknownArgument from './gradio-unknown-argument.js';
import gradioUnknownAttribute from './gradio-unknown-attribute.js';
import gradioShareTrue from './gradio-share-true.js';
import gradioUnboundedConcurrency from './gradio-unbounded-concurrency.js';
import gradioUnboundedQueue from './gradio-unbounded-queue.js';
import perfModelLoadPerRequest from './perf-model-load-per-request.js';
import perfStartupDownloadNoPreload from './perf-startup-download-no-preload.js';
import parseError from './parse-error.js';
import { ruleInfo, type Rule, type RuleInfo } from './rule.js';
import unusedDirective from './unused-directive.js';
import zerogpuAsyncFunction from './zerogpu-async-function.js';
import zerogpuCudaBeforeSpacesImport from './zerogpu-cuda-before-spaces-import.js';
import zerogpuInvalidDecoratorArgs from './zerogpu-invalid-decorator-args.js';
import zerogpuMissingDuration from './zerogpu-missing-duration.js';
import zerogpuNoGpuFunction from './zerogpu-no-gpu-function.js';
import zerogpuNonGradioSdk from './zerogpu-non-gradio-sdk.js';
import zerogpuSpacesNotImported from './zerogpu-spaces-not-imported.js';
import zerogpuTorchCompile from './zerogpu-torch-compile.js';
import zerogpuProcessPool from './zerogpu-process-pool.js';
import zerogpuIntegerDevice from './zerogpu-integer-device.js';
import zerogpuGpuFunctionNotAtStartup from './zerogpu-gpu-function-not-at-startup.js';
import zerogpuCudaTensorReturn from './zerogpu-cuda-tensor-return.js';
import zerogpuEagerExampleCache from './zerogpu-eager-example-cache.js';
import zerogpuFlashAttention3 from './zerogpu-flash-attention-3.js';
import zerogpuUnsupportedVersions from './zerogpu-unsupported-versions.js';

/**
 * Every rule, in catalogue order (spec §4.1). Adding a rule: one file named by its id with its test
 * beside it, one import here, then `npm run docs`.
 */
export const RULES: readonly Rule[] = [
  // built-in
  parseError,
  unusedDirective,
  // config (spec §4.2)
  configFrontMatter,
  configUnknownKey,
  configInvalidValue,
  configValueType,
  configMissingRequired,
  configAppFileMissing,
  configKeySdkMismatch,
  configPythonVersion,
  configStartupDurationTimeout,
  configPreloadFromHub,
  configCustomHeaders,
  configOauth,
  configStaticBuild,
  // storage (§4.3)
  storageSuggestedStorageIgnored,
  storageHfHomeNotPersistent,
  storagePreloadCacheMismatch,
  // zerogpu (§4.4)
  zerogpuSpacesNotImported,
  zerogpuNoGpuFunction,
  zerogpuNonGradioSdk,
  zerogpuTorchCompile,
  zerogpuMissingDuration,
  zerogpuInvalidDecoratorArgs,
  zerogpuAsyncFunction,
  zerogpuCudaBeforeSpacesImport,
  zerogpuUnsupportedVersions,
  zerogpuIntegerDevice,
  zerogpuProcessPool,
  zerogpuGpuFunctionNotAtStartup,
  zerogpuCudaTensorReturn,
  zerogpuEagerExampleCache,
  zerogpuFlashAttention3,
  // concurrency (§4.5)
  gradioUnboundedConcurrency,
  gradioUnboundedQueue,
  gradioRemovedQueueParams,
  // dependencies (§4.6)
  depsSdkManagedPackages,
  depsPackagesTxt,
  depsFilesIgnoredForSdk,
  depsPipOptionIgnored,
  depsMissingImport,
  depsCudaExtensionBuild,
  depsLocalPath,
  depsTorchFamilyMismatch,
  depsWheelTagMismatch,
  depsRequirementsFileName,
  depsRuntimePipInstall,
  depsPkgResources,
  // docker (§4.7)
  dockerPortMismatch,
  dockerBindLocalhost,
  dockerBuildTimeRuntimeOnly,
  dockerUserPermissions,
  // security (§4.8)
  securityHardcodedSecret,
  securityDockerBuildSecret,
  securityHardcodedPassword,
  securitySecretLogged,
  // performance (§4.9)
  gradioShareTrue,
  gradioMissingLaunch,
  perfModelLoadPerRequest,
  perfStartupDownloadNoPreload,
  // Gradio, exact to the release (catalogue-2 §G)
  gradioUnknownArgument,
  gradioUnknownAttribute,
  gradioInvalidArgumentValue,
  depsSdkDependencyConflict,
  configPythonSdkIncompatible,
  gradioServerPort,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

export function listRules(): RuleInfo[] {
  return RULES.map((r) => ruleInfo(r.meta));
}

export function getRule(id: string): RuleInfo | undefined {
  const rule = RULES.find((r) => r.meta.id === id);
  return rule ? ruleInfo(rule.meta) : undefined;
}

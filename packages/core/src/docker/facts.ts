import type { DockerInstruction, Dockerfile } from '../parse/dockerfile.js';
import type { Space } from '../space/space.js';
import { computeDockerfileUse, type DockerfileUse } from './installs.js';
import { computeDockerRuntime, computeRuntimeEnv, DOCKERFILE, repoPath, runtimeInstructions, type DockerRuntime, type EnvValue } from './runtime.js';

/**
 * The Dockerfile's facts, `space.docker`: each is computed on first use and kept for the life of the
 * Space, so every rule reads the same object. A Space without a Dockerfile has empty facts (no
 * instructions, no env, a runtime with no start command), so rules need no extra check.
 */
export class DockerFacts {
  readonly path = DOCKERFILE;
  private instructionsValue?: DockerInstruction[];
  private envValue?: ReadonlyMap<string, EnvValue>;
  private runtimeValue?: DockerRuntime;
  private readonly uses = new Map<string, DockerfileUse>();

  constructor(private readonly space: Space) {}

  /** The parsed Dockerfile, or undefined when the Space has none. */
  get dockerfile(): Dockerfile | undefined {
    return this.space.dockerfile(DOCKERFILE);
  }

  /** The instructions that shape the running container: the final stage, after the stages it builds `FROM`. */
  get instructions(): DockerInstruction[] {
    if (this.instructionsValue) return this.instructionsValue;
    const docker = this.dockerfile;
    return (this.instructionsValue = docker ? runtimeInstructions(docker) : []);
  }

  /** The running container's environment from the final stage's ENV, `$VAR` and ARG defaults expanded. */
  get env(): ReadonlyMap<string, EnvValue> {
    return (this.envValue ??= computeRuntimeEnv(this.space));
  }

  /** What the container runs when it starts: start command, listeners, EXPOSE, the Python it runs. */
  get runtime(): DockerRuntime {
    return (this.runtimeValue ??= computeDockerRuntime(this.space));
  }

  /** How the Dockerfile uses a dependency file of the repo: `installs`, `copies` (only) or `none`. */
  use(file: string): DockerfileUse {
    let use = this.uses.get(file);
    if (use === undefined) this.uses.set(file, (use = computeDockerfileUse(this.space, file)));
    return use;
  }

  /** A path in the container mapped back to the repo: `./x`, `x`, `/app/x`, `$WORKDIR/x`. */
  repoPath(path: string): string | undefined {
    return repoPath(this.space, path);
  }
}

import { warmEngine } from './engine.js';
import { HubAccess } from './hub-access.js';
import type { Logger } from './logger.js';
import type { ServerOptions } from './options.js';
import { PathGuard } from './path-guard.js';
import { PROMPTS } from './prompts.js';
import type { Redactor } from './redaction.js';
import { resourceDefinitions } from './resources.js';
import type { ServerSetup } from './sdk-server.js';
import { selectTools } from './tool-catalog.js';

declare const SPACELINT_MCP_VERSION: string | undefined;
/** Set by the bundler from package.json; tests running the sources see the dev marker. */
export const VERSION = typeof SPACELINT_MCP_VERSION === 'string' ? SPACELINT_MCP_VERSION : '0.0.0-dev';

const INSTRUCTIONS = `spacelint checks Hugging Face Space repositories (README config, ZeroGPU, Gradio queue and concurrency, dependencies, Docker, storage, secrets) and helps create, deploy and troubleshoot them.
Typical flows: new Space → whoami, scaffold_space with a path, create_space, deploy_space, wait_for_space. Broken local Space → lint_space, fix_space (dry run first; apply_suggestions for chosen rules). Failing Hub Space → diagnose_space, fix_space on the local copy, deploy_space, wait_for_space.
Local paths must be inside the server's roots. Ask the person before any tool that changes files or a Space. Never ask for secret values in chat; the server uses its own HF_TOKEN.`;

export function buildSetup(options: ServerOptions, logger: Logger, redactor: Redactor): ServerSetup {
  return {
    name: 'spacelint',
    version: VERSION,
    instructions: INSTRUCTIONS,
    tools: selectTools(options.groups, options.readOnly),
    resources: resourceDefinitions(redactor),
    prompts: PROMPTS,
    services: {
      paths: new PathGuard(options.roots),
      hub: new HubAccess({ token: options.hfToken, endpoint: options.hfEndpoint }),
      redactor,
    },
    logger,
    // Clients list tools right after connecting and call one later: load the parser in that gap.
    warmUp: () => void warmEngine(redactor).catch((error) => logger.error(`cannot load the lint engine: ${(error as Error).message}`)),
  };
}

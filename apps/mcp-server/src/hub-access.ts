import type { HubClient, HubUser } from '@spacelint/hub';
import { ToolError, type ToolContext } from './tool.js';

/** @spacelint/hub's public API, loaded on the first Hub tool call (never at start-up). */
export type HubModule = typeof import('@spacelint/hub');

export interface HubConnection {
  hub: HubModule;
  client: HubClient;
}

/** An empty log answers within this time (diagnose_space must not keep an agent waiting on silence). */
const LOG_IDLE_MS = 1_500;

/**
 * Lazy access to the Hub with the server's own HF_TOKEN and HF_ENDPOINT only: a token sent by an MCP
 * client is never passed through to the Hub.
 */
export class HubAccess {
  private loading?: Promise<HubConnection>;
  private user?: Promise<HubUser | undefined>;

  constructor(private readonly settings: { token?: string; endpoint?: string }) {}

  /** Whether the server has a token of its own (Hub tools that change things need one). */
  get hasToken(): boolean {
    return !!this.settings.token;
  }

  connect(): Promise<HubConnection> {
    this.loading ??= (async () => {
      const hub = await import('@spacelint/hub');
      // `env: {}`: the client must not pick up anything but what the server was configured with.
      const client = new hub.HubClient({ token: this.settings.token, endpoint: this.settings.endpoint, env: {}, logIdleTimeoutMs: LOG_IDLE_MS });
      return { hub, client };
    })().catch((error) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** The account the server's token belongs to (cached; undefined when it cannot be read). */
  account(): Promise<HubUser | undefined> {
    this.user ??= this.connect()
      .then(({ client }) => client.whoami())
      .catch(() => {
        this.user = undefined;
        return undefined;
      });
    return this.user;
  }
}

/** The Hub, for a tool; tools that change a Space need the server's token, and say how to get one. */
export async function hubFor(context: ToolContext, changes: boolean): Promise<HubConnection> {
  if (changes && !context.services.hub.hasToken) {
    throw new ToolError(
      'this server has no Hugging Face token: ask the person to set HF_TOKEN (a write token) in the MCP server configuration and restart it. Tokens are never taken from the MCP client.',
    );
  }
  return context.services.hub.connect();
}

/**
 * Runs a Hub operation and turns its failures (already redacted by @spacelint/hub) into tool errors an agent
 * can act on: a 401 says the person must update the server's token, a 403 names the token's account.
 */
export async function hubCall<T>(context: ToolContext, operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const { hub } = await context.services.hub.connect();
    const message = hub.hubErrorMessage(error);
    if (message === undefined) throw error;
    if (error instanceof hub.HubAuthError) {
      // The Hub package tells a person to set HF_TOKEN (or pass `token`); an agent can do neither: one advice, ours.
      const said = message.replace(/\s*Set HF_TOKEN\b.*?\.(?=\s|$)/s, '');
      throw new ToolError(`${said} The server's Hugging Face token is missing, invalid or expired: ask the person to update HF_TOKEN in the MCP server configuration (you cannot set it from here).`);
    }
    if (error instanceof hub.HubPermissionError) {
      const user = await context.services.hub.account();
      const namespaces = user ? [user.name, ...user.orgs] : [];
      throw new ToolError(`${message}${namespaces.length ? ` The server's token belongs to \`${user!.name}\`; it can write Spaces under: ${namespaces.join(', ')} (whoami).` : ''}`);
    }
    throw new ToolError(message);
  }
}

/** `signal` ended after `ms` too: every log read has a total deadline, whatever the Space keeps printing. */
export function withDeadline(signal: AbortSignal, ms: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(ms)]);
}

import { z } from 'zod';
import { hubCall, hubFor } from '../hub-access.js';
import { defineTool, ToolError } from '../tool.js';

export const whoami = defineTool({
  name: 'whoami',
  title: 'Hub account',
  group: 'observe',
  description: "The token's account and the namespaces it can create Spaces in.",
  inputSchema: z.strictObject({}),
  outputSchema: z.object({ name: z.string(), namespaces: z.array(z.string()), tokenRole: z.string().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(_args, context) {
    if (!context.services.hub.hasToken) {
      throw new ToolError('this server has no Hugging Face token: ask the person to set HF_TOKEN in the MCP server configuration and restart it.');
    }
    const { client } = await hubFor(context, false);
    const user = await hubCall(context, client.whoami());
    const namespaces = [user.name, ...user.orgs];
    return {
      structured: { name: user.name, namespaces, ...(user.tokenRole ? { tokenRole: user.tokenRole } : {}) },
      summary: `Token of ${user.name}${user.tokenRole ? ` (${user.tokenRole})` : ''}; Spaces can be created as ${namespaces.map((n) => `${n}/<name>`).join(', ')}.`,
    };
  },
});

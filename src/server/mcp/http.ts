import type { App, RouteDeps } from '../deps.ts';
import { errorBody } from '../errors.ts';

/** Where MCP clients connect (Streamable HTTP). */
export const MCP_PATH = '/mcp';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Streamable HTTP for MCP at `/mcp`, stateless: each POST gets its own MCP server over the
 * caller's workspace, answered as JSON. Local mode answers loopback callers only (with the Host
 * and cross-site guards every request passes); hosted mode's sign-in gate (auth.ts) covers `/mcp`
 * as it covers `/api/`, so a personal access token (`Authorization: Bearer rbt_…`) is required
 * and the tools act in that user's own workspace. GET (a server-sent stream) and DELETE (ending a
 * session) answer 405: there are no sessions to stream to or end.
 */
export function mcpRoutes(app: App, deps: RouteDeps): void {
  app.post(MCP_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!deps.hosted && !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      return reply.status(403).send(errorBody('forbidden', 'MCP answers only this machine (loopback).'));
    }
    // Fixed now, inside the request's scope: the transport's own callbacks run outside it.
    const ctx = deps.context();
    const present = deps.present();
    const [{ StreamableHTTPServerTransport }, { createReboundMcpServer }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
      import('./server.ts'),
    ]);
    const server = createReboundMcpServer({ ctx, present: () => present });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: MCP_PATH,
      schema: { hide: true },
      handler: async (_request, reply) =>
        reply
          .status(405)
          .header('allow', 'POST')
          .send(
            errorBody(
              'not_found',
              `No ${method} ${MCP_PATH}: the MCP endpoint is stateless; send each message as a POST.`,
            ),
          ),
    });
  }
}

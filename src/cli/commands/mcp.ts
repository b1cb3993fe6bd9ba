import type { Command } from 'commander';
import { resolveTarget } from '../target.ts';

/**
 * `rebound mcp`: an MCP server on stdin/stdout for a desktop agent, over the same database as the
 * other commands. stdout carries the protocol only; anything for a person goes to stderr.
 */
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve your tracker to an AI agent over MCP (stdio), e.g. a desktop assistant')
    .option(
      '--db <file>',
      'SQLite file or postgres:// URL (default: REBOUND_DATABASE_URL, REBOUND_DB, or your data folder)',
    )
    .action(async (opts: { db?: string }) => {
      const [
        { openStore },
        { openWorkspace },
        { StdioServerTransport },
        { createReboundMcpServer },
        { mcpEnvFor },
      ] = await Promise.all([
        import('../../store/connect.ts'),
        import('../../services/workspace.ts'),
        import('@modelcontextprotocol/sdk/server/stdio.js'),
        import('../../server/mcp/server.ts'),
        import('../../server/mcp/env.ts'),
      ]);
      const store = await openStore(resolveTarget(opts));
      const server = createReboundMcpServer(await mcpEnvFor(await openWorkspace(store)));
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
        process.stdin.on('end', () => resolve());
      });
      await server.connect(transport);
      process.stderr.write('Rebound MCP server ready on stdio.\n');
      await closed;
      await server.close();
      await store.close();
    });
}

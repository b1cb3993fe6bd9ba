import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { buildServer } from '../../server/app.ts';
import { openWorkspace } from '../../services/workspace.ts';
import { openStore } from '../../store/connect.ts';
import { type CommonFlags, common } from '../io.ts';
import { resolveTarget } from '../target.ts';

export const DEFAULT_PORT = 4477;

export function registerServeCommand(program: Command): void {
  common(program.command('serve').description('run the web app and API'))
    .option('--port <n>', `port (default ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to bind (default 127.0.0.1: only this machine)', '127.0.0.1')
    .option('--allow-host <name...>', 'extra Host names to answer to (for a hosted server)')
    .action(async (opts: CommonFlags & { port?: string; host: string; allowHost?: string[] }) => {
      const port = opts.port === undefined ? DEFAULT_PORT : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new ReboundError(
          'invalid_input',
          `--port: must be a whole number from 0 to 65535, not "${opts.port}"`,
        );
      }
      const store = await openStore(resolveTarget(opts));
      const context = await openWorkspace(store);
      const app = await buildServer({
        context,
        externalVersion: store.externalVersion,
        allowedHosts: opts.allowHost,
        logger: { level: 'warn' },
      });
      try {
        await app.listen({ host: opts.host, port });
      } catch (error) {
        await store.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new ReboundError(
            'conflict',
            `Port ${port} is already in use. Try: rebound serve --port ${port + 1}`,
          );
        }
        throw error;
      }
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shownHost = opts.host === '127.0.0.1' || opts.host === '::1' ? 'localhost' : opts.host;
      console.log(`Rebound is running at http://${shownHost}:${bound}/`);
      console.log(`Data: ${store.location}`);
      console.log(`API reference: http://${shownHost}:${bound}/api/docs`);
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

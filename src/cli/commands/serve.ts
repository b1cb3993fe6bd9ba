import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { keyFileSecretBox } from '../../io/secret-box.ts';
import { buildServer } from '../../server/app.ts';
import { openWorkspace } from '../../services/workspace.ts';
import { openStore } from '../../store/connect.ts';
import { type CommonFlags, common } from '../io.ts';
import { resolveTarget, secretKeyFile } from '../target.ts';

export const DEFAULT_PORT = 4477;

/**
 * The switch hosted mode will flip. Rebound has no accounts yet, so a server reachable from other
 * machines would let anyone who finds it read or delete everything: until accounts exist, `serve`
 * binds only to this machine's loopback addresses and refuses anything else with the reason.
 */
export const HOSTED_ACCOUNTS_AVAILABLE = false;

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackBind(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Refuses a bind beyond loopback while there are no accounts (see HOSTED_ACCOUNTS_AVAILABLE). */
export function checkBindAddress(host: string): void {
  if (isLoopbackBind(host) || HOSTED_ACCOUNTS_AVAILABLE) return;
  throw new ReboundError(
    'invalid_input',
    `--host: Rebound has no accounts yet, so serving on ${host} would let anyone who reaches it read or delete your data. It serves only this machine (127.0.0.1 or ::1) for now.`,
    [{ path: 'host', message: 'only loopback addresses until hosted accounts exist' }],
  );
}

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
      checkBindAddress(opts.host);
      const target = resolveTarget(opts);
      const store = await openStore(target);
      const context = await openWorkspace(store);
      const app = await buildServer({
        context,
        externalVersion: store.externalVersion,
        allowedHosts: opts.allowHost,
        hosted: !isLoopbackBind(opts.host),
        secrets: keyFileSecretBox(secretKeyFile(target)),
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

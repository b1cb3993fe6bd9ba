import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { keyFileSecretBox } from '../../io/secret-box.ts';
import { buildServer } from '../../server/app.ts';
import { createMailer, mailSettingsFromEnv } from '../../services/accounts/mail.ts';
import { systemClock } from '../../services/context.ts';
import { openWorkspace } from '../../services/workspace.ts';
import { countUsers } from '../../store/accounts-repository.ts';
import { openStore } from '../../store/connect.ts';
import { type CommonFlags, common } from '../io.ts';
import { resolveTarget, secretKeyFile } from '../target.ts';

export const DEFAULT_PORT = 4477;

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackBind(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function registerServeCommand(program: Command): void {
  common(program.command('serve').description('run the web app and API'))
    .option('--port <n>', `port (default ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to bind (default 127.0.0.1: only this machine)', '127.0.0.1')
    .option('--allow-host <name...>', 'extra Host names to answer to (local mode)')
    .option('--hosted', 'accounts and sign-in even on a loopback address (behind a reverse proxy)')
    .option('--trust-proxy', "trust the reverse proxy's X-Forwarded-For and X-Forwarded-Proto")
    .action(
      async (
        opts: CommonFlags & {
          port?: string;
          host: string;
          allowHost?: string[];
          hosted?: boolean;
          trustProxy?: boolean;
        },
      ) => {
        const port = opts.port === undefined ? DEFAULT_PORT : Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new ReboundError(
            'invalid_input',
            `--port: must be a whole number from 0 to 65535, not "${opts.port}"`,
          );
        }
        // Anything reachable from other machines is hosted mode: accounts, sign-in, one workspace each.
        const hosted = opts.hosted === true || !isLoopbackBind(opts.host);
        // Links and e-mail (hosted mode): checked before anything opens, so a typo stops the start.
        const mail = hosted ? mailSettingsFromEnv() : undefined;
        const target = resolveTarget(opts);
        const store = await openStore(target);
        const context = hosted
          ? { db: store.db, workspaceId: '', clock: systemClock, timeZone: 'UTC' }
          : await openWorkspace(store);
        const secrets = keyFileSecretBox(secretKeyFile(target));
        const app = await buildServer({
          context,
          externalVersion: store.externalVersion,
          allowedHosts: opts.allowHost,
          hosted,
          trustProxy: opts.trustProxy === true,
          secrets,
          ...(mail ? { mail } : {}),
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
        if (hosted) {
          console.log('Hosted mode: every request needs an account; each person has their own workspace.');
          if (store.dialect === 'sqlite') {
            console.log(
              'Note: hosted mode is meant for PostgreSQL (REBOUND_DATABASE_URL or --db postgres://…); SQLite serves one process only.',
            );
          }
          console.log(
            mail?.smtpUrl
              ? `E-mail: invitations and password-reset links are sent over SMTP; links start with ${mail.publicUrl}.`
              : 'E-mail: not set up (REBOUND_SMTP_URL); invitation and reset links are shown to copy instead.',
          );
          if ((await countUsers(store.db)) === 0) {
            console.log(
              `No accounts yet: the first person to sign up at http://${shownHost}:${bound}/ becomes the admin (or run: rebound admin create --email you@example.org).`,
            );
          }
        }
        // A hosted server on PostgreSQL runs its background work as PostgreSQL jobs: each person's
        // scheduled mail sync, and reminder e-mails when it can send mail.
        const mailer = mail ? createMailer(mail) : null;
        let jobs: import('../../server/jobs.ts').JobRunner | undefined;
        if (hosted && target.kind === 'postgres') {
          const { startJobs } = await import('../../server/jobs.ts');
          const reminders = mailer && mail?.publicUrl ? { send: mailer, appUrl: `${mail.publicUrl}/` } : {};
          jobs = await startJobs({
            connectionString: target.url,
            accounts: { db: store.db, clock: systemClock },
            ...reminders,
            mailSync: { secrets },
            onError: (error) => console.error(`Background job failed: ${String(error)}`),
          });
          console.log(
            'Scheduled mail sync: on, as PostgreSQL jobs (each person picks how often in Import → E-mail).',
          );
          if ('send' in reminders)
            console.log(
              'Reminder e-mails: on, as PostgreSQL jobs (each person switches them on in Settings).',
            );
        }
        const stop = async () => {
          await jobs?.stop();
          await app.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}

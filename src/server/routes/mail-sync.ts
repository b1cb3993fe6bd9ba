import { z } from 'zod';
import { ReboundError } from '../../core/errors.ts';
import {
  mailAccountInputSchema,
  mailAccountSettingsSchema,
  mailBatchSchema,
} from '../../core/mail-sync/input.ts';
import {
  type MailAccountStatus,
  mailAccountStatusSchema,
  mailBatchResultSchema,
  mailSyncReportSchema,
} from '../../core/mail-sync/schemas.ts';
import { connectImap } from '../../io/imap-client.ts';
import type { SecretBox } from '../../io/secret-box.ts';
import { PROGRESS_ID, withImportProgress } from '../../services/imports/import-progress.ts';
import {
  type Connect,
  deleteMailAccount,
  mailAccountView,
  saveMailAccount,
  updateMailAccountSettings,
} from '../../services/mail-sync/account.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

// The sync (the mail reader, classifier and matcher behind it) and the review queue's batch
// actions load when first used, not when the server starts (issue 12).
const mailSync = () => import('../../services/mail-sync/sync.ts');
const mailBatch = () => import('../../services/imports/mail-batch.ts');

/** The box of a server started without a key (tests, embedders): nothing can be saved. */
export const noSecretBox: SecretBox = {
  seal: () => {
    throw new ReboundError(
      'invalid_input',
      'this server was started without a key for saved passwords; start it with rebound serve',
      [{ path: 'secret', message: 'no key' }],
    );
  },
  open: () => {
    throw new ReboundError('invalid_input', 'this server was started without a key for saved passwords', [
      { path: 'secret', message: 'no key' },
    ]);
  },
};

const progressHeaders = z.object({
  'x-progress-id': z
    .string()
    .regex(PROGRESS_ID, 'must be 8 to 64 letters, digits, "-" or "_"')
    .optional()
    .describe('An id of your choosing; GET /api/v1/imports/progress/{id} tells how far the sync is'),
});

/** Local servers may reach this machine and its network (a mail bridge on 127.0.0.1); hosted ones may not. */
const connectFor =
  (deps: RouteDeps): Connect =>
  (target) =>
    connectImap(target, { allowPrivate: !deps.hosted });

/** (Re)plans the scheduled sync of the workspace from its saved account. */
export async function planSavedMailSync(deps: RouteDeps): Promise<void> {
  // A hosted server runs no timers of its own: several processes would each run the schedule.
  // There the schedule is a PostgreSQL job (server/jobs.ts) that reads the saved account.
  if (deps.hosted) return;
  const ctx = deps.context();
  const account = await mailAccountView(ctx);
  deps.mailScheduler.plan(ctx.workspaceId, account?.scheduleMinutes ?? null, async () => {
    // A failed run is noted on the account (the web shows it); the schedule goes on.
    const { syncMail } = await mailSync();
    await syncMail(deps.context(), deps.secrets, { connect: connectFor(deps) });
  });
}

async function status(deps: RouteDeps, serverFolders: string[] | null = null): Promise<MailAccountStatus> {
  const ctx = deps.context();
  const account = await mailAccountView(ctx);
  // A sync runs only once its module is loaded; the status asks it, as before.
  const { isSyncRunning } = await mailSync();
  return { account, running: isSyncRunning(ctx.workspaceId), serverFolders };
}

/** Mail sync: the IMAP account, "Sync now" with progress, and batch actions on the review queue. */
export function mailSyncRoutes(app: App, deps: RouteDeps): void {
  const tags = ['mail'];

  app.get(
    '/api/v1/mail/account',
    {
      schema: {
        tags,
        summary: 'The saved IMAP account (never its password), its folders and how its last sync went',
        response: { 200: mailAccountStatusSchema, ...errorResponses },
      },
    },
    async () => status(deps),
  );

  app.put(
    '/api/v1/mail/account',
    {
      schema: {
        tags,
        summary:
          'Save the IMAP account after logging in with it (a refused login saves nothing); answers with the server’s folders',
        body: mailAccountInputSchema,
        response: { 200: mailAccountStatusSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { session, serverFolders } = await saveMailAccount(
        deps.context(),
        deps.secrets,
        request.body,
        connectFor(deps),
      );
      await session.close();
      await planSavedMailSync(deps);
      return status(deps, serverFolders);
    },
  );

  app.patch(
    '/api/v1/mail/account',
    {
      schema: {
        tags,
        summary: 'Change the folders or the schedule of the saved account',
        body: mailAccountSettingsSchema,
        response: { 200: mailAccountStatusSchema, ...errorResponses },
      },
    },
    async (request) => {
      await updateMailAccountSettings(deps.context(), request.body);
      await planSavedMailSync(deps);
      return status(deps);
    },
  );

  app.delete(
    '/api/v1/mail/account',
    {
      schema: {
        tags,
        summary: 'Forget the account and its saved password (the imported mail stays)',
        response: { 200: mailAccountStatusSchema, ...errorResponses },
      },
    },
    async () => {
      await deleteMailAccount(deps.context());
      await planSavedMailSync(deps);
      return status(deps);
    },
  );

  app.post(
    '/api/v1/mail/sync',
    {
      schema: {
        tags,
        summary:
          'Sync now: read the new mail of the saved account’s folders; sure ones are recorded, the rest wait for review',
        headers: progressHeaders,
        response: { 200: mailSyncReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = deps.context();
      const { syncMail } = await mailSync();
      return withImportProgress(ctx.workspaceId, request.headers['x-progress-id'], (onProgress) =>
        syncMail(ctx, deps.secrets, {
          connect: connectFor(deps),
          onProgress: (p) =>
            onProgress({
              phase: p.phase === 'importing' ? 'writing' : 'reading',
              done: p.done,
              total: p.phase === 'listing' ? null : p.total,
            }),
        }),
      );
    },
  );

  app.post(
    '/api/v1/mail/review/batch',
    {
      schema: {
        tags,
        summary:
          'Record several queued e-mails on their matched applications, or dismiss several; each that cannot be done is listed with why',
        body: mailBatchSchema,
        response: { 200: mailBatchResultSchema, ...errorResponses },
      },
    },
    async (request) => (await mailBatch()).batchMailReview(deps.context(), request.body),
  );
}

import { connectImap } from '../io/imap-client.ts';
import type { SecretBox } from '../io/secret-box.ts';
import type { AccountsContext } from '../services/accounts/accounts.ts';
import type { Connect } from '../services/mail-sync/account.ts';
import { dueMailSyncs, runScheduledMailSync } from '../services/mail-sync/scheduled.ts';
import { dueReminderRecipients, type SendMail, sendReminder } from '../services/reminders.ts';

/**
 * Background work of a hosted server, as jobs in PostgreSQL (pg-boss): every process may start a
 * runner; pg-boss hands each job to one of them (SKIP LOCKED), runs each schedule once across all
 * of them, and retries a failed job. The reminder job also records each person's day before
 * sending, so even a job run twice sends one e-mail.
 *
 * - `reminders-sweep` (every 15 minutes): finds the people for whom it is 08:00–08:59 and queues
 *   one `reminders-send` per person and day.
 * - `reminders-send`: builds that person's Today and e-mails it when something is due.
 * - `mail-sync-sweep` (every minute): finds the workspaces whose saved IMAP account is due for
 *   its scheduled sync (every N minutes, as the person chose) and queues one `mail-sync-run` each.
 * - `mail-sync-run`: syncs that workspace's account in that workspace. Its queue is "stately":
 *   at most one run per workspace waits and one runs, across all processes; a run checks that the
 *   account is still due, so a duplicate does nothing.
 */
export const JOB_QUEUES = {
  sweep: 'reminders-sweep',
  send: 'reminders-send',
  mailSweep: 'mail-sync-sweep',
  mailRun: 'mail-sync-run',
} as const;

export interface JobRunner {
  /** Queues a reminder sweep now (the schedule does this every 15 minutes). */
  sweepNow(): Promise<void>;
  /** Queues a mail-sync sweep now (the schedule does this every minute). */
  mailSweepNow(): Promise<void>;
  /** Jobs waiting or running in each queue. */
  pending(): Promise<number>;
  stop(): Promise<void>;
}

export async function startJobs(options: {
  connectionString: string;
  /** pg-boss's own schema (default `pgboss`). */
  schema?: string;
  accounts: AccountsContext;
  /** Reminder e-mails: off without a way to send mail and the app's address. */
  send?: SendMail;
  appUrl?: string;
  /**
   * Scheduled mail sync: the key that opens saved passwords, and how to reach IMAP servers
   * (default: public addresses only, as "Sync now" on a hosted server).
   */
  mailSync?: { secrets: SecretBox; connect?: Connect };
  onError?: (error: unknown) => void;
}): Promise<JobRunner> {
  const { default: PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    max: 4,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await boss.createQueue(JOB_QUEUES.sweep);
  await boss.createQueue(JOB_QUEUES.send);
  await boss.createQueue(JOB_QUEUES.mailSweep);
  await boss.createQueue(JOB_QUEUES.mailRun, { name: JOB_QUEUES.mailRun, policy: 'stately' });

  const { send, appUrl, mailSync } = options;
  if (send && appUrl) {
    await boss.work<Record<string, never>>(JOB_QUEUES.sweep, async () => {
      for (const recipient of await dueReminderRecipients(options.accounts)) {
        await boss.send(JOB_QUEUES.send, recipient, {
          singletonKey: `${recipient.userId}:${recipient.day}`,
          retryLimit: 3,
          retryDelay: 60,
        });
      }
    });
    await boss.work<{ userId: string; day: string }>(JOB_QUEUES.send, { batchSize: 5 }, async (jobs) => {
      for (const job of jobs) await sendReminder(options.accounts, job.data, send, appUrl);
    });
    await boss.schedule(JOB_QUEUES.sweep, '*/15 * * * *');
  }
  if (mailSync) {
    const { db, clock } = options.accounts;
    // As for "Sync now" on a hosted server: never this machine or its private network.
    const connect: Connect = mailSync.connect ?? ((target) => connectImap(target, { allowPrivate: false }));
    await boss.work<Record<string, never>>(JOB_QUEUES.mailSweep, async () => {
      for (const workspaceId of await dueMailSyncs(db, clock)) {
        // Stately queue: a second one for the same workspace is refused while one waits.
        await boss.send(JOB_QUEUES.mailRun, { workspaceId }, { singletonKey: workspaceId, retryLimit: 0 });
      }
    });
    await boss.work<{ workspaceId: string }>(JOB_QUEUES.mailRun, async ([job]) => {
      if (job) await runScheduledMailSync(db, clock, job.data.workspaceId, mailSync.secrets, connect);
    });
    await boss.schedule(JOB_QUEUES.mailSweep, '* * * * *');
  }

  return {
    sweepNow: async () => {
      await boss.send(JOB_QUEUES.sweep, {});
    },
    mailSweepNow: async () => {
      await boss.send(JOB_QUEUES.mailSweep, {});
    },
    pending: async () => {
      let total = 0;
      for (const name of Object.values(JOB_QUEUES))
        total += await boss.getQueueSize(name, { before: 'completed' });
      return total;
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

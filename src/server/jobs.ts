import type { AccountsContext } from '../services/accounts/accounts.ts';
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
 */
export const JOB_QUEUES = { sweep: 'reminders-sweep', send: 'reminders-send' } as const;

export interface JobRunner {
  /** Queues a sweep now (the schedule does this every 15 minutes). */
  sweepNow(): Promise<void>;
  /** Jobs waiting or running in each queue. */
  pending(): Promise<number>;
  stop(): Promise<void>;
}

export async function startJobs(options: {
  connectionString: string;
  /** pg-boss's own schema (default `pgboss`). */
  schema?: string;
  accounts: AccountsContext;
  send: SendMail;
  appUrl: string;
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
  for (const name of Object.values(JOB_QUEUES)) await boss.createQueue(name);

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
    for (const job of jobs) await sendReminder(options.accounts, job.data, options.send, options.appUrl);
  });
  await boss.schedule(JOB_QUEUES.sweep, '*/15 * * * *');

  return {
    sweepNow: async () => {
      await boss.send(JOB_QUEUES.sweep, {});
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

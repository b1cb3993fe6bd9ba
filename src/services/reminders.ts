import { localDate } from '../core/dates.ts';
import { reminderEmail } from '../core/today/reminder.ts';
import { findUserById } from '../store/accounts-repository.ts';
import type { AccountsContext } from './accounts/accounts.ts';
import type { Mailer } from './accounts/mail.ts';
import { defaultTimeZone } from './context.ts';
import { getSettings } from './settings.ts';
import { getToday } from './today/today.ts';

/** How a reminder is sent (SMTP, from the server's mail settings). */
export type SendMail = Mailer;

/** The local hour reminders go out. */
export const REMINDER_HOUR = 8;

function localHour(now: Date, timeZone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/**
 * Who should get a reminder now: people who switched reminder e-mails on, for whom it is the
 * reminder hour in their own time zone. Their local day keys the "one per day" record.
 */
export async function dueReminderRecipients(
  ctx: AccountsContext,
  hour = REMINDER_HOUR,
): Promise<{ userId: string; day: string }[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('users')
    .innerJoin('settings', (join) =>
      join
        .onRef('settings.workspace_id', '=', 'users.workspace_id')
        .on('settings.key', '=', 'reminderEmails'),
    )
    .leftJoin('settings as tz', (join) =>
      join.onRef('tz.workspace_id', '=', 'users.workspace_id').on('tz.key', '=', 'timeZone'),
    )
    .select(['users.id as userId', 'tz.value as timeZone'])
    .where('settings.value', '=', 'true')
    .execute();
  const due: { userId: string; day: string }[] = [];
  for (const row of rows) {
    let zone = defaultTimeZone();
    try {
      const parsed = row.timeZone ? JSON.parse(row.timeZone) : null;
      if (typeof parsed === 'string') {
        localHour(now, parsed);
        zone = parsed;
      }
    } catch {
      // an unknown zone: the server's own
    }
    if (localHour(now, zone) === hour) due.push({ userId: row.userId, day: localDate(now, zone) });
  }
  return due;
}

/**
 * Sends one person's reminder for their day, once: the day is recorded first (a unique key), so a
 * second run of the job, on this process or another, finds it and sends nothing. A failed send
 * removes the record, so a retry can send it.
 */
export async function sendReminder(
  ctx: AccountsContext,
  recipient: { userId: string; day: string },
  send: SendMail,
  appUrl: string,
): Promise<'sent' | 'nothing_due' | 'already_sent'> {
  const user = await findUserById(ctx.db, recipient.userId);
  if (!user) return 'nothing_due';
  const claimed = await ctx.db
    .insertInto('reminders_sent')
    .values({
      workspace_id: user.workspace_id,
      user_id: user.id,
      day: recipient.day,
      sent_at: ctx.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return 'already_sent';
  const settings = await getSettings({ db: ctx.db, workspaceId: user.workspace_id });
  const view = await getToday({
    db: ctx.db,
    clock: ctx.clock,
    workspaceId: user.workspace_id,
    timeZone: settings.timeZone,
  });
  const mail = reminderEmail(view, { name: settings.userName ?? user.name, appUrl });
  if (!mail) return 'nothing_due';
  try {
    await send({ to: user.email, ...mail });
  } catch (error) {
    await ctx.db
      .deleteFrom('reminders_sent')
      .where('user_id', '=', user.id)
      .where('day', '=', recipient.day)
      .execute();
    throw error;
  }
  return 'sent';
}

/**
 * Scheduled mail sync on a hosted server, where the schedule is a job in PostgreSQL rather than a
 * timer (see server/jobs.ts): a sweep finds the workspaces whose account is due, and one run per
 * workspace syncs it in that workspace. A run checks again that the account is still due, so a
 * run queued twice, or after the person synced by hand, does nothing.
 */
import type { Kysely } from 'kysely';
import type { SecretBox } from '../../io/secret-box.ts';
import {
  findMailAccount,
  listScheduledMailAccounts,
  type ScheduledMailAccount,
} from '../../store/mail-sync-repository.ts';
import type { Database } from '../../store/schema.ts';
import type { Clock } from '../context.ts';
import { getSettings } from '../settings.ts';
import type { Connect } from './account.ts';
import { isSyncRunning, syncMail } from './sync.ts';

/**
 * The sweep runs every minute; a sync that took a few seconds should not push the next one a
 * whole minute late, so an account is due this much before its interval is over.
 */
const EARLY_MS = 60_000;

/** True when the account's last sync is at least its interval ago (or it never synced). */
export function isMailSyncDue(
  account: Pick<ScheduledMailAccount, 'scheduleMinutes' | 'lastSyncAt'>,
  now: Date,
): boolean {
  if (account.lastSyncAt === null) return true;
  const since = now.getTime() - Date.parse(account.lastSyncAt);
  return since >= account.scheduleMinutes * 60_000 - EARLY_MS;
}

/** The workspaces whose account is due for a scheduled sync now. */
export async function dueMailSyncs(db: Kysely<Database>, clock: Clock): Promise<string[]> {
  const now = clock.now();
  return (await listScheduledMailAccounts(db)).filter((a) => isMailSyncDue(a, now)).map((a) => a.workspaceId);
}

export type ScheduledSyncOutcome = 'synced' | 'failed' | 'not_due' | 'busy';

/**
 * Syncs the workspace's account if it is still due. A failed sync is noted on the account (the
 * web shows it, as for "Sync now") and the schedule goes on; it is not retried before its time.
 */
export async function runScheduledMailSync(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  box: SecretBox,
  connect: Connect,
): Promise<ScheduledSyncOutcome> {
  const account = await findMailAccount(db, workspaceId);
  if (!account || account.scheduleMinutes === null || !account.secret) return 'not_due';
  if (
    !isMailSyncDue({ scheduleMinutes: account.scheduleMinutes, lastSyncAt: account.lastSyncAt }, clock.now())
  )
    return 'not_due';
  if (isSyncRunning(workspaceId)) return 'busy';
  const { timeZone } = await getSettings({ db, workspaceId });
  try {
    await syncMail({ db, clock, workspaceId, timeZone }, box, { connect });
    return 'synced';
  } catch {
    return 'failed';
  }
}

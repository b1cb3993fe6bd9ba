import type { Kysely, Selectable } from 'kysely';
import type { LogChannel } from '../core/channels/input.ts';
import { executeCached } from './compiled-queries.ts';
import type { Database, TimeLogTable } from './schema.ts';

/** All SQL about time logs. */

type Db = Kysely<Database>;

export interface StoredTimeLog {
  id: string;
  channel: LogChannel;
  minutes: number;
  loggedOn: string;
  note: string | null;
  createdAt: string;
}

function toTimeLog(row: Selectable<TimeLogTable>): StoredTimeLog {
  return {
    id: row.id,
    channel: row.channel as LogChannel,
    minutes: Number(row.minutes),
    loggedOn: row.logged_on,
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function insertTimeLogs(db: Db, workspaceId: string, logs: StoredTimeLog[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < logs.length; i += CHUNK) {
    await db
      .insertInto('time_logs')
      .values(
        logs.slice(i, i + CHUNK).map((l) => ({
          id: l.id,
          workspace_id: workspaceId,
          channel: l.channel,
          minutes: l.minutes,
          logged_on: l.loggedOn,
          note: l.note,
          created_at: l.createdAt,
        })),
      )
      .execute();
  }
}

/** Time logs between two days (inclusive, either may be open), oldest first. */
export async function listTimeLogs(
  db: Db,
  workspaceId: string,
  range: { from?: string; to?: string } = {},
): Promise<StoredTimeLog[]> {
  if (!range.from && !range.to) {
    // Every log, as insights read them on each visit: compiled once.
    const rows = await executeCached(db, 'listTimeLogs', [workspaceId], ([ws]) =>
      db
        .selectFrom('time_logs')
        .selectAll()
        .where('workspace_id', '=', ws!)
        .orderBy('logged_on')
        .orderBy('created_at')
        .orderBy('id'),
    );
    return rows.map(toTimeLog);
  }
  let query = db.selectFrom('time_logs').selectAll().where('workspace_id', '=', workspaceId);
  if (range.from) query = query.where('logged_on', '>=', range.from);
  if (range.to) query = query.where('logged_on', '<=', range.to);
  const rows = await query.orderBy('logged_on').orderBy('created_at').orderBy('id').execute();
  return rows.map(toTimeLog);
}

export async function deleteTimeLog(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('time_logs')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function clearTimeLogs(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('time_logs').where('workspace_id', '=', workspaceId).execute();
}

import type { Kysely, Selectable } from 'kysely';
import type { Database, WritingSessionTable } from './schema.ts';

/**
 * All SQL about the writing after a no. PRIVATE: these rows are only ever read for the person who
 * wrote them. Do not join them into anything shared (a coach's view, a "shareable" export).
 */

type Db = Kysely<Database>;

export interface StoredWritingSession {
  id: string;
  applicationId: string;
  number: number;
  on: string;
  prompt: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

function toSession(row: Selectable<WritingSessionTable>): StoredWritingSession {
  return {
    id: row.id,
    applicationId: row.application_id,
    number: Number(row.number),
    on: row.written_on,
    prompt: row.prompt,
    text: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertWritingSessions(
  db: Db,
  workspaceId: string,
  sessions: StoredWritingSession[],
): Promise<void> {
  if (sessions.length === 0) return;
  await db
    .insertInto('writing_sessions')
    .values(
      sessions.map((s) => ({
        id: s.id,
        workspace_id: workspaceId,
        application_id: s.applicationId,
        number: s.number,
        written_on: s.on,
        prompt: s.prompt,
        body: s.text,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
      })),
    )
    .execute();
}

/** One application's sessions, in the order they were written. */
export async function listWritingSessions(
  db: Db,
  workspaceId: string,
  applicationId: string,
): Promise<StoredWritingSession[]> {
  const rows = await db
    .selectFrom('writing_sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .orderBy('number')
    .execute();
  return rows.map(toSession);
}

export async function listAllWritingSessions(db: Db, workspaceId: string): Promise<StoredWritingSession[]> {
  const rows = await db
    .selectFrom('writing_sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('application_id')
    .orderBy('number')
    .execute();
  return rows.map(toSession);
}

export async function updateWritingText(
  db: Db,
  workspaceId: string,
  id: string,
  text: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('writing_sessions')
    .set({ body: text, updated_at: updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Deletes one session; true when it existed. */
export async function deleteWritingSession(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('writing_sessions')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every session about one application; how many there were. */
export async function deleteWritingFor(db: Db, workspaceId: string, applicationId: string): Promise<number> {
  const result = await db
    .deleteFrom('writing_sessions')
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function clearWriting(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('writing_sessions').where('workspace_id', '=', workspaceId).execute();
}

import type { Kysely, Selectable } from 'kysely';
import type { ApplicationEvent, InterviewRound } from '../core/applications/application.ts';
import type { ApplicationEventTable, Database, InterviewRoundTable } from './schema.ts';

/** All SQL about an application's history: its append-only events and its interview rounds. */

type Db = Kysely<Database>;

function toEvent(row: Selectable<ApplicationEventTable>): ApplicationEvent {
  return {
    id: row.id,
    applicationId: row.application_id,
    seq: Number(row.seq),
    type: row.type,
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at,
    data: JSON.parse(row.data),
  } as ApplicationEvent;
}

export async function listEvents(
  db: Db,
  workspaceId: string,
  applicationId: string,
): Promise<ApplicationEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}

/** Every event of the workspace, grouped by application; for analytics and backups. */
export async function listAllEvents(db: Db, workspaceId: string): Promise<ApplicationEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('application_id')
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}

export async function insertEvents(db: Db, workspaceId: string, events: ApplicationEvent[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < events.length; i += CHUNK) {
    await db
      .insertInto('application_events')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          id: e.id,
          workspace_id: workspaceId,
          application_id: e.applicationId,
          seq: e.seq,
          type: e.type,
          occurred_on: e.occurredOn,
          recorded_at: e.recordedAt,
          data: JSON.stringify(e.data),
        })),
      )
      .execute();
  }
}

function toRound(row: Selectable<InterviewRoundTable>): InterviewRound {
  return {
    id: row.id,
    applicationId: row.application_id,
    number: Number(row.number),
    kind: row.kind as InterviewRound['kind'],
    scheduledAt: row.scheduled_at,
    who: row.who,
    notes: row.notes,
    createdAt: row.created_at,
  };
}

export async function listRounds(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<InterviewRound[]> {
  let query = db.selectFrom('interview_rounds').selectAll().where('workspace_id', '=', workspaceId);
  if (applicationId !== undefined) query = query.where('application_id', '=', applicationId);
  const rows = await query.orderBy('application_id').orderBy('number').execute();
  return rows.map(toRound);
}

export async function insertRounds(db: Db, workspaceId: string, rounds: InterviewRound[]): Promise<void> {
  if (rounds.length === 0) return;
  const CHUNK = 500;
  for (let i = 0; i < rounds.length; i += CHUNK) {
    await db
      .insertInto('interview_rounds')
      .values(
        rounds.slice(i, i + CHUNK).map((r) => ({
          id: r.id,
          workspace_id: workspaceId,
          application_id: r.applicationId,
          number: r.number,
          kind: r.kind,
          scheduled_at: r.scheduledAt,
          who: r.who,
          notes: r.notes,
          created_at: r.createdAt,
        })),
      )
      .execute();
  }
}

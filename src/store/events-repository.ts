import { CompiledQuery, type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { ApplicationEvent, InterviewRound } from '../core/applications/application.ts';
import { reusableQuery } from './compiled-queries.ts';
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

const readEvents = reusableQuery<Selectable<ApplicationEventTable>, [string, string]>(
  2,
  (db, workspaceId, applicationId) =>
    db
      .selectFrom('application_events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('application_id', '=', applicationId)
      .orderBy('seq'),
);

export async function listEvents(
  db: Db,
  workspaceId: string,
  applicationId: string,
): Promise<ApplicationEvent[]> {
  const { rows } = await readEvents(db, workspaceId, applicationId);
  return rows.map(toEvent);
}

/** The histories of these applications, each in order, by application id (every id present). */
export async function listEventsOf(
  db: Db,
  workspaceId: string,
  applicationIds: readonly string[],
): Promise<Map<string, ApplicationEvent[]>> {
  const out = new Map<string, ApplicationEvent[]>(applicationIds.map((id) => [id, []]));
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await db
      .selectFrom('application_events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('application_id', 'in', applicationIds.slice(i, i + 500))
      .orderBy('application_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) out.get(row.application_id)?.push(toEvent(row));
  }
  return out;
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

export const EVENT_COLUMNS = [
  'id',
  'workspace_id',
  'application_id',
  'seq',
  'type',
  'occurred_on',
  'recorded_at',
  'data',
] as const;

export async function insertEvents(db: Db, workspaceId: string, events: ApplicationEvent[]): Promise<void> {
  await insertRowsBulk(
    db,
    'application_events',
    EVENT_COLUMNS,
    events.map((e) => eventValues(workspaceId, e)),
    500,
  );
}

/** An event's row, by position in EVENT_COLUMNS. */
export function eventValues(workspaceId: string, e: ApplicationEvent): unknown[] {
  const row: unknown[] = [];
  pushEventValues(row, workspaceId, e);
  return row;
}

/** Appends an event's row (EVENT_COLUMNS order) to a flat array of many rows, without a row array. */
export function pushEventValues(target: unknown[], workspaceId: string, e: ApplicationEvent): void {
  target.push(
    e.id,
    workspaceId,
    e.applicationId,
    e.seq,
    e.type,
    e.occurredOn,
    e.recordedAt,
    JSON.stringify(e.data),
  );
}

/** SQL text of full-size bulk inserts, by dialect, table, columns and row count. */
const bulkInsertSql = new Map<string, string>();

/**
 * Inserts `rows` (values in `columns` order) into `table`, `chunk` rows per statement. Kysely
 * compiles a full chunk's statement once per dialect; later chunks of that shape reuse its SQL
 * text with their own bound parameters, because compiling thousands of values each time costs
 * more than running them. A row with an undefined value goes through Kysely as an object, so
 * its column gets the table default as before.
 */
export async function insertRowsBulk(
  db: Db,
  table: keyof Database & string,
  columns: readonly string[],
  rows: unknown[][],
  chunk: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const parameters: unknown[] = [];
    let complete = true;
    for (const row of slice) {
      for (const value of row) {
        if (value === undefined) complete = false;
        parameters.push(value);
      }
    }
    const key = `${db.getExecutor().adapter.constructor.name}|${table}|${columns.join(',')}|${slice.length}`;
    const known = slice.length === chunk ? bulkInsertSql.get(key) : undefined;
    if (known !== undefined && complete) {
      await db.executeQuery(CompiledQuery.raw(known, parameters));
      continue;
    }
    const compiled = db
      .insertInto(table)
      .values(
        slice.map((row) => {
          const values: Record<string, unknown> = {};
          for (let c = 0; c < columns.length; c++) if (row[c] !== undefined) values[columns[c]!] = row[c];
          return values;
        }) as never,
      )
      .compile();
    if (slice.length === chunk && sameValues(compiled.parameters, parameters)) {
      bulkInsertSql.set(key, compiled.sql);
    }
    await db.executeQuery(compiled);
  }
}

/**
 * `insertRowsBulk` for rows laid out one after another in one flat array (`columns.length`
 * values each), as an import worker sends them: each full chunk's values go to the statement
 * as one slice, with no array per row.
 */
export async function insertFlatRows(
  db: Db,
  table: keyof Database & string,
  columns: readonly string[],
  values: readonly unknown[],
  chunk: number,
): Promise<void> {
  const width = columns.length;
  const prefix = `${db.getExecutor().adapter.constructor.name}|${table}|${columns.join(',')}|`;
  for (let start = 0; start < values.length; start += chunk * width) {
    const end = Math.min(values.length, start + chunk * width);
    const rows = (end - start) / width;
    const known = rows === chunk ? bulkInsertSql.get(prefix + rows) : undefined;
    let complete = known !== undefined;
    for (let i = start; complete && i < end; i++) if (values[i] === undefined) complete = false;
    if (complete) {
      await db.executeQuery(CompiledQuery.raw(known!, values.slice(start, end)));
      continue;
    }
    // First of its shape, a short last chunk, or a default to fill in: through Kysely.
    const asRows: unknown[][] = [];
    for (let i = start; i < end; i += width) asRows.push(values.slice(i, i + width));
    await insertRowsBulk(db, table, columns, asRows, chunk);
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toRound(row: Selectable<InterviewRoundTable>): InterviewRound {
  return {
    id: row.id,
    applicationId: row.application_id,
    number: Number(row.number),
    kind: row.kind,
    scheduledAt: row.scheduled_at,
    startTime: row.start_time ?? null,
    durationMinutes: row.duration_minutes == null ? null : Number(row.duration_minutes),
    who: row.who,
    notes: row.notes,
    createdAt: row.created_at,
  };
}

const readRounds = reusableQuery<Selectable<InterviewRoundTable>, [string, string]>(
  2,
  (db, workspaceId, applicationId) =>
    db
      .selectFrom('interview_rounds')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('application_id', '=', applicationId)
      .orderBy('application_id')
      .orderBy('number'),
);

export async function listRounds(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<InterviewRound[]> {
  if (applicationId !== undefined)
    return (await readRounds(db, workspaceId, applicationId)).rows.map(toRound);
  const rows = await db
    .selectFrom('interview_rounds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('application_id')
    .orderBy('number')
    .execute();
  return rows.map(toRound);
}

/**
 * 1 while the application whose id is `applicationId` is open, 0 once it has an outcome or the
 * offer was accepted (as SQL): an accepted job has no interviews left to go to.
 */
const openOf = (applicationId: RawBuilder<unknown> | string) =>
  sql<number>`(select case when a.outcome is null and a.stage <> 'accepted' then 1 else 0 end from applications a where a.id = ${applicationId})`;

/**
 * Brings the rounds' `application_open` in line with their applications' outcomes and stages, for the
 * applications `ids` (every one of the workspace when null): after any write of outcomes.
 */
export async function markOpenRounds(
  db: Db,
  workspaceId: string,
  ids: readonly string[] | null,
): Promise<void> {
  const open = openOf(sql.ref('interview_rounds.application_id'));
  const mark = (only: RawBuilder<unknown>) =>
    sql`update interview_rounds set application_open = ${open}
      where workspace_id = ${workspaceId} and application_open <> ${open} ${only}`.execute(db);
  if (ids === null) await mark(sql``);
  else
    for (let i = 0; i < ids.length; i += 500)
      await mark(sql`and application_id in (${sql.join(ids.slice(i, i + 500))})`);
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
          start_time: r.startTime ?? null,
          duration_minutes: r.durationMinutes ?? null,
          who: r.who,
          notes: r.notes,
          created_at: r.createdAt,
          application_open: openOf(r.applicationId),
        })),
      )
      .execute();
  }
}

/** Changes a round's facts (kind, day, time, length, who, notes). */
export async function updateRound(db: Db, workspaceId: string, round: InterviewRound): Promise<void> {
  await db
    .updateTable('interview_rounds')
    .set({
      kind: round.kind,
      scheduled_at: round.scheduledAt,
      start_time: round.startTime,
      duration_minutes: round.durationMinutes,
      who: round.who,
      notes: round.notes,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', round.id)
    .execute();
}

/**
 * Removes a round. People linked to it stay linked to the application (their link loses the
 * round, not the person); the round's facts are kept by the `round_deleted` event.
 */
export async function deleteRound(db: Db, workspaceId: string, roundId: string): Promise<void> {
  await db
    .updateTable('contact_links')
    .set({ round_id: null })
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', roundId)
    .execute();
  await db
    .deleteFrom('interview_rounds')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', roundId)
    .execute();
}

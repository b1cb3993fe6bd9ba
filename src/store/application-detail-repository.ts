import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Application, ApplicationEvent, InterviewRound } from '../core/applications/application.ts';
import {
  locksRows,
  SUMMARY_COLUMNS,
  type SummaryRow,
  tagList,
  tagsColumn,
  toApplication,
} from './applications-repository.ts';
import { reusableQuery } from './compiled-queries.ts';
import { lockTallies } from './insight-tallies-repository.ts';
import type { Database } from './schema.ts';

/**
 * One application with its history (events in order) and interview rounds, read by one
 * statement: the events and rounds come as JSON arrays beside the row (json_group_array on
 * SQLite, json_agg on PostgreSQL), one array of column values per event or round. A single read
 * then waits once and builds no row objects it throws away (issue 12: single read vs the floor).
 * The subqueries take the workspace and application as bound values, as the separate reads did.
 * On SQLite the workspace test is written `+e.workspace_id` so that it uses no index: with the
 * ORDER BY inside the aggregate, the planner otherwise picks the (workspace, date) index and
 * reads every event of the workspace instead of the application's few.
 */

type Db = Kysely<Database>;

/** On SQLite a JSON column is text; on PostgreSQL the driver has parsed it already. */
type Json<T> = string | T;
const parsed = <T>(value: Json<T>): T => (typeof value === 'string' ? JSON.parse(value) : value);

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// [id, seq, type, occurred_on, recorded_at, data (JSON text)]
type EventValues = [string, number, string, string, string, string];
function eventsColumn(db: Db, workspaceId: string, id: string): RawBuilder<Json<EventValues[]>> {
  return isPostgres(db)
    ? sql`coalesce((select json_agg(json_build_array(e.id, e.seq, e.type, e.occurred_on, e.recorded_at, e.data) order by e.seq) from application_events e where e.workspace_id = ${workspaceId} and e.application_id = ${id}), '[]'::json)`
    : sql`(select json_group_array(json_array(e.id, e.seq, e.type, e.occurred_on, e.recorded_at, e.data) order by e.seq) from application_events e where +e.workspace_id = ${workspaceId} and e.application_id = ${id})`;
}

// [id, number, kind, scheduled_at, start_time, duration_minutes, who, notes, created_at]
type RoundValues = [
  string,
  number,
  string,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string,
];
function roundsColumn(db: Db, workspaceId: string, id: string): RawBuilder<Json<RoundValues[]>> {
  return isPostgres(db)
    ? sql`coalesce((select json_agg(json_build_array(r.id, r.number, r.kind, r.scheduled_at, r.start_time, r.duration_minutes, r.who, r.notes, r.created_at) order by r.number) from interview_rounds r where r.workspace_id = ${workspaceId} and r.application_id = ${id}), '[]'::json)`
    : sql`(select json_group_array(json_array(r.id, r.number, r.kind, r.scheduled_at, r.start_time, r.duration_minutes, r.who, r.notes, r.created_at) order by r.number) from interview_rounds r where +r.workspace_id = ${workspaceId} and r.application_id = ${id})`;
}

type DetailRow = SummaryRow & {
  job_description: string | null;
  tags: Json<string[]>;
  events: Json<EventValues[]>;
  rounds: Json<RoundValues[]>;
};

const readDetail = (forUpdate: boolean) =>
  reusableQuery<DetailRow, [string, string]>(2, (db, workspaceId, id) =>
    db
      .selectFrom('applications')
      .select([
        ...SUMMARY_COLUMNS,
        'job_description',
        tagsColumn(db).as('tags'),
        eventsColumn(db, workspaceId, id).as('events'),
        roundsColumn(db, workspaceId, id).as('rounds'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .$if(forUpdate, (q) => q.forUpdate()),
  );
const readDetailPlain = readDetail(false);
const readDetailLocked = readDetail(true);

export interface StoredDetail {
  app: Application;
  events: ApplicationEvent[];
  rounds: InterviewRound[];
}

/**
 * The application, its events (by sequence) and its rounds (by number); undefined when it does
 * not exist. Inside a PostgreSQL transaction its row stays locked until the transaction ends.
 */
export async function findApplicationDetail(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<StoredDetail | undefined> {
  await lockTallies(db, workspaceId);
  const read = locksRows(db) ? readDetailLocked : readDetailPlain;
  const row = (await read(db, workspaceId, id)).rows[0];
  if (!row) return undefined;
  const eventValues = parsed(row.events);
  const events = new Array<ApplicationEvent>(eventValues.length);
  for (let i = 0; i < eventValues.length; i++) {
    const e = eventValues[i]!;
    events[i] = {
      id: e[0],
      applicationId: id,
      seq: Number(e[1]),
      type: e[2],
      occurredOn: e[3],
      recordedAt: e[4],
      data: JSON.parse(e[5]),
    } as ApplicationEvent;
  }
  const rounds = parsed(row.rounds).map(
    (r): InterviewRound => ({
      id: r[0],
      applicationId: id,
      number: Number(r[1]),
      kind: r[2] as InterviewRound['kind'],
      scheduledAt: r[3],
      startTime: r[4] ?? null,
      durationMinutes: r[5] == null ? null : Number(r[5]),
      who: r[6],
      notes: r[7],
      createdAt: r[8],
    }),
  );
  return { app: toApplication(row, tagList(row.tags)), events, rounds };
}

import { type Kysely, sql } from 'kysely';
import type { ApplicationEvent } from '../core/applications/application.ts';
import { type HistorySummary, summarizeHistory } from '../core/applications/history.ts';
import { insertEvents, insertRowsBulk, markOpenRounds } from './events-repository.ts';
import { rebuildTallies, retally } from './insight-tallies-repository.ts';
import type { ApplicationSummaryTable, ApplicationTable, Database } from './schema.ts';

/**
 * Per-application summaries of the history (`summarizeHistory`), kept in the same transaction as
 * every event: the derived columns on `applications` (stage, furthest stage, outcome, last
 * response…) and the `application_summaries` row (the day each stage was first reached, first
 * answer, counts). Every write of events goes through here, so the summary is never stale;
 * `rebuildSummaries` recomputes it from the events and must give the same rows.
 */

type Db = Kysely<Database>;

const REACHED_COLUMNS = [
  'saved_on',
  'applied_on',
  'screening_on',
  'interviewing_on',
  'offer_on',
  'accepted_on',
] as const;

export const SUMMARY_TABLE_COLUMNS = [
  'application_id',
  'workspace_id',
  ...REACHED_COLUMNS,
  'first_applied_on',
  'first_response_on',
  'event_count',
  'round_count',
  'response_count',
] as const satisfies readonly (keyof ApplicationSummaryTable)[];

export function summaryValues(workspaceId: string, applicationId: string, s: HistorySummary): unknown[] {
  return [
    applicationId,
    workspaceId,
    ...s.reachedOn,
    s.firstAppliedOn,
    s.firstResponseOn,
    s.eventCount,
    s.roundCount,
    s.responseCount,
  ];
}

function derivedColumns(s: HistorySummary) {
  return {
    stage: s.stage,
    furthest_stage: s.furthestStage,
    outcome: s.outcome,
    closed_on: s.closedOn,
    last_response_on: s.lastResponseOn,
    last_activity_on: s.lastActivityOn,
  };
}

/** The summary columns of a row as `HistorySummary` (with the derived columns of `applications`). */
export type StoredSummaryRow = Omit<ApplicationSummaryTable, 'workspace_id'> &
  Pick<
    ApplicationTable,
    'stage' | 'furthest_stage' | 'outcome' | 'closed_on' | 'last_response_on' | 'last_activity_on'
  >;

export function toHistorySummary(row: StoredSummaryRow): HistorySummary {
  return {
    stage: row.stage,
    furthestStage: row.furthest_stage,
    outcome: row.outcome,
    closedOn: row.closed_on,
    lastResponseOn: row.last_response_on,
    lastActivityOn: row.last_activity_on,
    reachedOn: REACHED_COLUMNS.map((c) => row[c]),
    firstAppliedOn: row.first_applied_on,
    firstResponseOn: row.first_response_on,
    eventCount: Number(row.event_count),
    roundCount: Number(row.round_count),
    responseCount: Number(row.response_count),
  };
}

async function upsertSummary(db: Db, workspaceId: string, id: string, s: HistorySummary): Promise<void> {
  const values = summaryValues(workspaceId, id, s);
  const row = Object.fromEntries(
    SUMMARY_TABLE_COLUMNS.map((c, i) => [c, values[i]]),
  ) as unknown as ApplicationSummaryTable;
  const { application_id: _id, workspace_id: _ws, ...rest } = row;
  await db
    .insertInto('application_summaries')
    .values(row)
    .onConflict((oc) => oc.column('application_id').doUpdateSet(rest))
    .execute();
}

/**
 * Appends `added` to one application's history (`history` is the whole history, `added`
 * included) and writes its summary: the derived columns and `updated_at` on the row, and the
 * summary row. Run inside the caller's transaction.
 */
export async function appendHistory(
  db: Db,
  workspaceId: string,
  applicationId: string,
  history: readonly ApplicationEvent[],
  added: ApplicationEvent[],
  updatedAt: string,
): Promise<HistorySummary> {
  const summary = summarizeHistory(history);
  await insertEvents(db, workspaceId, added);
  await keepingDerived(db, workspaceId, [applicationId], async () => {
    await db
      .updateTable('applications')
      .set({ ...derivedColumns(summary), updated_at: updatedAt })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', applicationId)
      .execute();
    await upsertSummary(db, workspaceId, applicationId, summary);
  });
  return summary;
}

/**
 * `appendHistory` for many applications at once: every added event in multi-row inserts, the
 * derived columns of each row, and the summary rows replaced in multi-row inserts.
 */
export async function appendHistories(
  db: Db,
  workspaceId: string,
  entries: ReadonlyArray<{
    applicationId: string;
    history: readonly ApplicationEvent[];
    added: ApplicationEvent[];
  }>,
  updatedAt: string,
): Promise<void> {
  if (entries.length === 0) return;
  await insertEvents(
    db,
    workspaceId,
    entries.flatMap((e) => e.added),
  );
  const ids = entries.map((e) => e.applicationId);
  await keepingDerived(db, workspaceId, ids, () => writeSummaries(db, workspaceId, entries, ids, updatedAt));
}

/**
 * Runs `write`, which rewrites the summaries and derived columns of the applications `ids`, and
 * keeps what is stored from them elsewhere in step: their insight tallies and whether their
 * rounds belong to an open application.
 */
async function keepingDerived(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  write: () => Promise<void>,
): Promise<void> {
  await retally(db, workspaceId, ids, write);
  await markOpenRounds(db, workspaceId, ids);
}

/** The derived columns and summary rows of `appendHistories`. */
async function writeSummaries(
  db: Db,
  workspaceId: string,
  entries: ReadonlyArray<{ applicationId: string; history: readonly ApplicationEvent[] }>,
  ids: readonly string[],
  updatedAt: string,
): Promise<void> {
  const summaryRows: unknown[][] = [];
  const derived: Array<{ id: string; columns: ReturnType<typeof derivedColumns> }> = [];
  for (const { applicationId, history } of entries) {
    const summary = summarizeHistory(history);
    derived.push({ id: applicationId, columns: derivedColumns(summary) });
    summaryRows.push(summaryValues(workspaceId, applicationId, summary));
  }
  // One UPDATE per chunk of rows: each derived column set by a CASE on the id. A short chunk is
  // padded to a bucket size by repeating its last row (the same id, the same values): a few
  // statement texts instead of one per length, so SQLite compiles each once, not per write.
  for (let i = 0; i < derived.length; i += 200) {
    const chunk = padToBucket(derived.slice(i, i + 200), 200);
    const columns = Object.keys(chunk[0]!.columns) as (keyof ReturnType<typeof derivedColumns>)[];
    const sets = columns.map(
      (column) =>
        sql`${sql.ref(column)} = case ${sql.ref('id')} ${sql.join(
          chunk.map((r) => sql`when ${r.id} then ${r.columns[column]}`),
          sql` `,
        )} end`,
    );
    await sql`update ${sql.table('applications')} set ${sql.join(sets)}, ${sql.ref('updated_at')} = ${updatedAt}
      where ${sql.ref('workspace_id')} = ${workspaceId} and ${sql.ref('id')} in (${sql.join(chunk.map((r) => r.id))})`.execute(
      db,
    );
  }
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('application_summaries')
      .where('workspace_id', '=', workspaceId)
      .where('application_id', 'in', padToBucket(ids.slice(i, i + 500), 500))
      .execute();
  }
  await insertRowsBulk(db, 'application_summaries', SUMMARY_TABLE_COLUMNS, summaryRows, 500);
}

/** `rows` with its last row repeated up to the next power of two (or `max`), for a stable statement text. */
function padToBucket<T>(rows: T[], max: number): T[] {
  let size = 1;
  while (size < rows.length) size *= 2;
  size = Math.min(size, max);
  const last = rows[rows.length - 1]!;
  while (rows.length < size) rows.push(last);
  return rows;
}

/** Called after each batch of a bulk write with how many applications are written so far. */
export type BulkProgress = (done: number, total: number) => void;

/** The columns that make up a stored summary: the derived ones on `applications as a` and `application_summaries as s`. */
export const SUMMARY_SELECT = [
  'a.stage',
  'a.furthest_stage',
  'a.outcome',
  'a.closed_on',
  'a.last_response_on',
  'a.last_activity_on',
  's.application_id',
  's.saved_on',
  's.applied_on',
  's.screening_on',
  's.interviewing_on',
  's.offer_on',
  's.accepted_on',
  's.first_applied_on',
  's.first_response_on',
  's.event_count',
  's.round_count',
  's.response_count',
] as const;

/** Each application's stored summary, by id: the derived columns and the summary row. */
export async function readSummaries(
  db: Db,
  workspaceId: string,
  applicationIds?: readonly string[],
): Promise<Map<string, HistorySummary>> {
  let query = db
    .selectFrom('applications as a')
    .leftJoin('application_summaries as s', 's.application_id', 'a.id')
    .select(['a.id', ...SUMMARY_SELECT])
    .where('a.workspace_id', '=', workspaceId);
  if (applicationIds !== undefined) query = query.where('a.id', 'in', applicationIds);
  const rows = await query.orderBy('a.id').execute();
  const out = new Map<string, HistorySummary>();
  for (const r of rows) {
    out.set(
      r.id,
      toHistorySummary({
        ...r,
        event_count: r.event_count ?? 0,
        round_count: r.round_count ?? 0,
        response_count: r.response_count ?? 0,
      } as StoredSummaryRow),
    );
  }
  return out;
}

const REBUILD_CHUNK = 500;

/**
 * Recomputes every summary of the workspace from the events (the events are the truth): the
 * summary rows are replaced and the derived columns of `applications` rewritten where they
 * differ. Reads the histories a chunk of applications at a time, so memory stays flat. Returns
 * how many applications had a summary that did not match.
 */
export async function rebuildSummaries(
  db: Db,
  workspaceId: string,
  onProgress?: BulkProgress,
): Promise<{ applications: number; changed: number }> {
  const ids = (
    await db
      .selectFrom('applications')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  let changed = 0;
  for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
    const chunk = ids.slice(i, i + REBUILD_CHUNK);
    const [stored, eventRows] = await Promise.all([
      readSummaries(db, workspaceId, chunk),
      db
        .selectFrom('application_events')
        .select(['id', 'application_id', 'seq', 'type', 'occurred_on', 'recorded_at', 'data'])
        .where('workspace_id', '=', workspaceId)
        .where('application_id', 'in', chunk)
        .orderBy('application_id')
        .orderBy('seq')
        .execute(),
    ]);
    const byApp = new Map<string, ApplicationEvent[]>();
    for (const e of eventRows) {
      const event = {
        id: e.id,
        applicationId: e.application_id,
        seq: Number(e.seq),
        type: e.type,
        occurredOn: e.occurred_on,
        // The day an application was entered counts (entered past applied: an answer by then).
        recordedAt: e.recorded_at,
        data: JSON.parse(e.data),
      } as ApplicationEvent;
      const list = byApp.get(e.application_id);
      if (list) list.push(event);
      else byApp.set(e.application_id, [event]);
    }
    const rows: unknown[][] = [];
    for (const id of chunk) {
      const summary = summarizeHistory(byApp.get(id) ?? []);
      rows.push(summaryValues(workspaceId, id, summary));
      const before = stored.get(id);
      if (before === undefined || !sameSummary(before, summary)) {
        changed++;
        await db
          .updateTable('applications')
          .set(derivedColumns(summary))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      }
    }
    await db
      .deleteFrom('application_summaries')
      .where('workspace_id', '=', workspaceId)
      .where('application_id', 'in', chunk)
      .execute();
    await insertRowsBulk(db, 'application_summaries', SUMMARY_TABLE_COLUMNS, rows, 500);
    onProgress?.(i + chunk.length, ids.length);
  }
  await rebuildTallies(db, workspaceId);
  await markOpenRounds(db, workspaceId, null);
  return { applications: ids.length, changed };
}

function sameSummary(a: HistorySummary, b: HistorySummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rebuilds the summaries of every workspace (after the migration that adds them). */
export async function rebuildAllSummaries(db: Db): Promise<void> {
  const workspaces = await db.selectFrom('workspaces').select('id').execute();
  for (const w of workspaces) await rebuildSummaries(db, w.id);
}

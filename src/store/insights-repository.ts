import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { ApplicationEvent } from '../core/applications/application.ts';
import { type AppSummary, appSummaryFrom, type InsightApplication } from '../core/insights/index.ts';
import { executeCached } from './compiled-queries.ts';
import type { Database } from './schema.ts';
import { type StoredSummaryRow, SUMMARY_SELECT, toHistorySummary } from './summaries-repository.ts';

/** What insights, wins and reviews read about the applications: few columns, full histories. */

type Db = Kysely<Database>;

export interface LoadedApplication extends InsightApplication {
  company: string;
}

/**
 * One application as a stamp of everything insights read from its row and history, so a cache
 * can tell which applications changed without reading any events: `updated_at`, the highest event
 * `seq` and the row's fields (length-prefixed where free text could blur the boundaries). Events
 * are only ever appended (an undo is a new event; only deleting the whole application removes
 * any) and every append takes the next `seq`, so an unchanged stamp means unchanged events even on
 * a clock that stands still. A restored backup writes its own rows and `updated_at`, and a
 * history it puts back is shorter than the one it replaces.
 */
export interface ApplicationStamp {
  id: string;
  stamp: string;
}

/**
 * A value that changes whenever the workspace's applications, tags or events may have changed,
 * so a cache keyed on it is never stale, at no cost per written row.
 *
 * - PostgreSQL: statement-level triggers bump `workspace_revisions` once per statement for each
 *   workspace it touched (migration 2026_11_27_1200_summaries).
 * - SQLite has row triggers only, so it keeps none: the connection's own count of changed rows
 *   (`total_changes()`, which grows with every write made through it) paired with
 *   `data_version` (which moves when another connection, such as the CLI, commits). Coarser than
 *   per workspace (any write moves it), never stale.
 */
export async function readRevision(db: Db, workspaceId: string): Promise<string> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const { rows } = await sql<{
      changes: number;
      version: number;
    }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(
      db,
    );
    return `${rows[0]!.changes}:${rows[0]!.version}`;
  }
  const [row] = await executeCached(db, 'readRevision', [workspaceId], ([ws]) =>
    db.selectFrom('workspace_revisions').select('revision').where('workspace_id', '=', ws!),
  );
  return String(row ? Number(row.revision) : 0);
}

// Notes and replies carry free text that insights never read; skipping their JSON saves most of
// the parsing on a long history.
const UNREAD_DATA = new Set(['note', 'response']);
// Bound parameters per `in (…)`: well under SQLite's and PostgreSQL's limits.
const CHUNK = 500;

/** Every application of the workspace, ordered by id, with its stamp (no events read). */
export async function loadApplicationStamps(db: Db, workspaceId: string): Promise<ApplicationStamp[]> {
  // One string per row keeps the read cheap; the subquery is one seek into (application_id, seq).
  const stamp = sql<string>`a.updated_at || '|' || cast(coalesce((select max(e.seq) from application_events e where e.application_id = a.id), 0) as text) || '|' || cast(length(a.company) as text) || ':' || a.company || cast(length(a.role) as text) || ':' || a.role || '|' || a.channel || '|' || a.kind || '|' || coalesce(a.applied_on, '')`;
  return db
    .selectFrom('applications as a')
    .select(['a.id', stamp.as('stamp')])
    .where('a.workspace_id', '=', workspaceId)
    .orderBy('a.id')
    .execute();
}

type Row = Omit<LoadedApplication, 'events' | 'tags'>;

/** The fields insights read of the given applications (in chunks), or of all, by id. */
export async function loadApplicationRows(
  db: Db,
  workspaceId: string,
  applicationIds?: readonly string[],
): Promise<Map<string, Row>> {
  const query = db
    .selectFrom('applications')
    .select(['id', 'company', 'role', 'channel', 'kind', 'applied_on'])
    .where('workspace_id', '=', workspaceId);
  const rows =
    applicationIds === undefined
      ? await query.execute()
      : (
          await Promise.all(chunks(applicationIds).map((ids) => query.where('id', 'in', ids).execute()))
        ).flat();
  return new Map(
    rows.map((a) => [
      a.id,
      {
        id: a.id,
        company: a.company,
        role: a.role,
        channel: a.channel,
        kind: a.kind,
        appliedOn: a.applied_on,
      },
    ]),
  );
}

function chunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/** Every tag of the workspace, by application id. */
export async function loadTagsByApplication(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('application_tags')
    .select(['application_id', 'tag'])
    .where('workspace_id', '=', workspaceId)
    // A fixed order (the insight aggregates read size and industry tags in the same one).
    .orderBy('application_id')
    .orderBy('tag')
    .execute();
  const byId = new Map<string, string[]>();
  for (const t of rows) {
    const list = byId.get(t.application_id);
    if (list) list.push(t.tag);
    else byId.set(t.application_id, [t.tag]);
  }
  return byId;
}

type EventRow = Pick<
  Database['application_events'],
  'id' | 'application_id' | 'seq' | 'type' | 'occurred_on' | 'data'
>;

function groupEvents(rows: readonly EventRow[], into: Map<string, ApplicationEvent[]>): void {
  for (const e of rows) {
    const event = {
      id: e.id,
      applicationId: e.application_id,
      seq: Number(e.seq),
      type: e.type,
      occurredOn: e.occurred_on,
      recordedAt: '',
      data: UNREAD_DATA.has(e.type) ? {} : JSON.parse(e.data),
    } as ApplicationEvent;
    const list = into.get(e.application_id);
    if (list) list.push(event);
    else into.set(e.application_id, [event]);
  }
}

/**
 * Events by application, each list in recording order: of the whole workspace, or of the given
 * applications only (read in chunks), which is what a reload after a few writes needs.
 */
export async function loadEventsByApplication(
  db: Db,
  workspaceId: string,
  applicationIds?: readonly string[],
): Promise<Map<string, ApplicationEvent[]>> {
  const byId = new Map<string, ApplicationEvent[]>();
  const query = db
    .selectFrom('application_events')
    .select(['id', 'application_id', 'seq', 'type', 'occurred_on', 'data'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('application_id')
    .orderBy('seq');
  if (applicationIds === undefined) {
    groupEvents(await query.execute(), byId);
    return byId;
  }
  for (const ids of chunks(applicationIds)) {
    groupEvents(await query.where('application_id', 'in', ids).execute(), byId);
  }
  return byId;
}

/**
 * Every application with its events, ordered by id, in three queries (applications, tags, events)
 * grouped in memory; events come sorted by application and recording order.
 */
export async function loadInsightApplications(db: Db, workspaceId: string): Promise<LoadedApplication[]> {
  const [stamps, rows, tags, events] = await Promise.all([
    loadApplicationStamps(db, workspaceId),
    loadApplicationRows(db, workspaceId),
    loadTagsByApplication(db, workspaceId),
    loadEventsByApplication(db, workspaceId),
  ]);
  return stamps.map(({ id }) => ({
    ...rows.get(id)!,
    tags: tags.get(id) ?? [],
    events: events.get(id) ?? [],
  }));
}

/**
 * Every application's insight numbers from its row and its stored history summary
 * (`application_summaries`, kept in the same transaction as each event): one read over the
 * applications plus their tags, no events. Ordered by id.
 */
export async function loadInsightSummaries(db: Db, workspaceId: string): Promise<AppSummary[]> {
  const [rows, tags] = await Promise.all([
    db
      .selectFrom('applications as a')
      .innerJoin('application_summaries as s', 's.application_id', 'a.id')
      .select(['a.id', 'a.channel', 'a.role', 'a.kind', 'a.applied_on as row_applied_on', ...SUMMARY_SELECT])
      .where('a.workspace_id', '=', workspaceId)
      .orderBy('a.id')
      .execute(),
    loadTagsByApplication(db, workspaceId),
  ]);
  const out: AppSummary[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = appSummaryFrom(
      {
        id: r.id,
        channel: r.channel,
        role: r.role,
        kind: r.kind,
        appliedOn: r.row_applied_on,
        tags: tags.get(r.id) ?? NO_TAGS,
      },
      toHistorySummary(r as StoredSummaryRow),
    );
  }
  return out;
}

const NO_TAGS: readonly string[] = [];

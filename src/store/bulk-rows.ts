import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Application, ApplicationEvent } from '../core/applications/application.ts';
import { derivedFields, summarizeHistory } from '../core/applications/history.ts';
import { tallySharesOf } from '../core/insights/tallies.ts';
import { ALL_COLUMNS, pushApplicationValues } from './applications-repository.ts';
import { EVENT_COLUMNS, insertFlatRows, pushEventValues } from './events-repository.ts';
import { TALLY_SHARE_COLUMNS, TallySums } from './insight-tallies-repository.ts';
import type { Database } from './schema.ts';
import { SEARCH_COLUMNS, searchDocumentOf } from './search-repository.ts';
import { type BulkProgress, SUMMARY_TABLE_COLUMNS, summaryValues } from './summaries-repository.ts';

/**
 * Writing new applications with their whole histories in bulk (creates, imports, backups,
 * sample data): every row they need in every table, built without a database (an import worker
 * builds them) and written in multi-row inserts, so the cost is linear in the rows written.
 */

type Db = Kysely<Database>;

export const BULK_BATCH = 1000;

/**
 * The rows of new applications with their histories, by table, ready for multi-row inserts:
 * each table's rows one after another in one flat array (BULK_TABLES gives the columns).
 */
export interface BulkRows {
  applications: unknown[];
  tags: unknown[];
  events: unknown[];
  summaries: unknown[];
  search: unknown[];
  /** What each application adds to the insight tallies (TALLY_SHARE_COLUMNS), added up when written. */
  tallies: unknown[];
}

/** Each table of BulkRows: its name, columns, rows per statement and which column names the application. */
const BULK_TABLES = [
  { key: 'applications', table: 'applications', columns: ALL_COLUMNS, chunk: 200, app: 'id' },
  {
    key: 'tags',
    table: 'application_tags',
    columns: ['workspace_id', 'application_id', 'tag'],
    chunk: 500,
    app: 'application_id',
  },
  { key: 'events', table: 'application_events', columns: EVENT_COLUMNS, chunk: 500, app: 'application_id' },
  {
    key: 'summaries',
    table: 'application_summaries',
    columns: SUMMARY_TABLE_COLUMNS,
    chunk: 500,
    app: 'application_id',
  },
  { key: 'search', table: 'application_search', columns: SEARCH_COLUMNS, chunk: 500, app: 'application_id' },
] as const satisfies ReadonlyArray<{
  key: keyof BulkRows;
  table: keyof Database;
  columns: readonly string[];
  chunk: number;
  app: string;
}>;

export function emptyBulkRows(): BulkRows {
  return { applications: [], tags: [], events: [], summaries: [], search: [], tallies: [] };
}

function pushAll(into: unknown[], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) into.push(values[i]);
}

/**
 * Adds one new application with its whole history to `rows`: its row (derived columns taken from
 * the history, whatever the caller set), tags, events, summary and search document. Pure, so an
 * import worker can build the rows off the request thread; values go straight into the flat
 * arrays, in the column order of BULK_TABLES.
 */
export function addBulkRows(
  rows: BulkRows,
  workspaceId: string,
  app: Application & { sourceKey?: string | null },
  history: readonly ApplicationEvent[],
): void {
  const summary = summarizeHistory(history);
  pushApplicationValues(rows.applications, app, derivedFields(summary), workspaceId, app.sourceKey ?? null);
  for (const tag of new Set(app.tags)) rows.tags.push(workspaceId, app.id, tag);
  for (const e of history) pushEventValues(rows.events, workspaceId, e);
  pushAll(rows.summaries, summaryValues(workspaceId, app.id, summary));
  rows.search.push(app.id, workspaceId, searchDocumentOf(app));
  const shares = tallySharesOf({ ...summary, channel: app.channel, appliedOn: app.appliedOn });
  for (const share of shares) rows.tallies.push(workspaceId, app.id, ...share);
}

/** `rows` without those of the applications `ids`. */
export function withoutApplications(rows: BulkRows, ids: ReadonlySet<string>): BulkRows {
  const out = emptyBulkRows();
  for (const { key, columns, app } of BULK_TABLES) {
    const width = columns.length;
    const at = (columns as readonly string[]).indexOf(app);
    const values = rows[key];
    for (let i = 0; i < values.length; i += width)
      if (!ids.has(values[i + at] as string)) pushAll(out[key], values.slice(i, i + width));
  }
  const width = TALLY_SHARE_COLUMNS.length;
  for (let i = 0; i < rows.tallies.length; i += width)
    if (!ids.has(rows.tallies[i + 1] as string)) pushAll(out.tallies, rows.tallies.slice(i, i + width));
  return out;
}

/**
 * Writes rows built by `addBulkRows`, table by table in multi-row inserts. Their insight tallies
 * go into `tallies`, which the caller writes after its last batch (`TallySums.write`).
 */
export async function insertBulkRows(db: Db, rows: BulkRows, tallies: TallySums): Promise<void> {
  for (const { key, table, columns, chunk } of BULK_TABLES)
    await insertFlatRows(db, table, columns, rows[key], chunk);
  tallies.add(rows.tallies);
}

/**
 * Writes new applications with their whole histories (`addBulkRows`), in multi-row inserts of
 * `BULK_BATCH` applications at a time, so the cost is linear in the rows written. Used by
 * creates, imports, backups and sample data. `onProgress` hears after each batch.
 */
export async function insertApplicationsWithHistory(
  db: Db,
  workspaceId: string,
  apps: ReadonlyArray<Application & { sourceKey?: string | null }>,
  events: readonly ApplicationEvent[],
  onProgress?: BulkProgress,
): Promise<void> {
  const byApp = new Map<string, ApplicationEvent[]>();
  for (const e of events) {
    const list = byApp.get(e.applicationId);
    if (list) list.push(e);
    else byApp.set(e.applicationId, [e]);
  }
  const tallies = new TallySums();
  for (let i = 0; i < apps.length; i += BULK_BATCH) {
    const slice = apps.slice(i, i + BULK_BATCH);
    const rows = emptyBulkRows();
    for (const app of slice) addBulkRows(rows, workspaceId, app, byApp.get(app.id) ?? []);
    await insertBulkRows(db, rows, tallies);
    onProgress?.(i + slice.length, apps.length);
  }
  await tallies.write(db);
}

/** SQLite's page cache during a bulk write, in KiB (better-sqlite3 opens with 16,000 KiB). */
export const BULK_CACHE_KIB = 64 * 1024;

/**
 * Runs a bulk write with a larger SQLite page cache: thousands of rows go into several tables
 * and their indexes at once, batch after batch, and with the connection's 16 MB the transaction
 * spills dirty pages to the WAL and reads them back (measured at 100,000 rows: about a fifth less
 * wall time with 64 MB, the same CPU). The connection's own setting is restored afterwards.
 * PostgreSQL: runs `work` as it is.
 */
export async function withBulkPageCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return work();
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const before = Number(rows[0]?.cache_size ?? -2000);
  await sql.raw(`pragma cache_size = ${-BULK_CACHE_KIB}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma cache_size = ${Math.trunc(before)}`).execute(db);
  }
}

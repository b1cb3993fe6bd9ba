import { type Kysely, type Selectable, sql } from 'kysely';
import type { RoundKind } from '../core/applications/application.ts';
import type { DueItem, DueItemKind } from '../core/today/due-item.ts';
import { executeCached } from './compiled-queries.ts';
import type { ScheduledItemTable } from './recovery-schema.ts';
import type { Database } from './schema.ts';

/**
 * Scheduled items: pending dated work (a pause ending, a feedback email, a look back, a task, a
 * touch), kept in step by the services, plus the reads Today needs (interviews, quiet applications).
 */

type Db = Kysely<Database>;

export interface ScheduledItem extends DueItem {
  /** The record whose endpoint completes the item (feedback request, rejection, action item, contact). */
  refId: string;
}

function toItem(r: Omit<Selectable<ScheduledItemTable>, 'workspace_id'>): ScheduledItem {
  const item: ScheduledItem = {
    id: r.id,
    kind: r.kind as DueItemKind,
    title: r.title,
    dueAt: r.due_at,
    refId: r.ref_id,
  };
  if (r.detail !== null) item.detail = r.detail;
  if (r.starts_at !== null) item.startsAt = r.starts_at;
  if (r.ends_at !== null) item.endsAt = r.ends_at;
  if (r.application_id !== null) item.applicationId = r.application_id;
  if (r.contact_id !== null) item.contactId = r.contact_id;
  if (Number(r.nudge) === 1) item.nudge = true;
  return item;
}

function toRow(workspaceId: string, i: ScheduledItem): ScheduledItemTable {
  return {
    workspace_id: workspaceId,
    id: i.id,
    kind: i.kind,
    ref_id: i.refId,
    title: i.title,
    detail: i.detail ?? null,
    due_at: i.dueAt,
    starts_at: i.startsAt ?? null,
    ends_at: i.endsAt ?? null,
    application_id: i.applicationId ?? null,
    contact_id: i.contactId ?? null,
    nudge: i.nudge ? 1 : 0,
  };
}

/** Inserts or replaces items by id. */
export async function upsertScheduledItems(
  db: Db,
  workspaceId: string,
  items: ScheduledItem[],
): Promise<void> {
  if (items.length === 0) return;
  for (let i = 0; i < items.length; i += 200) {
    const slice = items.slice(i, i + 200);
    await db
      .deleteFrom('scheduled_items')
      .where('workspace_id', '=', workspaceId)
      .where(
        'id',
        'in',
        slice.map((s) => s.id),
      )
      .execute();
    await db
      .insertInto('scheduled_items')
      .values(slice.map((s) => toRow(workspaceId, s)))
      .execute();
  }
}

export async function deleteScheduledItems(db: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('scheduled_items')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** Deletes every item completed through one record (e.g. all touches of a contact). */
export async function deleteScheduledByRef(
  db: Db,
  workspaceId: string,
  refId: string,
  kinds?: DueItemKind[],
): Promise<void> {
  let q = db
    .deleteFrom('scheduled_items')
    .where('workspace_id', '=', workspaceId)
    .where('ref_id', '=', refId);
  if (kinds) q = q.where('kind', 'in', kinds);
  await q.execute();
}

// Every column Today shows; the workspace id is already known.
const ITEM_COLUMNS = [
  'id',
  'kind',
  'ref_id',
  'title',
  'detail',
  'due_at',
  'starts_at',
  'ends_at',
  'application_id',
  'contact_id',
  'nudge',
] as const;

/**
 * Pending items due before `before` (ISO text compares as time for both instants and days), by
 * due time then title: nearly Today's final order, so its locale-aware sort has little left to do.
 */
export async function listScheduledBefore(
  db: Db,
  workspaceId: string,
  before: string,
): Promise<ScheduledItem[]> {
  const rows = await executeCached(db, 'listScheduledBefore', [workspaceId, before], ([ws, b]) =>
    db
      .selectFrom('scheduled_items')
      .select(ITEM_COLUMNS)
      .where('workspace_id', '=', ws!)
      .where('due_at', '<', b!)
      .orderBy('due_at')
      .orderBy('title'),
  );
  return rows.map(toItem);
}

/**
 * Today's two reads of the pending items in one statement (one round trip, one statement for the
 * server to run): the items due before `before`, ordered as `listScheduledBefore`, and how many
 * are due from `before` on. The count is the row's `later_n`, on every row and on the one row of
 * nulls when nothing is due before `before`.
 */
export async function listScheduledSplit(
  db: Db,
  workspaceId: string,
  before: string,
): Promise<{ items: ScheduledItem[]; later: number }> {
  const rows = await executeCached(db, 'listScheduledSplit', [workspaceId, before], ([ws, b]) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('scheduled_items')
          .select((e) => e.fn.countAll<number>().as('later_n'))
          .where('workspace_id', '=', ws!)
          .where('due_at', '>=', b!)
          .as('c'),
      )
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('scheduled_items')
            .select(ITEM_COLUMNS)
            .where('workspace_id', '=', ws!)
            .where('due_at', '<', b!)
            .as('p'),
        (join) => join.onTrue(),
      )
      .selectAll('p')
      .select('c.later_n')
      .orderBy('p.due_at')
      .orderBy('p.title'),
  );
  const later = Number(rows[0]?.later_n ?? 0);
  if (rows[0]?.id == null) return { items: [], later };
  return { items: rows.map((row) => toItem(row as Parameters<typeof toItem>[0])), later };
}

export async function listAllScheduled(db: Db, workspaceId: string): Promise<ScheduledItem[]> {
  const rows = await db
    .selectFrom('scheduled_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

export interface ScheduledRound {
  id: string;
  applicationId: string;
  number: number;
  kind: RoundKind;
  scheduledAt: string;
  startTime: string | null;
  durationMinutes: number | null;
  who: string | null;
  company: string;
  role: string;
}

/**
 * Interview rounds scheduled in [from, before) on open applications (no outcome, not accepted),
 * with company and role. The
 * rounds' date index drives the read; each round then finds its application by primary key.
 * Ordered as their titles read ("<Kind> interview (round n): <role> at <company>"), so Today's
 * sort has little left to do.
 */
export async function listRoundsBetween(
  db: Db,
  workspaceId: string,
  from: string,
  before: string,
  /** Only rounds on these days (date-only `scheduled_at`), when given. */
  days?: readonly string[],
): Promise<ScheduledRound[]> {
  if (days !== undefined && days.length === 0) return [];
  // Compiled once per number of days (a handful: Today reads at most ten).
  const key = `listRoundsBetween|${days?.length ?? 'all'}`;
  const rows = await executeCached(db, key, [workspaceId, from, before, ...(days ?? [])], (p) =>
    roundsBetweenQuery(db, p[0]!, p[1]!, p[2]!, days === undefined ? undefined : p.slice(3)),
  );
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    number: Number(r.number),
    kind: r.kind as RoundKind,
    scheduledAt: r.scheduled_at as string,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes == null ? null : Number(r.duration_minutes),
    who: r.who,
    company: r.company,
    role: r.role,
  }));
}

function roundsBetweenQuery(
  db: Db,
  workspaceId: string,
  from: string,
  before: string,
  days: readonly string[] | undefined,
) {
  let query = db
    .selectFrom('interview_rounds as r')
    .innerJoin('applications as a', (join) =>
      join.onRef('a.workspace_id', '=', 'r.workspace_id').onRef('a.id', '=', 'r.application_id'),
    )
    .select([
      'r.id',
      'r.application_id',
      'r.number',
      'r.kind',
      'r.scheduled_at',
      'r.start_time',
      'r.duration_minutes',
      'r.who',
      'a.company',
      'a.role',
    ])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.scheduled_at', '>=', from)
    .where('r.scheduled_at', '<', before)
    .where('a.outcome', 'is', null)
    // An accepted offer closes the search for this job: its rounds left are not Today's.
    .where('a.stage', '<>', 'accepted');
  if (days !== undefined) query = query.where('r.scheduled_at', 'in', days);
  return query
    .orderBy('r.scheduled_at')
    .orderBy('r.kind')
    .orderBy('r.number')
    .orderBy('a.role')
    .orderBy('a.company');
}

/**
 * Rounds scheduled in [from, before) on open applications, counted by day: `scheduled_at` when
 * it is a day, `null` for those scheduled at an instant (whose day depends on the time zone).
 */
export async function countRoundsByDay(
  db: Db,
  workspaceId: string,
  from: string,
  before: string,
): Promise<{ day: string | null; n: number }[]> {
  const rows = await executeCached(db, 'countRoundsByDay', [workspaceId, from, before], ([ws, f, b]) =>
    countRoundsByDayQuery(db, ws!, f!, b!),
  );
  return rows.map((r) => ({ day: (r.day as string | null) ?? null, n: Number(r.n) }));
}

function countRoundsByDayQuery(db: Db, workspaceId: string, from: string, before: string) {
  return (
    db
      .selectFrom('interview_rounds as r')
      .select((eb) => [
        eb
          .case()
          .when(sql<number>`length(r.scheduled_at)`, '=', 10)
          .then(eb.ref('r.scheduled_at'))
          .else(null)
          .end()
          .as('day'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.scheduled_at', '>=', from)
      .where('r.scheduled_at', '<', before)
      // Open applications' rounds, read from the rounds' index alone (application_open).
      .where('r.application_open', '=', 1)
      .groupBy(sql`1`)
  );
}

export interface QuietApplication {
  id: string;
  company: string;
  role: string;
  /** The last day anything was heard (the reply, or the application itself). */
  silentSince: string;
}

export interface QuietPage {
  /** The most silent first, then by id. */
  applications: QuietApplication[];
  /** How many quiet applications there are in all. */
  total: number;
}

/**
 * Open applications waiting on the employer whose last sign of life (applying, or the latest
 * reply) is on or before `silentSince`: one page of them, the most silent first, with the total.
 */
export async function listQuietApplications(
  db: Db,
  workspaceId: string,
  silentSince: string,
  page: { limit: number; offset?: number },
): Promise<QuietPage> {
  const quiet = db
    .selectFrom('applications')
    .where('workspace_id', '=', workspaceId)
    .where('outcome', 'is', null)
    .where('stage', 'in', ['applied', 'screening', 'interviewing'])
    .where((eb) => eb.or([eb('last_response_on', 'is', null), eb('last_response_on', '<=', silentSince)]))
    .where((eb) => eb.or([eb('applied_on', 'is', null), eb('applied_on', '<=', silentSince)]))
    .where((eb) => eb.or([eb('applied_on', 'is not', null), eb('last_response_on', 'is not', null)]));
  // The page and the total as two reads: a top-N sort for the page, a plain count for the total
  // (a window count over every quiet application would sort them all).
  const [rows, count] = await Promise.all([
    quiet
      .select((eb) => [
        'id',
        'company',
        'role',
        // The later of the two days; written out because SQLite's max() and PostgreSQL's
        // greatest() disagree about nulls.
        eb
          .case()
          .when(
            eb.and([
              eb('last_response_on', 'is not', null),
              eb.or([eb('applied_on', 'is', null), eb('last_response_on', '>', eb.ref('applied_on'))]),
            ]),
          )
          .then(eb.ref('last_response_on'))
          .else(eb.ref('applied_on'))
          .end()
          .as('silent_since'),
      ])
      .orderBy('silent_since')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset ?? 0)
      .execute(),
    quiet.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    applications: rows.map((r) => ({
      id: r.id,
      company: r.company,
      role: r.role,
      silentSince: r.silent_since as string,
    })),
    total: Number(count.n),
  };
}

import type { Kysely, Selectable } from 'kysely';
import type { DueItem, DueItemKind } from '../core/today/due-item.ts';
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

function toItem(r: Selectable<ScheduledItemTable>): ScheduledItem {
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

/** Pending items due before `before` (ISO text compares as time for both instants and days). */
export async function listScheduledBefore(
  db: Db,
  workspaceId: string,
  before: string,
): Promise<ScheduledItem[]> {
  const rows = await db
    .selectFrom('scheduled_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('due_at', '<', before)
    .orderBy('due_at')
    .execute();
  return rows.map(toItem);
}

export async function countScheduledFrom(db: Db, workspaceId: string, from: string): Promise<number> {
  const row = await db
    .selectFrom('scheduled_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('due_at', '>=', from)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
  kind: string;
  scheduledAt: string;
  who: string | null;
  company: string;
  role: string;
}

/**
 * Interview rounds scheduled in [from, before) on open applications, with company and role. Two
 * indexed reads rather than a join, so the date index always drives the first one.
 */
export async function listRoundsBetween(
  db: Db,
  workspaceId: string,
  from: string,
  before: string,
): Promise<ScheduledRound[]> {
  const rounds = await db
    .selectFrom('interview_rounds')
    .select(['id', 'application_id', 'number', 'kind', 'scheduled_at', 'who'])
    .where('workspace_id', '=', workspaceId)
    .where('scheduled_at', '>=', from)
    .where('scheduled_at', '<', before)
    .execute();
  if (rounds.length === 0) return [];
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'company', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(rounds.map((r) => r.application_id))])
    .where('outcome', 'is', null)
    .execute();
  const byId = new Map(apps.map((a) => [a.id, a]));
  return rounds.flatMap((r) => {
    const app = byId.get(r.application_id);
    if (!app) return [];
    return [
      {
        id: r.id,
        applicationId: r.application_id,
        number: Number(r.number),
        kind: r.kind,
        scheduledAt: r.scheduled_at as string,
        who: r.who,
        company: app.company,
        role: app.role,
      },
    ];
  });
}

export interface QuietApplication {
  id: string;
  company: string;
  role: string;
  stage: string;
  appliedOn: string | null;
  lastResponseOn: string | null;
}

/** Open applications waiting on the employer whose last sign of life is on or before `silentSince`. */
export async function listQuietApplications(
  db: Db,
  workspaceId: string,
  silentSince: string,
): Promise<QuietApplication[]> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'company', 'role', 'stage', 'applied_on', 'last_response_on'])
    .where('workspace_id', '=', workspaceId)
    .where('outcome', 'is', null)
    .where((eb) => eb.or([eb('last_response_on', 'is', null), eb('last_response_on', '<=', silentSince)]))
    .where((eb) => eb.or([eb('applied_on', 'is', null), eb('applied_on', '<=', silentSince)]))
    .where('stage', 'in', ['applied', 'screening', 'interviewing'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    company: r.company,
    role: r.role,
    stage: r.stage,
    appliedOn: r.applied_on,
    lastResponseOn: r.last_response_on,
  }));
}

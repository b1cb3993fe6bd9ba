import type { Kysely, Selectable } from 'kysely';
import type { Stage } from '../core/applications/application.ts';
import type { RecoveryStep } from '../core/recovery/input.ts';
import type { RejectionChannel } from '../core/recovery/rejection.ts';
import type { JournalEntryTable, RejectionTable } from './recovery-schema.ts';
import type { Database } from './schema.ts';

/**
 * All SQL about rejections and the pause journal. Feedback requests live in
 * `feedback-repository.ts`, look backs and action items in `post-mortem-repository.ts`.
 */

type Db = Kysely<Database>;

export interface Rejection {
  id: string;
  applicationId: string;
  stageReached: Stage;
  channel: RejectionChannel;
  rejectedAt: string;
  reasonGiven: string | null;
  reasonTags: string[];
  /** Null when the pause was skipped. */
  coolOffHours: number | null;
  coolOffEndsAt: string;
  reopenedAt: string | null;
  /** The step of the guided flow the user reached; null until they move past the first. */
  flowStep?: RecoveryStep | null;
  createdAt: string;
  updatedAt: string;
}

export interface JournalEntry {
  id: string;
  writtenAt: string;
  mood: number | null;
  text: string;
  tags: string[];
  rejectionId: string | null;
}

// ---- rejections

function toRejection(r: Selectable<RejectionTable>): Rejection {
  return {
    id: r.id,
    applicationId: r.application_id,
    stageReached: r.stage_reached as Stage,
    channel: r.channel as RejectionChannel,
    rejectedAt: r.rejected_at,
    reasonGiven: r.reason_given,
    reasonTags: JSON.parse(r.reason_tags),
    coolOffHours: r.cool_off_hours === null ? null : Number(r.cool_off_hours),
    coolOffEndsAt: r.cool_off_ends_at,
    reopenedAt: r.reopened_at,
    flowStep: (r.flow_step as RecoveryStep | null) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function rejectionRow(workspaceId: string, r: Rejection): RejectionTable {
  return {
    id: r.id,
    workspace_id: workspaceId,
    application_id: r.applicationId,
    stage_reached: r.stageReached,
    channel: r.channel,
    rejected_at: r.rejectedAt,
    reason_given: r.reasonGiven,
    reason_tags: JSON.stringify(r.reasonTags),
    cool_off_hours: r.coolOffHours,
    cool_off_ends_at: r.coolOffEndsAt,
    reopened_at: r.reopenedAt,
    flow_step: r.flowStep ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export async function insertRejections(db: Db, workspaceId: string, rows: Rejection[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('rejections')
      .values(rows.slice(i, i + 200).map((r) => rejectionRow(workspaceId, r)))
      .execute();
  }
}

export async function updateRejection(db: Db, workspaceId: string, r: Rejection): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = rejectionRow(workspaceId, r);
  await db
    .updateTable('rejections')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', r.id)
    .execute();
}

export async function findRejection(db: Db, workspaceId: string, id: string): Promise<Rejection | undefined> {
  const row = await db
    .selectFrom('rejections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRejection(row) : undefined;
}

/** The application's rejections, latest first (a reopened and re-rejected one has several). */
export async function listRejectionsForApplication(
  db: Db,
  workspaceId: string,
  applicationId: string,
): Promise<Rejection[]> {
  const rows = await db
    .selectFrom('rejections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .orderBy('rejected_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRejection);
}

export async function listRejections(db: Db, workspaceId: string, limit = 10_000): Promise<Rejection[]> {
  const rows = await db
    .selectFrom('rejections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('rejected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRejection);
}

// ---- journal

function toJournal(r: Selectable<JournalEntryTable>): JournalEntry {
  return {
    id: r.id,
    writtenAt: r.written_at,
    mood: r.mood === null ? null : Number(r.mood),
    text: r.text,
    tags: JSON.parse(r.tags),
    rejectionId: r.rejection_id,
  };
}

export async function insertJournalEntries(
  db: Db,
  workspaceId: string,
  entries: JournalEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('journal_entries')
      .values(
        entries.slice(i, i + 200).map((e) => ({
          id: e.id,
          workspace_id: workspaceId,
          written_at: e.writtenAt,
          mood: e.mood,
          text: e.text,
          tags: JSON.stringify(e.tags),
          rejection_id: e.rejectionId,
        })),
      )
      .execute();
  }
}

export async function listJournalEntries(
  db: Db,
  workspaceId: string,
  rejectionId?: string,
): Promise<JournalEntry[]> {
  let q = db.selectFrom('journal_entries').selectAll().where('workspace_id', '=', workspaceId);
  if (rejectionId !== undefined) q = q.where('rejection_id', '=', rejectionId);
  const rows = await q.orderBy('written_at').orderBy('id').execute();
  return rows.map(toJournal);
}

/** Removes every recovery row of a workspace (restore with replace). */
export async function clearRecoveryData(db: Db, workspaceId: string): Promise<void> {
  for (const table of [
    'scheduled_items',
    'action_items',
    'post_mortem_items',
    'feedback_requests',
    'journal_entries',
    'rejections',
  ] as const) {
    await db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }
}

import type { Kysely, Selectable } from 'kysely';
import type { Stage } from '../core/applications/application.ts';
import type { FeedbackState, FeedbackThemeTag } from '../core/recovery/feedback-state.ts';
import type { PostMortemRating } from '../core/recovery/post-mortem.ts';
import type { RejectionChannel } from '../core/recovery/rejection.ts';
import type {
  ActionItemTable,
  FeedbackRequestTable,
  JournalEntryTable,
  RejectionTable,
} from './recovery-schema.ts';
import type { Database } from './schema.ts';

/** All SQL about rejections, the pause journal, feedback requests, look backs and action items. */

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

export interface FeedbackRequest {
  id: string;
  rejectionId: string;
  applicationId: string;
  contactId: string | null;
  state: FeedbackState;
  dueAt: string;
  subject: string | null;
  body: string | null;
  sentAt: string | null;
  followUpDueAt: string | null;
  answeredAt: string | null;
  answer: string | null;
  themes: FeedbackThemeTag[];
  createdAt: string;
  updatedAt: string;
}

export interface PostMortemRow {
  applicationId: string;
  key: string;
  rating: PostMortemRating;
  note: string | null;
  ratedAt: string;
}

export interface ActionItemRecord {
  id: string;
  applicationId: string | null;
  source: 'post_mortem' | 'manual';
  /** For post-mortem tasks, the checklist item key it came from. */
  sourceKey: string | null;
  text: string;
  dueOn: string;
  status: 'open' | 'done';
  createdAt: string;
  doneAt: string | null;
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

// ---- feedback requests

function toFeedback(r: Selectable<FeedbackRequestTable>): FeedbackRequest {
  return {
    id: r.id,
    rejectionId: r.rejection_id,
    applicationId: r.application_id,
    contactId: r.contact_id,
    state: r.state as FeedbackState,
    dueAt: r.due_at,
    subject: r.subject,
    body: r.body,
    sentAt: r.sent_at,
    followUpDueAt: r.follow_up_due_at,
    answeredAt: r.answered_at,
    answer: r.answer,
    themes: JSON.parse(r.themes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function feedbackRow(workspaceId: string, f: FeedbackRequest): FeedbackRequestTable {
  return {
    id: f.id,
    workspace_id: workspaceId,
    rejection_id: f.rejectionId,
    application_id: f.applicationId,
    contact_id: f.contactId,
    state: f.state,
    due_at: f.dueAt,
    subject: f.subject,
    body: f.body,
    sent_at: f.sentAt,
    follow_up_due_at: f.followUpDueAt,
    answered_at: f.answeredAt,
    answer: f.answer,
    themes: JSON.stringify(f.themes),
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

export async function insertFeedbackRequests(
  db: Db,
  workspaceId: string,
  rows: FeedbackRequest[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('feedback_requests')
      .values(rows.slice(i, i + 200).map((f) => feedbackRow(workspaceId, f)))
      .execute();
  }
}

export async function updateFeedbackRequest(db: Db, workspaceId: string, f: FeedbackRequest): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = feedbackRow(workspaceId, f);
  await db
    .updateTable('feedback_requests')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', f.id)
    .execute();
}

export async function findFeedbackRequest(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<FeedbackRequest | undefined> {
  const row = await db
    .selectFrom('feedback_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toFeedback(row) : undefined;
}

export async function findFeedbackForRejection(
  db: Db,
  workspaceId: string,
  rejectionId: string,
): Promise<FeedbackRequest | undefined> {
  const row = await db
    .selectFrom('feedback_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('rejection_id', '=', rejectionId)
    .executeTakeFirst();
  return row ? toFeedback(row) : undefined;
}

export async function listFeedbackRequests(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<FeedbackRequest[]> {
  let q = db.selectFrom('feedback_requests').selectAll().where('workspace_id', '=', workspaceId);
  if (applicationId !== undefined) q = q.where('application_id', '=', applicationId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toFeedback);
}

// ---- post-mortem ratings

export async function listPostMortemItems(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<PostMortemRow[]> {
  let q = db.selectFrom('post_mortem_items').selectAll().where('workspace_id', '=', workspaceId);
  if (applicationId !== undefined) q = q.where('application_id', '=', applicationId);
  const rows = await q.orderBy('application_id').orderBy('key').execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    key: r.key,
    rating: r.rating as PostMortemRating,
    note: r.note,
    ratedAt: r.rated_at,
  }));
}

export async function upsertPostMortemItems(
  db: Db,
  workspaceId: string,
  rows: PostMortemRow[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('post_mortem_items')
      .values({
        workspace_id: workspaceId,
        application_id: r.applicationId,
        key: r.key,
        rating: r.rating,
        note: r.note,
        rated_at: r.ratedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['application_id', 'key'])
          .doUpdateSet({ rating: r.rating, note: r.note, rated_at: r.ratedAt }),
      )
      .execute();
  }
}

// ---- action items

function toAction(r: Selectable<ActionItemTable>): ActionItemRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    source: r.source as ActionItemRecord['source'],
    sourceKey: r.source_key,
    text: r.text,
    dueOn: r.due_on,
    status: r.status as ActionItemRecord['status'],
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}

function actionRow(workspaceId: string, a: ActionItemRecord): ActionItemTable {
  return {
    id: a.id,
    workspace_id: workspaceId,
    application_id: a.applicationId,
    source: a.source,
    source_key: a.sourceKey,
    text: a.text,
    due_on: a.dueOn,
    status: a.status,
    created_at: a.createdAt,
    done_at: a.doneAt,
  };
}

export async function insertActionItems(
  db: Db,
  workspaceId: string,
  rows: ActionItemRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('action_items')
      .values(rows.slice(i, i + 200).map((a) => actionRow(workspaceId, a)))
      .execute();
  }
}

export async function updateActionItem(db: Db, workspaceId: string, a: ActionItemRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = actionRow(workspaceId, a);
  await db
    .updateTable('action_items')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', a.id)
    .execute();
}

export async function findActionItem(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ActionItemRecord | undefined> {
  const row = await db
    .selectFrom('action_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAction(row) : undefined;
}

export async function listActionItems(
  db: Db,
  workspaceId: string,
  filter: { status?: 'open' | 'done' | 'all'; applicationId?: string } = {},
): Promise<ActionItemRecord[]> {
  let q = db.selectFrom('action_items').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.status && filter.status !== 'all') q = q.where('status', '=', filter.status);
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  const rows = await q.orderBy('due_on').orderBy('created_at').orderBy('id').execute();
  return rows.map(toAction);
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
